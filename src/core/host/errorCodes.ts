// Which protocol error code an exception thrown inside the engine maps to.
import { BundleError } from '../bundle/BundleError.js';
import { DeviceUnavailableError } from '../runtime/device.js';
import { BadRequestError } from '../search/models.js';
import type { EngineErrorCode, EngineErrorPayload } from '../../shared/engineProtocol.js';

/** A request that needs a loaded bundle arrived before any `load` succeeded. */
export class NoBundleLoadedError extends Error {
  override readonly name = 'NoBundleLoadedError';
  constructor() {
    super('no model bundle is loaded: send "load" with a bundle folder first');
  }
}

export function errorCode(error: unknown): EngineErrorCode {
  if (error instanceof Error && error.name === 'AbortError') return 'cancelled';
  if (error instanceof BundleError) return 'bundle';
  if (
    error instanceof BadRequestError ||
    error instanceof DeviceUnavailableError ||
    error instanceof NoBundleLoadedError ||
    // The runtime throws RangeError for inputs it cannot take (too long, empty, bad counts).
    error instanceof RangeError
  ) {
    return 'bad-input';
  }
  return 'internal';
}

export function errorPayload(error: unknown): EngineErrorPayload {
  const code = errorCode(error);
  const message = error instanceof Error ? error.message : String(error);
  // Unexpected errors keep their stack: they are bugs, and the log is where they get reported.
  return { code, message: code === 'internal' && error instanceof Error && error.stack ? error.stack : message };
}
