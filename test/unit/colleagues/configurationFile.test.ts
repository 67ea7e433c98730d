import { describe, expect, test } from 'vitest';
import { buildConfigurationFile, describeImport, parseConfigurationFile } from '../../../src/settings/configurationFile';

const colleagues = { colleagues: [{ name: 'Bob', extension: '102' }], quickCalls: [{ name: 'Head office', number: '+3225551234' }], pickupCode: '**' };

describe('colleagues in the settings file', () => {
  test('an exported file reads back the same colleagues', () => {
    const file = buildConfigurationFile({ callerId: null, account: null, queues: null, colleagues }, false);
    expect(parseConfigurationFile(JSON.stringify(file), null)).toMatchObject({ ok: true, value: { colleagues } });
  });

  test('a file with a broken colleague changes nothing and says which', () => {
    const parsed = parseConfigurationFile({ version: 1, colleagues: { colleagues: [{ name: 'Bob', extension: 'bob' }] } }, null);
    expect(parsed).toEqual({ ok: false, errors: [{ code: 'colleagues', error: { list: 'colleagues', index: 0, field: 'extension', code: 'not_dialable' } }] });
  });

  test('the preview lists what the colleague section changes', () => {
    const changes = describeImport({ callerId: null, account: null, queues: null, colleagues: null }, { colleagues });
    expect(changes).toEqual([
      { section: 'colleagues', field: 'colleagues', before: '', after: 'Bob (102)' },
      { section: 'colleagues', field: 'quickCalls', before: '', after: 'Head office (+3225551234)' },
      { section: 'colleagues', field: 'pickupCode', before: '', after: '**' },
    ]);
  });
});
