// Model-facing interfaces shared by the runtime (src/core/runtime) and the search code
// (src/core/search, src/core/check). Search code depends only on these, so it can be tested
// with fake models and never touches onnxruntime directly.
import type { BundleInfo, FinishReason } from '../shared/engineProtocol.js';

/** How `PolicyModel.sample` draws tokens. */
export interface SamplingOptions {
  /** 0 means greedy (argmax); otherwise logits are divided by it before softmax. */
  temperature: number;
  /** Keep only the k most likely tokens (0 or undefined = no limit). */
  topK?: number;
  /** Nucleus sampling: keep the smallest set of tokens whose probability mass reaches p (1 or undefined = no limit). */
  topP?: number;
  /** Same seed, same prompts, same options → same continuations. */
  seed: number;
  /** Hard cap on generated tokens per continuation. */
  maxNewTokens: number;
  /** Stop a row after the first token whose text contains the step delimiter ("\n"). */
  stopAtStepEnd: boolean;
  /** Tokens to write instead of sampling them (the calculator); asked after every generated token. */
  force?: TokenForcer;
  /** The first continuation of each prompt is decoded greedily (argmax), the others sampled. */
  greedyFirst?: boolean;
}

/**
 * Given the index of the prompt and the tokens a continuation has generated so far, the tokens
 * to write next without sampling, or null to go on sampling.
 */
export type TokenForcer = (prompt: number, generated: readonly number[]) => readonly number[] | null;

/** Why a continuation stopped: a step delimiter token, the EOS token, or `maxNewTokens`/`maxPositions`. */
export type { BundleInfo, FinishReason } from '../shared/engineProtocol.js';

export interface Continuation {
  /** Generated token ids, including the delimiter or EOS token that ended it. */
  tokens: number[];
  finish: FinishReason;
  /** Indexes into `tokens` of the tokens that `SamplingOptions.force` wrote (absent when none). */
  forced?: number[];
  /**
   * log p(token) at temperature 1 of each token as it was drawn (NaN where unknown: a forced token
   * a server did not sample); absent from a policy that does not report them. Best-of-N without a
   * value model ranks paths by them.
   */
  logprobs?: number[];
}

export interface PolicyModel {
  /**
   * For each prompt (token ids, already templated and including any earlier steps),
   * sample `samplesPerPrompt` continuations. Result[i][j] is continuation j of prompt i.
   * Rejects with an Error named 'AbortError' when `signal` aborts (checked between decode steps).
   */
  sample(
    prompts: number[][],
    samplesPerPrompt: number,
    options: SamplingOptions,
    signal?: AbortSignal,
  ): Promise<Continuation[][]>;

  /**
   * log p(prompt[k] | prompt[<k]) for every k ≥ 1 of a prompt (NaN at 0, which nothing precedes):
   * how surprised the policy is by the problem statement, the signal that a problem is unlike
   * the ones it was trained on (src/core/familiarity). Read from the prefill `sample` already ran
   * when it can be; absent where the policy cannot report it (the remote engine).
   */
  promptLogprobs?(prompt: readonly number[], signal?: AbortSignal): Promise<Float32Array>;
}

export interface ValueModel {
  /**
   * values[i][k] = P(correct | sequences[i][0..k]) — the verifier's value after token k.
   * Prefixes scored before are reused, so scoring "prefix + new step" costs only the new tokens.
   */
  tokenValues(sequences: number[][], signal?: AbortSignal): Promise<number[][]>;
}

/** Text ↔ token ids for the bundle's tokenizer. */
export interface TextCodec {
  readonly eosId: number;
  readonly vocabSize: number;
  encode(text: string): number[];
  decode(ids: readonly number[]): string;
  /**
   * Text contributed by ids[index] given the tokens before it (prefix-diff decode), so a
   * multi-byte character split over several tokens is attributed correctly (the first
   * token(s) of it yield '' and the last one the whole character).
   */
  tokenTexts(ids: readonly number[]): string[];
}

/** Bundle facts the search code needs besides the models (from manifest.json). */

/** Everything loaded from a bundle, handed to solve/check/hint. */
export interface EngineModels {
  readonly info: BundleInfo;
  readonly tokenizer: TextCodec;
  readonly policy: PolicyModel;
  /** The token-supervised value model: always in our own bundles, absent from a Hugging Face folder without one. */
  readonly tvm?: ValueModel;
  /** Baseline verifiers, only in benchmark bundles. */
  readonly orm?: ValueModel;
  readonly prm?: ValueModel;
  /** Where the models run. */
  readonly device: 'cpu' | 'cuda';
}

/** The error `sample`/`tokenValues` reject with when their AbortSignal fires. */
export class AbortError extends Error {
  override readonly name = 'AbortError';
  constructor(message = 'The operation was aborted') {
    super(message);
  }
}

export function throwIfAborted(signal: AbortSignal | undefined): void {
  if (signal?.aborted) throw new AbortError();
}
