// Messages between processes. Type-only imports: this module is shared by the extension, the CLI,
// the engine child process and the webview bundle, and must pull no runtime code into any of them.
import type { BundleInfo } from '../core/lm.js';
import type { SolveRequest, SolveResult } from '../core/solve.js';
import type { CheckOptions, CheckResult, Hint, HintOptions } from '../core/check/index.js';
import type { SearchProgress, VerifierName } from '../core/search/trace.js';

// ─────────────────────────────────────────────────────────────────────────────────────────────
// Engine protocol: host (extension / CLI, EngineClient) ↔ engine child process (engine-process.ts)
// over Node IPC (process.send). Every request has an id; the engine answers each with exactly one
// `reply` (possibly after `progress` events with the same id). `cancel` asks it to stop one.
// ─────────────────────────────────────────────────────────────────────────────────────────────

/** Bumped on incompatible changes; the client refuses an engine announcing another version. */
export const ENGINE_PROTOCOL_VERSION = 1;

export type DeviceRequest = 'auto' | 'cpu' | 'cuda';

export interface LoadParams {
  /** Absolute path of the model bundle folder. */
  bundleDir: string;
  device: DeviceRequest;
}

export interface LoadResult {
  bundleDir: string;
  info: BundleInfo;
  /** Verifiers the bundle has (always 'tvm'; 'orm'/'prm' in benchmark bundles). */
  verifiers: VerifierName[];
  device: 'cpu' | 'cuda';
  /** Why that device, e.g. why CUDA was not used under 'auto'. */
  deviceReason: string;
  loadMs: number;
}

export interface CheckParams {
  problem: string;
  /** The user's steps, one line each. */
  steps: string[];
  options?: CheckOptions;
}

export interface HintParams {
  problem: string;
  steps: string[];
  options?: HintOptions;
}

/** Each method's parameters and result. */
export interface EngineMethods {
  load: { params: LoadParams; result: LoadResult };
  solve: { params: SolveRequest; result: SolveResult };
  check: { params: CheckParams; result: CheckResult };
  hint: { params: HintParams; result: Hint };
}
export type EngineMethod = keyof EngineMethods;
export type EngineParams<M extends EngineMethod> = EngineMethods[M]['params'];
export type EngineResult<M extends EngineMethod> = EngineMethods[M]['result'];

/**
 * 'bad-input': the request is wrong (options, text too long, no bundle loaded, CUDA requested
 * but absent); 'bundle': the model bundle is broken; 'cancelled': the request was cancelled;
 * 'internal': anything else, including the engine process dying.
 */
export type EngineErrorCode = 'bad-input' | 'bundle' | 'internal' | 'cancelled';

export interface EngineErrorPayload {
  code: EngineErrorCode;
  message: string;
}

// host → engine

export type EngineRequestMessage = {
  [M in EngineMethod]: { type: 'request'; id: number; method: M; params: EngineParams<M> };
}[EngineMethod];

export interface EngineCancelMessage {
  type: 'cancel';
  /** Id of the request to cancel; unknown or finished ids are ignored. */
  id: number;
}

export type HostToEngineMessage = EngineRequestMessage | EngineCancelMessage;

// engine → host

/** First message of a started engine; the host sends nothing before it. */
export interface EngineReadyMessage {
  type: 'ready';
  protocolVersion: number;
  pid: number;
}

export interface EngineProgressMessage {
  type: 'progress';
  id: number;
  progress: SearchProgress;
}

export type EngineReplyMessage =
  | { [M in EngineMethod]: { type: 'reply'; id: number; method: M; ok: true; result: EngineResult<M> } }[EngineMethod]
  | { type: 'reply'; id: number; method: EngineMethod; ok: false; error: EngineErrorPayload };

export type EngineToHostMessage = EngineReadyMessage | EngineProgressMessage | EngineReplyMessage;

// ─────────────────────────────────────────────────────────────────────────────────────────────
// Webview protocol: extension host (src/extension/solve) ↔ Solve panel script (media/src/panel.ts)
// over postMessage. The host sends a finished view model; the webview only lays it out. The
// webview says `ready` once it listens; the host posts nothing before that. Everything is plain
// JSON: it is also the panel state persisted across window reloads. Incoming webview messages are
// validated by src/extension/webview/validate.ts.
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
  /** A caution about the problem's wording (words the models never saw); null when none. */
  notice: string | null;
  settings: SearchSettingsView;
  steps: StepView[];
  answer: { text: string; value: ValueView | null; check: AnswerCheckView | null } | null;
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
