// Exit codes: 0 success, 2 the user's input is wrong (the message says what and what to do),
// 1 anything else (a bug or an environment failure). Which errors are the user's is decided once,
// by the engine's classifier (src/core/host/errorCodes.ts); only the command line's own
// UsageError is added here.
import { errorCode } from '../core/host/errorCodes.js';
import type { EngineErrorCode } from '../shared/engineProtocol.js';

export const EXIT_OK = 0;
export const EXIT_INTERNAL = 1;
export const EXIT_BAD_INPUT = 2;
/** The remote engine's model server failed (down, too slow, an HTTP error, an unknown model). */
export const EXIT_SERVER = 3;

/** A command line that cannot be run as given. */
export class UsageError extends Error {
  override readonly name = 'UsageError';
}

/** A broken bundle is bad input on the command line: the user chose the folder (--bundle). */
const EXIT_CODES: Readonly<Record<EngineErrorCode, number>> = {
  'bad-input': EXIT_BAD_INPUT,
  bundle: EXIT_BAD_INPUT,
  cancelled: EXIT_INTERNAL,
  internal: EXIT_INTERNAL,
  server: EXIT_SERVER,
};

export function exitCodeFor(error: unknown): number {
  return error instanceof UsageError ? EXIT_BAD_INPUT : EXIT_CODES[errorCode(error)];
}
