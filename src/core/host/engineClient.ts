// The host side of the engine: spawns the engine process (engineProcess.ts) lazily, matches replies to requests, turns
// AbortSignals into `cancel` messages, and after a crash starts a fresh engine on the next
// request (reloading the last bundle) while telling listeners what happened.
import { fork, type ChildProcess } from 'node:child_process';
import {
  ENGINE_PROTOCOL_VERSION,
  type CheckParams,
  type EngineErrorCode,
  type EngineMethod,
  type EngineParams,
  type EngineResult,
  type EngineToHostMessage,
  type HintParams,
  type HostToEngineMessage,
  type LoadParams,
} from '../../shared/engineProtocol.js';
import type { SolveRequest } from '../solve.js';
import type { SearchProgress } from '../search/trace.js';

export class EngineError extends Error {
  override readonly name = 'EngineError';
  constructor(
    readonly code: EngineErrorCode,
    message: string,
  ) {
    super(message);
  }
}

/**
 * What to quote from a dead engine's stderr: the last lines, plus the last "…Error: …" line when
 * it is further up (Node ends an uncaught error with its stack and properties, after the message).
 */
function crashDetail(stderr: string): string {
  const lines = stderr.trim().split('\n');
  const tail = lines.slice(-5);
  const errorLine = [...lines].reverse().find((line) => /^\s*(?:[A-Z]\w*)?Error\b/.test(line));
  return errorLine !== undefined && !tail.includes(errorLine) ? [errorLine.trim(), ...tail].join('\n') : tail.join('\n');
}

export type EngineEvent =
  | { type: 'started'; pid: number }
  /** The engine died while it was needed; pending requests were rejected. */
  | { type: 'crash'; error: EngineError }
  /** A line the engine wrote to stderr (onnxruntime warnings, crash traces). */
  | { type: 'stderr'; line: string };

export interface EngineClientOptions {
  /** The engine script: dist/engine.js, or src/core/host/engineProcess.ts with execArgv ['--import', 'tsx']. */
  enginePath: string;
  execArgv?: string[];
  /** Extra environment for the engine. */
  env?: Record<string, string>;
  /** How long a starting engine may take to say `ready` (default 30 s). */
  readyTimeoutMs?: number;
}

export interface RequestOptions {
  signal?: AbortSignal;
  onProgress?: (progress: SearchProgress) => void;
}

interface PendingRequest {
  resolve: (result: never) => void;
  reject: (error: EngineError) => void;
  onProgress?: (progress: SearchProgress) => void;
}

interface RunningEngine {
  child: ChildProcess;
  ready: Promise<void>;
}

export class EngineClient {
  private engine?: RunningEngine;
  private nextId = 1;
  private readonly pending = new Map<number, PendingRequest>();
  private readonly listeners = new Set<(event: EngineEvent) => void>();
  /** Replayed into a restarted engine so a crash does not lose the loaded bundle. */
  private lastLoad?: LoadParams;
  /** The replay of lastLoad into the current engine child, once started. */
  private reload?: { child: ChildProcess; done: Promise<unknown> };
  private disposed = false;

  constructor(private readonly options: EngineClientOptions) {}

  onEvent(listener: (event: EngineEvent) => void): { dispose(): void } {
    this.listeners.add(listener);
    return { dispose: () => this.listeners.delete(listener) };
  }

  /** The engine's process id, when one is running. */
  get pid(): number | undefined {
    return this.engine?.child.pid;
  }

  async load(params: LoadParams, options: RequestOptions = {}): Promise<EngineResult<'load'>> {
    const result = await this.request('load', params, options);
    this.lastLoad = params;
    if (this.engine) this.reload = { child: this.engine.child, done: Promise.resolve() };
    return result;
  }

  solve(params: SolveRequest, options: RequestOptions = {}): Promise<EngineResult<'solve'>> {
    return this.request('solve', params, options);
  }

  check(params: CheckParams, options: RequestOptions = {}): Promise<EngineResult<'check'>> {
    return this.request('check', params, options);
  }

  hint(params: HintParams, options: RequestOptions = {}): Promise<EngineResult<'hint'>> {
    return this.request('hint', params, options);
  }

  /** Stops the engine; pending requests reject with 'cancelled'. The client cannot be reused. */
  dispose(): void {
    this.disposed = true;
    this.rejectAll(new EngineError('cancelled', 'the engine was shut down'));
    const engine = this.engine;
    this.engine = undefined;
    if (engine) {
      engine.child.removeAllListeners('exit');
      // Closing IPC makes the engine release its sessions and exit; kill it if it lingers.
      if (engine.child.connected) engine.child.disconnect();
      const timer = setTimeout(() => engine.child.kill('SIGKILL'), 2000);
      timer.unref();
      engine.child.once('exit', () => clearTimeout(timer));
    }
    this.listeners.clear();
  }

