// Batched sampling from the policy with a KV cache: one left-padded prefill per distinct
// prompt, fork the prompt's cache rows to its samples, then decode one token per row per step.
// The cache of every finished continuation is kept (bounded LRU), so when a search extends a
// prompt by a sampled step, the next prefill feeds only what is new.
import { throwIfAborted, type Continuation, type FinishReason, type PolicyModel, type SamplingOptions } from '../lm.js';
import type { DecoderModel } from './decoderModel.js';
import { extendRows, headIndex, type ExtendResult } from './extendRows.js';
import { kvBytesPerPosition, rowKvBytes, type BatchedKv, type RowKv } from './kvCache.js';
import { PrefixCache } from './prefixCache.js';
import { chooseToken, createRandom, logProbability, streamSeed } from './sampler.js';
import { PromptLogprobRecords } from './promptLogprobRecords.js';

export interface PolicySessionConfig {
  eosId: number;
  /** stepEndTokens[id] = 1 when the text of token `id` contains the step delimiter. */
  stepEndTokens: Uint8Array;
  /** Ids [0, vocabSize) can be sampled; wider logits (padded embedding rows) are ignored. */
  vocabSize: number;
  /** Longest sequence (prompt + generated) the model accepts. */
  maxPositions: number;
  /** Rows decoded together; larger requests run in several batches. */
  maxBatchRows?: number;
  /** Memory budget for the caches of earlier prompts and continuations (default 128 MiB; 0 = off). */
  cacheBytes?: number;
  /**
   * Told every finished continuation with the policy's log-probability (temperature 1) of each of
   * its tokens as it was drawn, so a verifier that reads them need not run the policy again
   * (RecordedLogprobs).
   */
  onContinuation?: (prompt: readonly number[], tokens: readonly number[], logprobs: Float32Array) => void;
  /**
   * Largest request accepted: rows (prompts × samples) × maxPositions × KV bytes per position,
   * i.e. the KV cache the request would need if all its rows were decoded at once (default 2 GiB).
   * Larger requests are refused before any work, instead of running out of memory or for hours.
   */
  requestBudgetBytes?: number;
}

interface Row {
  readonly prompt: number;
  readonly promptLength: number;
  /** Decoded by argmax whatever the temperature (SamplingOptions.greedyFirst). */
  readonly greedy: boolean;
  readonly random: () => number;
  readonly tokens: number[];
  /** log p(token) at temperature 1 of every token, as drawn. */
  readonly logprobs: number[];
  /** Forced tokens still to write, and where earlier ones went. */
  readonly queue: number[];
  readonly forced: number[];
  finish?: FinishReason;
}

const DEFAULT_MAX_BATCH_ROWS = 64;
export const DEFAULT_REQUEST_BUDGET_BYTES = 2 * 1024 ** 3;

const size = (bytes: number): string => (bytes >= 1024 ** 3 ? `${(bytes / 1024 ** 3).toFixed(1)} GiB` : `${(bytes / 1024 ** 2).toFixed(1)} MiB`);

export class PolicySession implements PolicyModel {
  private readonly cache: PrefixCache<RowKv>;
  private readonly promptRecords = new PromptLogprobRecords();

  constructor(
    private readonly model: DecoderModel,
    private readonly config: PolicySessionConfig,
  ) {
    this.cache = new PrefixCache(config.cacheBytes ?? 128 * 1024 * 1024, rowKvBytes);
  }

