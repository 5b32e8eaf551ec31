// How a solution was chosen and valued, in the words the Solve panel and the CLI both show: which
// verifier guided or ranked the search, or that the bundle has no value model (then best-of-N
// ranks by the policy's likelihood and no step carries a success percentage). A wording of the
// trace's parameters, which the search itself never reads: it lives with the wire types.
import type { SearchParameters } from './engineProtocol.js';

export const NO_VALUE_MODEL = 'this bundle has no value model';

export function scoringNote(params: Pick<SearchParameters, 'strategy' | 'verifier' | 'ranking'>): string {
  if (params.ranking === 'likelihood') return `ranked by the policy's likelihood (mean token log-probability); ${NO_VALUE_MODEL}`;
  if (params.verifier === null) return `not valued (${NO_VALUE_MODEL})`;
  const verifier = `the ${params.verifier.toUpperCase()}`;
  switch (params.strategy) {
    case 'beam':
      return `guided by ${verifier}`;
    case 'bon':
      return `ranked by ${verifier}`;
    case 'wvote':
      return `votes weighted by ${verifier}`;
    case 'greedy':
    case 'vote':
      return `steps valued by ${verifier}`;
  }
}
