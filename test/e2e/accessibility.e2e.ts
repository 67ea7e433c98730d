import { describe, expect, test } from 'vitest';
import type { Page } from 'playwright-core';
import { dial, usePbx } from './harness/phone';

const env = usePbx({ queues: [{ name: 'Support', extension: '500', loginCode: '*51', logoutCode: '*52' }] });

/** Visible controls whose accessible name (aria-label, aria-labelledby, label, text, title) is empty. */
async function unnamedControls(page: Page): Promise<string[]> {
  return page.locator('button, input, select, textarea, [role="tab"], [role="button"], a[href], meter').evaluateAll((elements) =>
    elements
      .filter((el) => (el as HTMLElement).offsetParent !== null && (el as HTMLInputElement).type !== 'hidden')
      .filter((el) => {
        const byIds = (el.getAttribute('aria-labelledby') ?? '').split(/\s+/).map((id) => document.getElementById(id)?.textContent ?? '').join('');
        const labels = 'labels' in el ? [...((el as HTMLInputElement).labels ?? [])].map((l) => l.textContent ?? '').join('') : '';
        const name = [el.getAttribute('aria-label'), byIds, labels, el.getAttribute('title'), el.tagName === 'BUTTON' || el.getAttribute('role') ? el.textContent : ''].join('').trim();
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
    for (const tab of [/Recent/, /Queues/]) {
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
    await expect.poll(() => sw.evaluate(async () => ((await chrome.storage.local.get('preferences')).preferences as { microphoneId?: string } | undefined)?.microphoneId)).toBe(deviceId);

    await options.getByRole('button', { name: 'Check microphone' }).click();
    await expect.poll(async () => Number(await options.getByRole('meter', { name: 'Microphone level' }).getAttribute('value'))).toBeGreaterThan(0);
    await options.getByRole('button', { name: 'Stop microphone check' }).click();
    await options.getByRole('button', { name: 'Play test tone on speaker' }).click();
    await expect.poll(() => options.getByRole('alert').count()).toBe(0);
  });
});
