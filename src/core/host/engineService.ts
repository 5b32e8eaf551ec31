// The engine's request handling, independent of the transport: one bundle loaded at a time,
// requests run one after another (inference already uses every core), each cancellable while
// queued or running.
import { loadBundle, type LoadedBundle } from '../bundle/loadBundle.js';
import { checkDerivation, hintNextStep } from '../check/index.js';
import type { EngineModels } from '../lm.js';
import { connectRemoteEngineModels } from '../remote/remoteEngineModels.js';
import { remoteServer } from '../remote/remoteServer.js';
import { createEngineModels } from '../runtime/engineModels.js';
import type { SearchProgress } from '../search/trace.js';
import { solve } from '../solve.js';
import { availableStrategies, VERIFIERS } from '../../shared/engineProtocol.js';
import type {
  EngineMethod,
  EngineParams,
  EngineRequestMessage,
  EngineResult,
  EngineToHostMessage,
  HostToEngineMessage,
  LoadParams,
  LoadResult,
} from '../../shared/engineProtocol.js';
import { errorPayload, NoBundleLoadedError } from './errorCodes.js';
import { isEngineMethod, parseHostToEngine } from '../../shared/validate.js';


interface Loaded {
  bundle: LoadedBundle;
  models: EngineModels;
}

export class EngineService {
  private loaded?: Loaded;
  /** Tail of the request queue. */
  private queue: Promise<void> = Promise.resolve();
  private readonly controllers = new Map<number, AbortController>();

  constructor(private readonly send: (message: EngineToHostMessage) => void) {}

  handle(raw: HostToEngineMessage): void {
    // IPC delivers whatever the other side sent: anything that is not a message envelope is dropped.
    const message = parseHostToEngine(raw);
    if (message === undefined) return;
    if (message.type === 'cancel') {
      this.controllers.get(message.id)?.abort();
      return;
    }
    const controller = new AbortController();
    this.controllers.set(message.id, controller);
    this.queue = this.queue.then(() => this.run(message, controller.signal));
  }

  /** Frees the loaded bundle's native sessions. */
  async dispose(): Promise<void> {
    for (const controller of this.controllers.values()) controller.abort();
    await this.queue;
    await this.loaded?.bundle.release();
    this.loaded = undefined;
  }

  private async run(request: EngineRequestMessage, signal: AbortSignal): Promise<void> {
    const { id, method } = request;
    try {
      if (!isEngineMethod(method)) throw new RangeError(`unknown method "${String(method)}"`);
      signal.throwIfAborted();
      const result = await this.dispatch(request, signal);
      this.send({ type: 'reply', id, method, ok: true, result } as EngineToHostMessage);
    } catch (error) {
      const aborted = signal.aborted ? Object.assign(new Error('the request was cancelled'), { name: 'AbortError' }) : error;
      this.send({ type: 'reply', id, method, ok: false, error: errorPayload(aborted) });
    } finally {
      this.controllers.delete(id);
    }
  }

  private dispatch(request: EngineRequestMessage, signal: AbortSignal): Promise<EngineResult<EngineMethod>> {
    const onProgress = (progress: SearchProgress) => this.send({ type: 'progress', id: request.id, progress });
    switch (request.method) {
      case 'load':
        return this.load(request.params);
      case 'solve':
        return solve(this.models(), request.params, signal, onProgress);
      case 'check':
        return checkDerivation(this.models(), request.params, request.params.options, signal);
      case 'hint':
        return hintNextStep(this.models(), request.params, request.params.options, signal, onProgress);
    }
  }

  private models(): EngineModels {
    if (!this.loaded) throw new NoBundleLoadedError();
    return this.loaded.models;
  }

  private async load(params: EngineParams<'load'>): Promise<LoadResult> {
    const { bundleDir, device, weights, remote }: LoadParams = params;
    const started = performance.now();
    // Checked before the old bundle goes: a bad URL leaves what was loaded in place.
    const server = remote && remoteServer(remote);
    // Release first: two bundles' sessions need not fit in memory together.
    await this.loaded?.bundle.release();
    this.loaded = undefined;
    const bundle = await loadBundle(bundleDir, { device, variant: weights ?? 'auto' });
    let models: EngineModels;
    try {
      models = server ? await connectRemoteEngineModels(bundle, server) : createEngineModels(bundle);
    } catch (error) {
      await bundle.release();
      throw error;
    }
    this.loaded = { bundle, models };
    const verifiers = VERIFIERS.filter((name) => models[name] !== undefined);
    return {
      bundleDir,
      ...(server && { policyServer: server.origin }),
      info: bundle.info,
      verifiers,
      strategies: availableStrategies(verifiers),
      device: bundle.device.device,
      deviceReason: bundle.device.reason,
      loadMs: Math.round(performance.now() - started),
    };
  }
}
