// Per-token values from a verifier (values[i][k] = P(correct | tokens 0..k)). Scoring reuses
// earlier work (see PrefixScorer): "prefix + new step" costs only the new tokens.
import type { ValueModel } from '../lm.js';
import type { DecoderModel } from './decoderModel.js';
import { PrefixScorer, valueReadout, type TokenScorer } from './prefixScorer.js';

export interface ValueSessionConfig {
  /** Longest sequence the model accepts. */
  maxPositions: number;
  /** Memory budget of the scored-prefix cache (default 256 MiB). */
  cacheBytes?: number;
  /** Rows scored together (default 32). */
  maxBatchRows?: number;
  /**
   * The policy's log-probability of every token, for verifiers that read it (an input named
   * `token_logprobs`); see bundleTokenLogprobs.
   */
  tokenLogprobs?: TokenScorer;
}

export class ValueSession implements ValueModel {
  private readonly scorer: PrefixScorer;

  constructor(
    model: DecoderModel,
    private readonly config: ValueSessionConfig,
  ) {
    this.scorer = new PrefixScorer(
      model,
      valueReadout,
      { cacheBytes: config.cacheBytes ?? 256 * 1024 * 1024, ...(config.maxBatchRows !== undefined && { maxBatchRows: config.maxBatchRows }) },
      config.tokenLogprobs,
    );
  }

  async tokenValues(sequences: number[][], signal?: AbortSignal): Promise<number[][]> {
    sequences.forEach((tokens, i) => {
      if (tokens.length === 0) throw new RangeError(`sequence ${i} is empty`);
      if (tokens.length > this.config.maxPositions) {
        throw new RangeError(`sequence ${i} has ${tokens.length} tokens; the verifier takes at most ${this.config.maxPositions}`);
      }
    });
    const values = await this.scorer.score(sequences, signal);
    return values.map((row) => Array.from(row));
  }
}
