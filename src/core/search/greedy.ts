// Greedy decoding: one path, argmax at every token. The baseline every search must beat.
import { DEFAULT_COMMON, type CommonOptions, type SearchModels } from './models.js';
import { searchByPaths } from './pathSearch.js';
import type { ProgressCallback, SearchTrace } from './trace.js';

export async function greedy(
  problem: string,
  models: SearchModels,
  options: Partial<CommonOptions> = {},
  signal?: AbortSignal,
  onProgress?: ProgressCallback,
): Promise<SearchTrace> {
  // Temperature is forced to 0; the verifier, when given, only annotates the path for display.
  const opts = { ...DEFAULT_COMMON, ...options, temperature: 0, n: 1 };
  return searchByPaths('greedy', problem, models, opts, (paths) => ({ chosen: 0, answer: paths[0]?.answer ?? null, votes: [] }), signal, onProgress);
}
