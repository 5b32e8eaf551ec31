// Verifier-guided step-level beam search (tvm-method.md, "Inference strategies"):
// K candidates and b beams; a step is one line. The single root beam (the prompt, or the user's
// own steps) gets all K samples; afterwards each live beam gets K/b. Every candidate is scored by
// the verifier's value at its last token (prefix + step), the top b are kept, and kept candidates
// that finish (EOS or a final-answer line) are set aside and shrink the beam width. A candidate
// whose text repeats a better one of the same beam is never kept: a confident policy often samples
// the same step K/b times, and copies of one beam would crowd out the alternatives. The answer is
// the highest-valued finished path. With exact math on (exactSearch.ts) the policy's arithmetic
// results are written by a calculator while it decodes, and a candidate whose line is false or
// does not follow from the line before it is never kept, whatever the verifier says.
import { throwIfAborted } from '../lm.js';
import { SearchMeter } from './meter.js';
import { TextFormat } from './format.js';
import { deriveSeed } from './seed.js';
import { exactSearch, judged } from './exactSearch.js';
import { isContradicted } from '../exact/index.js';
import type { LineJudge } from './exactSearch.js';
import { BadRequestError, DEFAULT_COMMON, DEFAULT_GROUNDING, type Grounding, requirePositiveInteger, searchParameters, validateCommon, type CommonOptions, type SearchModels } from './models.js';
import type { ChosenStep, ProgressCallback, SearchTrace, TraceCandidate, TraceStep } from './trace.js';

export interface BeamOptions extends CommonOptions {
  /** Candidates sampled per step (K). */
  k: number;
  /** Beams kept per step (b); K must be a multiple of b. */
  b: number;
  /** One of each beam's candidates is the greedy continuation (chosen on val: bench/results/exact/). */
  greedyCandidate?: boolean;
}

/** greedyCandidate on val (64 problems, exact math on): beam search + TVM 93.8 % with it, 92.2 % without. */
export const DEFAULT_BEAM = { k: 16, b: 4, greedyCandidate: true };

interface Beam {
  tokens: number[];
  chosen: ChosenStep[];
  value: number | null;
  fromCandidate: string | null;
  /** The exact checker's state after this beam's lines (null when exact math is off). */
  judge: LineJudge | null;
}

interface Finished {
  chosen: ChosenStep[];
  value: number;
  answer: string | null;
}

