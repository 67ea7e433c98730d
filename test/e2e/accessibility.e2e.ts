import type { Page } from 'playwright-core';
import { describe, expect, test } from 'vitest';
import type { QueueSettings } from '../../src/queues';
import { sendMessageSummary } from '../pbx/mwi';
import { axeViolations } from './harness/axe';
import type { Agent } from './harness/browser';
import { iconProblems } from './harness/glyphs';
import { dial, usePbx } from './harness/phone';

const support = { name: 'Support', extension: '500', loginCode: '*51', logoutCode: '*52' };
const env = usePbx({ queues: [support] });

/** Stores one queue the way the settings page does, through the service worker. */
async function withQueue(agent: Agent): Promise<void> {
  const settings: QueueSettings = { queues: [{ ...support, agent: 'dynamic', callerNamePrefix: '' }], reminder: { enabled: true, time: '18:00' } };
  const page = await agent.openOptions();
  expect(await page.evaluate((s) => chrome.runtime.sendMessage({ to: 'background', type: 'saveQueueSettings', payload: { settings: s } }), settings)).toEqual({
    ok: true,
  });
  await page.close();
}

/** Visible controls whose accessible name (aria-label, aria-labelledby, label, text, title) is empty. */
async function unnamedControls(page: Page): Promise<string[]> {
  return page.locator('button, input, select, textarea, [role="tab"], [role="button"], a[href], meter').evaluateAll((elements) =>
    elements
      .filter((el) => (el as HTMLElement).offsetParent !== null && (el as HTMLInputElement).type !== 'hidden')
      .filter((el) => {
        const byIds = (el.getAttribute('aria-labelledby') ?? '')
          .split(/\s+/)
          .map((id) => document.getElementById(id)?.textContent ?? '')
          .join('');
        const labels = 'labels' in el ? [...((el as HTMLInputElement).labels ?? [])].map((l) => l.textContent ?? '').join('') : '';
        const name = [
          el.getAttribute('aria-label'),
          byIds,
          labels,
          el.getAttribute('title'),
          el.tagName === 'BUTTON' || el.getAttribute('role') ? el.textContent : '',
        ]
          .join('')
          .trim();
        return name === '';
      })
      .map((el) => el.outerHTML.slice(0, 120)),
  );
}

describe('every control has an accessible name', () => {
  test('in the popup (keypad, recent calls, queues, a call in progress) and on the settings page', async () => {
    const alice = await env.desks.registered('101');
    const bob = await env.desks.registered('102');
    const popup = await alice.openPopup();
    await popup.getByRole('tab', { name: 'Keypad' }).waitFor();
    expect(await unnamedControls(popup)).toEqual([]);
    for (const tab of [/Recent/, /Contacts/, /Queues/, /Colleagues/]) {
      await popup.getByRole('tab', { name: tab }).click();
      expect(await unnamedControls(popup)).toEqual([]);
    }

    await popup.getByRole('tab', { name: 'Keypad' }).click();
    const bobPopup = await bob.openPopup();
    await dial(popup, '102');
    await bobPopup.getByRole('region', { name: 'Incoming call' }).getByRole('button', { name: 'Answer' }).click();
    await popup.getByRole('group', { name: 'Call controls' }).waitFor();
    await popup.getByRole('button', { name: 'Keypad' }).click();
    expect(await unnamedControls(popup)).toEqual([]);
    await popup.getByRole('button', { name: 'Transfer' }).click();
    expect(await unnamedControls(popup)).toEqual([]);
    expect(await unnamedControls(bobPopup)).toEqual([]);

    const options = await alice.openOptions();
    await options.getByRole('heading', { name: 'SIP account' }).waitFor();
    expect(await unnamedControls(options)).toEqual([]);

    // The check itself finds an unnamed control.
    await options.evaluate(() => document.body.append(Object.assign(document.createElement('button'), { innerHTML: '<svg></svg>' })));
    expect(await unnamedControls(options)).toHaveLength(1);
  });

  test('audio devices can be chosen and checked on the settings page', async () => {
    const alice = await env.desks.registered('101');
    const options = await alice.openOptions();
    const microphone = options.getByLabel('Microphone', { exact: true });
    await expect.poll(() => microphone.locator('option').count()).toBeGreaterThan(1);
    const deviceId = await microphone.locator('option').nth(1).getAttribute('value');
    await microphone.selectOption(deviceId!);
    const sw = await alice.serviceWorker();
    await expect
      .poll(() => sw.evaluate(async () => ((await chrome.storage.local.get('preferences')).preferences as { microphoneId?: string } | undefined)?.microphoneId))
      .toBe(deviceId);

    await options.getByRole('button', { name: 'Check microphone' }).click();
    await expect.poll(async () => Number(await options.getByRole('meter', { name: 'Microphone level' }).getAttribute('value'))).toBeGreaterThan(0);
    await options.getByRole('button', { name: 'Stop microphone check' }).click();
    await options.getByRole('button', { name: 'Play test tone on speaker' }).click();
    await expect.poll(() => options.getByRole('alert').count()).toBe(0);
  });
});

