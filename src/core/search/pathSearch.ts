// The shared body of greedy, majority vote and best-of-N: sample N complete paths, score them if a
// verifier is given, then let the strategy's selection rule pick one (by value, vote or the
// policy's likelihood).
import { SearchMeter } from './meter.js';
import { TextFormat } from './format.js';
import { requirePositiveInteger, searchParameters, validateCommon, type CommonOptions, type SearchModels } from './models.js';
import { sampleFullPaths, scorePaths, toTracePath } from './paths.js';
import { pathTrace } from './pathTrace.js';
import type { Selection } from './votes.js';
import type { ProgressCallback, SearchParameters, SearchTrace, StrategyName, TracePath } from './trace.js';
import { exactSearch, judgePath, selectUncontradicted } from './exactSearch.js';
import { repairedGreedyPath } from './greedyRepair.js';
import { isContradicted } from '../exact/index.js';

export async function searchByPaths(
  strategy: StrategyName,
  problem: string,
  models: SearchModels,
  /** `ranking`: what `select` ranks by (best-of-N), recorded in the trace's parameters. */
  opts: CommonOptions & { n: number; ranking?: SearchParameters['ranking'] },
  select: (paths: readonly TracePath[]) => Selection,
  signal: AbortSignal | undefined,
  onProgress: ProgressCallback | undefined,
): Promise<SearchTrace> {
  validateCommon(opts);
  requirePositiveInteger('n', opts.n);
  const format = new TextFormat(models.info, models.codec);
  const meter = new SearchMeter();
  const prefixSteps = opts.prefixSteps ?? [];
  const prompt = format.encodeSearchPrefix(problem, prefixSteps);
  const report = (stage: 'sampling' | 'scoring' | 'done', finished: number) =>
    onProgress?.({ strategy, stage, depth: 0, maxSteps: opts.maxSteps, finished, sampledCandidates: meter.sampledCandidates, elapsedMs: meter.elapsedMs() });

  const exact = opts.exact === false ? null : exactSearch(problem, models.codec);

  report('sampling', 0);
  const sampled =
    strategy === 'greedy' && exact
      ? [await repairedGreedyPath(models, meter, format, prompt, opts, exact, signal)]
      : await sampleFullPaths(models, meter, prompt, opts.n, { ...opts, ...(exact && { force: exact.force }) }, opts.seed, signal);
  report('scoring', sampled.length);
  const values = await scorePaths(models, meter, prompt, sampled, signal);
  const paths = sampled.map((p, i) => toTracePath(format, p, values?.[i] ?? null, i));
  if (exact) paths.forEach((path) => judgePath(path, exact, prefixSteps));
  const trace = pathTrace(
    problem,
    format,
    prefixSteps,
    searchParameters(strategy, models.verifier?.name ?? null, opts, opts.n, 1, opts.ranking ?? null),
    paths,
    selectUncontradicted(paths, select),
    meter,
  );
  report('done', sampled.length);
  return exact ? withoutContradictedEnd(trace) : trace;
}

/**
 * When every path was contradicted (greedy's one path that could not be repaired), the solution
 * shown stops before its first contradicted line and states no answer: a false line is never
 * shown as a step. The path itself stays in the trace with its verdicts.
 */
function withoutContradictedEnd(trace: SearchTrace): SearchTrace {
  const bad = trace.chosen.findIndex((step) => isContradicted(step.exact));
  if (bad < 0) return trace;
  return { ...trace, chosen: trace.chosen.slice(0, bad), answer: null, outcome: 'no-answer' };
}

