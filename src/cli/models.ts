// Loads a bundle in-process for the CLI (it is not an editor, so blocking inference is fine).
import { existsSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { loadBundle } from '../core/bundle/loadBundle.js';
import { connectRemoteEngineModels } from '../core/remote/remoteEngineModels.js';
import { remoteServer } from '../core/remote/remoteServer.js';
import { createEngineModels } from '../core/runtime/engineModels.js';
import type { EngineModels } from '../core/lm.js';
import type { CommonArgs } from './args.js';

export interface OpenModels {
  models: EngineModels;
  /** Why this device was used (e.g. why CUDA was not). */
  deviceReason: string;
  release(): Promise<void>;
}

/** The environment variable the CLI reads the remote engine's API key from (never a command-line argument: those are visible to every user of the machine). */
export const API_KEY_VARIABLE = 'TVM_TUTOR_API_KEY';

/** `weights` is optional so the benches can open a bundle without naming Hugging Face weights. */
export async function openModels(args: Omit<CommonArgs, 'exact' | 'weights'> & Partial<Pick<CommonArgs, 'weights'>>, signal?: AbortSignal): Promise<OpenModels> {
  const server = args.remote && remoteServer({ ...args.remote, apiKey: process.env[API_KEY_VARIABLE] });
  const bundle = await loadBundle(args.bundle ? resolve(args.bundle) : defaultBundleDir(), { device: args.device, variant: args.weights ?? 'auto' });
  try {
    const models = server ? await connectRemoteEngineModels(bundle, server, signal) : createEngineModels(bundle);
    return { models, deviceReason: bundle.device.reason, release: () => bundle.release() };
  } catch (error) {
    await bundle.release();
    throw error;
  }
}

/**
 * models/default of the working directory, else of the package this file belongs to (found by
 * walking up from it: dist/cli.js when bundled, src/cli/ when run from source). When neither
 * exists the working directory's path is returned and loadBundle explains what is missing.
 */
export function defaultBundleDir(): string {
  const fromCwd = resolve('models', 'default');
  // The bundled models are a Hugging Face folder (config.json); an older bundle has manifest.json.
  const isBundle = (dir: string): boolean => existsSync(join(dir, 'config.json')) || existsSync(join(dir, 'manifest.json'));
  if (isBundle(fromCwd)) return fromCwd;
  for (let dir = __dirname; dirname(dir) !== dir; dir = dirname(dir)) {
    const candidate = join(dir, 'models', 'default');
    if (isBundle(candidate)) return candidate;
  }
  return fromCwd;
}
