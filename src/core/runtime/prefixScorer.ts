// Per-token outputs of a decoder over whole sequences, reusing earlier work: every scored
// sequence is kept (its outputs + KV cache) in a bounded LRU keyed by its token ids, so scoring
// "prefix + new step" runs the model on the new tokens only. What is read out per token is a
// `Readout`: a verifier's value (tokenValues) or the policy's log-probability of the token.
import { throwIfAborted } from '../lm.js';
import type { DecoderModel } from './decoderModel.js';
import { extendRows, headIndex, type ExtendResult } from './extendRows.js';
import { rowKvBytes, type RowKv } from './kvCache.js';
import { PrefixCache, type PrefixHit } from './prefixCache.js';

export interface PrefixScorerConfig {
  /** Memory budget of the scored-prefix cache. */
  cacheBytes: number;
  /** Rows run together (default 32). */
  maxBatchRows?: number;
}

export interface Readout {
  /**
   * Cached positions fed again before the new tokens: 1 when a token's output is read from the
   * model's output at the position before it (a policy's next-token distribution).
   */
  readonly overlap: number;
  /** Fills out[k] for every k ≥ from, given that row `row` of `result` fed tokens from `firstFed` on. */
  read(result: ExtendResult, row: number, tokens: readonly number[], from: number, out: Float32Array): void;
}

/** Something that gives, per sequence, one number per token (a model input besides the ids). */
export interface TokenScorer {
  score(sequences: readonly (readonly number[])[], signal?: AbortSignal): Promise<Float32Array[]>;
}

interface Scored {
  outputs: Float32Array;
  /** Absent when the graph has no present.* outputs (then only exact repeats are reused). */
  kv?: RowKv;
}

interface Pending {
  tokens: readonly number[];
  hit?: PrefixHit<Scored>;
}

/** Rows sharing an unscored prefix at least this long get it scored once, first. */
const MIN_SHARED_PREFIX = 8;

export class PrefixScorer implements TokenScorer {
  private readonly cache: PrefixCache<Scored>;

  /** `tokenInputs`: where the model's `token_logprobs` input comes from, when it has one. */
  constructor(
    private readonly model: DecoderModel,
    private readonly readout: Readout,
    private readonly config: PrefixScorerConfig,
    private readonly tokenInputs?: TokenScorer,
  ) {
    if (model.signature.hasTokenLogprobs && !tokenInputs) {
      throw new Error('this verifier reads the policy\'s token log-probabilities: give it a policy to compute them');
    }
    this.cache = new PrefixCache(config.cacheBytes, (entry) => entry.outputs.byteLength + (entry.kv ? rowKvBytes(entry.kv) : 0));
  }

  /** One output array per sequence, in order; equal sequences share one computation. */
  async score(sequences: readonly (readonly number[])[], signal?: AbortSignal): Promise<Float32Array[]> {
    const distinct = new Map<string, readonly number[]>();
    for (const tokens of sequences) distinct.set(tokens.join(','), tokens);
    await this.scoreSharedPrefixes([...distinct.values()], signal);
    const scored = await this.scoreDistinct([...distinct.values()], signal);
    return sequences.map((tokens) => scored.get(distinct.get(tokens.join(',')) as readonly number[]) as Float32Array);
  }

  /**
   * Siblings (several candidate steps after the same unscored prefix, as in the first round of a
   * beam search) would each recompute that prefix; score it once so they all extend it.
   */
  private async scoreSharedPrefixes(sequences: readonly (readonly number[])[], signal?: AbortSignal): Promise<void> {
    if (!this.model.signature.hasPresent) return;
    const groups = new Map<Scored | undefined, { base: number; members: (readonly number[])[] }>();
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
    if (shared.length > 0) await this.scoreDistinct(shared, signal);
  }

