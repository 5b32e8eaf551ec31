// The engine protocol: every message between a host (the extension or the CLI, through
// EngineClient) and the engine child process (src/core/host/engineProcess.ts), and every type those
// messages carry. The types are *defined* here, not re-exported: src/core imports them from here
// (core → shared is allowed), while src/shared imports nothing outside src/shared, so the
// extension, the CLI and the webview name no type from src/core. See docs/CONTRACTS.md.
// Type declarations plus the constant lists the runtime validates against (strategies, verifiers);
// no other runtime code. Runtime validation of incoming messages: ./validate.ts.

// ─────────────────────────────────────────────────────────────────────────────────────────────
// Names and values
// ─────────────────────────────────────────────────────────────────────────────────────────────

export type VerifierName = 'tvm' | 'orm' | 'prm';

/**
 * Every search strategy, the default first, with the one-line description the settings UI shows
 * (package.json's `tvmTutor.strategy` enum and enumDescriptions must equal this list; a test checks)
 * and the CLI's help derives from.
 */
export const STRATEGIES = [
  { name: 'beam', description: 'Step-level beam search guided by the TVM (K candidates, b beams).', needsVerifier: true },
  { name: 'greedy', description: 'Greedy decoding (one path).', needsVerifier: false },
  { name: 'vote', description: 'Majority vote over K sampled paths.', needsVerifier: false },
  { name: 'bon', description: "Best-of-N: of K sampled paths, the one the TVM values most (without a value model: the one the policy finds likeliest, by mean token log-probability).", needsVerifier: false },
  { name: 'wvote', description: "Vote weighted by the TVM's values over K paths.", needsVerifier: true },
] as const satisfies ReadonlyArray<{ name: string; description: string; needsVerifier: boolean }>;

/** 'beam' | 'greedy' | 'vote' | 'bon' | 'wvote', from STRATEGIES. */
export type StrategyName = (typeof STRATEGIES)[number]['name'];

/** The strategy names, in STRATEGIES order. */
export const STRATEGY_NAMES: readonly StrategyName[] = STRATEGIES.map((s) => s.name);

export const DEFAULT_STRATEGY: StrategyName = 'beam';

/**
 * The strategies a bundle with these verifiers can run: all of them with a verifier, only those
 * that need none (greedy, vote, best-of-N by likelihood) for a policy alone (a Hugging Face folder
 * without a TVM).
 */
export function availableStrategies(verifiers: readonly VerifierName[]): StrategyName[] {
  return STRATEGIES.filter((s) => verifiers.length > 0 || !s.needsVerifier).map((s) => s.name);
}

export const VERIFIERS: readonly VerifierName[] = ['tvm', 'orm', 'prm'];

export type DeviceRequest = 'auto' | 'cpu' | 'cuda';

/**
 * Which ONNX weights of a Hugging Face model folder to load (transformers.js file names:
 * model.onnx, model_quantized.onnx, model_fp16.onnx, model_q4.onnx); 'auto' takes the first present.
 */
export const WEIGHTS = ['auto', 'fp32', 'int8', 'fp16', 'q4'] as const;
export type WeightsRequest = (typeof WEIGHTS)[number];

/** Why a sampled continuation ended: the step delimiter, EOS, or the token limit. */
export type FinishReason = 'step' | 'eos' | 'length';

/**
 * How the problem is written into the prompt template, as the policy was trained: 'v1' as typed
 * (on one line), 'v2' canonical (trailing punctuation and whitespace dropped: src/core/prompt).
 */
export const PROMPT_FORMATS = ['v1', 'v2'] as const;
export type PromptFormat = (typeof PROMPT_FORMATS)[number];

