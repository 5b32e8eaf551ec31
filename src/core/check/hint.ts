// The next step a tutor would suggest: beam search continuing the user's own steps, one step deep.
// The K sampled candidates are ranked by the verifier and the best one is the hint — the best one
// that exact math does not contradict: a candidate line judged 'false' or 'does-not-follow' after
// the user's steps, or a final answer that does not satisfy the problem, is never suggested.
import type { EngineModels } from '../lm.js';
import { stepBeamSearch } from '../search/stepBeamSearch.js';
import { searchModels } from '../search/fromEngine.js';
import { DEFAULT_COMMON } from '../search/models.js';
import type { ProgressCallback, TraceCandidate } from '../search/trace.js';
import type { ExactStep, Hint, HintOptions } from '../../shared/engineProtocol.js';
import type { CheckResult, DerivationRequest } from './derivation.js';
import { isContradicted, judgeLines, verifyStatedAnswer } from './exactCheck.js';
import { assessFamiliarity } from '../familiarity/assess.js';
import { displayedTrace } from '../familiarity/displayedTrace.js';
import { TextFormat } from '../search/format.js';
import { checkProblemText } from '../problemText.js';

export type { Hint, HintOptions, HintOutcome } from '../../shared/engineProtocol.js';


export const DEFAULT_HINT_K = 8;

export async function hintNextStep(
  models: EngineModels,
  request: DerivationRequest,
  options: HintOptions = {},
  signal?: AbortSignal,
  onProgress?: ProgressCallback,
): Promise<Hint> {
  checkProblemText(request.problem);
  const raw = await stepBeamSearch(
    request.problem,
    searchModels(models, options.verifier ?? 'tvm', 'a hint'),
    {
      k: options.k ?? DEFAULT_HINT_K,
      // One step deep: the width only decides how many candidates are "kept" in the trace.
      b: 1,
      maxSteps: 1,
      seed: options.seed ?? DEFAULT_COMMON.seed,
      temperature: options.temperature ?? DEFAULT_COMMON.temperature,
      maxStepTokens: options.maxStepTokens ?? DEFAULT_COMMON.maxStepTokens,
      prefixSteps: request.steps,
      exact: options.exact !== false,
    },
    signal,
    onProgress,
  );
  // After the search, whose prefill of the problem and the user's steps recorded the policy's surprise.
  const { familiarity, show } = await assessFamiliarity(models, new TextFormat(models.info, models.tokenizer), request.problem, signal);
  const trace = displayedTrace(raw, show);
  const position = request.steps.length;
  // Best first, finished or not: a hint is the best next line, not a final answer.
  const candidates = (trace.steps[0]?.beams.flatMap((b) => b.candidates) ?? []).slice().sort((a, b) => a.rank - b.rank);
  const exact = options.exact !== false;
  let rejected = 0;
  // Candidates with the same text get the same verdict: judge each text once.
  const verdicts = new Map<string, ExactStep | null>();
  for (const candidate of candidates) {
    const verdict = exact ? (verdicts.get(candidate.text) ?? judgeCandidate(request, candidate)) : null;
    verdicts.set(candidate.text, verdict);
    if (verdict && isContradicted(verdict)) {
      rejected++;
      continue;
    }
    return { ...hintFrom(candidate), position, exact: verdict, rejected, trace, familiarity };
  }
  if (candidates.length > 0 && rejected === candidates.length) {
    return { outcome: 'all-contradicted', text: '', value: 0, position, finished: false, exact: null, rejected, trace, familiarity };
  }
  return { outcome: 'stop', text: '', value: 0, position, finished: true, exact: null, rejected, trace, familiarity };
}

function hintFrom(candidate: TraceCandidate): Pick<Hint, 'outcome' | 'text' | 'value' | 'finished'> {
  return { outcome: candidate.text.trim() === '' ? 'stop' : 'step', text: candidate.text, value: candidate.value ?? 0, finished: candidate.finished };
}

/**
 * A candidate line judged after the user's steps (each line against the one before it), or, for
 * a final answer, the answer checked against the problem: one that does not satisfy it counts as
 * 'false'.
 */
function judgeCandidate(request: DerivationRequest, candidate: TraceCandidate): ExactStep | null {
  if (candidate.text.trim() === '') return null;
  const verdict = judgeLines(request.problem, [...request.steps, candidate.text]).at(-1) ?? null;
  if (isContradicted(verdict) || candidate.answer === null) return verdict;
  if (verifyStatedAnswer(request.problem, candidate.answer) === false) {
    return { verdict: 'false', message: `the answer ${candidate.answer} does not satisfy the problem` };
  }
  return verdict;
}

/**
 * The hint that fits a check: a replacement for the first flagged step — exactly contradicted,
 * suspicious to the verifier, or a final answer that does not satisfy the problem (see
 * CheckResult.firstFlagged) — continuing the steps before it, or the next step after sound but unfinished
 * working; null when the working is sound and already states an answer.
 */
export async function hintForCheck(
  models: EngineModels,
  request: DerivationRequest,
  check: CheckResult,
  options: HintOptions = {},
  signal?: AbortSignal,
): Promise<Hint | null> {
  const flagged = check.firstFlagged;
  if (flagged === null && check.finished) return null;
  const keep = flagged ?? request.steps.length;
  return hintNextStep(models, { problem: request.problem, steps: request.steps.slice(0, keep) }, { verifier: check.verifier, ...options }, signal);
}
