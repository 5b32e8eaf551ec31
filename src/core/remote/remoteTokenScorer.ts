// The policy's log-probability of every token of a sequence, log p(t_k | t_<k), from the server:
// what a verifier that reads `token_logprobs` needs (0 up to the end of the prompt's first line,
// as the local scorer gives). What the policy sampled is recorded as it arrives (record); other
// tokens (a student's lines) are asked for: with `echo` (the prompt's log-probabilities, vLLM),
// or, where the server refuses echo (llama.cpp's server), one request per token for the
// next-token distribution before it, which names the token's log-probability among its top
// `alternatives` (the lowest listed value is used when it is not among them, an upper bound).
import type { TokenScorer } from '../runtime/prefixScorer.js';
import { completionChoices } from './completionChoices.js';
import type { CompletionsClient } from './completionsClient.js';
import { mapLimited } from './mapLimited.js';
import { RemoteServerError } from './remoteServerError.js';

export interface RemoteTokenScorerConfig {
  stepEndTokens: Uint8Array;
  /** Top alternatives asked for per position when echo is refused (the vocabulary size, when small). */
  alternatives: number;
  /** Requests in flight at once (default 8). */
  concurrency?: number;
}

/** Alternatives asked for first when scoring one token (see scoreByPosition). */
const FIRST_ALTERNATIVES = 8;

/** Positions remembered (token-prefix keys); the oldest go first. */
const CAPACITY = 200_000;

class EchoUnsupported extends Error {}

export class RemoteTokenScorer implements TokenScorer {
  /** Key "id,id,…,id" of tokens 0..k → log p(token k | tokens before). */
  private readonly known = new Map<string, number>();
  private echo = true;

  constructor(
    private readonly client: CompletionsClient,
    private readonly config: RemoteTokenScorerConfig,
  ) {}

  /** Remembers the log-probabilities of `tokens` after `prompt` (NaN: unknown, not remembered). */
  record(prompt: readonly number[], tokens: readonly number[], logprobs: Float32Array): void {
    let key = prompt.join(',');
    tokens.forEach((token, k) => {
      key += `,${token}`;
      const value = logprobs[k] as number;
      if (!Number.isNaN(value)) this.remember(key, value);
    });
  }

  async score(sequences: readonly (readonly number[])[], signal?: AbortSignal): Promise<Float32Array[]> {
    const out = sequences.map((tokens) => new Float32Array(tokens.length));
    const missing: Array<{ row: number; position: number; key: string }> = [];
    sequences.forEach((tokens, row) => {
      const promptEnd = tokens.findIndex((id) => this.config.stepEndTokens[id] === 1);
      let key = '';
      tokens.forEach((token, k) => {
        key += k === 0 ? `${token}` : `,${token}`;
        if (promptEnd < 0 || k <= promptEnd) return;
        const value = this.known.get(key);
        if (value === undefined) missing.push({ row, position: k, key });
        else (out[row] as Float32Array)[k] = value;
      });
    });
    if (missing.length > 0) {
      if (this.echo) await this.scoreByEcho(sequences, missing, signal);
      if (!this.echo) await this.scoreByPosition(sequences, missing, signal);
      for (const { row, position, key } of missing) (out[row] as Float32Array)[position] = this.known.get(key) ?? Number.NaN;
    }
    return out;
  }

  /** One echo request per sequence with missing positions; on a refusal, switches to per-position requests for good. */
  private async scoreByEcho(sequences: readonly (readonly number[])[], missing: Array<{ row: number }>, signal?: AbortSignal): Promise<void> {
    const rows = [...new Set(missing.map((entry) => entry.row))];
    try {
      await mapLimited(rows, this.config.concurrency ?? 8, async (row) => {
        const tokens = sequences[row] as readonly number[];
        const reply = await this.client.completions({ prompt: tokens, max_tokens: 1, echo: true, logprobs: 1, temperature: 0, return_tokens_as_token_ids: true }, signal);
        const [choice] = completionChoices(reply, this.client.server.origin);
        // llama.cpp's server takes `echo` and returns the generated token only: no echo either.
        if (!choice || choice.tokens.length < tokens.length) throw new EchoUnsupported();
        this.record([], tokens.slice(0, 1), Float32Array.of(Number.NaN));
        this.record(tokens.slice(0, 1), tokens.slice(1), Float32Array.from(choice.logprobs.slice(1, tokens.length), (v) => v ?? Number.NaN));
      });
    } catch (error) {
      // Refused ("Only no echo is supported", HTTP 400) or ignored: ask per position. Other failures are real.
      if (!(error instanceof EchoUnsupported) && !(error instanceof RemoteServerError && error.failure === 'http' && /echo/i.test(error.message))) throw error;
      this.echo = false;
    }
  }

  private async scoreByPosition(sequences: readonly (readonly number[])[], missing: Array<{ row: number; position: number; key: string }>, signal?: AbortSignal): Promise<void> {
    const unique = [...new Map(missing.map((entry) => [entry.key, entry])).values()];
    await mapLimited(unique, this.config.concurrency ?? 8, async ({ row, position, key }) => {
      const tokens = sequences[row] as readonly number[];
      const target = tokens[position] as number;
      // Most asked tokens (a step's line break, a plausible student token) are among the few most
      // likely: ask for a few alternatives first, and for all only when the token is not among them.
      let top = await this.topAlternatives(tokens.slice(0, position), Math.min(FIRST_ALTERNATIVES, this.config.alternatives), signal);
      if (!top.has(target) && top.size < this.config.alternatives) top = await this.topAlternatives(tokens.slice(0, position), this.config.alternatives, signal);
      this.remember(key, top.get(target) ?? Math.min(...top.values()));
    });
  }

  /** The server's next-token log-probabilities after `prefix`, for its `count` most likely tokens. */
  private async topAlternatives(prefix: readonly number[], count: number, signal?: AbortSignal): Promise<Map<number, number>> {
    const reply = await this.client.completions(
      { prompt: prefix, max_tokens: 1, temperature: 0, logprobs: count, n_probs: count, post_sampling_probs: false, return_tokens_as_token_ids: true, cache_prompt: true },
      signal,
    );
    const [choice] = completionChoices(reply, this.client.server.origin);
    const top = choice?.top?.[0];
    if (!top || top.size === 0) throw new RemoteServerError('malformed', `the model server at ${this.client.server.origin} gave no top log-probabilities for a scored position`);
    return top;
  }

  private remember(key: string, value: number): void {
    this.known.delete(key);
    if (this.known.size >= CAPACITY) this.known.delete(this.known.keys().next().value as string);
    this.known.set(key, value);
  }
}
