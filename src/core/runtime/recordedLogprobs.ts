// The policy's token log-probabilities for verifiers, without a second policy pass over what the
// policy itself just sampled: PolicySession records log p(token) of every token as it is drawn
// (onContinuation), and scoring "prompt + continuation" reads the prompt's values from the usual
// scorer (cached: the prompt was scored as the previous step's candidate) and the continuation's
// from the record. Sequences that were not sampled (a student's lines, a benchmark's paths) go to
// the scorer as before.
import type { TokenScorer } from './prefixScorer.js';

interface Recorded {
  promptLength: number;
  logprobs: Float32Array;
}

/** Continuations remembered (the most recent; a beam search needs one depth's worth). */
const CAPACITY = 4096;

export class RecordedLogprobs implements TokenScorer {
  private readonly recorded = new Map<string, Recorded>();

  /** `stepEndTokens`: the scorer reads 0 up to the first line end, so a record is used only after one. */
  constructor(
    private readonly inner: TokenScorer,
    private readonly stepEndTokens: Uint8Array,
  ) {}

  record(prompt: readonly number[], tokens: readonly number[], logprobs: Float32Array): void {
    if (tokens.length === 0 || !prompt.some((id) => this.stepEndTokens[id] === 1)) return;
    const key = [...prompt, ...tokens].join(',');
    this.recorded.delete(key);
    if (this.recorded.size >= CAPACITY) this.recorded.delete(this.recorded.keys().next().value as string);
    this.recorded.set(key, { promptLength: prompt.length, logprobs });
  }

  async score(sequences: readonly (readonly number[])[], signal?: AbortSignal): Promise<Float32Array[]> {
    const records = sequences.map((tokens) => this.recorded.get(tokens.join(',')));
    const fromScorer = await this.inner.score(
      sequences.map((tokens, i) => {
        const record = records[i];
        return record ? tokens.slice(0, record.promptLength) : tokens;
      }),
      signal,
    );
    return sequences.map((tokens, i) => {
      const record = records[i];
      const scored = fromScorer[i] as Float32Array;
      if (!record) return scored;
      const out = new Float32Array(tokens.length);
      out.set(scored);
      out.set(record.logprobs, record.promptLength);
      return out;
    });
  }
}
