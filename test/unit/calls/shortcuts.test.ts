import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { applyCallEvent, newCall } from '../../../src/calls/callState';
import { isShortcutCommand, SHORTCUT_COMMANDS, type ShortcutAction, type ShortcutCommand, shortcutAction } from '../../../src/calls/shortcuts';
import type { CallSnapshot } from '../../../src/calls/snapshot';

const ringingIn = newCall('in', 'incoming', '101', 'Alice', 1000);
const dialing = newCall('out', 'outgoing', '102', null, 1000);
const active = (id: string, fields: Partial<CallSnapshot> = {}): CallSnapshot => ({
  ...applyCallEvent(newCall(id, 'outgoing', '103', null, 1000), { type: 'accepted', at: 2000 }),
  ...fields,
});

describe('what a shortcut does', () => {
  test.each<[string, ShortcutCommand, CallSnapshot[], ShortcutAction | null]>([
    ['answer picks up the ringing call', 'answer-call', [ringingIn], { request: 'answer', callId: 'in' }],
    ['answer with nothing ringing does nothing', 'answer-call', [active('a')], null],
    ['answer a call waiting over a call', 'answer-call', [active('a'), ringingIn], { request: 'answer', callId: 'in' }],
    ['decline refuses the ringing call', 'decline-call', [ringingIn], { request: 'decline', callId: 'in' }],
    ['decline with nothing ringing does nothing', 'decline-call', [active('a')], null],
    ['hang up ends the call in progress', 'hang-up', [active('a')], { request: 'hangup', callId: 'a' }],
    ['hang up cancels a call still dialing', 'hang-up', [dialing], { request: 'hangup', callId: 'out' }],
    ['hang up never declines a ringing call', 'hang-up', [ringingIn], null],
    [
      'hang up ends the call talked on, not the held one',
      'hang-up',
      [active('held', { held: true }), active('talking')],
      { request: 'hangup', callId: 'talking' },
    ],
    ['hang up ends a held call when it is the only one', 'hang-up', [active('held', { held: true })], { request: 'hangup', callId: 'held' }],
    ['mute mutes', 'toggle-mute', [active('a')], { request: 'setMuted', callId: 'a', muted: true }],
    ['mute again unmutes', 'toggle-mute', [active('a', { muted: true })], { request: 'setMuted', callId: 'a', muted: false }],
    ['mute does nothing before the answer', 'toggle-mute', [dialing], null],
    ['hold holds', 'toggle-hold', [active('a')], { request: 'setHeld', callId: 'a', held: true }],
    ['hold again resumes', 'toggle-hold', [active('a', { held: true })], { request: 'setHeld', callId: 'a', held: false }],
    ['hold does nothing without a call', 'toggle-hold', [], null],
  ])('%s', (_, command, calls, action) => expect(shortcutAction(command, calls)).toEqual(action));
});

describe('which commands are shortcuts', () => {
  test('each listed command is in the manifest, and nothing else is taken for one', async () => {
    const manifest = (await import('../../../manifest.json')).default as { commands: Record<string, unknown> };
    for (const command of SHORTCUT_COMMANDS) expect(manifest.commands).toHaveProperty([command]);
    expect(isShortcutCommand('_execute_action')).toBe(false);
  });

  test('Chrome takes at most four suggested keys', async () => {
    const manifest = (await import('../../../manifest.json')).default as { commands: Record<string, { suggested_key?: unknown }> };
    expect(Object.values(manifest.commands).filter((c) => c.suggested_key).length).toBeLessThanOrEqual(4);
  });

  test('any other name a browser could send is ignored', () => {
    fc.assert(fc.property(fc.anything(), (name) => isShortcutCommand(name) === (SHORTCUT_COMMANDS as readonly unknown[]).includes(name)));
  });
});
