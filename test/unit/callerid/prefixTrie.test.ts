import { describe, expect, it } from 'vitest';
import { PrefixTrie } from '../../../src/callerid/prefixTrie';

describe('PrefixTrie', () => {
  it.each<[string, (string | null)[], string, number]>([
    ['no rules', [], '00442079460958', -1],
    ['one hit', ['0044'], '00442079460958', 0],
    ['one miss', ['0044'], '0033612345678', -1],
    ['earlier shorter beats later longer', ['0044', '004420'], '00442079460958', 0],
    ['earlier longer wins when it matches', ['004420', '0044'], '00442079460958', 0],
    ['later shorter catches the rest', ['004420', '0044'], '00441614960000', 1],
    ['duplicate prefix keeps the first', ['0033', '0044', '0044'], '00442079460958', 1],
    ['prefix equal to the whole number', ['0044207'], '0044207', 0],
    ['prefix longer than the number', ['00442079'], '0044207', -1],
    ['invalid prefixes never match', [null, '00a4', '', '0044'], '00442079460958', 3],
    ['catch-all 00', ['003224', '00'], '003225551234', 1],
    ['stops at a non-digit', ['0044'], '00*44', -1],
    ['deep trie, short number', ['00442079460958'], '0', -1],
  ])('%s', (_, prefixes, number, expected) => {
    expect(PrefixTrie.build(prefixes).match(number)).toBe(expected);
  });

  it('shares nodes between prefixes', () => {
    expect(PrefixTrie.build(['0044', '0045', '00442']).nodeCount).toBe(1 + 4 + 1 + 1);
  });
});
