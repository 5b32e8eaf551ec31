// The complete record of one search. The UI and the CLI only render it: every sampled step with
// its tokens and per-token values, which candidates were kept or pruned, the chosen path and why.
// Everything is plain JSON (no classes, no typed arrays) so it crosses the engine process boundary;
// the types are wire types, defined in src/shared/engineProtocol.ts and re-exported here for the engine.
import type { SearchProgress } from '../../shared/engineProtocol.js';

export type {
  ChosenStep,
  ExactCheck,
  ScoredText,
  SearchParameters,
  SearchProgress,
  SearchTimings,
  SearchTrace,
  StrategyName,
  TraceBeam,
  TraceCandidate,
  TracePath,
  TraceStep,
  TraceVote,
  VerifierName,
} from '../../shared/engineProtocol.js';

export type ProgressCallback = (progress: SearchProgress) => void;