/**
 * Where an icon can be on the settings page: in a control, or as an image or decoration. Its prose
 * may say "Users → your user", with an arrow every text font has.
 */
const ICON_PLACES = 'button, [role="img"], [aria-hidden="true"]';

/**
 * What axe-core finds on `page` as it is, in the light theme and in the dark one, and each icon
 * there that could render as a missing glyph (a symbol character in the text `iconsWithin`
 * selects, or an SVG icon without a size).
 */
async function problems(state: string, page: Page, iconsWithin = 'body'): Promise<Record<string, string[]>> {
  await page.emulateMedia({ colorScheme: 'light' });
  const light = [...(await axeViolations(page)), ...(await iconProblems(page, iconsWithin))];
  await page.emulateMedia({ colorScheme: 'dark' });
  const dark = await axeViolations(page);
  await page.emulateMedia({ colorScheme: 'light' });
  return { [state]: light, [`${state}, dark theme`]: dark };
}

describe('axe-core finds no accessibility problem, and no icon renders as a missing glyph', () => {
  test('in the popup: idle, each tab, an outgoing call ringing, an incoming call, a call in progress and its panels', async () => {
    const alice = await env.desks.registered('101');
    const bob = await env.desks.registered('102');
    await withQueue(alice);
    const found: Record<string, string[]> = {};
    const check = async (state: string, page: Page): Promise<void> => {
      Object.assign(found, await problems(state, page));
    };

    const popup = await alice.openPopup();
    await popup.getByText('Ready').first().waitFor();
    await check('idle', popup);
    await sendMessageSummary(env.pbx, '101', 2);
    await popup.getByRole('button', { name: /^Voicemail/ }).waitFor();
    await popup.getByRole('textbox', { name: 'Number to call' }).fill('102');
    await check('idle, voicemail waiting, a number typed', popup);
    await popup.getByRole('button', { name: 'Do not disturb' }).click();
    await expect.poll(() => popup.getByRole('button', { name: 'Do not disturb' }).getAttribute('aria-pressed')).toBe('true');
    await check('do not disturb', popup);
    await popup.getByRole('button', { name: 'Do not disturb' }).click();
    await expect.poll(() => popup.getByRole('button', { name: 'Do not disturb' }).getAttribute('aria-pressed')).toBe('false');
    await popup.getByRole('tab', { name: /Recent/ }).click();
    await check('Recent tab, empty', popup);
    await popup.getByRole('tab', { name: 'Queues' }).click();
    await popup.getByRole('list', { name: 'Call queues' }).waitFor();
    await check('Queues tab', popup);
    const colleagues = { colleagues: [{ name: 'Bob', extension: '102' }], quickCalls: [{ name: 'Head office', number: '+3225551234' }], pickupCode: '**' };
    expect(await alice.command('saveColleagueSettings', { settings: colleagues })).toEqual({ ok: true });
    await popup.getByRole('tab', { name: 'Colleagues' }).click();
    await popup.getByRole('list', { name: 'Colleagues' }).waitFor();
    await check('Colleagues tab', popup);
    expect(await unnamedControls(popup)).toEqual([]);
    await alice.command('importContacts', {
      text: 'BEGIN:VCARD\r\nVERSION:3.0\r\nFN:Zoë Müller\r\nORG:ACME\r\nTEL;TYPE=CELL:+32 470 12 34 56\r\nEND:VCARD\r\n',
      mode: 'merge',
    });
    await popup.getByRole('tab', { name: 'Contacts' }).click();
    await popup.getByRole('list', { name: 'Contacts found' }).waitFor();
    await check('Contacts tab', popup);

    await popup.getByRole('tab', { name: 'Keypad' }).click();
    const bobPopup = await bob.openPopup();
    await dial(popup, '102');
    const incoming = bobPopup.getByRole('region', { name: 'Incoming call' });
    await incoming.waitFor();
    await alice.waitForSnapshot((s) => s.calls[0]?.state === 'ringing', 'the outgoing call ringing');
    await check('outgoing call ringing', popup);
    await check('incoming call ringing', bobPopup);
    await incoming.getByRole('button', { name: 'Answer' }).click();
    await popup.getByRole('group', { name: 'Call controls' }).waitFor();
    await alice.waitForSnapshot((s) => s.calls[0]?.state === 'active', 'the call answered');
    await check('in a call', popup);
    await check('in a call (the callee)', bobPopup);
    await popup.getByRole('button', { name: 'Keypad' }).click();
    await check('in a call, keypad open', popup);
    await popup.getByRole('button', { name: 'Transfer' }).click();
    await check('in a call, transfer open', popup);
    await popup.getByRole('button', { name: 'Mute' }).click();
    await popup.getByRole('button', { name: 'Hold' }).click();
    await alice.waitForSnapshot((s) => s.calls[0]?.muted === true && s.calls[0].held, 'the call muted and held');
    await check('in a call, muted and on hold', popup);
    await popup.getByRole('button', { name: 'Hang up' }).click();
    await alice.waitForSnapshot((s) => s.calls.length === 0, 'the call over');

    await popup.getByRole('tab', { name: 'Keypad' }).waitFor();
    await check('idle after a call', popup);
    // A missed call: bob gives up before alice answers.
    await dial(bobPopup, '101');
    await popup.getByRole('region', { name: 'Incoming call' }).waitFor();
    await bobPopup.getByRole('button', { name: 'Hang up' }).click();
    await alice.waitForSnapshot((s) => s.calls.length === 0, 'the missed call over');
    await popup.getByRole('tab', { name: /Recent/ }).waitFor();
    await check('idle, a missed call on the Recent tab', popup);
    await popup.getByRole('tab', { name: /Recent/ }).click();
    await popup.getByRole('list', { name: 'Recent calls' }).waitFor();
    await check('Recent tab', popup);
    await popup.getByRole('button', { name: 'Clear recent calls' }).click();
    await check('Recent tab, confirming clear', popup);

    expect(found).toEqual(Object.fromEntries(Object.keys(found).map((state) => [state, []])));
  });

  test('on every settings section and on the welcome page', async () => {
    const alice = await env.desks.registered('101');
    await withQueue(alice);
    const options = await alice.openOptions();
    await options.getByRole('heading', { name: 'Call queues' }).waitFor();
    await options
      .getByRole('group', { name: /Support|Queue 1/ })
      .first()
      .waitFor();
    await options.getByRole('button', { name: 'Add incoming number' }).click();
    await options.getByRole('button', { name: 'Add rule' }).click();
    await options.getByRole('button', { name: 'Add a colleague' }).click();
    await options.getByRole('button', { name: 'Add a quick call' }).click();

    const found: Record<string, string[]> = await problems('settings page', options, ICON_PLACES);
    const sections = await options
      .locator('main > section')
      .evaluateAll((elements) => elements.map((e) => [e.querySelector('h2')?.textContent ?? '', e.getAttribute('aria-labelledby') ?? ''] as const));
    expect(sections.map(([name]) => name)).toEqual([
      'SIP account',
      'Caller ID',
      'Calls',
      'Audio devices',
      'Keyboard shortcuts',
      'Call queues',
      'CardDAV address books',
      'After the call',
      'Colleagues and quick calls',
      'Click-to-call',
      'Contacts',
      'CRM lookup',
      'Screen-pop',
      'Settings file',
    ]);
    for (const [name, heading] of sections) found[name] = await axeViolations(options, { include: [`section[aria-labelledby="${heading}"]`] });

    // A refused form shows its errors inline; nothing is saved over the working account.
    await options.getByLabel('WebSocket URL').fill('not a url');
    await options.locator('section[aria-labelledby="account-heading"]').getByRole('button', { name: 'Save' }).click();
    await options.getByText('Not saved').first().waitFor();
    Object.assign(found, await problems('settings page, an account with errors', options, ICON_PLACES));

    const welcome = await alice.context.newPage();
    await welcome.goto(alice.url('extension/welcome.html'));
    await welcome.getByRole('heading', { level: 1 }).waitFor();
    Object.assign(found, await problems('welcome page', welcome));

    expect(found).toEqual(Object.fromEntries(Object.keys(found).map((state) => [state, []])));
  });

  test('the check itself finds the problems it is there for', async () => {
    const alice = await env.desks.registered('101');
    const welcome = await alice.context.newPage();
    await welcome.goto(alice.url('extension/welcome.html'));
    await welcome.getByRole('heading', { level: 1 }).waitFor();
    await welcome.evaluate(() => {
      document.querySelector('h1')!.remove();
      document.querySelector('main')!.append(Object.assign(document.createElement('button'), { textContent: '5', ariaLabel: 'Call' }));
    });
    const found = await axeViolations(welcome);
    expect(found.map((p) => p.split(' ')[0])).toEqual(expect.arrayContaining(['page-has-heading-one', 'label-content-name-mismatch']));

    expect(await iconProblems(welcome)).toEqual([]);
    await welcome.evaluate(() => {
      const bell = Object.assign(document.createElement('button'), { textContent: '🔔', ariaLabel: 'Do not disturb' });
      const empty = document.querySelector('svg.icon')?.cloneNode() ?? document.createElementNS('http://www.w3.org/2000/svg', 'svg');
      (empty as SVGSVGElement).setAttribute('class', 'icon');
      (empty as SVGSVGElement).dataset.icon = 'empty';
      document.querySelector('main')!.append(bell, empty);
    });
    expect(await iconProblems(welcome)).toEqual(['🔔 (U+1F514) in <button>', 'the empty icon in <main class="options"> has no size']);
  });
});
