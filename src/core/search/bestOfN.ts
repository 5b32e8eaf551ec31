// Best-of-N: sample N complete paths and rerank them with the verifier's value at the last token.
// The 'weighted-vote' variant sums values per equivalent answer instead (verifier-weighted vote).
import { BadRequestError, DEFAULT_COMMON, type SearchModels } from './models.js';
import { searchByPaths } from './pathSearch.js';
import { DEFAULT_N, type VoteOptions } from './majorityVote.js';
import { bestOfN as pickBest, vote } from './votes.js';
import type { ProgressCallback, SearchTrace } from './trace.js';

export interface BestOfNOptions extends VoteOptions {
  aggregate: 'best' | 'weighted-vote';
}

export async function bestOfN(
  problem: string,
  models: SearchModels,
  options: Partial<BestOfNOptions> = {},
  signal?: AbortSignal,
  onProgress?: ProgressCallback,
): Promise<SearchTrace> {
  if (!models.verifier) throw new BadRequestError('best-of-N needs a verifier (tvm, orm or prm) to rank the paths');
  const opts: BestOfNOptions = { ...DEFAULT_COMMON, n: DEFAULT_N, aggregate: 'best', ...options };
  const weighted = opts.aggregate === 'weighted-vote';
  return searchByPaths(weighted ? 'wvote' : 'bon', problem, models, opts, (paths) => (weighted ? vote(paths, true) : pickBest(paths)), signal, onProgress);
}
