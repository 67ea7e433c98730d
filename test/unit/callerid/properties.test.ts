import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  type CallerIdConfig,
  compileCallerIdConfig,
  normalizeRulePrefix,
  parseCallerIdConfig,
  resolveCallerId,
  validateCallerIdConfig,
} from '../../../src/callerid';
import { PrefixTrie } from '../../../src/callerid/prefixTrie';
import { BRUSSELS_DIRECT, company, LONDON } from './fixtures';

/** The reference: the plain reading of "the first rule, in list order, whose prefix starts the number". */
function linearScan(prefixes: readonly string[], digits: string): number {
  return prefixes.findIndex((prefix) => /^\d+$/.test(prefix) && digits.startsWith(prefix));
}

// Few distinct digits so that random prefixes often share, repeat and shadow each other.
const digitsOf = (alphabet: string, minLength: number, maxLength: number) => fc.string({ unit: fc.constantFrom(...alphabet), minLength, maxLength });
const prefix = fc.oneof(
  digitsOf('0134', 1, 8),
  digitsOf('0134', 1, 4).map((tail) => `00${tail}`),
);
const destination = fc.oneof(
  digitsOf('0134', 0, 20),
  digitsOf('0134', 1, 16).map((tail) => `00${tail}`),
);

const dialChars = '0123456789+()-./ *#\u00a0\tabcxyzé,;_😀';
const dialString = fc.oneof(
  fc.string(),
  fc.string({ unit: fc.constantFrom(...dialChars), maxLength: 40 }),
  fc.string({ unit: fc.constantFrom(...'0123456789 '), maxLength: 30 }),
  fc.string({ unit: 'grapheme', maxLength: 30 }),
);

describe('properties', () => {
  it('the trie gives the same rule as a linear scan', () => {
    fc.assert(
      fc.property(fc.array(prefix, { maxLength: 60 }), fc.array(destination, { minLength: 1, maxLength: 20 }), (prefixes, numbers) => {
        const trie = PrefixTrie.build(prefixes);
        for (const number of numbers) expect(trie.match(number)).toBe(linearScan(prefixes, number));
        for (const p of prefixes) expect(trie.match(p)).toBe(linearScan(prefixes, p));
      }),
      { numRuns: 500 },
    );
  });

  it('resolveCallerId picks the same rule as a linear scan over the rules as written', () => {
    const written = fc.oneof(
      prefix,
      digitsOf('0134', 1, 6).map((tail) => `+${tail}`),
      digitsOf('0134', 1, 6).map((tail) => `00 ${tail}`),
    );
    fc.assert(
      fc.property(fc.array(written, { maxLength: 40 }), digitsOf('134', 1, 15), fc.boolean(), (prefixes, tail, applyRulesToAllUsers) => {
        const config = company({ advancedRules: prefixes.map((p) => ({ prefix: p, number: LONDON })), applyRulesToAllUsers });
        const expected = linearScan(prefixes.map(normalizeRulePrefix), `00${tail}`);
        const result = resolveCallerId(config, `+${tail}`);
        expect(result).toMatchObject({ kind: 'external', destination: `00${tail}` });
        if (result.kind === 'external') expect(result.ruleIndex ?? -1).toBe(expected);
      }),
      { numRuns: 500 },
    );
  });

  it('shadow warnings match the plain definition: an earlier prefix is a prefix of this one', () => {
    fc.assert(
      fc.property(
        fc.array(
          digitsOf('0134', 1, 6).map((tail) => `00${tail}`),
          { maxLength: 30 },
        ),
        (prefixes) => {
          const { warnings } = validateCallerIdConfig(company({ advancedRules: prefixes.map((p) => ({ prefix: p, number: LONDON })) }));
          const expected = prefixes.flatMap((p, i) => {
            const first = prefixes.findIndex((earlier, j) => j < i && p.startsWith(earlier));
            return first < 0 ? [] : [{ code: 'rule_shadowed', rule: i + 1, prefix: p, by: first + 1, byPrefix: prefixes[first] ?? '' }];
          });
          expect(warnings).toEqual(expected);
        },
      ),
      { numRuns: 300 },
    );
  });

  it('no dial string throws, hangs or gives a malformed result', () => {
    const configs = [
      company(),
      company({ userOutgoingNumber: BRUSSELS_DIRECT, applyRulesToAllUsers: true }),
      company({ homeCountry: 'US' }),
      company({ homeCountry: 'XX' }),
    ];
    const compiled = configs.map(compileCallerIdConfig);
    fc.assert(
      fc.property(dialString, (dialed) => {
        for (const resolver of compiled) {
          // A hang fails the test by its time-out: a clock here would fail on a loaded machine, not on slow code.
          const result = resolver.resolve(dialed);
          if (result.kind === 'external') {
            expect(result.destination).toMatch(/^00[1-9]\d*$/);
            expect(result.callerId).toMatch(/^\+[1-9]\d{1,14}$/);
          } else if (result.kind === 'internal') {
            expect(result.destination).toMatch(/^([\d*#]*[*#][\d*#]*|[1-9]\d{0,5})$/);
          } else {
            expect(result.error.code.length).toBeGreaterThan(0);
          }
        }
      }),
      { numRuns: 2000 },
    );
  });

  it('a very long paste is refused (a hang would fail by the test time-out)', () => {
    expect(resolveCallerId(company(), '1 '.repeat(500_000)).kind).toBe('invalid');
    expect(resolveCallerId(company(), '*'.repeat(1_000_000)).kind).toBe('invalid');
  });

  it('validate and parse never throw, whatever the input', () => {
    const configLike = fc.record(
      {
        defaultOutgoingNumber: fc.oneof(fc.string(), fc.constant(LONDON), fc.anything()),
        incomingNumbers: fc.oneof(fc.array(fc.oneof(fc.string(), fc.constant(LONDON))), fc.anything()),
        userOutgoingNumber: fc.oneof(fc.constant('default'), fc.string(), fc.anything()),
        advancedRules: fc.oneof(
          fc.array(fc.record({ prefix: fc.oneof(prefix, fc.string()), number: fc.oneof(fc.constant(LONDON), fc.string()) })),
          fc.anything(),
        ),
        applyRulesToAllUsers: fc.oneof(fc.boolean(), fc.anything()),
        homeCountry: fc.oneof(fc.constantFrom('BE', 'FR', 'GB', 'IT', 'SE', 'be', 'XX', ''), fc.anything()),
      },
      { requiredKeys: [] },
    );
    fc.assert(
      fc.property(fc.oneof(fc.anything(), configLike, fc.json(), fc.string()), (input) => {
        const report = validateCallerIdConfig(input);
        expect(Array.isArray(report.errors) && Array.isArray(report.warnings)).toBe(true);
        const parsed = parseCallerIdConfig(input);
        if (parsed.ok) expect(validateCallerIdConfig(parsed.config).errors).toEqual([]);
        else expect(parsed.errors.length).toBeGreaterThan(0);
        expect(() => resolveCallerId(input as CallerIdConfig, '+44 20 7946 0958')).not.toThrow();
      }),
      { numRuns: 1000 },
    );
  });
});
