// The one error classifier: which protocol error code an exception maps to, and the message that
// goes with it. The engine process (engineService.ts) sends the result as a reply's error payload;
// the CLI (src/cli/errors.ts), which runs the engine code in-process, turns the same code into its
// exit code. Neither keeps its own list of error classes.
import { BundleError } from '../bundle/bundleError.js';
import { DeviceUnavailableError } from '../runtime/device.js';
import { RemoteServerError } from '../remote/remoteServerError.js';
import { BadRequestError } from '../search/models.js';
import type { EngineErrorCode, EngineErrorPayload } from '../../shared/engineProtocol.js';

/** A request that needs a loaded bundle arrived before any `load` succeeded. */
export class NoBundleLoadedError extends Error {
  override readonly name = 'NoBundleLoadedError';
  constructor() {
    super('no model bundle is loaded: send "load" with a bundle folder first');
  }
}

/**
 * 'cancelled': an AbortError; 'bundle': a broken model bundle; 'bad-input': the request is wrong
 * (bad options, CUDA requested but absent, no bundle loaded, or a RangeError — the runtime throws
 * it for inputs it cannot take: too long, empty, over the memory budget); 'server': the remote
 * engine's model server failed (its message says how and what to do); 'internal': anything else.
 */
export function errorCode(error: unknown): EngineErrorCode {
  if (error instanceof Error && error.name === 'AbortError') return 'cancelled';
  if (error instanceof BundleError) return 'bundle';
  if (error instanceof RemoteServerError) return 'server';
  if (
    error instanceof BadRequestError ||
    error instanceof DeviceUnavailableError ||
    error instanceof NoBundleLoadedError ||
    error instanceof RangeError
  ) {
    return 'bad-input';
  }
  return 'internal';
}

/** The code, and the message: the error's own, or for 'internal' errors (bugs) its stack. */
export function errorPayload(error: unknown): EngineErrorPayload {
  const code = errorCode(error);
  const message = error instanceof Error ? error.message : String(error);
  // Unexpected errors keep their stack: they are bugs, and the log is where they get reported.
  return { code, message: code === 'internal' && error instanceof Error && error.stack ? error.stack : message };
}
