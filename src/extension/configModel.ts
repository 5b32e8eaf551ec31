// The extension's settings (`tvmTutor.*`) as one typed, validated object. Pure: the vscode side
// (config.ts) only feeds it what `WorkspaceConfiguration.inspect` returns.
import { isAbsolute, join, resolve } from 'node:path';
import { DEFAULT_STRATEGY, STRATEGY_NAMES, WEIGHTS, type DeviceRequest, type StrategyName, type WeightsRequest } from '../shared/engineProtocol.js';

export interface TutorConfig {
  /** Absolute path of the model bundle folder. */
  modelBundle: string;
  device: DeviceRequest;
  /** Which ONNX weights of a Hugging Face folder (`tvmTutor.modelWeights`). */
  modelWeights: WeightsRequest;
  strategy: StrategyName;
  k: number;
  b: number;
  temperature: number;
  maxSteps: number;
  checkThreshold: number;
  liveCheck: boolean;
  /** Exact math beside the TVM (`tvmTutor.exactMath`): sent as the `exact` option of every solve, check and hint request. */
  exactMath: boolean;
  /** Set when a workspace-level modelBundle was ignored because the workspace is not trusted. */
  ignoredWorkspaceBundle: string | undefined;
  /** `tvmTutor.engine`: 'remote' runs the policy on `server` (the verifiers stay local). */
  engine: EngineKind;
  /** `tvmTutor.server.*`; in an untrusted workspace only the user's own values count (see serverSetting). */
  server: ServerSettings;
}

export type EngineKind = 'local' | 'remote';

export interface ServerSettings {
  url: string;
  model: string;
  timeoutSeconds: number;
}

/** The parts of `inspect()` that matter: where a value came from decides whether it is trusted. */
export interface Inspected<T> {
  defaultValue?: T;
  globalValue?: T;
  workspaceValue?: T;
  workspaceFolderValue?: T;
}

export type Inspect = <T>(key: string) => Inspected<T> | undefined;

export interface ConfigContext {
  trusted: boolean;
  /** Folder of the extension; the default bundle is `models/default` inside it. */
  extensionPath: string;
  /** First workspace folder, for relative bundle paths. */
  workspaceFolder: string | undefined;
  home: string;
}

const DEVICES: readonly DeviceRequest[] = ['auto', 'cpu', 'cuda'];
const ENGINES: readonly EngineKind[] = ['local', 'remote'];

/** Most specific value first, as VS Code resolves it. */
function effective<T>(i: Inspected<T> | undefined): T | undefined {
  return i?.workspaceFolderValue ?? i?.workspaceValue ?? i?.globalValue ?? i?.defaultValue;
}

function oneOf<T extends string>(value: unknown, allowed: readonly T[], fallback: T): T {
  return allowed.includes(value as T) ? (value as T) : fallback;
}

function int(value: unknown, min: number, max: number, fallback: number): number {
  return typeof value === 'number' && Number.isInteger(value) && value >= min && value <= max ? value : fallback;
}

function num(value: unknown, min: number, max: number, fallback: number): number {
  return typeof value === 'number' && Number.isFinite(value) && value >= min && value <= max ? value : fallback;
}

function bundlePath(value: string, ctx: ConfigContext): string {
  const trimmed = value.trim();
  if (trimmed === '') return join(ctx.extensionPath, 'models', 'default');
  if (trimmed === '~' || trimmed.startsWith('~/')) return join(ctx.home, trimmed.slice(1));
  if (isAbsolute(trimmed)) return trimmed;
  // Untrusted: a relative user setting must not land inside the workspace, whose content the
  // repository chooses (it could plant a bundle there); it is taken relative to home instead.
  return resolve((ctx.trusted ? ctx.workspaceFolder : undefined) ?? ctx.home, trimmed);
}

/**
 * In an untrusted workspace a workspace (or folder) setting could point the engine at any
 * folder the repository chooses, so only the user's own (global) value or the default count.
 */
function modelBundleSetting(inspect: Inspect, ctx: ConfigContext): { value: string; ignored: string | undefined } {
  const i = inspect<string>('modelBundle');
  if (ctx.trusted) return { value: effective(i) ?? '', ignored: undefined };
  const workspace = i?.workspaceFolderValue ?? i?.workspaceValue;
  return { value: i?.globalValue ?? i?.defaultValue ?? '', ignored: workspace };
}

/**
 * A server setting: as modelBundle, an untrusted workspace's value is ignored — it could send the
 * user's prompts (and, for the URL, requests carrying the API key stored for that URL) elsewhere.
 */
function serverSetting(inspect: Inspect, ctx: ConfigContext, key: string): unknown {
  const i = inspect(key);
  return ctx.trusted ? effective(i) : (i?.globalValue ?? i?.defaultValue);
}

export function resolveConfig(inspect: Inspect, ctx: ConfigContext): TutorConfig {
  const get = (key: string): unknown => effective(inspect(key));
  const bundle = modelBundleSetting(inspect, ctx);
  const k = int(get('k'), 1, 256, 16);
  return {
    modelBundle: bundlePath(typeof bundle.value === 'string' ? bundle.value : '', ctx),
    ignoredWorkspaceBundle: bundle.ignored,
    device: oneOf(get('device'), DEVICES, 'auto'),
    modelWeights: oneOf(get('modelWeights'), WEIGHTS, 'auto'),
    strategy: oneOf(get('strategy'), STRATEGY_NAMES, DEFAULT_STRATEGY),
    k,
    // b beams out of K candidates: more beams than candidates cannot be kept.
    b: Math.min(k, int(get('b'), 1, 64, 4)),
    temperature: num(get('temperature'), 0, 2, 0.7),
    maxSteps: int(get('maxSteps'), 1, 40, 12),
    checkThreshold: num(get('checkThreshold'), 0, 1, 0.5),
    liveCheck: get('liveCheck') !== false,
    exactMath: get('exactMath') !== false,
    engine: oneOf(serverSetting(inspect, ctx, 'engine'), ENGINES, 'local'),
    server: {
      url: String(serverSetting(inspect, ctx, 'server.url') ?? '').trim(),
      model: String(serverSetting(inspect, ctx, 'server.model') ?? '').trim(),
      timeoutSeconds: num(serverSetting(inspect, ctx, 'server.timeoutSeconds'), 1, 3600, 30),
    },
  };
}

/** Settings whose change needs a new engine (the others go with each request). */
export function engineKey(config: TutorConfig): string {
  return JSON.stringify([config.modelBundle, config.device, config.modelWeights, config.engine, ...(config.engine === 'remote' ? [config.server] : [])]);
}