/** What a model bundle says about itself (its manifest). */
export interface BundleInfo {
  readonly name: string;
  /** Contains `{problem}`. */
  readonly promptTemplate: string;
  readonly promptFormat: PromptFormat;
  readonly stepDelimiter: string;
  readonly eosToken: string;
  /** Regular expression source; group 1 is the final answer. */
  readonly answerPattern: string;
  /** Longest sequence (prompt + generated) the models accept. */
  readonly maxPositions: number;
  /** Free-form training metadata from the manifest. */
  readonly training: Record<string, unknown>;
  /** How values are turned into the percentages shown ("calibration" of manifest.json or tutor.json); absent: raw values, shown as uncalibrated. */
  readonly calibration?: Calibration;
}

/**
 * The bundle's calibration ("calibration" of manifest.json or tutor.json, fitted by `npm run bench:calibration`;
 * src/core/familiarity). A problem is "unfamiliar" when the policy's mean surprise at its
 * statement (nats per token) or the number of its words the tokenizer splits into pieces is above
 * `unfamiliarAbove`; a value shown to the user is
 * displayed = σ(value · logit(raw) + unfamiliar · [the problem is unfamiliar] + surprise · s + bias),
 * where raw is the verifier's value and s the policy's mean surprise at the statement. The steps of
 * a solution whose final answer exact math verified against the problem are shown at least at
 * `verifiedFloor`.
 */
export interface Calibration {
  /**
   * Chosen on val only: a problem is "unfamiliar" when its surprise is above the one 99 % of val
   * problems stay under, or it has more split words than any val problem.
   */
  unfamiliarAbove: { surprise: number; splitWords: number };
  /** `surprise` is absent from maps fitted before it was a feature: 0. */
  weights: { value: number; unfamiliar: number; surprise?: number; bias: number };
  /**
   * The least value shown for a step of a solution whose final answer exact math verified: how
   * often verified answers were right where the map was fitted, (right + 1) / (verified + 2) (the
   * map itself is fitted on the other solves). Absent from maps fitted before it
   * existed: such solutions are shown through the map alone.
   */
  verifiedFloor?: number;
  /** What it was fitted on, and when (for people reading the manifest). */
  fittedOn: string;
}

/** How far a problem is from what the models were trained on, and whether its values are calibrated. */
export interface Familiarity {
  /** The policy's mean surprise at the problem statement, nats per token; null when the policy cannot report it (remote engine). */
  surprise: number | null;
  /** Words of the problem that the tokenizer splits into pieces (words its training text hardly had). */
  splitWords: number;
  /** Above the bundle's `unfamiliarAbove`; null when the bundle has no calibration or the policy no surprise. */
  unfamiliar: boolean | null;
  /** Every value in this result went through the bundle's calibration map; false: they are the verifier's raw values. */
  calibrated: boolean;
}

export type ExactVerdict = 'true' | 'false' | 'follows' | 'does-not-follow' | 'unknown';

/**
 * The exact check of one line (src/core/exact judges in this very type: its ExactJudgement is an
 * alias): a fact about it, or 'unknown' when none is claimed.
 */
export interface ExactCheck {
  verdict: ExactVerdict;
  /** 'false': the right value of the line's first side, in the line's own notation. */
  expected?: string;
  /** 'does-not-follow': a value that satisfies one of the two equations and not the other ("x = 5"). */
  witness?: string;
  /** For the student: what is wrong ('false', 'does-not-follow'), what holds, or why nothing is claimed ('unknown'). */
  message: string;
}

// ─────────────────────────────────────────────────────────────────────────────────────────────
// Search traces and progress (src/core/search)
// ─────────────────────────────────────────────────────────────────────────────────────────────

/** The parameters a search ran with, after defaults were applied. */
export interface SearchParameters {
  strategy: StrategyName;
  /** Which verifier scored candidates; null when none did (the bundle has no value model). */
  verifier: VerifierName | null;
  /**
   * What best-of-N ranked its paths by: the verifier's value at each path's last token, or, in a
   * bundle without a value model, the policy's likelihood (TracePath.meanLogprob); null for the
   * strategies that rank nothing (greedy, votes, beam search).
   */
  ranking: 'value' | 'likelihood' | null;
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
  /**
   * The policy's mean log-probability per sampled token (calculator tokens left out); null when
   * the policy reported none. Best-of-N ranks by it when the bundle has no value model.
   */
  meanLogprob: number | null;
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

/** Progress reports while a search runs. */
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
}

