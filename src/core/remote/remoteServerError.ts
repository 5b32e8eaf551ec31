// A failure of the remote engine's model server, with a message for the person who configured it:
// what went wrong, at which server (its origin, never the API key), and what to do.
export type RemoteFailure = 'unreachable' | 'timeout' | 'http' | 'malformed' | 'unknown-model' | 'auth';

export class RemoteServerError extends Error {
  override readonly name = 'RemoteServerError';
  constructor(
    readonly failure: RemoteFailure,
    message: string,
    /** The HTTP status, for 'http', 'unknown-model' and 'auth'. */
    readonly status?: number,
    /** How long the server asked us to wait before retrying (its Retry-After header). */
    readonly retryAfterMs?: number,
  ) {
    super(message);
  }
}
