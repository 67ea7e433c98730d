import { readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { describe, expect, test } from 'vitest';
import type { Agent } from './harness/browser';
import { usePbx } from './harness/phone';

// A number abroad that answers (the PBX's echo endpoint stands in for the carrier).
const ABROAD = '+442079460958';
const env = usePbx({ echoCodes: [ABROAD] });

/** The administrator's caller ID set-up, entered through the settings page as a person would. */
async function enterCallerIdSettings(options: Page): Promise<void> {
  const section = options.getByRole('region', { name: 'Caller ID' });
  await section.getByLabel('Home country').selectOption('BE');
  await section.getByLabel('Company default outgoing number').fill('+32 2 555 12 34');
  for (const [i, number] of ['+3225551234', '+442079460958', '+33140000000'].entries()) {
    await section.getByRole('button', { name: 'Add incoming number' }).click();
    await section.getByLabel(`Incoming number ${i + 1}`, { exact: true }).fill(number);
  }
  for (const [i, [prefix, number]] of [
    ['0044', '+442079460958'],
    ['+33', '+33140000000'],
  ].entries()) {
    await section.getByRole('button', { name: 'Add rule' }).click();
    await section.getByLabel(`Rule ${i + 1} prefix`).fill(prefix!);
    await section.getByLabel(`Rule ${i + 1} number`).selectOption(number!);
  }
  await section.getByRole('button', { name: 'Save caller ID' }).click();
  await expect.poll(() => section.getByRole('status').filter({ hasText: 'Saved' }).count()).toBe(1);
}

async function shownCallerId(popup: Page, number: string): Promise<string> {
  await popup.getByRole('textbox', { name: 'Number to call' }).fill(number);
  const line = popup.getByRole('status', { name: 'Caller ID' });
  await expect.poll(() => line.textContent()).not.toBe('');
  return (await line.textContent()) ?? '';
}

async function stored(agent: Agent, key: string): Promise<unknown> {
  return (await agent.serviceWorker()).evaluate((k) => chrome.storage.local.get(k).then((s) => s[k]), key);
}

describe('caller ID', () => {
  test('the popup shows, as the agent types, the number the callee will see and why', async () => {
    const alice = await env.desks.registered('101');
    const options = await alice.openOptions();
    await enterCallerIdSettings(options);
    const popup = await alice.openPopup();

    await expect.poll(() => shownCallerId(popup, '+44 20 7946 0958')).toBe('Callee sees +442079460958 · rule 1: 0044');
    await expect.poll(() => shownCallerId(popup, '0033 1 40 00 00 01')).toBe('Callee sees +33140000000 · rule 2: 0033');
    await expect.poll(() => shownCallerId(popup, '02 555 00 00')).toBe('Callee sees +3225551234 · company default');
    await expect.poll(() => shownCallerId(popup, '102')).toBe('Internal call: no caller ID');
    await expect.poll(() => shownCallerId(popup, '12ab')).toContain('letters');

    // The user's own number wins over the rules, unless the checkbox says otherwise.
    const section = options.getByRole('region', { name: 'Caller ID' });
    await section.getByLabel('Your outgoing number').selectOption('+442079460958');
    await section.getByRole('button', { name: 'Move rule 2 up' }).click();
    await section.getByRole('button', { name: 'Save caller ID' }).click();
    await expect.poll(() => shownCallerId(popup, '+33 1 40 00 00 01')).toBe('Callee sees +442079460958 · your outgoing number');
    await section.getByLabel('Apply advanced rules even for users').check();
    await section.getByRole('button', { name: 'Save caller ID' }).click();
    await expect.poll(() => shownCallerId(popup, '+33 1 40 00 00 02')).toBe('Callee sees +33140000000 · rule 1: 0033');
  });

  test('invalid settings show inline and are never saved over valid ones', async () => {
    const alice = await env.desks.registered('101');
    const options = await alice.openOptions();
    await enterCallerIdSettings(options);
    const before = await stored(alice, 'callerId');
    const section = options.getByRole('region', { name: 'Caller ID' });
    await section.getByLabel('Rule 1 prefix').fill('44x');
    await expect.poll(() => section.getByRole('alert').textContent()).toContain('Rule 1 (44x): the destination prefix must be digits');
    await section.getByRole('button', { name: 'Save caller ID' }).click();
    await expect.poll(() => section.getByRole('status').filter({ hasText: 'Not saved' }).count()).toBe(1);
    expect(await stored(alice, 'callerId')).toEqual(before);

    // Rules also reorder by drag and drop.
    await section.getByLabel('Rule 1 prefix').fill('0044');
    const rules = section.getByRole('listitem').filter({ has: options.getByLabel(/Rule \d prefix/) });
    await rules.nth(1).dragTo(rules.nth(0));
    await expect.poll(() => section.getByLabel('Rule 1 prefix').inputValue()).toBe('+33');
  });

  test('a settings file exports and imports; a malformed one is refused with the reason and changes nothing', async () => {
    const alice = await env.desks.registered('101');
    const options = await alice.openOptions();
    await enterCallerIdSettings(options);
    const files = options.getByRole('region', { name: 'Settings file' });
    const download = options.waitForEvent('download');
    await files.getByRole('button', { name: 'Export settings' }).click();
    const exported = join(tmpdir(), `voip-export-${Date.now()}.json`);
    await (await download).saveAs(exported);
    const file = JSON.parse(readFileSync(exported, 'utf8'));
    expect(file).toMatchObject({ version: 1, callerId: { defaultOutgoingNumber: '+3225551234' }, account: { username: '101' } });
    expect(file.account).not.toHaveProperty('password');

    const bob = await env.desks.registered('102');
    const bobOptions = await bob.openOptions();
    const bobFiles = bobOptions.getByRole('region', { name: 'Settings file' });
    const broken = join(tmpdir(), `voip-broken-${Date.now()}.json`);
    writeFileSync(broken, JSON.stringify({ ...file, callerId: { ...file.callerId, homeCountry: 'Atlantis' } }));
    const accountBefore = await stored(bob, 'account');
    await bobFiles.getByLabel('Import settings file').setInputFiles(broken);
    await expect.poll(() => bobFiles.getByRole('alert').textContent()).toContain('Caller ID');
    expect(await stored(bob, 'callerId')).toBeUndefined();
    expect(await stored(bob, 'account')).toEqual(accountBefore);

    const callerIdOnly = join(tmpdir(), `voip-callerid-${Date.now()}.json`);
    writeFileSync(callerIdOnly, JSON.stringify({ version: 1, callerId: file.callerId }));
    await bobFiles.getByLabel('Import settings file').setInputFiles(callerIdOnly);
    await bobFiles.getByRole('region', { name: 'Import preview' }).getByRole('button', { name: 'Apply' }).click();
    await expect.poll(() => bobFiles.getByRole('status').textContent()).toContain('Imported: callerId');
    expect(await stored(bob, 'callerId')).toEqual(await stored(alice, 'callerId'));
    expect(await stored(bob, 'account')).toEqual(accountBefore);
  });

  test('the caller ID of an outgoing call shows during the call and is kept in recent calls', async () => {
    const alice = await env.desks.registered('101');
    await enterCallerIdSettings(await alice.openOptions());
    const popup = await alice.openPopup();
    await popup.getByRole('textbox', { name: 'Number to call' }).fill('+44 20 7946 0958');
    await popup.getByRole('button', { name: 'Call' }).click();
    const during = popup.getByRole('region', { name: 'Current call' }).getByRole('status', { name: 'Caller ID' });
    await expect.poll(() => during.textContent()).toBe('Callee sees +442079460958 · rule 1: 0044');
    await alice.waitForSnapshot((s) => s.calls[0]?.state === 'active', 'answered abroad');
    await popup.getByRole('button', { name: 'Hang up' }).click();
    await expect.poll(async () => ((await stored(alice, 'recentCalls')) as { callerId: string | null }[] | undefined)?.[0]?.callerId).toBe('+442079460958');
  });
});

describe("caller ID checks in the agent's language", () => {
  test('a French agent reads why the caller ID settings are refused, and which rule never applies, in French', async () => {
    const alice = await env.desks.registered('101', {}, { language: 'fr' });
    const draft = {
      defaultOutgoingNumber: '+3225551234',
      incomingNumbers: ['+3225551234', '+442079460958'],
      userOutgoingNumber: 'default',
      advancedRules: [
        { prefix: '0044', number: '+442079460958' },
        { prefix: '00442', number: '+442079460958' },
        { prefix: '44x', number: '+442079460958' },
      ],
      applyRulesToAllUsers: false,
      homeCountry: 'BE',
    };
    await (await alice.serviceWorker()).evaluate((callerId) => chrome.storage.local.set({ callerId }), draft);
    const options = await alice.openOptions();
    const section = options.getByRole('region', { name: 'Présentation du numéro' });
    await expect
      .poll(() => section.getByRole('alert', { name: 'Erreurs de présentation du numéro' }).textContent())
      .toBe('Règle 3 (44x) : le préfixe de destination ne doit contenir que des chiffres, p. ex. 0044');
    expect(await section.getByRole('list', { name: 'Avertissements de présentation du numéro' }).textContent()).toBe(
      "La règle 2 (00442) ne peut jamais s'appliquer : la règle 1 (0044) passe avant",
    );
  });
});
