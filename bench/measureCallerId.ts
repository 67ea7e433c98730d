import { type CallerIdConfig, type CallerIdResult, classifyDialString, compileCallerIdConfig, normalizeRulePrefix } from '../src/callerid';
import { PrefixTrie } from '../src/callerid/prefixTrie';

import type { ComparedFigure as BenchFigure } from './figure';

export type { BenchFigure };

export interface BenchOptions {
  ruleCounts?: number[];
  repetitions?: number;
  /** Time each timed run lasts. */
  runMs?: number;
}

/** mulberry32: a small seeded generator, so every run measures the same rules and numbers. */
function seeded(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const COUNTRIES = ['33', '44', '49', '32', '31', '34', '39', '41', '46', '1', '351', '352', '353', '48', '420'];
const CITIES = ['00331', '00334', '004420', '0044161', '004930', '004989', '00322', '00323', '003120', '003491', '00396', '00468', '0041', '001212', '001415'];

function randomDigits(random: () => number, length: number): string {
  let out = '';
  for (let i = 0; i < length; i++) out += String(Math.floor(random() * 10));
  return out;
}

function pick<T>(random: () => number, items: readonly T[]): T {
  return items[Math.floor(random() * items.length)] as T;
}

/**
 * Local-presence rules as a company would order them: specific area prefixes first (00 + country
 * code + area, 4 to 8 digits after 00), then city prefixes, then one catch-all per country last,
 * since a country prefix placed earlier would shadow its areas.
 */
export function makeRules(count: number, random: () => number): string[] {
  const tail = [...CITIES, ...COUNTRIES.map((cc) => `00${cc}`)].slice(-count);
  const areas: string[] = [];
  while (areas.length < count - tail.length) {
    const cc = pick(random, COUNTRIES);
    const length = 4 + Math.floor(random() * 5);
    areas.push(`00${cc}${randomDigits(random, Math.max(1, length - cc.length))}`);
  }
  return [...areas, ...tail];
}

/** Half the numbers extend a rule's prefix (a hit), half go to countries no rule covers (a miss). */
export function makeNumbers(count: number, rules: readonly string[], random: () => number): string[] {
  const missCountries = ['81', '86', '61', '55', '27', '7', '90', '30'];
  return Array.from({ length: count }, () => {
    if (random() < 0.5 && rules.length > 0) {
      const prefix = pick(random, rules);
      return prefix + randomDigits(random, Math.max(2, 13 - prefix.length));
    }
    const cc = pick(random, missCountries);
    return `00${cc}${randomDigits(random, 11 - cc.length)}`;
  });
}

/** How the digits might be typed: "+33 1 23 45 67 89", "0044 20 7946 0958"... */
function asTyped(destination: string, random: () => number): string {
  const digits = destination.slice(2);
  const grouped = digits.replace(/(\d{2,3})(?=\d)/g, '$1 ');
  return random() < 0.5 ? `+${grouped}` : `00 ${grouped}`;
}

function linearScan(prefixes: readonly string[], digits: string): number {
  for (let i = 0; i < prefixes.length; i++) if (digits.startsWith(prefixes[i] as string)) return i;
  return -1;
}

/** The resolver as it would be written without the trie: same cleaning, rules scanned in order. */
function linearResolver(config: CallerIdConfig): (dialed: string) => CallerIdResult {
  const prefixes = config.advancedRules.map((rule) => normalizeRulePrefix(rule.prefix));
  return (dialed) => {
    const dial = classifyDialString(dialed);
    if (dial.kind === 'invalid') return { kind: 'invalid', callerId: null, error: dial.error };
    if (dial.kind === 'internal') return { kind: 'internal', callerId: null, destination: dial.destination };
    const destination = dial.digits;
    const ruleIndex = linearScan(prefixes, destination);
    const rule = config.advancedRules[ruleIndex];
    return rule === undefined
      ? { kind: 'external', callerId: config.defaultOutgoingNumber, source: 'default', destination }
      : { kind: 'external', callerId: rule.number, source: 'rule', ruleIndex, destination };
  };
}

let sink = 0;

/** Calls `step` over the inputs, round and round, for about `ms`; gives calls per second. */
function rate<T>(inputs: readonly T[], step: (input: T) => number, ms: number): number {
  let calls = 0;
  const started = performance.now();
  let elapsed = 0;
  do {
    for (const input of inputs) sink += step(input);
    calls += inputs.length;
    elapsed = performance.now() - started;
  } while (elapsed < ms);
  return (calls / elapsed) * 1000;
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 === 1 ? (sorted[mid] as number) : ((sorted[mid - 1] as number) + (sorted[mid] as number)) / 2;
}

function figure(name: string, unit: string, ours: number[], baseline: number[]): BenchFigure {
  return {
    figure: name,
    ours: median(ours),
    baseline: median(baseline),
    unit,
    oursRange: [Math.min(...ours), Math.max(...ours)],
    baselineRange: [Math.min(...baseline), Math.max(...baseline)],
  };
}

/** Runs ours and the baseline alternately, after one untimed warm-up run of each. */
function compare<T>(repetitions: number, inputs: readonly T[], ours: (input: T) => number, baseline: (input: T) => number, ms: number) {
  rate(inputs, ours, ms / 2);
  rate(inputs, baseline, ms / 2);
  const a: number[] = [];
  const b: number[] = [];
  for (let r = 0; r < repetitions; r++) {
    a.push(rate(inputs, ours, ms));
    b.push(rate(inputs, baseline, ms));
  }
  return [a, b] as const;
}

export async function runCallerIdBench(options: BenchOptions = {}): Promise<BenchFigure[]> {
  const { ruleCounts = [10, 1_000, 10_000], repetitions = 7, runMs = 150 } = options;
  const figures: BenchFigure[] = [];
  for (const count of ruleCounts) {
    const random = seeded(count);
    const prefixes = makeRules(count, random);
    const numbers = makeNumbers(2_000, prefixes, random);
    const typed = numbers.map((n) => asTyped(n, random));
    const config: CallerIdConfig = {
      defaultOutgoingNumber: '+3225551234',
      incomingNumbers: ['+3225551234', '+442079460958'],
      userOutgoingNumber: 'default',
      advancedRules: prefixes.map((prefix) => ({ prefix, number: '+442079460958' })),
      applyRulesToAllUsers: false,
      homeCountry: 'BE',
    };

    // Both must agree before their speed means anything.
    const trie = PrefixTrie.build(prefixes);
    const compiled = compileCallerIdConfig(config);
    const linear = linearResolver(config);
    for (const [i, n] of numbers.entries()) {
      if (trie.match(n) !== linearScan(prefixes, n)) throw new Error(`trie and linear scan disagree on ${n}`);
      const t = typed[i] as string;
      if (JSON.stringify(compiled.resolve(t)) !== JSON.stringify(linear(t))) throw new Error(`resolvers disagree on ${t}`);
    }

    const compileTimes: number[] = [];
    const normalizeTimes: number[] = [];
    for (let r = 0; r < repetitions; r++) {
      let started = performance.now();
      sink += compileCallerIdConfig(config).resolve('+44').kind.length;
      compileTimes.push(performance.now() - started);
      started = performance.now();
      sink += config.advancedRules.map((rule) => normalizeRulePrefix(rule.prefix)).length;
      normalizeTimes.push(performance.now() - started);
    }

    const [trieRates, scanRates] = compare(
      repetitions,
      numbers,
      (n) => trie.match(n),
      (n) => linearScan(prefixes, n),
      runMs,
    );
    const [resolveRates, linearRates] = compare(
      repetitions,
      typed,
      (t) => compiled.resolve(t).kind.length,
      (t) => linear(t).kind.length,
      runMs,
    );

    const rules = `${count.toLocaleString('en')} rules`;
    figures.push(figure(`prefix lookup, ${rules}`, 'lookups/s', trieRates, scanRates));
    figures.push(figure(`resolve typed number, ${rules}`, 'resolves/s', resolveRates, linearRates));
    figures.push(figure(`set-up (compile vs normalise prefixes), ${rules}`, 'ms', compileTimes, normalizeTimes));
  }
  if (sink === Number.MIN_VALUE) console.log(sink); // keeps the work observable
  return figures;
}
