import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { checkRecordTemplate, expandRecordTemplate, type RecordValues } from '../../../src/contacts/recordTemplate';

const known: RecordValues = { e164: '+3225551234', number: '02 555 12 34', name: 'Zoë Müller', uid: 'abc-123@example.com' };

describe('checkRecordTemplate', () => {
  it.each([
    ['https://odoo.example.com/odoo/action-contacts?search={e164}', { ok: true, origin: 'https://odoo.example.com' }],
    ['https://crm.example.com/contacts/{uid}', { ok: true, origin: 'https://crm.example.com' }],
    ['http://127.0.0.1:8080/r?n={number}&who={name}', { ok: true, origin: 'http://127.0.0.1:8080' }],
    ['https://crm.example.com#/search/{e164}', { ok: true, origin: 'https://crm.example.com' }],
    ['https://crm.example.com?q={e164}', { ok: true, origin: 'https://crm.example.com' }],
    ['https://crm.example.com/contacts', { ok: false, problem: 'no_placeholder' }],
    ['https://crm.example.com/contacts/{id}', { ok: false, problem: 'unknown_placeholder' }],
    ['https://crm.example.com/contacts/{}', { ok: false, problem: 'unknown_placeholder' }],
    ['ftp://crm.example.com/{e164}', { ok: false, problem: 'not_http' }],
    ['javascript:alert({name})', { ok: false, problem: 'not_http' }],
    ['crm.example.com/{e164}', { ok: false, problem: 'not_a_url' }],
    ['https://{name}.example.com/', { ok: false, problem: 'placeholder_in_origin' }],
    ['https://crm.example.com{e164}', { ok: false, problem: 'placeholder_in_origin' }],
    ['https://crm.example.com:{number}/', { ok: false, problem: 'not_a_url' }],
    ['https://{e164}@crm.example.com/', { ok: false, problem: 'placeholder_in_origin' }],
    ['https://crm.example.com/{e164', { ok: false, problem: 'no_placeholder' }],
    ['https://crm.example.com/{e164}}', { ok: false, problem: 'not_a_url' }],
  ] as const)('%s', (template, expected) => {
    expect(checkRecordTemplate(template)).toEqual(expected);
  });
});

describe('expandRecordTemplate', () => {
  it.each([
    ['https://odoo.example.com/odoo/action-contacts?search={e164}', known, 'https://odoo.example.com/odoo/action-contacts?search=%2B3225551234'],
    ['https://crm.example.com/contacts/{uid}', known, 'https://crm.example.com/contacts/abc-123%40example%2Ecom'],
    ['https://crm.example.com/find?n={number}&name={name}', known, 'https://crm.example.com/find?n=02%20555%2012%2034&name=Zo%C3%AB%20M%C3%BCller'],
    ['https://crm.example.com/c/{name}', { ...known, name: '../../admin?x=1#y' }, 'https://crm.example.com/c/%2E%2E%2F%2E%2E%2Fadmin%3Fx%3D1%23y'],
    // A placeholder with no value for this call: no URL rather than a record search for nothing.
    ['https://crm.example.com/c/{name}', { ...known, name: null }, null],
    ['https://crm.example.com/c?n={e164}', { ...known, e164: null }, null],
    ['https://crm.example.com/c/{uid}', { ...known, uid: '' }, null],
    ['https://{name}.example.com/', known, null],
    ['  https://crm.example.com/c?n={e164}  ', known, 'https://crm.example.com/c?n=%2B3225551234'],
  ] as const)('%s with %j', (template, values, expected) => {
    expect(expandRecordTemplate(template, values)).toBe(expected);
  });

  const templates = fc.constantFrom(
    'https://crm.example.com/contacts/{uid}',
    'https://crm.example.com?search={e164}&n={number}',
    'http://127.0.0.1:8080/{name}/{number}',
    'https://crm.example.com#{name}',
    'https://crm.example.com/a/{name}/../{uid}?{number}',
  );
  const value = fc.oneof(
    fc.string(),
    fc.string({ unit: 'grapheme' }),
    fc.constantFrom('..', '.', '/', '@evil.example', '//evil.example', '\\\\evil', '%2F', '#', '?'),
  );

  it('whatever the caller, the record is an http(s) URL on the template’s own site', () => {
    fc.assert(
      fc.property(templates, value, value, value, value, (template, e164, number, name, uid) => {
        const url = expandRecordTemplate(template, { e164, number, name, uid });
        if (url === null) return [e164, number, name, uid].some((v) => v === '');
        const parsed = new URL(url);
        const origin = (checkRecordTemplate(template) as { origin: string }).origin;
        return parsed.origin === origin && (parsed.protocol === 'https:' || parsed.protocol === 'http:');
      }),
    );
  });

  it('any template that passes the check keeps its origin whatever is filled in', () => {
    const anyTemplate = fc
      .tuple(
        fc.constantFrom('https://crm.example.com', 'http://localhost:3000'),
        fc.string(),
        fc.constantFrom('{e164}', '{number}', '{name}', '{uid}'),
        fc.string(),
      )
      .map(([site, middle, placeholder, tail]) => `${site}${middle}${placeholder}${tail}`);
    fc.assert(
      fc.property(anyTemplate, value, (template, filled) => {
        const checked = checkRecordTemplate(template);
        if (!checked.ok) return true;
        const url = expandRecordTemplate(template, { e164: filled, number: filled, name: filled, uid: filled });
        return url === null || new URL(url).origin === checked.origin;
      }),
    );
  });
});
