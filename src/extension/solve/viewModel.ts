// Search trace → Solve panel view model. Pure: the webview lays this out and computes nothing,
// so everything it shows (values, colours, deltas, which candidate was chosen) is decided here
// from what the engine reported.
import type { Problem } from '../../shared/notebookTypes.js';
import type { Familiarity, ScoredText, SearchTrace, TraceCandidate, TraceStep } from '../../shared/engineProtocol.js';
import { familiarityCaution, familiarityNotice } from '../../shared/familiarityNotice.js';
import { scoringNote } from '../../shared/scoringNote.js';
import { bucketOf, formatDelta, formatPercent } from '../valueScale.js';
import type {
  AnswerCheckView,
  BeamView,
  CandidateView,
  SearchSettingsView,
  SolveView,
  StepView,
  TokenView,
  TreeLevelView,
  ValueView,
} from '../../shared/webviewProtocol.js';

export function valueView(value: number | null): ValueView | null {
  return value === null || !Number.isFinite(value) ? null : { value, percent: formatPercent(value), bucket: bucketOf(value) };
}

/** A log-probability with a true minus sign, "−0.214". */
function formatLogprob(logprob: number): string {
  return logprob.toFixed(3).replace('-', '\u2212');
}

/** What the panel knows before the engine answers. */
export interface SolveRequestInfo {
  documentUri: string;
  problem: Pick<Problem, 'key' | 'title' | 'text'>;
  settings: SearchSettingsView;
}

export function pendingView(request: SolveRequestInfo, message: string): SolveView {
  return {
    documentUri: request.documentUri,
    problemKey: request.problem.key,
    title: request.problem.title,
    problem: request.problem.text,
    status: 'solving',
    message,
    notice: null,
    settings: request.settings,
    scoring: null,
    steps: [],
    answer: null,
    tree: [],
    paths: [],
    votes: [],
    stats: null,
  };
}

/** The same view, stopped: keeps whatever was shown, with the reason. */
export function stoppedView(view: SolveView, status: 'cancelled' | 'error', message: string): SolveView {
  return { ...view, status, message };
}

/**
 * Tokens the token view leaves out: the bundle's EOS token and tokens that are only line breaks
 * (the step delimiter). They stay in the trace; the step's value is still the last token's.
 */
export function isHiddenToken(text: string, eosToken: string | null): boolean {
  return (eosToken !== null && eosToken !== '' && text === eosToken) || /^[\r\n]+$/.test(text);
}

function tokens(scored: ScoredText, eosToken: string | null): TokenView[] {
  const calculated = new Set(scored.calculated ?? []);
  return scored.tokenTexts.flatMap((text, i) =>
    isHiddenToken(text, eosToken) ? [] : [{ text, value: valueView(scored.tokenValues?.[i] ?? null), calculated: calculated.has(i) }],
  );
}

function steps(trace: SearchTrace, eosToken: string | null): StepView[] {
  // The value before the first step is the root beam's (the prompt's), when the search scored it.
  let previous = trace.steps[0]?.beams[0]?.value ?? null;
  return trace.chosen.map((step, index) => {
    const delta = step.value !== null && previous !== null ? formatDelta(step.value - previous) : null;
    previous = step.value;
    return { index, text: step.text, value: valueView(step.value), delta, tokens: tokens(step, eosToken) };
  });
}

function candidate(c: TraceCandidate, chosenIds: ReadonlySet<string>): CandidateView {
  return {
    id: c.id,
    parentBeam: c.parentBeam,
    text: c.text,
    value: valueView(c.value),
    kept: c.kept,
    chosen: chosenIds.has(c.id),
    finished: c.finished,
    answer: c.answer,
    rank: c.rank,
    duplicateOf: c.duplicateOf,
    contradiction: c.exact?.verdict === 'false' || c.exact?.verdict === 'does-not-follow' ? c.exact.message : null,
  };
}

function tree(levels: readonly TraceStep[], chosenIds: ReadonlySet<string>): TreeLevelView[] {
  return levels.map((level) => ({
    depth: level.index,
    beams: level.beams.map(
      (beam): BeamView => ({
        index: beam.index,
        value: valueView(beam.value),
        fromCandidate: beam.fromCandidate,
        candidates: beam.candidates.map((c) => candidate(c, chosenIds)),
      }),
    ),
  }));
}

/** The badge by the answer: null when the answer was not checked (no exact reading, or exact math off). */
export function answerCheck(verified: boolean | null): AnswerCheckView | null {
  return verified === null ? null : { verified, text: verified ? 'verified' : 'does not satisfy the problem' };
}

/**
 * `familiarity`: how familiar the problem is and whether the trace's values are calibrated (SolveResult.familiarity);
 * `verified`: the final answer checked against the problem (SolveResult.verified);
 * `eosToken`: the bundle's EOS token string, left out of the token view (null when unknown).
 */
export function solvedView(
  request: SolveRequestInfo,
  trace: SearchTrace,
  familiarity: Familiarity,
  verified: boolean | null,
  eosToken: string | null = null,
): SolveView {
  const chosenIds = new Set(trace.chosen.flatMap((s) => (s.candidateId === null ? [] : [s.candidateId])));
  const last = trace.chosen[trace.chosen.length - 1];
  const { params } = trace;
  return {
    ...pendingView(request, ''),
    status: 'done',
    message: trace.outcome === 'no-answer' ? 'The search ended without stating an answer.' : null,
    notice: familiarityNotice(familiarity, params.verifier !== null, verified),
    // The engine's parameters are the ones that were actually used (after its defaults).
    settings: { ...request.settings, strategy: params.strategy, verifier: params.verifier, k: params.k, b: params.b, temperature: params.temperature, maxSteps: params.maxSteps },
    scoring: scoringNote(params),
    steps: steps(trace, eosToken),
    answer: trace.answer === null ? null : { text: trace.answer, value: valueView(last?.value ?? null), check: answerCheck(verified), caution: familiarityCaution(familiarity, params.verifier !== null) },
    tree: tree(trace.steps, chosenIds),
    paths: trace.paths.map((p) => ({
      index: p.index,
      steps: p.steps.map((s) => s.text),
      answer: p.answer,
      value: valueView(p.value),
      likelihood: params.ranking === 'likelihood' && p.meanLogprob !== null ? `mean log p ${formatLogprob(p.meanLogprob)}` : null,
      chosen: p.chosen,
    })),
    votes: trace.votes.map((v) => ({ answer: v.answer, count: v.members.length, weight: v.weight, winner: v.winner })),
    stats: { seconds: (trace.timings.totalMs / 1000).toFixed(1), sampledCandidates: trace.timings.sampledCandidates },
  };
}

/** A panel restored after a window reload cannot still be solving: that request died with the window. */
export function restoredView(view: SolveView): SolveView {
  return view.status === 'solving' ? stoppedView(view, 'cancelled', 'Interrupted by a window reload. Solve again to rerun.') : view;
}
