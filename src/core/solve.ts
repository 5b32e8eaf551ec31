// The solve entry point: one request, dispatched to the chosen strategy. The engine process and
// the CLI call this; the returned trace is everything the UI renders.
import type { EngineModels } from './lm.js';
import { BadRequestError, DEFAULT_COMMON } from './search/models.js';
import { searchModels } from './search/fromEngine.js';
import { greedy } from './search/greedy.js';
import { majorityVote, DEFAULT_N } from './search/majorityVote.js';
import { bestOfN } from './search/bestOfN.js';
import { stepBeamSearch, DEFAULT_BEAM } from './search/stepBeamSearch.js';
import type { ProgressCallback, SearchTrace } from './search/trace.js';
import { DEFAULT_STRATEGY, STRATEGIES, STRATEGY_NAMES, VERIFIERS, type SolveRequest, type SolveResult, type StrategyName } from '../shared/engineProtocol.js';
import { verifyAnswer } from './exact/index.js';
import { assessFamiliarity } from './familiarity/assess.js';
import { displayedTrace } from './familiarity/displayedTrace.js';
import { TextFormat } from './search/format.js';
import { checkProblemText } from './problemText.js';

export type { SolveRequest, SolveResult } from '../shared/engineProtocol.js';

/** How an error message names each strategy. */
const STRATEGY_PURPOSE: Record<StrategyName, string> = {
  beam: 'beam search',
  greedy: 'greedy decoding',
  vote: 'majority voting',
  bon: 'best-of-N',
  wvote: 'the weighted vote',
};

export async function solve(
  models: EngineModels,
  request: SolveRequest,
  signal?: AbortSignal,
  onProgress?: ProgressCallback,
): Promise<SolveResult> {
  checkProblemText(request.problem);
  const strategy = request.strategy ?? DEFAULT_STRATEGY;
  if (!STRATEGY_NAMES.includes(strategy)) throw new BadRequestError(`unknown strategy "${strategy}": use one of ${STRATEGY_NAMES.join(', ')}`);
  const verifier = request.verifier ?? 'tvm';
  if (!VERIFIERS.includes(verifier)) throw new BadRequestError(`unknown verifier "${verifier}": use one of ${VERIFIERS.join(', ')}`);
  // Greedy and voting need no verifier (one only annotates their paths), and best-of-N ranks by the
  // policy's likelihood without one: a policy alone runs them, unless a verifier was named.
  const needsVerifier = STRATEGIES.find((s) => s.name === strategy)?.needsVerifier === true;
  const annotateOnly = !needsVerifier && request.verifier === undefined && models[verifier] === undefined;
  const search = searchModels(models, annotateOnly ? null : verifier, STRATEGY_PURPOSE[strategy]);
  const common = {
    seed: request.seed ?? DEFAULT_COMMON.seed,
    temperature: request.temperature ?? DEFAULT_COMMON.temperature,
    topK: request.topK,
    topP: request.topP,
    maxSteps: request.maxSteps ?? DEFAULT_COMMON.maxSteps,
    maxStepTokens: request.maxStepTokens ?? DEFAULT_COMMON.maxStepTokens,
    exact: request.exact ?? true,
  };
  const n = request.k ?? DEFAULT_N;
  const raw = await run();
  // After the search, whose prefill recorded the policy's surprise at the problem.
  const display = await assessFamiliarity(models, new TextFormat(models.info, models.tokenizer), request.problem, signal);
  const verified = raw.answer === null || common.exact === false ? null : verifyAnswer(request.problem, raw.answer);
  const trace = displayedTrace(raw, display.show, verified === true ? display.showVerified : display.show);
  return {
    answer: trace.answer,
    steps: trace.chosen.map((s) => ({ text: s.text, value: s.value })),
    strategy,
    trace,
    familiarity: display.familiarity,
    verified,
  };

  function run(): Promise<SearchTrace> {
    switch (strategy) {
      case 'greedy':
        return greedy(request.problem, search, common, signal, onProgress);
      case 'vote':
        return majorityVote(request.problem, search, { ...common, n }, signal, onProgress);
      case 'bon':
        return bestOfN(request.problem, search, { ...common, n, aggregate: 'best' }, signal, onProgress);
      case 'wvote':
        return bestOfN(request.problem, search, { ...common, n, aggregate: 'weighted-vote' }, signal, onProgress);
      case 'beam':
        return stepBeamSearch(request.problem, search, { ...common, k: request.k ?? DEFAULT_BEAM.k, b: request.b ?? DEFAULT_BEAM.b }, signal, onProgress);
    }
  }
}