// ─────────────────────────────────────────────────────────────────────────────────────────────
// Solve, check and hint (src/core/solve.ts, src/core/check)
// ─────────────────────────────────────────────────────────────────────────────────────────────

export interface SolveRequest {
  problem: string;
  /** Default 'beam'. */
  strategy?: StrategyName;
  /** Default 'tvm'. Greedy and vote use it only to annotate steps with values. */
  verifier?: VerifierName;
  /** The sampling budget: K candidates per step for beam search, N paths for vote/best-of-N. */
  k?: number;
  /** Beams (beam search only). */
  b?: number;
  temperature?: number;
  topK?: number;
  topP?: number;
  seed?: number;
  maxSteps?: number;
  maxStepTokens?: number;
  /**
   * Exact math beside the verifier (default true): a calculator writes the results of closed
   * arithmetic while decoding, and candidates with a false or non-following line are pruned.
   */
  exact?: boolean;
}

export interface SolveResult {
  answer: string | null;
  steps: Array<{ text: string; value: number | null }>;
  strategy: StrategyName;
  trace: SearchTrace;
  /** The problem's familiarity (src/core/familiarity); every value above is displayed as it says. */
  familiarity: Familiarity;
  /**
   * The final answer checked against the problem itself (exact evaluation or substitution):
   * true: it satisfies the problem; false: it does not; null: the problem or the answer has no
   * exact reading (a word problem, no answer), so nothing is claimed.
   */
  verified: boolean | null;
}

export interface SuspicionOptions {
  /** Absolute success estimate below which a step counts as failing (when it was above before). */
  threshold: number;
  /** Fraction of the previous value lost in one step that counts as a collapse (0.5 = halved). */
  relativeDrop: number;
  /** Least absolute loss for a fall below the threshold to count. */
  minDrop: number;
}

export interface CheckOptions extends Partial<SuspicionOptions> {
  verifier?: VerifierName;
  /** Exact verdicts beside the verifier's values (default true); false: the TVM alone, as before. */
  exact?: boolean;
}

export interface CheckedToken {
  id: number;
  text: string;
  value: number;
}

/** An exact verdict on one line of a check or hint. */
export type ExactStep = ExactCheck;

export interface CheckedStep {
  text: string;
  /** Value at the step's last token (its line break). */
  value: number;
  /** Value just before the step (after the previous step, or after the problem for step 0). */
  before: number;
  tokens: CheckedToken[];
  /** The line's exact verdict (src/core/exact), judged on its own facts; null when exact math is off. */
  exact: ExactStep | null;
}

export interface CheckResult {
  verifier: VerifierName;
  /** Value after the problem alone: the prior chance of solving it. */
  problemValue: number;
  steps: CheckedStep[];
  /** The verifier's first collapse (see src/core/check/suspicious.ts); exact verdicts do not move it. */
  firstSuspicious: number | null;
  /** The first step whose exact verdict is 'false' or 'does-not-follow'; null when none or exact math is off. */
  firstFalse: number | null;
  /**
   * Whether the verifier's collapse at firstSuspicious deserves a warning beside the exact verdicts:
   * not when an exact error at or before it explains it, when the line provably follows from the
   * problem's equation, or when the stated answer is verified and no line is false
   * (src/core/check/exactCheck.ts tvmWarningStands).
   */
  warningStands: boolean;
  /**
   * The first line a hint replaces: the first exactly contradicted line, the collapse when its
   * warning stands, or a final answer that does not satisfy the problem, whichever comes first; null when none.
   */
  firstFlagged: number | null;
  /**
   * The final answer stated by the last step, checked against the problem itself (exact
   * evaluation or substitution): null when no answer is stated, the problem or the answer has no
   * exact reading, or exact math is off.
   */
  verified: boolean | null;
  /** Within the suspicious step, the token where the value falls most; null when nothing is suspicious. */
  suspiciousToken: number | null;
  /**
   * How far the verifier's raw value fell over the suspicious step (0–1): the scale its collapse
   * rule and the Warning threshold were measured on, whatever the displayed (calibrated) values show.
   */
  suspiciousDrop: number | null;
  reason: string;
  /** Whether the last step states a final answer. */
  finished: boolean;
  /** The problem's familiarity (src/core/familiarity); every value above is displayed as it says. */
  familiarity: Familiarity;
}

