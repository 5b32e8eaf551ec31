// The policy on an OpenAI-compatible server: each prompt is one POST /v1/completions with the
// prompt as token ids (the bundle's tokenizer is the model's), `n` samples, `stop` at the step
// delimiter and the sampled tokens' log-probabilities. Where a server returns fewer choices than
// `n` (it ignores `n`), the rest are asked for in parallel requests. The calculator (forced
// tokens) is honoured by cutting a continuation where the forcer would have written something
// else, writing the forced tokens and asking the server to go on from there.
import type { Continuation, FinishReason, PolicyModel, SamplingOptions, TextCodec } from '../lm.js';
import { streamSeed } from '../runtime/sampler.js';
import { completionChoices, type CompletionChoice } from './completionChoices.js';
import type { CompletionsClient } from './completionsClient.js';
import { mapLimited } from './mapLimited.js';
import { RemoteServerError } from './remoteServerError.js';

export interface RemotePolicyConfig {
  codec: TextCodec;
  /** stepEndTokens[id] = 1 when the text of token `id` contains the step delimiter. */
  stepEndTokens: Uint8Array;
  stepDelimiter: string;
  maxPositions: number;
  /** Requests in flight at once (default 8). */
  concurrency?: number;
  /** Told every finished continuation with the log-probability of each of its tokens (NaN where unknown). */
  onContinuation?: (prompt: readonly number[], tokens: readonly number[], logprobs: Float32Array) => void;
}

interface Draft {
  tokens: number[];
  logprobs: number[];
  forced: number[];
  finish?: FinishReason;
}

export class RemotePolicy implements PolicyModel {
  /** Largest `n` the server accepts (lowered when it says so). */
  private maxN = Number.POSITIVE_INFINITY;

  constructor(
    private readonly client: CompletionsClient,
    private readonly config: RemotePolicyConfig,
  ) {}

  async sample(prompts: number[][], samplesPerPrompt: number, options: SamplingOptions, signal?: AbortSignal): Promise<Continuation[][]> {
    if (!Number.isInteger(samplesPerPrompt) || samplesPerPrompt < 1) throw new RangeError('samplesPerPrompt must be a positive integer');
    if (!Number.isInteger(options.maxNewTokens) || options.maxNewTokens < 1) throw new RangeError('maxNewTokens must be a positive integer');
    prompts.forEach((prompt, i) => {
      if (prompt.length === 0) throw new RangeError(`prompt ${i} is empty`);
      if (prompt.length >= this.config.maxPositions) {
        throw new RangeError(`prompt ${i} has ${prompt.length} tokens (problem and steps so far); the model takes at most ${this.config.maxPositions} in all: shorten the problem`);
      }
    });
    return mapLimited(prompts, this.config.concurrency ?? 8, async (prompt, i) => {
      const drafts = await this.firstDrafts(prompt, i, samplesPerPrompt, options, signal);
      return Promise.all(drafts.map(async (draft, j) => {
        await this.finishDraft(i, prompt, draft, streamSeed(options.seed, i * samplesPerPrompt + j), options, j === 0 && options.greedyFirst === true, signal);
        this.config.onContinuation?.(prompt, draft.tokens, Float32Array.from(draft.logprobs));
        return { tokens: draft.tokens, finish: draft.finish ?? 'length', ...(draft.forced.length > 0 && { forced: draft.forced }), logprobs: draft.logprobs };
      }));
    });
  }

  /** `count` continuations of `prompt`: one request with `n`, then single requests for what the server did not return. */
  private async firstDrafts(prompt: number[], index: number, count: number, options: SamplingOptions, signal?: AbortSignal): Promise<Draft[]> {
    const greedyFirst = options.greedyFirst === true && options.temperature > 0;
    const drafts: Draft[] = [];
    if (greedyFirst) drafts.push(...(await this.request(prompt, [], 1, streamSeed(options.seed, index * count), { ...options, temperature: 0 }, signal)));
    const wanted = Math.min(count - drafts.length, this.maxN);
    if (wanted > 0) drafts.push(...(await this.requestN(prompt, wanted, streamSeed(options.seed, index * count + drafts.length), options, signal)).slice(0, wanted));
    const missing = count - drafts.length;
    if (missing > 0) {
      const rest = await Promise.all(
        Array.from({ length: missing }, (_, m) => this.request(prompt, [], 1, streamSeed(options.seed, index * count + drafts.length + m), options, signal)),
      );
      drafts.push(...rest.map((reply) => reply[0] as Draft));
    }
    return drafts;
  }

  /**
   * A request with `n` samples; a server that caps `n` (llama.cpp: at its number of slots, HTTP 400
   * "Field 'n': Value must be between 1 <= value <= 4") is asked again within its cap, remembered.
   */
  private async requestN(prompt: number[], n: number, seed: number, options: SamplingOptions, signal?: AbortSignal): Promise<Draft[]> {
    try {
      return await this.request(prompt, [], n, seed, options, signal);
    } catch (error) {
      const cap = error instanceof RemoteServerError && error.status === 400 ? /'n'.*?<=\s*value\s*<=\s*(\d+)/.exec(error.message) : null;
      if (!cap || n <= 1) throw error;
      this.maxN = Math.max(1, Number(cap[1]));
      return this.request(prompt, [], Math.min(n, this.maxN), seed, options, signal);
    }
  }

