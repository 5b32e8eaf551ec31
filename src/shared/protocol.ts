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
