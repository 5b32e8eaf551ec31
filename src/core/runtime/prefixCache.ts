// A bounded LRU map from token-id sequences to cached state, answering "the longest cached
// prefix of this sequence" in O(length) with a trie.

interface TrieNode<T> {
  readonly parent?: TrieNode<T>;
  readonly token: number;
  readonly children: Map<number, TrieNode<T>>;
  entry?: { value: T; bytes: number; length: number };
}

export interface PrefixHit<T> {
  /** Number of tokens of the query the entry covers. */
  length: number;
  value: T;
}

export class PrefixCache<T> {
  private readonly root: TrieNode<T> = { token: -1, children: new Map() };
  /** Nodes holding an entry, least recently used first (Map keeps insertion order). */
  private readonly recency = new Map<TrieNode<T>, true>();
  private bytes = 0;

  constructor(
    private readonly maxBytes: number,
    private readonly sizeOf: (value: T) => number,
  ) {}

  get size(): number {
    return this.recency.size;
  }

  get totalBytes(): number {
    return this.bytes;
  }

  /** The entry for the longest cached prefix of `tokens` (possibly all of it); marks it used. */
  longestPrefix(tokens: readonly number[]): PrefixHit<T> | undefined {
    let node = this.root;
    let best: TrieNode<T> | undefined;
    for (const token of tokens) {
      const child = node.children.get(token);
      if (!child) break;
      node = child;
      if (node.entry) best = node;
    }
    if (!best?.entry) return undefined;
    this.recency.delete(best);
    this.recency.set(best, true);
    return { length: best.entry.length, value: best.entry.value };
  }

  /** Stores (or replaces) the entry for exactly `tokens`, evicting least recently used ones. */
  set(tokens: readonly number[], value: T): void {
    const bytes = this.sizeOf(value);
    if (bytes > this.maxBytes) return;
    let node = this.root;
    for (const token of tokens) {
      let child = node.children.get(token);
      if (!child) {
        child = { parent: node, token, children: new Map() };
        node.children.set(token, child);
      }
      node = child;
    }
    if (node.entry) this.remove(node, false);
    node.entry = { value, bytes, length: tokens.length };
    this.bytes += bytes;
    this.recency.set(node, true);
    for (const oldest of this.recency.keys()) {
      if (this.bytes <= this.maxBytes) break;
      this.remove(oldest, true);
    }
  }

  private remove(node: TrieNode<T>, prune: boolean): void {
    if (!node.entry) return;
    this.bytes -= node.entry.bytes;
    delete node.entry;
    this.recency.delete(node);
    // Drop trie nodes that no longer lead to any entry.
    for (let n: TrieNode<T> | undefined = node; prune && n?.parent && !n.entry && n.children.size === 0; n = n.parent) {
      n.parent.children.delete(n.token);
    }
  }
}