  /** Applies the forcer and the stop rules to a draft, asking the server to go on after forced tokens. */
  private async finishDraft(promptIndex: number, prompt: number[], draft: Draft, seed: number, options: SamplingOptions, greedy: boolean, signal?: AbortSignal): Promise<void> {
    let sampled = draft.tokens.splice(0);
    let logprobs = draft.logprobs.splice(0);
    let serverFinish = draft.finish;
    draft.finish = undefined;
    for (let round = 1; !this.accept(promptIndex, prompt, draft, sampled, logprobs, serverFinish, options); round++) {
      const [next] = await this.request(prompt, draft.tokens, 1, streamSeed(seed, round), greedy ? { ...options, temperature: 0 } : options, signal);
      sampled = next?.tokens ?? [];
      logprobs = next?.logprobs ?? [];
      serverFinish = next?.finish ?? 'length';
    }
  }

  /**
   * Appends what the server sampled to the draft token by token as the local engine decodes:
   * stop at EOS, a step end or the length limit; after each token, what the forcer writes replaces
   * what the server sampled when they differ. True when the draft is finished; false when it was
   * cut after forced tokens and the server must go on from there.
   */
  private accept(promptIndex: number, prompt: number[], draft: Draft, sampled: number[], logprobs: number[], serverFinish: FinishReason | undefined, options: SamplingOptions): boolean {
    const limit = Math.min(options.maxNewTokens, this.config.maxPositions - prompt.length);
    // Forced tokens get the server's log-probability when it sampled them too, else NaN (unknown).
    const write = (token: number, logprob: number, forced: boolean): boolean => {
      if (forced) draft.forced.push(draft.tokens.length);
      draft.tokens.push(token);
      draft.logprobs.push(logprob);
      return this.finishOn(draft, token, limit, options);
    };
    let queue: number[] = [];
    let k = 0;
    for (;;) {
      if (options.force && queue.length === 0 && draft.tokens.length > 0) queue = [...(options.force(promptIndex, draft.tokens) ?? [])];
      if (queue.length > 0) {
        const forced = queue.shift() as number;
        if (k < sampled.length && sampled[k] === forced) {
          if (write(forced, logprobs[k++] ?? Number.NaN, true)) return true;
          continue;
        }
        if (write(forced, Number.NaN, true)) return true;
        for (const rest of queue.splice(0)) if (write(rest, Number.NaN, true)) return true;
        return false;
      }
      if (k >= sampled.length) break;
      if (write(sampled[k] as number, logprobs[k] ?? Number.NaN, false)) return true;
      k++;
    }
    // The server stopped at the stop string: llama.cpp leaves the delimiter's token out of what it
    // returns, so the step end is written here (its log-probability unknown).
    if (serverFinish === 'step' && options.stopAtStepEnd) {
      for (const token of this.config.codec.encode(this.config.stepDelimiter)) if (write(token, Number.NaN, false)) return true;
    }
    draft.finish = serverFinish === 'eos' ? 'eos' : serverFinish === 'step' ? 'step' : 'length';
    return true;
  }

  private finishOn(draft: Draft, token: number, limit: number, options: SamplingOptions): boolean {
    if (token === this.config.codec.eosId) draft.finish = 'eos';
    else if (options.stopAtStepEnd && this.config.stepEndTokens[token] === 1) draft.finish = 'step';
    else if (draft.tokens.length >= limit) draft.finish = 'length';
    return draft.finish !== undefined;
  }

  /** One completions request for prompt + written tokens; its choices as drafts (tokens after `written`). */
  private async request(prompt: number[], written: number[], n: number, seed: number, options: SamplingOptions, signal?: AbortSignal): Promise<Draft[]> {
    const limit = Math.min(options.maxNewTokens, this.config.maxPositions - prompt.length) - written.length;
    if (limit <= 0) return [{ tokens: [], logprobs: [], forced: [], finish: 'length' }];
    const reply = await this.client.completions(
      {
        prompt: [...prompt, ...written],
        max_tokens: limit,
        n,
        temperature: options.temperature,
        // 0 = no limit (llama.cpp and vLLM); llama.cpp's defaults would otherwise filter the
        // distribution (top_k 40, min_p 0.05) and penalise repeats.
        top_k: options.topK !== undefined && options.topK > 0 ? options.topK : 0,
        top_p: options.topP ?? 1,
        min_p: 0,
        repeat_penalty: 1,
        seed,
        logprobs: 1,
        ...(options.stopAtStepEnd && { stop: [this.config.stepDelimiter], include_stop_str_in_output: true }),
        return_tokens_as_token_ids: true,
        cache_prompt: true,
      },
      signal,
    );
    return completionChoices(reply, this.client.server.origin).map((choice) => this.draftOf(choice));
  }

  private draftOf(choice: CompletionChoice): Draft {
    const { eosId } = this.config.codec;
    const endsWithEos = choice.tokens.at(-1) === eosId;
    const finish: FinishReason | undefined = endsWithEos ? 'eos' : choice.finishReason === 'stop' ? 'step' : choice.finishReason === 'length' ? 'length' : undefined;
    return { tokens: choice.tokens, logprobs: choice.logprobs.map((value) => value ?? Number.NaN), forced: [], ...(finish && { finish }) };
  }
}