  async sample(
    prompts: number[][],
    samplesPerPrompt: number,
    options: SamplingOptions,
    signal?: AbortSignal,
  ): Promise<Continuation[][]> {
    if (!Number.isInteger(samplesPerPrompt) || samplesPerPrompt < 1) throw new RangeError('samplesPerPrompt must be a positive integer');
    if (!Number.isInteger(options.maxNewTokens) || options.maxNewTokens < 1) throw new RangeError('maxNewTokens must be a positive integer');
    this.checkBudget(prompts.length * samplesPerPrompt);
    prompts.forEach((prompt, i) => {
      if (prompt.length === 0) throw new RangeError(`prompt ${i} is empty`);
      if (prompt.length >= this.config.maxPositions) {
        throw new RangeError(`prompt ${i} has ${prompt.length} tokens (problem and steps so far); the model takes at most ${this.config.maxPositions} in all: shorten the problem`);
      }
    });

    const results: Continuation[][] = prompts.map(() => []);
    const rows: Array<{ prompt: number; sample: number }> = [];
    prompts.forEach((_, prompt) => {
      for (let sample = 0; sample < samplesPerPrompt; sample++) rows.push({ prompt, sample });
    });
    const batchSize = this.config.maxBatchRows ?? DEFAULT_MAX_BATCH_ROWS;
    for (let start = 0; start < rows.length; start += batchSize) {
      throwIfAborted(signal);
      const batch = rows.slice(start, start + batchSize).map(({ prompt, sample }): Row => ({
        prompt,
        promptLength: (prompts[prompt] as number[]).length,
        greedy: options.greedyFirst === true && sample === 0,
        // One random stream per (prompt, sample): results do not depend on batching.
        random: createRandom(streamSeed(options.seed, prompt * samplesPerPrompt + sample)),
        tokens: [],
        logprobs: [],
        queue: [],
        forced: [],
      }));
      await this.decodeBatch(prompts, batch, options, signal);
      for (const row of batch) {
        this.config.onContinuation?.(prompts[row.prompt] as number[], row.tokens, Float32Array.from(row.logprobs));
        (results[row.prompt] as Continuation[]).push({ tokens: row.tokens, finish: row.finish ?? 'length', ...(row.forced.length > 0 && { forced: row.forced }), logprobs: row.logprobs });
      }
    }
    return results;
  }

  /**
   * The prompt's token log-probabilities: recorded by the prefill of an earlier `sample` of this
   * prompt (or of a longer sequence starting with it), else one forward pass over the prompt.
   */
  async promptLogprobs(prompt: readonly number[], signal?: AbortSignal): Promise<Float32Array> {
    const recorded = this.promptRecords.find(prompt);
    if (recorded) return recorded;
    if (prompt.length === 0) throw new RangeError('the prompt is empty');
    if (prompt.length > this.config.maxPositions) throw new RangeError(`the prompt has ${prompt.length} tokens; the model takes at most ${this.config.maxPositions}: shorten the problem`);
    throwIfAborted(signal);
    const result = await extendRows(this.model, [{ tokens: prompt }]);
    this.checkVocab(result.headWidth);
    return this.promptRecords.record(prompt, this.fedLogprobs(result, 0, prompt));
  }

  /** log p of every token of `tokens` given the ones before it, from a forward pass that fed it from position 0. */
  private fedLogprobs(result: ExtendResult, row: number, tokens: readonly number[]): Float32Array {
    const out = new Float32Array(tokens.length).fill(Number.NaN);
    for (let k = 1; k < tokens.length; k++) {
      out[k] = logProbability(result.head, headIndex(result, row, k - 1, tokens.length), this.config.vocabSize, tokens[k] as number);
    }
    return out;
  }