export interface HintOptions {
  /** Candidate next steps sampled. */
  k?: number;
  seed?: number;
  temperature?: number;
  verifier?: VerifierName;
  maxStepTokens?: number;
  /** Exact math (default true): candidates it contradicts are passed over; false: the verifier's best, as before. */
  exact?: boolean;
}

/**
 * 'step': a next line; 'stop': the model would end here (it thinks the working is complete);
 * 'all-contradicted': exact math contradicted every candidate line, so there is no hint.
 */
export type HintOutcome = 'step' | 'stop' | 'all-contradicted';

export interface Hint {
  outcome: HintOutcome;
  /** The suggested line; '' unless the outcome is 'step'. */
  text: string;
  value: number;
  /** Index the step would have in the user's working (replacing a suspicious step, or appended). */
  position: number;
  /** The suggested line states a final answer or ends the solution. */
  finished: boolean;
  /** The suggested line's exact verdict ('true', 'follows' or 'unknown'); null when exact math is off or there is no line. */
  exact: ExactStep | null;
  /** Candidate lines passed over because exact math contradicted them (0 when it is off). */
  rejected: number;
  trace: SearchTrace;
  /** The problem's familiarity (src/core/familiarity); `value` and the trace's values are displayed as it says. */
  familiarity: Familiarity;
}

// ─────────────────────────────────────────────────────────────────────────────────────────────
// Engine protocol: host (extension / CLI, EngineClient) ↔ engine child process (src/core/host/engineProcess.ts)
// over Node IPC (process.send). Every request has an id; the engine answers each with exactly one
// `reply` (possibly after `progress` events with the same id). `cancel` asks it to stop one.
// ─────────────────────────────────────────────────────────────────────────────────────────────

/** Bumped on incompatible changes; the client refuses an engine announcing another version. */
export const ENGINE_PROTOCOL_VERSION = 3;

export interface LoadParams {
  /** Absolute path of the model bundle folder. */
  bundleDir: string;
  device: DeviceRequest;
  /** Hugging Face folders only; default 'auto'. */
  weights?: WeightsRequest;
  /**
   * The remote engine: the policy runs on this OpenAI-compatible server (it must serve the
   * bundle's policy: the engine sends token ids); the verifiers run here. Absent: all local.
   */
  remote?: RemoteEngineParams;
}

export interface RemoteEngineParams {
  /** http(s) base URL of the server. */
  url: string;
  /** The `model` name the server serves the policy under. */
  model: string;
  /** Sent as a Bearer token; never logged, traced or put in a message. */
  apiKey?: string;
  timeoutMs?: number;
}

export interface LoadResult {
  bundleDir: string;
  /** Where the policy runs: the server's origin (scheme://host:port) for the remote engine. */
  policyServer?: string;
  info: BundleInfo;
  /** Verifiers the bundle has ('tvm' in our own bundles, 'orm'/'prm' in benchmark bundles; none in a Hugging Face folder without tutor.json verifiers). */
  verifiers: VerifierName[];
  /** The strategies it can run (availableStrategies); Check my steps needs the TVM. */
  strategies: StrategyName[];
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
 * 'server': the remote engine's model server failed (down, too slow, an HTTP error, a reply it
 * could not read, an unknown model); 'internal': anything else, including the engine process dying.
 */
export type EngineErrorCode = 'bad-input' | 'bundle' | 'internal' | 'cancelled' | 'server';

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

