// The policy's token log-probabilities over prompts it prefilled, kept for a little while: the
// familiarity signal (src/core/familiarity) reads a problem's from here after the search has
// run, instead of running the policy over the problem a second time. A record of a longer
// sequence serves every prompt it starts with (a causal model's log-probabilities of a prefix do
// not depend on what follows), so a hint's prefill of "problem + the user's steps" serves the problem.

/** Prompts remembered, most recent first; a solve needs one, a benchmark's batch a few. */
const CAPACITY = 32;

interface PromptRecord {
  tokens: readonly number[];
  logprobs: Float32Array;
}

export class PromptLogprobRecords {
  private records: PromptRecord[] = [];

  /** Keeps `logprobs` (one per token of `tokens`) and returns them. */
  record(tokens: readonly number[], logprobs: Float32Array): Float32Array {
    this.records = [{ tokens: [...tokens], logprobs }, ...this.records.filter((r) => !sameTokens(r.tokens, tokens))].slice(0, CAPACITY);
    return logprobs;
  }

  /** The log-probabilities of `prompt`'s tokens from a record that starts with it, or undefined. */
  find(prompt: readonly number[]): Float32Array | undefined {
    const record = this.records.find((r) => r.tokens.length >= prompt.length && prompt.every((id, k) => r.tokens[k] === id));
    return record?.logprobs.slice(0, prompt.length);
  }
}

function sameTokens(a: readonly number[], b: readonly number[]): boolean {
  return a.length === b.length && a.every((id, k) => b[k] === id);
}
