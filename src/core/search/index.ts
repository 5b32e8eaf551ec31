// Search strategies and their trace format.
export * from './trace.js';
export { BadRequestError, DEFAULT_COMMON, type CommonOptions, type SearchModels } from './models.js';
export { greedy } from './greedy.js';
export { majorityVote, DEFAULT_N, type VoteOptions } from './majorityVote.js';
export { bestOfN, type BestOfNOptions } from './bestOfN.js';
export { stepBeamSearch, DEFAULT_BEAM, type BeamOptions } from './stepBeamSearch.js';
export { vote, bestOfN as selectBestOfN, type Selection } from './votes.js';
export { sampleFullPaths, scorePaths, toTracePath, type SampledPath } from './paths.js';
export { TextFormat } from './format.js';
export { SearchMeter } from './meter.js';
export { deriveSeed } from './seed.js';
export { searchModels, requireVerifier } from './fromEngine.js';
