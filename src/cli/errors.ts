// Exit codes: 0 success, 2 the user's input is wrong (the message says what and what to do),
// 1 anything else (a bug or an environment failure).
import { BundleError } from '../core/bundle/BundleError.js';
import { DeviceUnavailableError } from '../core/runtime/device.js';
import { BadRequestError } from '../core/search/models.js';

export const EXIT_OK = 0;
export const EXIT_INTERNAL = 1;
export const EXIT_BAD_INPUT = 2;

/** A command line that cannot be run as given. */
export class UsageError extends Error {
  override readonly name = 'UsageError';
}

export function exitCodeFor(error: unknown): number {
  const badInput =
    error instanceof UsageError ||
    error instanceof BadRequestError ||
    error instanceof BundleError ||
    error instanceof DeviceUnavailableError ||
    // As in the engine (src/core/host/errorCodes.ts): the runtime throws RangeError for inputs it
    // cannot take (a problem longer than the model, a request over the memory budget).
    error instanceof RangeError;
  return badInput ? EXIT_BAD_INPUT : EXIT_INTERNAL;
}