  private async decodeBatch(prompts: number[][], rows: Row[], options: SamplingOptions, signal?: AbortSignal): Promise<void> {
    const promptIds = [...new Set(rows.map((row) => row.prompt))];
    const prefill = await extendRows(
      this.model,
      promptIds.map((id) => {
        const tokens = prompts[id] as number[];
        const hit = this.cache.longestPrefix(tokens);
        return hit ? { tokens, cached: hit.value } : { tokens };
      }),
    );
    this.checkVocab(prefill.headWidth);
    // A prompt fed whole has its every token's logits here: keep them for promptLogprobs.
    promptIds.forEach((id, position) => {
      const tokens = prompts[id] as number[];
      if (prefill.firstFed[position] === 0) this.promptRecords.record(tokens, this.fedLogprobs(prefill, position, tokens));
    });
    const present = prefill.present as BatchedKv;
    promptIds.forEach((id, position) => this.remember(prompts[id] as number[], present, position, []));
    for (const row of rows) {
      const position = promptIds.indexOf(row.prompt);
      const offset = headIndex(prefill, position, row.promptLength - 1, row.promptLength);
      this.accept(row, this.nextToken(row, prefill.head, offset, options), options);
    }
    let live = rows.filter((row) => !row.finish);
    if (live.length === 0) return;
    // Fork: each live row starts from a copy of its prompt's cache row.
    let cache = present.gatherRows(live.map((row) => promptIds.indexOf(row.prompt)));

    for (;;) {
      throwIfAborted(signal);
      const tokenIds = new Int32Array(live.length);
      const positions = new Int32Array(live.length);
      live.forEach((row, b) => {
        // Finished rows ride along until the next compaction; what they are fed is ignored.
        tokenIds[b] = row.finish ? this.config.eosId : (row.tokens[row.tokens.length - 1] as number);
        positions[b] = Math.min(row.promptLength + row.tokens.length - 1, this.config.maxPositions - 1);
      });
      const step = await this.model.forward({ past: cache, tokenIds, width: 1, newMask: new Uint8Array(live.length).fill(1), positions });
      cache = step.present as BatchedKv;
      live.forEach((row, b) => {
        if (row.finish) return;
        this.accept(row, this.nextToken(row, step.head, b * step.headWidth, options), options);
        // The cache now holds the prompt and every token but the one just sampled.
        if (row.finish) this.remember(prompts[row.prompt] as number[], cache, b, row.tokens.slice(0, -1));
      });

      const unfinished = live.filter((row) => !row.finish);
      if (unfinished.length === 0) return;
      // Drop finished rows once they are a quarter of the batch: gathering costs about one
      // decode step of memory traffic, and every step with them wastes compute on them.
      if (live.length - unfinished.length >= Math.max(1, live.length / 4)) {
        cache = cache.gatherRows(live.flatMap((row, b) => (row.finish ? [] : [b])));
        live = unfinished;
      }
    }
  }

  /** Keeps row `b` of `cache` (prompt + fed tokens, right-aligned) for later prompts extending it. */
  private remember(prompt: readonly number[], cache: BatchedKv, b: number, fed: readonly number[]): void {
    const tokens = [...prompt, ...fed];
    if (this.config.cacheBytes === 0 || this.cache.longestPrefix(tokens)?.length === tokens.length) return;
    this.cache.set(tokens, cache.extractRow(b, tokens.length));
  }

  /** A forced token when one is queued (its logits are ignored), else a sampled one. */
  private nextToken(row: Row, logits: Float32Array, offset: number, options: SamplingOptions): number {
    const forced = row.queue.shift();
    if (forced !== undefined) row.forced.push(row.tokens.length);
    const token = forced ?? chooseToken(logits, offset, this.config.vocabSize, row.greedy ? { temperature: 0 } : options, row.random);
    row.logprobs.push(logProbability(logits, offset, this.config.vocabSize, token));
    return token;
  }

  private accept(row: Row, token: number, options: SamplingOptions): void {
    row.tokens.push(token);
    if (token === this.config.eosId) row.finish = 'eos';
    else if (options.stopAtStepEnd && this.config.stepEndTokens[token] === 1) row.finish = 'step';
    else if (row.tokens.length >= options.maxNewTokens || row.promptLength + row.tokens.length >= this.config.maxPositions) row.finish = 'length';
    else if (options.force && row.queue.length === 0) row.queue.push(...(options.force(row.prompt, row.tokens) ?? []));
  }

  private checkBudget(rows: number): void {
    const rowBytes = this.config.maxPositions * kvBytesPerPosition(this.model.signature);
    const budget = this.config.requestBudgetBytes ?? DEFAULT_REQUEST_BUDGET_BYTES;
    if (rows * rowBytes <= budget) return;
    throw new RangeError(
      `${rows} sequences of up to ${this.config.maxPositions} tokens would need ${size(rows * rowBytes)} of KV cache, ` +
        `over the engine's budget of ${size(budget)}: ask for at most ${Math.floor(budget / rowBytes)} candidates (k)`,
    );
  }

  private checkVocab(headWidth: number): void {
    if (headWidth < this.config.vocabSize) {
      throw new Error(`the policy's logits have ${headWidth} entries but the tokenizer has ${this.config.vocabSize} tokens`);
    }
  }
}
