// Greedy decoding: one path, argmax at every token. The baseline every search must beat.
import { SearchMeter } from './meter.js';
import { TextFormat } from './format.js';
import { DEFAULT_COMMON, validateCommon, type CommonOptions, type SearchModels } from './models.js';
import { sampleFullPaths, scorePaths, toTracePath } from './paths.js';
import { pathTrace } from './pathTrace.js';
import type { ProgressCallback, SearchTrace } from './trace.js';

export async function greedy(
  problem: string,
  models: SearchModels,
  options: Partial<CommonOptions> = {},
  signal?: AbortSignal,
  onProgress?: ProgressCallback,
): Promise<SearchTrace> {
  // Temperature is forced to 0; the verifier, when given, only annotates the path for display.
  const opts: CommonOptions = { ...DEFAULT_COMMON, ...options, temperature: 0 };
  validateCommon(opts);
  const format = new TextFormat(models.info, models.codec);
  const meter = new SearchMeter();
  const prefixSteps = opts.prefixSteps ?? [];
  const prompt = format.encodeSearchPrefix(problem, prefixSteps);
  const report = (stage: 'sampling' | 'scoring' | 'done') =>
    onProgress?.({ strategy: 'greedy', stage, depth: 0, maxSteps: opts.maxSteps, finished: stage === 'done' ? 1 : 0, sampledCandidates: meter.sampledCandidates, elapsedMs: meter.elapsedMs() });

  report('sampling');
  const sampled = await sampleFullPaths(models, meter, prompt, 1, opts, opts.seed, signal);
  report('scoring');
  const values = await scorePaths(models, meter, prompt, sampled, signal);
  const paths = sampled.map((p, i) => toTracePath(format, p, values?.[i] ?? null, i));
  const trace = pathTrace(
    problem,
    format,
    prefixSteps,
    { strategy: 'greedy', verifier: models.verifier?.name ?? null, k: 1, b: 1, temperature: 0, seed: opts.seed, maxSteps: opts.maxSteps, maxStepTokens: opts.maxStepTokens },
    paths,
    { chosen: 0, answer: paths[0]?.answer ?? null, votes: [] },
    meter,
  );
  report('done');
  return trace;
}