  async request<M extends EngineMethod>(method: M, params: EngineParams<M>, options: RequestOptions = {}): Promise<EngineResult<M>> {
    const { signal } = options;
    if (this.disposed) throw new EngineError('cancelled', 'the engine client was disposed');
    if (signal?.aborted) throw new EngineError('cancelled', 'the request was cancelled');
    const engine = await this.start();
    const disposed = (): EngineError => new EngineError('cancelled', 'the engine client was disposed');
    if (this.disposed) throw disposed();
    if (method === 'load') {
      this.reload = undefined;
    } else if (this.lastLoad) {
      // A fresh engine (after a crash) gets the last bundle back before anything else.
      if (this.reload?.child !== engine.child) this.reload = { child: engine.child, done: this.send(engine, 'load', this.lastLoad, {}) };
      await this.reload.done;
      if (this.disposed) throw disposed();
    }
    return this.send(engine, method, params, options);
  }

  private send<M extends EngineMethod>(engine: RunningEngine, method: M, params: EngineParams<M>, options: RequestOptions): Promise<EngineResult<M>> {
    const id = this.nextId++;
    const { signal } = options;
    return new Promise<EngineResult<M>>((resolve, reject) => {
      // Aborted while waiting for the engine to start or reload (e.g. superseded by a newer
      // request as the user types): never send it, or the engine would compute it for nobody.
      if (signal?.aborted) {
        reject(new EngineError('cancelled', 'the request was cancelled'));
        return;
      }
      const onAbort = (): void => {
        if (!this.pending.delete(id)) return;
        this.post(engine, { type: 'cancel', id });
        reject(new EngineError('cancelled', 'the request was cancelled'));
      };
      const settle = <T>(fn: (value: T) => void) => (value: T) => {
        signal?.removeEventListener('abort', onAbort);
        fn(value);
      };
      this.pending.set(id, {
        resolve: settle(resolve as (value: never) => void),
        reject: settle(reject),
        ...(options.onProgress && { onProgress: options.onProgress }),
      });
      signal?.addEventListener('abort', onAbort, { once: true });
      this.post(engine, { type: 'request', id, method, params } as HostToEngineMessage);
    });
  }

  private post(engine: RunningEngine, message: HostToEngineMessage): void {
    if (!engine.child.connected) return; // its exit handler rejects what is pending
    engine.child.send(message);
  }

  private start(): Promise<RunningEngine> {
    const current = this.engine;
    if (current) return current.ready.then(() => current);
    const child = fork(this.options.enginePath, [], {
      execArgv: this.options.execArgv ?? [],
      stdio: ['ignore', 'ignore', 'pipe', 'ipc'],
      // ELECTRON_RUN_AS_NODE: in VS Code's extension host process.execPath is Electron.
      env: { ...process.env, ELECTRON_RUN_AS_NODE: '1', ORT_DISABLE_TELEMETRY: '1', ...this.options.env },
    });
    let stderrTail = '';
    child.stderr?.setEncoding('utf8');
    child.stderr?.on('data', (chunk: string) => {
      stderrTail = (stderrTail + chunk).slice(-4000);
      for (const line of chunk.split('\n')) if (line.trim()) this.emit({ type: 'stderr', line });
    });

    const ready = new Promise<void>((resolve, reject) => {
      const timer = setTimeout(() => {
        reject(new EngineError('internal', `the engine did not start within ${this.options.readyTimeoutMs ?? 30_000} ms`));
        child.kill('SIGKILL');
      }, this.options.readyTimeoutMs ?? 30_000);
      child.on('message', (message: EngineToHostMessage) => {
        if (message.type === 'ready') {
          clearTimeout(timer);
          if (message.protocolVersion !== ENGINE_PROTOCOL_VERSION) {
            reject(new EngineError('internal', `the engine speaks protocol ${message.protocolVersion}, this host ${ENGINE_PROTOCOL_VERSION}: rebuild (npm run build)`));
            child.kill();
            return;
          }
          this.emit({ type: 'started', pid: message.pid });
          resolve();
          return;
        }
        this.receive(message);
      });
      child.on('error', (error) => {
        clearTimeout(timer);
        reject(new EngineError('internal', `the engine could not be started: ${error.message}`));
      });
      child.on('exit', (code, signal) => {
        clearTimeout(timer);
        if (this.engine?.child === child) this.engine = undefined;
        const detail = crashDetail(stderrTail);
        const error = new EngineError(
          'internal',
          `the engine process stopped unexpectedly (${signal ? `signal ${signal}` : `exit code ${code}`}); it restarts on the next request` +
            (detail ? `\n${detail}` : ''),
        );
        reject(error);
        this.rejectAll(error);
        this.emit({ type: 'crash', error });
      });
    });
    // A failed start must not be cached: the next request tries again.
    ready.catch(() => {
      if (this.engine?.child === child) this.engine = undefined;
    });
    const running = { child, ready };
    this.engine = running;
    return ready.then(() => running);
  }

  private receive(message: EngineToHostMessage): void {
    if (message.type === 'progress') {
      this.pending.get(message.id)?.onProgress?.(message.progress);
      return;
    }
    if (message.type !== 'reply') return;
    const request = this.pending.get(message.id);
    if (!request) return; // cancelled on this side already
    this.pending.delete(message.id);
    if (message.ok) request.resolve(message.result as never);
    else request.reject(new EngineError(message.error.code, message.error.message));
  }

  private rejectAll(error: EngineError): void {
    const requests = [...this.pending.values()];
    this.pending.clear();
    for (const request of requests) request.reject(error);
  }

  private emit(event: EngineEvent): void {
    for (const listener of this.listeners) listener(event);
  }
}
