// What every search strategy receives: the models, the bundle's text conventions and options.
import type { BundleInfo, PolicyModel, TextCodec, ValueModel } from '../lm.js';
import type { SearchParameters, StrategyName, VerifierName } from './trace.js';

export interface SearchModels {
  policy: PolicyModel;
  /** The verifier that scores candidates, with its name for the trace. Optional for greedy/vote. */
  verifier?: { name: VerifierName; model: ValueModel };
  codec: TextCodec;
  info: BundleInfo;
}

/** Options every strategy understands. */
export interface CommonOptions {
  seed: number;
  temperature: number;
  topK?: number;
  topP?: number;
  maxSteps: number;
  maxStepTokens: number;
  /** Steps already written (the user's own working): the search continues after them. */
  prefixSteps?: readonly string[];
  /** Exact math beside the verifier (src/core/search/exactSearch.ts); default true. */
  exact?: boolean;
  /** Beam search, with exact math: what a line with a number from nowhere costs (see Grounding). */
  grounding?: Grounding;
}

/**
 * 'mark': numbers from nowhere are only recorded in the trace; 'downweight': such a candidate is
 * ranked at half its value; 'prune': it is kept only when no other candidate holds.
 */
export type Grounding = 'mark' | 'downweight' | 'prune';
export const GROUNDINGS: readonly Grounding[] = ['mark', 'downweight', 'prune'];
/** Chosen on val (bench/results/exact/grounding-val.md). */
export const DEFAULT_GROUNDING: Grounding = 'mark';

export const DEFAULT_COMMON: CommonOptions = {
  seed: 0,
  temperature: 0.7,
  // OVM allows 10 steps; our final "The answer is" line is a step of its own, so allow two more.
  maxSteps: 12,
  maxStepTokens: 64,
};

/** Raised for options a caller got wrong (the CLI maps it to exit code 2). */
export class BadRequestError extends Error {
  override readonly name = 'BadRequestError';
}

export function validateCommon(options: CommonOptions): void {
  if (!Number.isInteger(options.seed) || options.seed < 0) throw new BadRequestError(`seed must be a non-negative integer, got ${options.seed}`);
  if (!(options.temperature >= 0)) throw new BadRequestError(`temperature must be >= 0, got ${options.temperature}`);
  if (!Number.isInteger(options.maxSteps) || options.maxSteps < 1) throw new BadRequestError(`maxSteps must be a positive integer, got ${options.maxSteps}`);
  if (!Number.isInteger(options.maxStepTokens) || options.maxStepTokens < 1) {
    throw new BadRequestError(`maxStepTokens must be a positive integer, got ${options.maxStepTokens}`);
  }
}

export function requirePositiveInteger(name: string, value: number): void {
  if (!Number.isInteger(value) || value < 1) throw new BadRequestError(`${name} must be a positive integer, got ${value}`);
}

/** The parameters a trace records: the sampling options as applied, with the strategy's budget (K candidates over b beams, or N paths with b = 1). */
export function searchParameters(
  strategy: StrategyName,
  verifier: VerifierName | null,
  options: CommonOptions,
  k: number,
  b: number,
  ranking: SearchParameters['ranking'] = null,
): SearchParameters {
  const { temperature, topK, topP, seed, maxSteps, maxStepTokens } = options;
  return { strategy, verifier, ranking, k, b, temperature, topK, topP, seed, maxSteps, maxStepTokens, exact: options.exact ?? true };
}
