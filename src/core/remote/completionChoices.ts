// Reads the choices of a /v1/completions reply into token ids and their log-probabilities. Two
// shapes carry ids: llama.cpp's llama-server (`logprobs.content[]` of {id, logprob, top_logprobs})
// and vLLM's with `return_tokens_as_token_ids` (`logprobs.tokens` = "token_id:N", with
// `token_logprobs`). A reply in another shape is reported as malformed rather than guessed at.
import { RemoteServerError } from './remoteServerError.js';

export interface CompletionChoice {
  index: number;
  /** Generated token ids (with echo: the prompt's too, first). */
  tokens: number[];
  /** log p(token) per token, at temperature 1; null where the server gives none (the first prompt token). */
  logprobs: (number | null)[];
  /** 'stop' (a stop string or EOS), 'length', or what the server said. */
  finishReason: string;
  /** Per token, the server's top alternatives (id → log-probability), when asked for. */
  top?: Map<number, number>[];
}

export function completionChoices(reply: unknown, origin: string): CompletionChoice[] {
  const choices = (reply as { choices?: unknown })?.choices;
  if (!Array.isArray(choices)) throw malformed(origin, 'it has no "choices" list');
  return choices.map((raw, position) => {
    const choice = raw as { index?: unknown; text?: unknown; finish_reason?: unknown; logprobs?: unknown };
    const index = typeof choice.index === 'number' ? choice.index : position;
    const finishReason = typeof choice.finish_reason === 'string' ? choice.finish_reason : 'stop';
    const logprobs = choice.logprobs as { content?: unknown; tokens?: unknown; token_logprobs?: unknown; top_logprobs?: unknown } | null | undefined;
    // llama-server sends `logprobs: null` for a choice that generated nothing (the stop string came
    // first, and it leaves that out): no tokens, not a reply without log-probabilities.
    if (logprobs === null && choice.text === '') return { index, finishReason, tokens: [], logprobs: [], top: [] };
    if (Array.isArray(logprobs?.content)) return { index, finishReason, ...fromLlamaCpp(logprobs.content, origin) };
    if (Array.isArray(logprobs?.tokens) && Array.isArray(logprobs.token_logprobs)) return { index, finishReason, ...fromOpenAi(logprobs.tokens, logprobs.token_logprobs, logprobs.top_logprobs, origin) };
    throw malformed(origin, 'a choice has no token log-probabilities with token ids (llama.cpp\'s llama-server gives them; vLLM with --return-tokens-as-token-ids)');
  });
}

function fromLlamaCpp(content: unknown[], origin: string): Pick<CompletionChoice, 'tokens' | 'logprobs' | 'top'> {
  const tokens: number[] = [];
  const logprobs: (number | null)[] = [];
  const top: Map<number, number>[] = [];
  for (const entry of content as { id?: unknown; logprob?: unknown; top_logprobs?: unknown }[]) {
    if (typeof entry?.id !== 'number' || !Number.isInteger(entry.id)) throw malformed(origin, 'a token in "logprobs.content" has no integer "id"');
    tokens.push(entry.id);
    logprobs.push(typeof entry.logprob === 'number' ? entry.logprob : null);
    const alternatives = new Map<number, number>();
    if (Array.isArray(entry.top_logprobs)) {
      for (const alt of entry.top_logprobs as { id?: unknown; logprob?: unknown }[]) {
        if (typeof alt?.id === 'number' && typeof alt.logprob === 'number') alternatives.set(alt.id, alt.logprob);
      }
    }
    top.push(alternatives);
  }
  return { tokens, logprobs, top };
}

function fromOpenAi(names: unknown[], values: unknown[], tops: unknown, origin: string): Pick<CompletionChoice, 'tokens' | 'logprobs' | 'top'> {
  const tokens = names.map((name) => {
    const match = typeof name === 'string' ? /^token_id:(\d+)$/.exec(name) : null;
    if (!match) throw malformed(origin, 'its tokens are text, not ids: start vLLM with --return-tokens-as-token-ids');
    return Number(match[1]);
  });
  const top = Array.isArray(tops)
    ? tops.map((entry) => new Map(Object.entries((entry ?? {}) as Record<string, number>).flatMap(([name, value]) => {
        const match = /^token_id:(\d+)$/.exec(name);
        return match && typeof value === 'number' ? [[Number(match[1]), value] as [number, number]] : [];
      })))
    : undefined;
  return { tokens, logprobs: values.map((value) => (typeof value === 'number' ? value : null)), ...(top && { top }) };
}

function malformed(origin: string, what: string): RemoteServerError {
  return new RemoteServerError('malformed', `the model server at ${origin} sent a completions reply the engine cannot read: ${what}`);
}
