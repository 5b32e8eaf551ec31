// A search trace with every value as displayed (calibration.ts): what the panel, the hover and
// the CLI render. The search itself ranked candidates by raw values; for one problem the map is
// increasing in the raw value, so the ranking it shows is the one it ran. A weighted vote's
// weights are sums used for ranking, not probabilities, and stay as computed. The chosen steps, and
// the same candidates and path in the tree, may be shown through another map (`showChosen`: raised
// when exact math verified the answer they reach, which the search did not know while it ranked).
import type { ChosenStep, ScoredText, SearchTrace, TraceCandidate, TracePath } from '../search/trace.js';

type Show = (raw: number) => number;

export function displayedTrace(trace: SearchTrace, show: Show, showChosen: Show = show): SearchTrace {
  const chosenIds = new Set(trace.chosen.map((step) => step.candidateId));
  return {
    ...trace,
    steps: trace.steps.map((step) => ({
      ...step,
      beams: step.beams.map((beam) => ({
        ...beam,
        value: beam.value === null ? null : show(beam.value),
        candidates: beam.candidates.map((candidate): TraceCandidate => scored(candidate, chosenIds.has(candidate.id) ? showChosen : show)),
      })),
    })),
    paths: trace.paths.map((path): TracePath => {
      const pathShow = path.chosen ? showChosen : show;
      return { ...path, value: path.value === null ? null : pathShow(path.value), steps: path.steps.map((s) => scored(s, pathShow)) };
    }),
    chosen: trace.chosen.map((step): ChosenStep => scored(step, showChosen)),
  };
}

function scored<T extends ScoredText>(text: T, show: Show): T {
  return { ...text, value: text.value === null ? null : show(text.value), tokenValues: text.tokenValues?.map(show) ?? null };
}