export async function stepBeamSearch(
  problem: string,
  models: SearchModels,
  options: Partial<BeamOptions> = {},
  signal?: AbortSignal,
  onProgress?: ProgressCallback,
): Promise<SearchTrace> {
  const opts: BeamOptions = { ...DEFAULT_COMMON, ...DEFAULT_BEAM, ...options };
  validateBeam(opts);
  const verifier = models.verifier;
  if (!verifier) throw new BadRequestError('beam search needs a verifier (tvm, orm or prm) to score steps');
  const format = new TextFormat(models.info, models.codec);
  const meter = new SearchMeter();
  const prefixSteps = opts.prefixSteps ?? [];
  const exact = opts.exact === false ? null : exactSearch(problem, models.codec);
  let live: Beam[] = [
    { tokens: format.encodeSearchPrefix(problem, prefixSteps), chosen: [], value: null, fromCandidate: null, judge: exact?.after(prefixSteps) ?? null },
  ];
  let width = opts.b;
  const finished: Finished[] = [];
  const steps: TraceStep[] = [];
  const report = (stage: 'sampling' | 'scoring' | 'step' | 'done', depth: number) =>
    onProgress?.({ strategy: 'beam', stage, depth, maxSteps: opts.maxSteps, finished: finished.length, sampledCandidates: meter.sampledCandidates, elapsedMs: meter.elapsedMs() });

  for (let depth = 0; depth < opts.maxSteps && live.length > 0; depth++) {
    throwIfAborted(signal);
    const perBeam = depth === 0 ? opts.k : opts.k / opts.b;
    report('sampling', depth);
    const continuations = await meter.sample(
      models.policy,
      live.map((beam) => beam.tokens),
      perBeam,
      {
        temperature: opts.temperature,
        topK: opts.topK,
        topP: opts.topP,
        seed: deriveSeed(opts.seed, depth),
        maxNewTokens: opts.maxStepTokens,
        stopAtStepEnd: true,
        ...(exact && { force: exact.force }),
        ...(opts.greedyCandidate && { greedyFirst: true }),
      },
      signal,
    );

    // Flatten (beam, sample) pairs so the verifier scores all of them in one batch.
    const pairs = live.flatMap((beam, beamIndex) => (continuations[beamIndex] ?? []).map((c, j) => ({ beam, beamIndex, j, c })));
    report('scoring', depth);
    const values = await meter.score(
      verifier.model,
      pairs.map(({ beam, c }) => [...beam.tokens, ...c.tokens]),
      signal,
    );

    const step: TraceStep = {
      index: depth,
      beams: live.map((beam, index) => ({ index, fromCandidate: beam.fromCandidate, value: beam.value, candidates: [] })),
    };
    const candidates = pairs.map(({ beam, beamIndex, j, c }, flat) => {
      const row = values[flat] ?? [];
      const prefixValue = row[beam.tokens.length - 1] ?? null;
      const traceBeam = step.beams[beamIndex];
      if (traceBeam && traceBeam.value === null) traceBeam.value = prefixValue;
      const tokenValues = row.slice(beam.tokens.length);
      const text = format.stepText(c.tokens);
      const totalLength = beam.tokens.length + c.tokens.length;
      const judge = beam.judge?.clone() ?? null;
      const lineFacts = judge && judged(judge.judge(text));
      const isFinished =
        c.finish === 'eos' || format.isAnswerLine(text) || c.tokens.length === 0 || totalLength >= models.info.maxPositions;
      const candidate: TraceCandidate = {
        id: `${depth}.${beamIndex}.${j}`,
        parentBeam: beamIndex,
        text,
        tokenIds: c.tokens,
        tokenTexts: format.tokenTexts(c.tokens),
        tokenValues,
        // An empty continuation (no room left) keeps its prefix's value.
        value: tokenValues.at(-1) ?? prefixValue ?? 0,
        finish: c.finish,
        finished: isFinished,
        answer: isFinished ? format.extractAnswer([...prefixSteps, ...beam.chosen.map((s) => s.text), text].join('\n')) : null,
        kept: false,
        rank: 0,
        duplicateOf: null,
        ...(c.forced && { calculated: c.forced }),
        ...lineFacts,
      };
      traceBeam?.candidates.push(candidate);
      return { candidate, beam, judge };
    });

    // Stable sort: equal values keep sampling order, so results do not depend on sort internals.
    const weight = groundingWeight(opts.grounding ?? DEFAULT_GROUNDING);
    const ranked = [...candidates].sort((x, y) => weight(y.candidate) - weight(x.candidate));
    ranked.forEach((entry, rank) => (entry.candidate.rank = rank));
    const next: Beam[] = [];
    let finishedNow = 0;
    const holding = distinct(ranked).filter(({ candidate }) => !isContradicted(candidate.exact));
    // 'prune': a line with a number from nowhere is kept only when no other line holds.
    const grounded = holding.filter(({ candidate }) => !candidate.ungrounded);
    const keepable = opts.grounding === 'prune' && grounded.length > 0 ? grounded : holding;
    for (const { candidate, beam, judge } of keepable.slice(0, width)) {
      candidate.kept = true;
      const { text, tokenIds, tokenTexts, tokenValues, value, calculated, exact: check, ungrounded } = candidate;
      const chosen = [
        ...beam.chosen,
        { text, tokenIds, tokenTexts, tokenValues, value, candidateId: candidate.id, ...(calculated && { calculated }), ...(check && { exact: check }), ...(ungrounded && { ungrounded }) },
      ];
      if (candidate.finished) {
        finished.push({ chosen, value: candidate.value ?? 0, answer: candidate.answer });
        finishedNow++;
      } else {
        next.push({ tokens: [...beam.tokens, ...candidate.tokenIds], chosen, value: candidate.value, fromCandidate: candidate.id, judge });
      }
    }
    width -= finishedNow;
    live = next;
    steps.push(step);
    report('step', depth);
  }

  const best = pickFinal(finished, live);
  const trace: SearchTrace = {
    problem,
    prompt: format.prompt(problem),
    prefixSteps: [...prefixSteps],
    params: searchParameters('beam', verifier.name, opts, opts.k, opts.b),
    steps,
    paths: [],
    votes: [],
    chosen: best.chosen,
    answer: best.answer,
    outcome: best.answer === null ? 'no-answer' : 'answered',
    timings: meter.timings(),
  };
  report('done', steps.length);
  return trace;
}

/** The candidates in rank order, less those marked as repeating a better one of the same beam. */
function distinct<T extends { candidate: TraceCandidate }>(ranked: T[]): T[] {
  const firstWithText = new Map<string, string>();
  return ranked.filter(({ candidate }) => {
    const key = `${candidate.parentBeam}\u0000${candidate.text}`;
    const first = firstWithText.get(key);
    if (first === undefined) firstWithText.set(key, candidate.id);
    else candidate.duplicateOf = first;
    return first === undefined;
  });
}

/**
 * The highest-valued finished path that states an answer; failing that, the highest-valued
 * finished path; failing that (every beam ran out of steps), the highest-valued live beam.
 */
function pickFinal(finished: Finished[], live: Beam[]): { chosen: ChosenStep[]; answer: string | null } {
  const byValue = <T extends { value: number | null }>(items: T[]) => items.reduce<T | undefined>((best, x) => (!best || (x.value ?? 0) > (best.value ?? 0) ? x : best), undefined);
  const answered = byValue(finished.filter((f) => f.answer !== null));
  if (answered) return answered;
  const anyFinished = byValue(finished);
  if (anyFinished) return anyFinished;
  return { chosen: byValue(live)?.chosen ?? [], answer: null };
}

function validateBeam(opts: BeamOptions): void {
  validateCommon(opts);
  requirePositiveInteger('k', opts.k);
  requirePositiveInteger('b', opts.b);
  if (opts.b > opts.k) throw new BadRequestError(`b (${opts.b} beams) cannot exceed k (${opts.k} candidates per step)`);
  if (opts.k % opts.b !== 0) throw new BadRequestError(`k (${opts.k}) must be a multiple of b (${opts.b}) so each beam gets k/b samples`);
}

/** What a candidate is ranked by: its value, halved under 'downweight' when it uses a number from nowhere. */
function groundingWeight(grounding: Grounding): (candidate: TraceCandidate) => number {
  return (candidate) => (candidate.value ?? 0) * (grounding === 'downweight' && candidate.ungrounded ? 0.5 : 1);
}
