import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { MAX_DIALOG_INFO_BYTES, parseDialogInfo, parsePidfBasic } from '../../../src/colleagues/dialogInfo';
import { applyDialogInfo, emptyDialogView, presenceOf } from '../../../src/colleagues/presence';

const doc = (dialogs: string, version = 1, state = 'full', entity = 'sip:102@pbx.test') =>
  `<?xml version="1.0"?>\n<dialog-info xmlns="urn:ietf:params:xml:ns:dialog-info" version="${version}" state="${state}" entity="${entity}">${dialogs}</dialog-info>`;
const dialog = (state: string, direction = 'recipient', id = 'd1') =>
  `<dialog id="${id}" call-id="abc@host" local-tag="lt" remote-tag="rt" direction="${direction}"><state>${state}</state></dialog>`;

describe('parseDialogInfo', () => {
  test.each([
    ['a ringing call', doc(dialog('early')), [{ id: 'd1', state: 'early', direction: 'recipient', callId: 'abc@host', localTag: 'lt', remoteTag: 'rt' }]],
    ['no dialogs', doc(''), []],
    ['a prefixed namespace', doc('').replaceAll('dialog-info', 'di:dialog-info'), []],
    ['a comment', doc(`<!-- note -->${dialog('confirmed')}`), [expect.objectContaining({ state: 'confirmed' })]],
    ['an escaped attribute', doc(dialog('early').replace('abc@host', 'a&amp;b')), [expect.objectContaining({ callId: 'a&b' })]],
  ])('reads %s', (_name, body, dialogs) => {
    expect(parseDialogInfo(body)?.dialogs).toEqual(dialogs);
  });

  test.each([
    ['an empty body', ''],
    ['not XML', 'hello'],
    ['another document', '<presence entity="sip:1@x"/>'],
    ['an unclosed element', doc(dialog('early')).replace('</dialog-info>', '')],
    ['mismatched tags', doc('<dialog id="x"><state>early</dialog></state>')],
    ['an unknown state', doc(dialog('dancing'))],
    ['a bad direction', doc(dialog('early', 'sideways'))],
    ['no version', doc('').replace(/version="1" /, '')],
    ['a bad state attribute', doc('', 1, 'some')],
    ['no entity', doc('', 1, 'full', '')],
    ['a bare ampersand', doc(dialog('early').replace('abc@host', 'a&b'))],
    ['text after the root', `${doc('')}junk`],
    ['two roots', `${doc('')}${doc('')}`],
    ['a huge body', doc(`<!--${'x'.repeat(MAX_DIALOG_INFO_BYTES)}-->`)],
    ['too many dialogs', doc(Array.from({ length: 40 }, (_, i) => dialog('early', 'recipient', `d${i}`)).join(''))],
  ])('ignores %s', (_name, body) => {
    expect(parseDialogInfo(body)).toBeNull();
  });

  test('never throws and never accepts more than it can hold, whatever the body', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 2000 }), (body) => {
        const parsed = parseDialogInfo(body);
        if (parsed !== null) expect(parsed.dialogs.length).toBeLessThanOrEqual(32);
      }),
    );
  });

  test('reads back any document it is given in the expected shape', () => {
    const states = fc.constantFrom('trying', 'proceeding', 'early', 'confirmed', 'terminated');
    fc.assert(
      fc.property(fc.array(fc.tuple(states, fc.constantFrom('initiator', 'recipient')), { maxLength: 8 }), fc.nat(1000), (items, version) => {
        const body = doc(items.map(([s, d], i) => dialog(s, d, `d${i}`)).join(''), version);
        const parsed = parseDialogInfo(body);
        expect(parsed?.version).toBe(version);
        expect(parsed?.dialogs.map((d) => [d.state, d.direction])).toEqual(items);
      }),
    );
  });

  test('survives random damage to a good document', () => {
    const good = doc(dialog('early'));
    fc.assert(
      fc.property(fc.nat(good.length - 1), fc.string({ maxLength: 3 }), (at, junk) => {
        expect(() => parseDialogInfo(good.slice(0, at) + junk + good.slice(at + 1))).not.toThrow();
      }),
    );
  });
});

describe('parsePidfBasic', () => {
  test.each([
    ['<presence entity="sip:1@x"><tuple id="t"><status><basic>open</basic></status></tuple></presence>', 'open'],
    ['<presence entity="sip:1@x"><tuple id="t"><status><basic>closed</basic></status></tuple></presence>', 'closed'],
    ['<presence entity="sip:1@x"/>', null],
    ['<presence><tuple>', null],
  ])('%s reads as %s', (body, basic) => {
    expect(parsePidfBasic(body)).toBe(basic);
  });
});

describe('state mapping', () => {
  const stateAfter = (...bodies: string[]) => {
    let view = emptyDialogView;
    for (const body of bodies) {
      const next = applyDialogInfo(view, parseDialogInfo(body)!);
      if (next === null) return 'unknown';
      view = next;
    }
    return presenceOf(view).state;
  };
  test.each([
    ['no dialogs', [doc('')], 'idle'],
    ['their phone ringing', [doc(dialog('early'))], 'ringing'],
    ['a call they are placing', [doc(dialog('early', 'initiator'))], 'busy'],
    ['an answered call', [doc(dialog('confirmed'))], 'busy'],
    ['a call that ended', [doc(dialog('confirmed')), doc(dialog('terminated'), 2)], 'idle'],
    ['a partial update in sequence', [doc(dialog('early')), doc(dialog('confirmed'), 2, 'partial')], 'busy'],
    ['a partial update that skips a version', [doc(dialog('early')), doc(dialog('confirmed'), 5, 'partial')], 'unknown'],
    ['an older document after a newer one', [doc(dialog('confirmed'), 3), doc('', 2)], 'busy'],
    ['one call answered, another ringing', [doc(dialog('confirmed') + dialog('early', 'recipient', 'd2'))], 'busy'],
  ])('%s: %s', (_name, bodies, state) => {
    expect(stateAfter(...bodies)).toBe(state);
  });

  test('a ringing call carries the Call-ID a pickup needs', () => {
    const view = applyDialogInfo(emptyDialogView, parseDialogInfo(doc(dialog('early')))!)!;
    expect(presenceOf(view)).toEqual({ state: 'ringing', ringingCallId: 'abc@host' });
  });
});
