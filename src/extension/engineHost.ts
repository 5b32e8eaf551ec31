// The extension's single engine: an EngineClient (child process) loaded with the configured
// bundle and device. Loads lazily on the first request and again when the bundle, weights or
// device setting changes: the new engine replaces the old one only once it has loaded, so a
// bundle that fails to load leaves the previous one in use. Tracks what it is doing for the status bar.
import * as vscode from 'vscode';
import { EngineClient, EngineError } from '../core/host/engineClient.js';
import type { LoadParams, LoadResult } from '../shared/engineProtocol.js';
import { engineKey, type TutorConfig } from './configModel.js';
import { modelNameOf, type EngineSnapshot, type EngineState } from './statusModel.js';

export type Activity = 'solving' | 'checking' | 'hinting';

export function isCancellation(error: unknown): boolean {
  return (error instanceof EngineError && error.code === 'cancelled') || (error instanceof Error && error.name === 'AbortError');
}

export function errorMessage(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

interface Loading {
  key: string;
  client: EngineClient;
  loaded: Promise<LoadResult>;
}

export class EngineHost implements vscode.Disposable {
  private engine: Loading | undefined;
  /** An engine loading new settings while `engine` (if any) keeps serving. */
  private pending: Loading | undefined;
  private result: LoadResult | undefined;
  /** Settings whose bundle failed to load while an earlier one stayed in use (not retried until they change). */
  private failedKey: string | undefined;
  private loading = false;
  private lastError: string | undefined;
  private readonly active = new Map<Activity, number>();
  private readonly changed = new vscode.EventEmitter<void>();
  readonly onDidChange = this.changed.event;

  constructor(
    private readonly enginePath: string,
    private readonly config: () => TutorConfig,
    private readonly log: vscode.LogOutputChannel,
    /** The remote engine's API key for the configured server (SecretStorage). */
    private readonly apiKey: (config: TutorConfig) => Thenable<string | undefined>,
  ) {}

  /** Runs one engine request, loading the bundle first if needed. */
  async run<T>(activity: Activity, request: (client: EngineClient) => Promise<T>): Promise<T> {
    this.active.set(activity, (this.active.get(activity) ?? 0) + 1);
    this.changed.fire();
    try {
      const client = await this.ready();
      const result = await request(client);
      this.lastError = undefined;
      return result;
    } catch (error) {
      if (!isCancellation(error)) {
        this.lastError = errorMessage(error);
        this.log.error(`${activity}: ${this.lastError}`);
      }
      throw error;
    } finally {
      this.active.set(activity, (this.active.get(activity) ?? 1) - 1);
      this.changed.fire();
    }
  }

  /** A new API key: the next request starts an engine that uses it. */
  restart(): void {
    this.stop();
    this.changed.fire();
  }

  /** Call on settings changes: a new bundle, weights, device or engine means a new engine on the next request. */
  configurationChanged(): void {
    const key = engineKey(this.config());
    if (this.failedKey !== key) this.failedKey = undefined;
    if (this.engine && this.engine.key !== key) this.log.info('model bundle, weights or device changed: a new engine loads on the next request');
    this.changed.fire();
  }

  snapshot(): EngineSnapshot {
    const config = this.config();
    const details: string[] = [];
    if (this.result) {
      details.push(`Bundle: ${this.result.bundleDir}`, `Device: ${this.result.deviceReason}`);
      details.push(
        this.result.verifiers.includes('tvm')
          ? `Strategies: ${this.result.strategies.join(', ')}; Check my steps available`
          : `Strategies: ${this.result.strategies.join(', ')} (no value model in this bundle: no beam search, weighted vote or Check my steps; best-of-N ranks by the policy's likelihood)`,
      );
    } else details.push(`Bundle: ${config.modelBundle}`);
    if (config.engine === 'remote') details.push(`Policy: ${config.server.model} on ${this.result?.policyServer ?? config.server.url}`);
    if (config.ignoredWorkspaceBundle !== undefined) details.push(`Untrusted workspace: its modelBundle setting "${config.ignoredWorkspaceBundle}" is ignored.`);
    if (this.lastError) details.push(`Last error: ${this.lastError}`);
    return {
      state: this.state(),
      model: this.result?.info.name ?? modelNameOf(config.modelBundle),
      device: this.result?.device ?? config.device,
      ...(this.result ? { eosToken: this.result.info.eosToken } : {}),
      details,
    };
  }

  dispose(): void {
    this.stop();
    this.changed.dispose();
  }

  private state(): EngineState {
    if (this.loading) return 'loading';
    for (const activity of ['solving', 'hinting', 'checking'] as const) if ((this.active.get(activity) ?? 0) > 0) return activity;
    return this.lastError ? 'error' : 'idle';
  }

  private stop(): void {
    this.engine?.client.dispose();
    this.pending?.client.dispose();
    this.engine = undefined;
    this.pending = undefined;
    this.result = undefined;
  }

  private async ready(): Promise<EngineClient> {
    const config = this.config();
    const key = engineKey(config);
    const current = this.engine;
    // The new bundle failed while this one stayed in use: keep using it until the settings change.
    if (current && this.failedKey === key) return current.client;
    if (current?.key === key) {
      try {
        this.result = await current.loaded;
      } catch (error) {
        // A failed load is not cached: the next request starts over (the user may fix the setting).
        if (this.engine === current) this.stop();
        throw error;
      }
      return current.client;
    }
    // Requests made while the new engine loads wait for the same load.
    if (this.pending?.key !== key) {
      this.pending?.client.dispose();
      this.pending = this.start(key, config);
    }
    const next = this.pending;
    let result: LoadResult;
    try {
      result = await next.loaded;
    } catch (error) {
      if (this.pending === next) {
        this.pending = undefined;
        next.client.dispose();
      }
      const kept = this.engine && this.result;
      if (!kept) throw error;
      this.failedKey = key;
      throw new EngineError(
        error instanceof EngineError ? error.code : 'bad-input',
        `${errorMessage(error)} The previous model bundle (${kept.info.name}) stays loaded.`,
      );
    }
    if (this.pending === next) {
      this.pending = undefined;
      this.engine?.client.dispose();
      this.engine = next;
      this.result = result;
    }
    return next.client;
  }

  private start(key: string, config: TutorConfig): Loading {
    const client = new EngineClient({ enginePath: this.enginePath });
    // The listener lives as long as the client: client.dispose() (in stop()) drops it.
    client.onEvent((event) => {
      if (event.type === 'stderr') this.log.debug(`engine: ${event.line}`);
      else if (event.type === 'started') this.log.info(`engine started (pid ${event.pid})`);
      else this.log.warn(event.error.message);
    });
    const remote = config.engine === 'remote';
    // The key goes only into the load request (IPC to the engine), never into a log line.
    this.log.info(`loading ${config.modelBundle} on ${config.device}${remote ? `, the policy ${config.server.model} on ${config.server.url}` : ''}`);
    this.loading = true;
    this.changed.fire();
    const params = async (): Promise<LoadParams> => {
      if (!remote) return { bundleDir: config.modelBundle, device: config.device, weights: config.modelWeights };
      const apiKey = await this.apiKey(config);
      const { url, model, timeoutSeconds } = config.server;
      return { bundleDir: config.modelBundle, device: config.device, weights: config.modelWeights, remote: { url, model, timeoutMs: timeoutSeconds * 1000, ...(apiKey && { apiKey }) } };
    };
    const loaded = params().then((p) => client.load(p)).finally(() => {
      this.loading = false;
      this.changed.fire();
    });
    void loaded.then((r) => this.log.info(`loaded ${r.info.name} on ${r.device} in ${r.loadMs} ms (${r.deviceReason})`), () => undefined);
    return { key, client, loaded };
  }
}
