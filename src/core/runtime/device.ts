// Choosing where inference runs. onnxruntime-node does not fall back from CUDA to CPU by itself
// (session creation throws when the CUDA provider library is missing), so 'auto' catches that
// and retries on CPU, reporting why.
import { InferenceSession, env } from 'onnxruntime-node';
import type { DeviceRequest } from '../../shared/engineProtocol.js';

// ORT prints its own red error line when the CUDA provider library is missing, before throwing.
// The failure reaches the user as `DeviceChoice.reason` (or an error), so keep stderr clean.
// This must run before the first session is created: ORT reads it once.
env.logLevel = 'fatal';

export type { DeviceRequest } from '../../shared/engineProtocol.js';
export type Device = 'cpu' | 'cuda';

export interface DeviceChoice {
  device: Device;
  /** Human-readable why, e.g. why CUDA was not used under 'auto'. */
  reason: string;
}

export interface CreatedSession {
  session: InferenceSession;
  choice: DeviceChoice;
}

/** Thrown when the user asked for CUDA explicitly and it is not available. */
export class DeviceUnavailableError extends Error {
  override readonly name = 'DeviceUnavailableError';
}

/** Opens the session with the provider list for that device. Overridable in tests. */
export type SessionFactory = (modelPath: string, device: Device) => Promise<InferenceSession>;

export const createOrtSession: SessionFactory = (modelPath, device) =>
  InferenceSession.create(modelPath, {
    executionProviders: device === 'cuda' ? ['cuda', 'cpu'] : ['cpu'],
    graphOptimizationLevel: 'all',
  });

/** Explains a CUDA provider failure in terms of what is missing. */
export function explainCudaFailure(error: unknown): string {
  const message = (error instanceof Error ? error.message : String(error)).split('\n', 1)[0] ?? '';
  if (/Failed to load shared library|providers_cuda|cannot open shared object/i.test(message)) {
    return (
      'CUDA provider libraries are not installed (this build ships the CPU provider only; ' +
      `a CUDA-enabled onnxruntime-node plus CUDA 12 and cuDNN 9 are needed): ${message}`
    );
  }
  return `the CUDA execution provider failed to start: ${message}`;
}

/**
 * Creates a session on the requested device. 'auto' tries CUDA first and falls back to CPU
 * (never throwing for the CUDA failure itself); 'cuda' throws DeviceUnavailableError.
 * Errors unrelated to the device (e.g. a corrupt model file) propagate as they are: under 'auto'
 * the CPU retry reproduces them.
 */
export async function createSessionOnDevice(
  modelPath: string,
  request: DeviceRequest,
  factory: SessionFactory = createOrtSession,
): Promise<CreatedSession> {
  if (request === 'cpu') {
    return { session: await factory(modelPath, 'cpu'), choice: { device: 'cpu', reason: 'CPU requested' } };
  }
  try {
    const session = await factory(modelPath, 'cuda');
    return { session, choice: { device: 'cuda', reason: request === 'cuda' ? 'CUDA requested' : 'CUDA available' } };
  } catch (error) {
    const why = explainCudaFailure(error);
    if (request === 'cuda') throw new DeviceUnavailableError(`CUDA was requested but ${why}`, { cause: error });
    const session = await factory(modelPath, 'cpu');
    return { session, choice: { device: 'cpu', reason: `using CPU because ${why}` } };
  }
}
