// The next step a tutor would suggest: beam search continuing the user's own steps, one step deep.
// The K sampled candidates are ranked by the verifier and the best one is the hint.
import type { EngineModels } from '../lm.js';
import { stepBeamSearch } from '../search/stepBeamSearch.js';
import { searchModels } from '../search/fromEngine.js';
import { DEFAULT_COMMON } from '../search/models.js';
import type { ProgressCallback, SearchTrace, VerifierName } from '../search/trace.js';
import type { CheckResult, DerivationRequest } from './derivation.js';

export interface HintOptions {
  /** Candidate next steps sampled. */
  k?: number;
  seed?: number;
  temperature?: number;
  verifier?: VerifierName;
  maxStepTokens?: number;
}

export interface Hint {
  /** The suggested line; '' when the model would stop here (it thinks the working is complete). */
  text: string;
  value: number;
  /** Index the step would have in the user's working (replacing a suspicious step, or appended). */
  position: number;
  /** The suggested line states a final answer or ends the solution. */
  finished: boolean;
  trace: SearchTrace;
}

export const DEFAULT_HINT_K = 8;

export async function hintNextStep(
  models: EngineModels,
  request: DerivationRequest,
  options: HintOptions = {},
  signal?: AbortSignal,
  onProgress?: ProgressCallback,
): Promise<Hint> {
  const trace = await stepBeamSearch(
    request.problem,
    searchModels(models, options.verifier ?? 'tvm'),
    {
      k: options.k ?? DEFAULT_HINT_K,
      // One step deep: the width only decides how many candidates are "kept" in the trace.
      b: 1,
      maxSteps: 1,
      seed: options.seed ?? DEFAULT_COMMON.seed,
      temperature: options.temperature ?? DEFAULT_COMMON.temperature,
      maxStepTokens: options.maxStepTokens ?? DEFAULT_COMMON.maxStepTokens,
      prefixSteps: request.steps,
    },
    signal,
    onProgress,
  );
  // The top-ranked candidate, finished or not: a hint is the best next line, not a final answer.
  const best = trace.steps[0]?.beams.flatMap((b) => b.candidates).find((c) => c.rank === 0);
  return { text: best?.text ?? '', value: best?.value ?? 0, position: request.steps.length, finished: best?.finished ?? true, trace };
}

/**
 * The hint that fits a check: a replacement for the first suspicious step (continuing the steps
 * before it), or the next step after sound but unfinished working; null when the working is sound
 * and already states an answer.
 */
export async function hintForCheck(
  models: EngineModels,
  request: DerivationRequest,
  check: CheckResult,
  options: HintOptions = {},
  signal?: AbortSignal,
): Promise<Hint | null> {
  if (check.firstSuspicious === null && check.finished) return null;
  const keep = check.firstSuspicious ?? request.steps.length;
  return hintNextStep(models, { problem: request.problem, steps: request.steps.slice(0, keep) }, { verifier: check.verifier, ...options }, signal);
}
