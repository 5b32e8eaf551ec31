// The policy's log-probability of every token of a sequence, log p(t_k | t_<k) (0 on the prompt):
// the input `token_logprobs` of verifiers trained to read it. A student's slip is a token the
// policy finds very unlikely, which a verifier cannot tell from the token ids alone.
import type { DecoderModel } from './decoderModel.js';
import { PrefixScorer, tokenLogprobReadout, type TokenScorer } from './prefixScorer.js';

export interface PolicyTokenLogprobsConfig {
  /** Tokens of the tokenizer: logits beyond them (padded embedding rows) are ignored. */
  vocabSize: number;
  /** stepEndTokens[id] = 1 when token `id` ends a line: the first one ends the prompt. */
  stepEndTokens: Uint8Array;
  /** Memory budget of the scored-prefix cache (default 64 MiB). */
  cacheBytes?: number;
  maxBatchRows?: number;
}

export function policyTokenLogprobs(policy: DecoderModel, config: PolicyTokenLogprobsConfig): TokenScorer {
  return new PrefixScorer(policy, tokenLogprobReadout(config.vocabSize, config.stepEndTokens), {
    cacheBytes: config.cacheBytes ?? 64 * 1024 * 1024,
    ...(config.maxBatchRows !== undefined && { maxBatchRows: config.maxBatchRows }),
  });
}
