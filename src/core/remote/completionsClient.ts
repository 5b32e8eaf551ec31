// POST /v1/completions (and GET /v1/models) on an OpenAI-compatible server with plain fetch:
// one AbortSignal for the caller's cancel and the timeout, retries with exponential backoff for
// 429, 5xx and dropped connections, and a RemoteServerError with a clear message for everything
// else. Plain fetch rather than the `openai` package: the requests use fields outside OpenAI's
// schema that servers define (llama.cpp's token-id prompts and its logprobs with token ids,
// vLLM's return_tokens_as_token_ids), and the one timeout/retry/cancel policy lives here
// (docs/remote-engine.md).
import { AbortError } from '../lm.js';
import type { RemoteServer } from './remoteServer.js';
import { RemoteServerError } from './remoteServerError.js';

const RETRIED_STATUSES = new Set([429, 500, 502, 503, 504]);

export class CompletionsClient {
  constructor(
    readonly server: RemoteServer,
    private readonly fetchImpl: typeof fetch = fetch,
  ) {}

  /** The parsed JSON reply of POST /v1/completions. */
  completions(body: Record<string, unknown>, signal?: AbortSignal): Promise<unknown> {
    return this.request('completions', { method: 'POST', body: JSON.stringify({ model: this.server.model, ...body }) }, signal);
  }

  /** The ids the server lists under GET /v1/models (for the unknown-model message). */
  async modelIds(signal?: AbortSignal): Promise<string[]> {
    const reply = await this.request('models', { method: 'GET' }, signal);
    const data = (reply as { data?: unknown }).data;
    return Array.isArray(data) ? data.flatMap((entry) => (typeof (entry as { id?: unknown }).id === 'string' ? [(entry as { id: string }).id] : [])) : [];
  }

  /**
   * Fails with 'unknown-model' when the server does not list the configured model: a server that
   * serves one model (llama.cpp's) answers completions for any name, so this is where a wrong name shows.
   */
  async checkModel(signal?: AbortSignal): Promise<void> {
    const ids = await this.modelIds(signal);
    if (ids.includes(this.server.model)) return;
    const served = ids.length > 0 ? `it serves ${ids.slice(0, 5).map((id) => `"${id}"`).join(', ')}` : 'it lists no models';
    throw new RemoteServerError('unknown-model', `the model server at ${this.server.origin} has no model "${this.server.model}" (${served}): set tvmTutor.server.model (--model) to one it serves`);
  }

  private async request(path: string, init: { method: string; body?: string }, signal?: AbortSignal): Promise<unknown> {
    const { server } = this;
    for (let attempt = 0; ; attempt++) {
      if (signal?.aborted) throw new AbortError();
      let retryAfterMs: number | undefined;
      try {
        return await this.attempt(path, init, signal);
      } catch (error) {
        if (signal?.aborted) throw new AbortError();
        if (!(error instanceof RemoteServerError)) throw error;
        const retried = error.failure === 'unreachable' || (error.failure === 'http' && RETRIED_STATUSES.has(error.status ?? 0));
        if (!retried || attempt >= server.retries) throw error;
        retryAfterMs = error.retryAfterMs;
      }
      const delay = Math.min(retryAfterMs ?? server.backoffMs * 2 ** attempt, server.timeoutMs);
      await sleep(delay, signal);
    }
  }

