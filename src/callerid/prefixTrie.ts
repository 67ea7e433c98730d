const NONE = -1;

/**
 * Digit prefixes compiled for "first rule in list order whose prefix starts the number".
 *
 * Each node stores the lowest rule index among all prefixes on the path from the root to it,
 * so a lookup walks the number's digits as far as the trie goes and reads a single value:
 * O(number length), whatever the number of rules. Nodes live in flat typed arrays
 * (10 child slots per node, 0 = no child since the root is never a child).
 */
export class PrefixTrie {
  private constructor(
    private readonly children: Int32Array,
    private readonly winner: Int32Array,
  ) {}

  /** prefixes[i] is rule i's prefix; null or a string that is not all digits never matches. */
  static build(prefixes: readonly (string | null)[]): PrefixTrie {
    const children: number[] = new Array<number>(10).fill(0);
    const own: number[] = [NONE];
    const parent: number[] = [0];

    prefixes.forEach((prefix, index) => {
      if (prefix === null || !/^\d+$/.test(prefix)) return;
      let node = 0;
      for (let i = 0; i < prefix.length; i++) {
        const slot = node * 10 + prefix.charCodeAt(i) - 48;
        let next = children[slot] ?? 0;
        if (next === 0) {
          next = own.length;
          own.push(NONE);
          parent.push(node);
          for (let k = 0; k < 10; k++) children.push(0);
          children[slot] = next;
        }
        node = next;
      }
      if (own[node] === NONE) own[node] = index;
    });

    // A child is always created after its parent, so one pass in node order pushes each
    // path's lowest index down to every node below it.
    const winner = Int32Array.from(own);
    for (let node = 1; node < winner.length; node++) {
      const inherited = winner[parent[node] ?? 0] ?? NONE;
      const mine = winner[node] ?? NONE;
      if (inherited !== NONE && (mine === NONE || inherited < mine)) winner[node] = inherited;
    }
    return new PrefixTrie(Int32Array.from(children), winner);
  }

  /** Index of the first rule whose prefix starts `digits`, or -1. Stops at the first non-digit. */
  match(digits: string): number {
    const { children, winner } = this;
    let node = 0;
    for (let i = 0; i < digits.length; i++) {
      const digit = digits.charCodeAt(i) - 48;
      if (digit < 0 || digit > 9) break;
      const next = children[node * 10 + digit]!;
      if (next === 0) break;
      node = next;
    }
    return winner[node]!;
  }

  get nodeCount(): number {
    return this.winner.length;
  }
}
