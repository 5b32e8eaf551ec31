// Assembles the SearchTrace of a strategy that samples complete paths (greedy, vote, best-of-N).
import type { TextFormat } from './format.js';
import type { SearchMeter } from './meter.js';
import type { Selection } from './votes.js';
import type { SearchParameters, SearchTrace, TracePath } from './trace.js';

export function pathTrace(
  problem: string,
  format: TextFormat,
  prefixSteps: readonly string[],
  params: SearchParameters,
  paths: TracePath[],
  selection: Selection,
  meter: SearchMeter,
): SearchTrace {
  const chosenPath = paths[selection.chosen];
  if (chosenPath) chosenPath.chosen = true;
  return {
    problem,
    prompt: format.prompt(problem),
    prefixSteps: [...prefixSteps],
    params,
    steps: [],
    paths,
    votes: selection.votes,
    chosen: (chosenPath?.steps ?? []).map((s) => ({ ...s, candidateId: null })),
    answer: selection.answer,
    outcome: selection.answer === null ? 'no-answer' : 'answered',
    timings: meter.timings(),
  };
}