  /** Outputs of each sequence: from the cache when scored before, else computed (and cached). */
  private async scoreDistinct(
    sequences: readonly (readonly number[])[],
    signal?: AbortSignal,
  ): Promise<Map<readonly number[], Float32Array>> {
    const scored = new Map<readonly number[], Float32Array>();
    const pending: Pending[] = [];
    for (const tokens of sequences) {
      const hit = this.cache.longestPrefix(tokens);
      if (hit?.length === tokens.length) {
        scored.set(tokens, hit.value.outputs);
        continue;
      }
      // Without a KV cache a shorter hit cannot be continued from.
      pending.push(hit?.value.kv ? { tokens, hit } : { tokens });
    }
    const overlap = this.readout.overlap;
    // All rows' inputs in one request, so the input scorer shares prefixes across the batches below.
    const inputs = this.tokenInputs && (await this.tokenInputs.score(pending.map((row) => row.tokens), signal));
    const inputOf = new Map(inputs?.map((values, i) => [pending[i] as Pending, values]));
    for (const batch of batchesOfSimilarWidth(pending, this.config.maxBatchRows ?? 32, overlap)) {
      throwIfAborted(signal);
      const result = await extendRows(
        this.model,
        batch.map((row) => ({
          tokens: row.tokens,
          ...(row.hit?.value.kv && { cached: row.hit.value.kv, maxCached: row.hit.length - overlap }),
          ...(inputOf.has(row) && { tokenLogprobs: inputOf.get(row) as Float32Array }),
        })),
      );
      batch.forEach(({ tokens, hit }, row) => {
        const firstFed = result.firstFed[row] as number;
        const from = Math.max(0, firstFed + overlap);
        const outputs = new Float32Array(tokens.length);
        if (hit) outputs.set(hit.value.outputs.subarray(0, from));
        this.readout.read(result, row, tokens, from, outputs);
        const kv = result.present?.extractRow(row, tokens.length);
        this.cache.set(tokens, kv ? { outputs, kv } : { outputs });
        scored.set(tokens, outputs);
      });
    }
    return scored;
  }
}

/** A verifier's value after each token. */
export const valueReadout: Readout = {
  overlap: 0,
  read(result, row, tokens, from, out) {
    for (let k = from; k < tokens.length; k++) out[k] = result.head[headIndex(result, row, k, tokens.length)] as number;
  },
};

/**
 * A policy's log-probability of each token given the ones before it, over the first `vocabSize`
 * logits (the tokenizer's tokens) — 0 for the prompt, i.e. every token up to and including the
 * first one that ends a line (stepEndTokens[id] = 1): the policy was never trained to predict
 * problems, so its surprise at a problem's wording says nothing about the solution.
 */
export function tokenLogprobReadout(vocabSize: number, stepEndTokens: Uint8Array): Readout {
  return {
    overlap: 1,
    read(result, row, tokens, from, out) {
      let promptEnd = tokens.findIndex((id) => stepEndTokens[id] === 1);
      if (promptEnd < 0) promptEnd = tokens.length - 1;
      for (let k = from; k <= promptEnd; k++) out[k] = 0;
      for (let k = Math.max(promptEnd + 1, from); k < tokens.length; k++) {
        const offset = headIndex(result, row, k - 1, tokens.length);
        let max = -Infinity;
        for (let v = 0; v < vocabSize; v++) max = Math.max(max, result.head[offset + v] as number);
        let sum = 0;
        for (let v = 0; v < vocabSize; v++) sum += Math.exp((result.head[offset + v] as number) - max);
        out[k] = (result.head[offset + (tokens[k] as number)] as number) - max - Math.log(sum);
      }
    },
  };
}

/** Tokens a row must feed: everything after its usable cached prefix. */
const newTokens = (row: Pending, overlap: number): number =>
  row.tokens.length - (row.hit?.value.kv ? Math.max(0, row.hit.length - overlap) : 0);

/**
 * Splits rows into batches: every row of a batch is fed as many positions as the widest one
 * (see extendRows), so a row needing less than half that width starts a new batch — unless the
 * batch is narrow enough that another forward pass would cost more than the padding.
 */
function batchesOfSimilarWidth(rows: Pending[], maxRows: number, overlap: number): Pending[][] {
  const NARROW = 16;
  const sorted = [...rows].sort((a, b) => newTokens(b, overlap) - newTokens(a, overlap));
  const batches: Pending[][] = [];
  let width = 0;
  for (const row of sorted) {
    const current = batches.at(-1);
    if (!current || current.length >= maxRows || (width > NARROW && 2 * newTokens(row, overlap) < width)) {
      batches.push([row]);
      width = newTokens(row, overlap);
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
