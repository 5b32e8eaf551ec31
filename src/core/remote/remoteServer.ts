// Where a remote engine's policy runs: an OpenAI-compatible completions server (llama.cpp's
// llama-server, vLLM, …). The API key travels only in the Authorization header: it is kept out of
// every message, log line and trace (messages name the server by `origin`, never by the key).
import { BadRequestError } from '../search/models.js';

export interface RemoteServerOptions {
  /** Base URL, http(s) only, with or without a trailing /v1 (e.g. http://127.0.0.1:8080). */
  url: string;
  /** The `model` field of every request (the name the server lists under /v1/models). */
  model: string;
  /** Sent as `Authorization: Bearer …` when set. */
  apiKey?: string;
  /** Longest wait for one HTTP request, retries included in the count of attempts (default 30 s). */
  timeoutMs?: number;
  /** Attempts after the first for 429, 5xx and dropped connections (default 3). */
  retries?: number;
  /** First backoff delay; doubles per retry unless the server sends Retry-After (default 250 ms). */
  backoffMs?: number;
}

export interface RemoteServer {
  /** …/v1, without a trailing slash. */
  readonly apiBase: string;
  /** scheme://host:port, for messages. */
  readonly origin: string;
  readonly model: string;
  readonly apiKey?: string;
  readonly timeoutMs: number;
  readonly retries: number;
  readonly backoffMs: number;
}

export const DEFAULT_REMOTE_TIMEOUT_MS = 30_000;

/** Checks the options (bad ones are the user's to fix: BadRequestError) and normalises the URL. */
export function remoteServer(options: RemoteServerOptions): RemoteServer {
  let url: URL;
  try {
    url = new URL(options.url.trim());
  } catch {
    throw new BadRequestError(`the model server URL "${options.url}" is not a URL: give one like http://127.0.0.1:8080`);
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') {
    throw new BadRequestError(`the model server URL must start with http:// or https://, got "${url.protocol}" (${url.origin === 'null' ? options.url : url.origin})`);
  }
  if (url.username !== '' || url.password !== '') {
    throw new BadRequestError('the model server URL must not carry a user name or password: give the API key separately (the "Set model server API key" command, or TVM_TUTOR_API_KEY for the CLI)');
  }
  if (options.model.trim() === '') throw new BadRequestError('the remote engine needs a model name (the name the server lists under /v1/models)');
  const timeoutMs = options.timeoutMs ?? DEFAULT_REMOTE_TIMEOUT_MS;
  if (!(timeoutMs > 0)) throw new BadRequestError(`the model server timeout must be a positive number of milliseconds, got ${timeoutMs}`);
  const retries = options.retries ?? 3;
  if (!Number.isInteger(retries) || retries < 0) throw new BadRequestError(`retries must be a non-negative integer, got ${retries}`);
  const path = url.pathname.replace(/\/+$/, '');
  return {
    apiBase: `${url.origin}${path.endsWith('/v1') ? path : `${path}/v1`}`,
    origin: url.origin,
    model: options.model.trim(),
    ...(options.apiKey !== undefined && options.apiKey !== '' && { apiKey: options.apiKey }),
    timeoutMs,
    retries,
    backoffMs: options.backoffMs ?? 250,
  };
}
