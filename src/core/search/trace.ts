// The complete record of one search. The UI and the CLI only render it: every sampled step with
// its tokens and per-token values, which candidates were kept or pruned, the chosen path and why.
// Everything is plain JSON (no classes, no typed arrays) so it crosses the engine process boundary.
import type { FinishReason } from '../lm.js';

export type StrategyName = 'greedy' | 'vote' | 'bon' | 'wvote' | 'beam';
export type VerifierName = 'tvm' | 'orm' | 'prm';

/** The parameters a search ran with, after defaults were applied. */
export interface SearchParameters {
  strategy: StrategyName;
  /** Which verifier scored candidates; null when none did (greedy and plain voting). */
  verifier: VerifierName | null;
  /** Beam search: candidates sampled per step (K). Vote/best-of-N: complete paths sampled (N). Greedy: 1. */
  k: number;
  /** Beam search: beams kept per step (b). 1 for the other strategies. */
  b: number;
  temperature: number;
  topK?: number;
  topP?: number;
  seed: number;
  /** Most steps (lines) a path may have. */
  maxSteps: number;
  /** Most tokens one step may have. */
  maxStepTokens: number;
  /** Exact math on: the calculator wrote results and contradicted candidates were pruned. */
  exact: boolean;
}

/** The exact check of one line (src/core/exact): a fact about it, or 'unknown' when none is claimed. */
export interface ExactCheck {
  verdict: 'true' | 'false' | 'follows' | 'does-not-follow' | 'unknown';
  /** 'false': the right value of the line's first side. */
  expected?: string;
  /** 'does-not-follow': a value satisfying one of the equations and not the other. */
  witness?: string;
  message: string;
}

/** A run of tokens with the verifier's value after each; shared by candidates and path steps. */
export interface ScoredText {
  text: string;
  tokenIds: number[];
  /** Text each token contributes (EOS is shown as the bundle's EOS token string). */
  tokenTexts: string[];
  /** P(correct | prefix up to this token) per token; null when no verifier scored it. */
  tokenValues: number[] | null;
  /** Value at the last token (the step value); null when unscored. */
  value: number | null;
  /** Indexes into tokenIds of the tokens the calculator wrote (absent when none or exact math is off). */
  calculated?: number[];
  /** The line's exact check; absent when exact math is off. */
  exact?: ExactCheck;
  /**
   * Numbers the line uses from nowhere: not in the problem, an earlier line, or its own result
   * (src/core/exact/grounding.ts); absent when none or exact math is off.
   */
  ungrounded?: string[];
}

/** One sampled next step in beam search. */
export interface TraceCandidate extends ScoredText {
  /** Unique in the trace: "<step>.<beam>.<index within beam>". */
  id: string;
  /** Index of the beam (within its TraceStep) this candidate extends. */
  parentBeam: number;
  finish: FinishReason;
  /** Ends its path: EOS, a final-answer line, or no room left for another token. */
  finished: boolean;
  /** Final answer stated by the path ending here (finished candidates only). */
  answer: string | null;
  /**
   * Among the top b distinct candidates of its step that no exact fact contradicts: a live beam
   * at the next step, or set aside if finished. A contradicted candidate (exact verdict 'false'
   * or 'does-not-follow') is never kept, whatever its value.
   */
  kept: boolean;
  /** Rank by value among all candidates of its step, 0 = best. */
  rank: number;
  /** A higher-ranked candidate of the same beam with the same text (never kept: it would be a second copy of that beam). */
  duplicateOf: string | null;
}

export interface TraceBeam {
  /** Position of this beam within its step. */
  index: number;
  /** The kept candidate (id) this beam continues; null for the root (the prompt or the user's own steps). */
  fromCandidate: string | null;
  /** Value of the beam's prefix at its last token; null before anything was scored. */
  value: number | null;
  candidates: TraceCandidate[];
}

export interface TraceStep {
  /** 0-based depth: the step number within the solution (after any given prefix steps). */
  index: number;
  beams: TraceBeam[];
}

/** One complete sampled path (greedy, vote, best-of-N). */
export interface TracePath {
  index: number;
  steps: ScoredText[];
  finish: FinishReason;
  answer: string | null;
  /** Verifier value at the path's last token; null when unscored. */
  value: number | null;
  chosen: boolean;
}

/** One group of equivalent answers in a vote. */
export interface TraceVote {
  answer: string;
  /** Indexes into `paths`. */
  members: number[];
  /** Sum of members' values (verifier-weighted vote); null for a plain vote. */
  weight: number | null;
  winner: boolean;
}

/** A step of the chosen solution; `candidateId` links it back into `steps` for beam search. */
export interface ChosenStep extends ScoredText {
  candidateId: string | null;
}

export interface SearchTimings {
  totalMs: number;
  /** Time inside PolicyModel.sample. */
  sampleMs: number;
  /** Time inside ValueModel.tokenValues. */
  scoreMs: number;
  sampleCalls: number;
  scoreCalls: number;
  /** Tokens generated by the policy. */
  generatedTokens: number;
  /** Step or path candidates sampled: the compute budget that strategies are compared at. */
  sampledCandidates: number;
}

export interface SearchTrace {
  problem: string;
  /** The templated prompt text. */
  prompt: string;
  /** Steps given before the search started (a hint continues the user's own working). */
  prefixSteps: string[];
  params: SearchParameters;
  /** Beam search: one entry per depth with every candidate. Empty for the other strategies. */
  steps: TraceStep[];
  /** Greedy, vote, best-of-N: every sampled complete path. Empty for beam search. */
  paths: TracePath[];
  /** Voting strategies: answer groups, largest first. */
  votes: TraceVote[];
  /** The solution returned (after prefixSteps). */
  chosen: ChosenStep[];
  answer: string | null;
  /** 'answered': the chosen path states an answer; 'no-answer': it does not (ran out of steps or tokens). */
  outcome: 'answered' | 'no-answer';
  timings: SearchTimings;
}

/** Progress reports while a search runs; `step` is set after each beam-search depth. */
export interface SearchProgress {
  strategy: StrategyName;
  stage: 'sampling' | 'scoring' | 'step' | 'done';
  /** Depth being worked on (beam search) or 0. */
  depth: number;
  maxSteps: number;
  /** Paths that have finished so far. */
  finished: number;
  sampledCandidates: number;
  elapsedMs: number;
  /** The depth just completed, for live rendering (stage 'step' only). */
  step?: TraceStep;
}

export type ProgressCallback = (progress: SearchProgress) => void;
