// Best-of-N: sample N complete paths and rerank them with the verifier's value at the last token;
// without a verifier (a bundle with no value model), by the policy's own mean token
// log-probability. The 'weighted-vote' variant sums values per equivalent answer instead
// (verifier-weighted vote), which needs a verifier.
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
  const opts: BestOfNOptions = { ...DEFAULT_COMMON, n: DEFAULT_N, aggregate: 'best', ...options };
  const weighted = opts.aggregate === 'weighted-vote';
  if (weighted && !models.verifier) throw new BadRequestError('the weighted vote needs a verifier (tvm, orm or prm) to weigh the paths');
  if (weighted) return searchByPaths('wvote', problem, models, opts, (paths) => vote(paths, true), signal, onProgress);
  const ranking = models.verifier ? 'value' : 'likelihood';
  return searchByPaths('bon', problem, models, { ...opts, ranking }, (paths) => pickBest(paths, ranking), signal, onProgress);
}