  /** One HTTP exchange, bounded by the timeout; the body is read and parsed under the same bound. */
  private async attempt(path: string, init: { method: string; body?: string }, signal?: AbortSignal): Promise<unknown> {
    const { server } = this;
    const timeout = AbortSignal.timeout(server.timeoutMs);
    const combined = signal ? AbortSignal.any([signal, timeout]) : timeout;
    const headers: Record<string, string> = { accept: 'application/json' };
    if (init.body !== undefined) headers['content-type'] = 'application/json';
    if (server.apiKey) headers.authorization = `Bearer ${server.apiKey}`;
    const seconds = `${server.timeoutMs / 1000} s`;
    let text: string;
    let status: number;
    let retryAfter: string | null;
    try {
      const response = await this.fetchImpl(`${server.apiBase}/${path}`, { ...init, headers, signal: combined, redirect: 'error' });
      status = response.status;
      retryAfter = response.headers.get('retry-after');
      text = await response.text();
    } catch (error) {
      if (signal?.aborted) throw new AbortError();
      if (timeout.aborted) {
        throw new RemoteServerError('timeout', `the model server at ${server.origin} did not answer within ${seconds}: it may be overloaded; raise the timeout (tvmTutor.server.timeoutSeconds, or --timeout for the CLI) or check the server`);
      }
      // fetch reports refused connections, resets and bodies cut short as a TypeError; its cause names the socket error.
      const cause = (error as { cause?: { code?: unknown; message?: unknown } }).cause;
      const detail = typeof cause?.code === 'string' ? cause.code : typeof cause?.message === 'string' ? cause.message : (error as Error).message;
      throw new RemoteServerError('unreachable', `cannot reach the model server at ${server.origin} (${detail}): is it running, and is tvmTutor.server.url (--server) right?`);
    }
    if (status >= 200 && status < 300) {
      try {
        return JSON.parse(text);
      } catch {
        const body = server.apiKey ? text.replaceAll(server.apiKey, '[API key]') : text;
        throw new RemoteServerError('malformed', `the model server at ${server.origin} sent a reply that is not valid JSON (${describe(body)}): is tvmTutor.server.url an OpenAI-compatible server?`);
      }
    }
    throw this.httpError(status, text, retryAfter);
  }

  private httpError(status: number, text: string, retryAfter: string | null): RemoteServerError {
    const { server } = this;
    // A server's text is untrusted: it could quote the request's Authorization header back.
    const said = server.apiKey ? serverMessage(text).replaceAll(server.apiKey, '[API key]') : serverMessage(text);
    const detail = said ? `: ${said}` : '';
    if (status === 401 || status === 403) {
      return new RemoteServerError('auth', `the model server at ${server.origin} refused the request (HTTP ${status}${detail}): set its API key (the "Set model server API key" command, or TVM_TUTOR_API_KEY for the CLI)`, status);
    }
    if (status === 404 || (status === 400 && /model/i.test(said) && /(not found|does not exist|unknown|no such)/i.test(said))) {
      return new RemoteServerError('unknown-model', `the model server at ${server.origin} has no model "${server.model}" (HTTP ${status}${detail}): set tvmTutor.server.model (--model) to one it serves`, status);
    }
    const seconds = retryAfter === null ? NaN : Number(retryAfter);
    const retryAfterMs = Number.isFinite(seconds) && seconds >= 0 ? seconds * 1000 : undefined;
    return new RemoteServerError('http', `the model server at ${server.origin} answered HTTP ${status}${detail}`, status, retryAfterMs);
  }
}

/** The error text an OpenAI-style error body carries ({"error": {"message"}} or {"error": "…"}), shortened. */
function serverMessage(text: string): string {
  try {
    const body = JSON.parse(text) as { error?: unknown; message?: unknown; detail?: unknown };
    const error = body.error;
    const message = typeof error === 'string' ? error : typeof (error as { message?: unknown })?.message === 'string' ? (error as { message: string }).message : typeof body.message === 'string' ? body.message : typeof body.detail === 'string' ? body.detail : '';
    return message.slice(0, 300);
  } catch {
    return text.trim().slice(0, 120);
  }
}

function describe(text: string): string {
  return text.length === 0 ? 'an empty body' : `${text.length} bytes starting "${text.slice(0, 40).replace(/\s+/g, ' ')}"`;
}

function sleep(ms: number, signal?: AbortSignal): Promise<void> {
  return new Promise((resolve, reject) => {
    const onAbort = () => {
      clearTimeout(timer);
      reject(new AbortError());
    };
    const timer = setTimeout(() => {
      signal?.removeEventListener('abort', onAbort);
      resolve();
    }, ms);
    signal?.addEventListener('abort', onAbort, { once: true });
  });
}
