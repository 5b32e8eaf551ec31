// Per-token values from a verifier (values[i][k] = P(correct | tokens 0..k)), reusing earlier
// work: every scored sequence is kept (values + KV cache) in a bounded LRU keyed by its token
// ids, so scoring "prefix + new step" runs the model on the new tokens only.
import { throwIfAborted, type ValueModel } from '../lm.js';
import type { DecoderModel } from './decoderModel.js';
import { extendRows, headIndex } from './extendRows.js';
import { rowKvBytes, type RowKv } from './kvCache.js';
import { PrefixCache, type PrefixHit } from './prefixCache.js';

export interface ValueSessionConfig {
  /** Longest sequence the model accepts. */
  maxPositions: number;
  /** Memory budget of the scored-prefix cache (default 256 MiB). */
  cacheBytes?: number;
  /** Rows scored together (default 32). */
  maxBatchRows?: number;
}

interface ScoredPrefix {
  values: Float32Array;
  /** Absent when the graph has no present.* outputs (then only exact repeats are reused). */
  kv?: RowKv;
}

interface Pending {
  tokens: readonly number[];
  hit?: PrefixHit<ScoredPrefix>;
}

/** Rows sharing an unscored prefix at least this long get it scored once, first. */
const MIN_SHARED_PREFIX = 8;

export class ValueSession implements ValueModel {
  private readonly cache: PrefixCache<ScoredPrefix>;

  constructor(
    private readonly model: DecoderModel,
    private readonly config: ValueSessionConfig,
  ) {
    this.cache = new PrefixCache(config.cacheBytes ?? 256 * 1024 * 1024, (entry) => entry.values.byteLength + (entry.kv ? rowKvBytes(entry.kv) : 0));
  }

  async tokenValues(sequences: number[][], signal?: AbortSignal): Promise<number[][]> {
    sequences.forEach((tokens, i) => {
      if (tokens.length === 0) throw new RangeError(`sequence ${i} is empty`);
      if (tokens.length > this.config.maxPositions) {
        throw new RangeError(`sequence ${i} has ${tokens.length} tokens; the verifier takes at most ${this.config.maxPositions}`);
      }
    });
    const distinct = new Map<string, readonly number[]>();
    for (const tokens of sequences) distinct.set(tokens.join(','), tokens);

    await this.scoreSharedPrefixes([...distinct.values()], signal);
    const scored = await this.score([...distinct.values()], signal);
    return sequences.map((tokens) => Array.from(scored.get(distinct.get(tokens.join(',')) as readonly number[]) as Float32Array));
  }

  /**
   * Siblings (several candidate steps after the same unscored prefix, as in the first round of a
   * beam search) would each recompute that prefix; score it once so they all extend it.
   */
  private async scoreSharedPrefixes(sequences: readonly (readonly number[])[], signal?: AbortSignal): Promise<void> {
    if (!this.model.signature.hasPresent) return;
    const groups = new Map<ScoredPrefix | undefined, { base: number; members: (readonly number[])[] }>();
    for (const tokens of sequences) {
      const hit = this.cache.longestPrefix(tokens);
      const group = groups.get(hit?.value) ?? { base: hit?.length ?? 0, members: [] };
      group.members.push(tokens);
      groups.set(hit?.value, group);
    }
    const shared: (readonly number[])[] = [];
    for (const { base, members } of groups.values()) {
      if (members.length < 2) continue;
      const common = commonPrefixLength(members);
      if (common - base >= MIN_SHARED_PREFIX) shared.push((members[0] as readonly number[]).slice(0, common));
    }
    if (shared.length > 0) await this.score(shared, signal);
  }

  /** Values of each sequence: from the cache when scored before, else computed (and cached). */
  private async score(
    sequences: readonly (readonly number[])[],
    signal?: AbortSignal,
  ): Promise<Map<readonly number[], Float32Array>> {
    const scored = new Map<readonly number[], Float32Array>();
    const pending: Pending[] = [];
    for (const tokens of sequences) {
      const hit = this.cache.longestPrefix(tokens);
      if (hit?.length === tokens.length) {
        scored.set(tokens, hit.value.values);
        continue;
      }
      // Without a KV cache a shorter hit cannot be continued from.
      pending.push(hit?.value.kv ? { tokens, hit } : { tokens });
    }
    for (const batch of batchesOfSimilarWidth(pending, this.config.maxBatchRows ?? 32)) {
      throwIfAborted(signal);
      const result = await extendRows(
        this.model,
        batch.map(({ tokens, hit }) => (hit?.value.kv ? { tokens, cached: hit.value.kv } : { tokens })),
      );
      batch.forEach(({ tokens, hit }, row) => {
        const length = tokens.length;
        const firstFed = result.firstFed[row] as number;
        const values = new Float32Array(length);
        if (hit) values.set(hit.value.values.subarray(0, firstFed));
        for (let k = firstFed; k < length; k++) values[k] = result.head[headIndex(result, row, k, length)] as number;
        const kv = result.present?.extractRow(row, length);
        this.cache.set(tokens, kv ? { values, kv } : { values });
        scored.set(tokens, values);
      });
    }
    return scored;
  }
}

/** Tokens a row must feed: everything after its cached prefix. */
const newTokens = (row: Pending): number => row.tokens.length - (row.hit?.value.kv ? row.hit.length : 0);

/**
 * Splits rows into batches: every row of a batch is fed as many positions as the widest one
 * (see extendRows), so a row needing less than half that width starts a new batch — unless the
 * batch is narrow enough that another forward pass would cost more than the padding.
 */
function batchesOfSimilarWidth(rows: Pending[], maxRows: number): Pending[][] {
  const NARROW = 16;
  const sorted = [...rows].sort((a, b) => newTokens(b) - newTokens(a));
  const batches: Pending[][] = [];
  let width = 0;
  for (const row of sorted) {
    const current = batches.at(-1);
    if (!current || current.length >= maxRows || (width > NARROW && 2 * newTokens(row) < width)) {
      batches.push([row]);
      width = newTokens(row);
    } else {
      current.push(row);
    }
  }
  return batches;
}

function commonPrefixLength(sequences: readonly (readonly number[])[]): number {
  const first = sequences[0] as readonly number[];
  let length = first.length;
  for (const other of sequences) {
    let k = 0;
    while (k < length && k < other.length && other[k] === first[k]) k++;
    length = k;
  }
  return length;
}
