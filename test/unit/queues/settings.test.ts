import { describe, expect, test } from 'vitest';
import {
  DEFAULT_REMINDER,
  emptyQueueSettings,
  exportQueueSettings,
  importQueueSettings,
  parseQueueSettings,
  type QueueSettingsError,
  storedQueueSettings,
} from '../../../src/queues';
import { queue, sales, support } from './fixtures';

const reminder = { enabled: true, time: '17:30' };

describe('queue settings validation', () => {
  test.each<[string, unknown, Omit<QueueSettingsError, 'queue'> & { queue: number | null }]>([
    ['a name is required', [queue('  ', '500', '*51', '*52')], { queue: 0, field: 'name', code: 'required' }],
    ['a long name is refused', [queue('x'.repeat(41), '500', '*51', '*52')], { queue: 0, field: 'name', code: 'too_long' }],
    ['the extension is required', [queue('Support', '', '*51', '*52')], { queue: 0, field: 'extension', code: 'required' }],
    ['letters cannot be dialed', [queue('Support', '500', '*5a', '*52')], { queue: 0, field: 'loginCode', code: 'not_dialable' }],
    ['a plus is not a service code', [queue('Support', '500', '*51', '+52')], { queue: 0, field: 'logoutCode', code: 'not_dialable' }],
    ['agent kind is static or dynamic', [{ ...support, agent: 'sometimes' }], { queue: 0, field: 'agent', code: 'bad_agent' }],
    ['login and logout codes differ', [queue('Support', '500', '*51', '*51')], { queue: 0, field: 'logoutCode', code: 'same_codes' }],
    ['names are unique whatever the case', [support, queue('SUPPORT', '600', '*61', '*62')], { queue: 1, field: 'name', code: 'duplicate_name' }],
    ['extensions are unique', [support, queue('Sales', '500', '*61', '*62')], { queue: 1, field: 'extension', code: 'duplicate_number' }],
    ["a code is not another queue's code", [support, queue('Sales', '501', '*52', '*62')], { queue: 1, field: 'loginCode', code: 'duplicate_number' }],
    ["a code is not another queue's extension", [support, queue('Sales', '501', '*61', '500')], { queue: 1, field: 'logoutCode', code: 'duplicate_number' }],
    ['a queue is an object', ['Support'], { queue: 0, field: 'form', code: 'malformed' }],
  ])('%s', (_, queues, error) => {
    const parsed = parseQueueSettings({ queues, reminder });
    expect(parsed.ok).toBe(false);
    if (!parsed.ok) expect(parsed.errors).toContainEqual(error);
  });

  test.each<[string, unknown, QueueSettingsError]>([
    ['queues must be a list', { queues: {} }, { queue: null, field: 'form', code: 'malformed' }],
    ['the reminder time is HH:MM', { queues: [], reminder: { enabled: true, time: '6pm' } }, { queue: null, field: 'reminder', code: 'bad_time' }],
    ['24:00 is not a time of day', { queues: [], reminder: { enabled: true, time: '24:00' } }, { queue: null, field: 'reminder', code: 'bad_time' }],
  ])('%s', (_, input, error) => {
    expect(parseQueueSettings(input)).toEqual({ ok: false, errors: [error] });
  });

  test('valid settings are trimmed and get defaults', () => {
    const parsed = parseQueueSettings({ queues: [{ name: ' Support ', extension: ' 500', loginCode: '*51', logoutCode: '#52' }] });
    expect(parsed).toEqual({
      ok: true,
      value: {
        queues: [{ name: 'Support', extension: '500', loginCode: '*51', logoutCode: '#52', agent: 'dynamic', callerNamePrefix: '' }],
        reminder: DEFAULT_REMINDER,
      },
    });
  });

  test('every field error is reported, one per field', () => {
    const parsed = parseQueueSettings({ queues: [queue('', 'x', '', '*52')] });
    expect(parsed.ok ? [] : parsed.errors.map((e) => e.field)).toEqual(['name', 'extension', 'loginCode']);
  });
});

describe('queue settings import and export', () => {
  const current = { queues: [], reminder };

  test('an export imports back to the same settings', () => {
    const settings = { queues: [support, sales], reminder };
    expect(importQueueSettings(exportQueueSettings(settings), emptyQueueSettings)).toEqual({ ok: true, value: settings });
  });

  test.each<[string, string, unknown]>([
    ["a bare list of queues keeps the agent's reminder", JSON.stringify([support]), { ok: true, value: { queues: [support], reminder } }],
    ["a file without a reminder keeps the agent's reminder", JSON.stringify({ queues: [sales] }), { ok: true, value: { queues: [sales], reminder } }],
    ['text that is not JSON says so', '{ queues: ', { ok: false, errors: [{ queue: null, field: 'form', code: 'not_json' }] }],
    ['a number is not a settings file', '42', { ok: false, errors: [{ queue: null, field: 'form', code: 'malformed' }] }],
    [
      'an invalid queue says which and why',
      JSON.stringify({ queues: [support, queue('Sales', '501', 'abc', '*54')] }),
      { ok: false, errors: [{ queue: 1, field: 'loginCode', code: 'not_dialable' }] },
    ],
  ])('%s', (_, text, expected) => {
    expect(importQueueSettings(text, current)).toEqual(expected);
  });

  test('stored garbage reads as no queues', () => {
    expect(storedQueueSettings({ queues: 'nope' })).toEqual(emptyQueueSettings);
    expect(storedQueueSettings(undefined)).toEqual(emptyQueueSettings);
    expect(storedQueueSettings(null)).toEqual(emptyQueueSettings);
  });

  test('one damaged stored field costs that field, or its one queue, never the whole list', () => {
    const stored = {
      queues: [
        support,
        { ...sales, agent: 'sometimes', callerNamePrefix: 7 },
        { ...queue('Billing', '502', '*55', '*56'), loginCode: 42 },
        queue('support', '503', '*57', '*58'),
      ],
      reminder: { enabled: 'yes', time: '17:30' },
    };
    expect(storedQueueSettings(stored)).toEqual({
      // Sales keeps its queue with the default agent kind and prefix; Billing cannot be dialled;
      // a second "support" would be refused by the settings page, so the first one stands.
      queues: [support, { ...sales, agent: 'dynamic', callerNamePrefix: '' }],
      reminder: { enabled: DEFAULT_REMINDER.enabled, time: '17:30' },
    });
  });
});
