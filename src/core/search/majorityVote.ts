// Majority vote (self-consistency): sample N complete paths, return the most frequent answer.
// Needs no verifier; a given one only annotates the paths with values for display.
import { BadRequestError, DEFAULT_COMMON, type CommonOptions, type SearchModels } from './models.js';
import { searchByPaths } from './pathSearch.js';
import { vote } from './votes.js';
import type { ProgressCallback, SearchTrace } from './trace.js';

export interface VoteOptions extends CommonOptions {
  /** Complete paths sampled. */
  n: number;
}

export const DEFAULT_N = 16;

export async function majorityVote(
  problem: string,
  models: SearchModels,
  options: Partial<VoteOptions> = {},
  signal?: AbortSignal,
  onProgress?: ProgressCallback,
): Promise<SearchTrace> {
  const opts: VoteOptions = { ...DEFAULT_COMMON, n: DEFAULT_N, ...options };
  if (opts.temperature === 0 && opts.n > 1) {
    throw new BadRequestError('majority vote with temperature 0 samples the same path N times: use a temperature above 0');
  }
  return searchByPaths('vote', problem, models, opts, (paths) => vote(paths, false), signal, onProgress);
}
