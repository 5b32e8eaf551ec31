// The webview protocol: messages between the extension host (src/extension/solve) and the Solve
// panel's script (media/src/panel.ts), and the view model they carry. Types only, defined here;
// src/shared imports nothing outside src/shared (see docs/CONTRACTS.md). Runtime validation of
// what the webview sends and restores: ./validate.ts.

// ─────────────────────────────────────────────────────────────────────────────────────────────
// Webview protocol: extension host (src/extension/solve) ↔ Solve panel script (media/src/panel.ts)
// over postMessage. The host sends a finished view model; the webview only lays it out. The
// webview says `ready` once it listens; the host posts nothing before that. Everything is plain
// JSON: it is also the panel state persisted across window reloads. Incoming webview messages are
// validated by src/shared/validate.ts.
// ─────────────────────────────────────────────────────────────────────────────────────────────

export type ValueBucket = 0 | 1 | 2 | 3 | 4;

/** A number with its display forms, computed once on the host. */
export interface ValueView {
  value: number;
  percent: string;
  /** Colour band 0 (lowest) … 4 (highest), see src/extension/valueScale.ts. */
  bucket: ValueBucket;
}

export interface TokenView {
  text: string;
  value: ValueView | null;
  /** Written by the calculator, not sampled. */
  calculated: boolean;
}

export interface StepView {
  index: number;
  /** Markdown with `$…$` math. */
  text: string;
  value: ValueView | null;
  /** Change from the previous step (or from the prompt for the first step), e.g. "+5 pts". */
  delta: string | null;
  tokens: TokenView[];
}

export interface CandidateView {
  id: string;
  parentBeam: number;
  text: string;
  value: ValueView | null;
  kept: boolean;
  /** On the returned solution. */
  chosen: boolean;
  finished: boolean;
  answer: string | null;
  rank: number;
  /** Id of the better candidate of the same beam with the same text. */
  duplicateOf: string | null;
  /** Why an exact fact rules the candidate out (its line is false or does not follow); null otherwise. */
  contradiction: string | null;
}

export interface BeamView {
  index: number;
  value: ValueView | null;
  fromCandidate: string | null;
  candidates: CandidateView[];
}

export interface TreeLevelView {
  depth: number;
  beams: BeamView[];
}

/** A complete sampled path (greedy, vote, best-of-N). */
export interface PathView {
  index: number;
  steps: string[];
  answer: string | null;
  value: ValueView | null;
  /** "mean log p −0.214" when best-of-N ranked the paths by the policy's likelihood, else null. */
  likelihood: string | null;
  chosen: boolean;
}

export interface VoteView {
  answer: string;
  count: number;
  weight: number | null;
  winner: boolean;
}

export interface SearchSettingsView {
  strategy: string;
  verifier: string | null;
  k: number;
  b: number;
  temperature: number;
  maxSteps: number;
  model: string;
  device: string;
}

/** The final answer checked against the problem itself (exact evaluation or substitution). */
export interface AnswerCheckView {
  verified: boolean;
  /** "verified" or "does not satisfy the problem". */
  text: string;
}

export type SolveStatus = 'solving' | 'done' | 'cancelled' | 'error';

export interface SolveView {
  documentUri: string;
  problemKey: string;
  title: string;
  /** The problem statement, markdown with math. */
  problem: string;
  status: SolveStatus;
  /** Progress text while solving, the reason when cancelled or failed. */
  message: string | null;
  /** "Unfamiliar problem" or "uncalibrated" in a sentence (src/shared/familiarityNotice.ts); null when neither. */
  notice: string | null;
  settings: SearchSettingsView;
  /**
   * How the solution was chosen and valued ("ranked by the TVM", "ranked by the policy's
   * likelihood …; this bundle has no value model"); null until the engine answers.
   */
  scoring: string | null;
  steps: StepView[];
  /** `caution`: "unfamiliar problem" or "uncalibrated" beside the answer; null when neither. */
  answer: { text: string; value: ValueView | null; check: AnswerCheckView | null; caution: string | null } | null;
  tree: TreeLevelView[];
  paths: PathView[];
  votes: VoteView[];
  /** Whole seconds and candidates, for the footer; null until done. */
  stats: { seconds: string; sampledCandidates: number } | null;
}

export type HostToWebview = { type: 'view'; view: SolveView } | { type: 'progress'; text: string };

export type WebviewToHost =
  /** Sent once the script has loaded; the host posts nothing before it (earlier posts are lost). */
  | { type: 'ready' }
  | { type: 'insertSolution' }
  | { type: 'cancel' }
  | { type: 'solveAgain' };

/** What the webview persists with `setState`, and the serializer gets back after a reload. */
export interface WebviewState {
  view: SolveView | null;
  treeOpen: boolean;
  tokensOpen: boolean;
}
