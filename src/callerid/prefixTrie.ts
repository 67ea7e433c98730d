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
    const usable = prefixes.map((prefix) => (prefix !== null && /^\d+$/.test(prefix) ? prefix : null));
    // Never more nodes than digits in all prefixes, plus the root.
    const capacity = usable.reduce((sum, prefix) => sum + (prefix?.length ?? 0), 1);
    const children = new Int32Array(capacity * 10);
    const winner = new Int32Array(capacity).fill(NONE);
    const parent = new Int32Array(capacity);
    let nodes = 1;

    usable.forEach((prefix, index) => {
      if (prefix === null) return;
      let node = 0;
      for (let i = 0; i < prefix.length; i++) {
        const slot = node * 10 + prefix.charCodeAt(i) - 48;
        let next = children[slot]!;
        if (next === 0) {
          next = nodes++;
          parent[next] = node;
          children[slot] = next;
        }
        node = next;
      }
      if (winner[node] === NONE) winner[node] = index;
    });

    // A child is always created after its parent, so one pass in node order pushes each
    // path's lowest index down to every node below it.
    for (let node = 1; node < nodes; node++) {
      const inherited = winner[parent[node]!]!;
      const mine = winner[node]!;
      if (inherited !== NONE && (mine === NONE || inherited < mine)) winner[node] = inherited;
    }
    return new PrefixTrie(children.slice(0, nodes * 10), winner.slice(0, nodes));
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
