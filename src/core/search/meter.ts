// Times and counts every model call of one search, for SearchTrace.timings and progress reports.
import type { Continuation, PolicyModel, SamplingOptions, ValueModel } from '../lm.js';
import type { SearchTimings } from './trace.js';

export class SearchMeter {
  private readonly start = performance.now();
  private readonly counts: Omit<SearchTimings, 'totalMs'> = {
    sampleMs: 0,
    scoreMs: 0,
    sampleCalls: 0,
    scoreCalls: 0,
    generatedTokens: 0,
    sampledCandidates: 0,
  };

  async sample(
    policy: PolicyModel,
    prompts: number[][],
    samplesPerPrompt: number,
    options: SamplingOptions,
    signal: AbortSignal | undefined,
  ): Promise<Continuation[][]> {
    const t0 = performance.now();
    const result = await policy.sample(prompts, samplesPerPrompt, options, signal);
    this.counts.sampleMs += performance.now() - t0;
    this.counts.sampleCalls++;
    for (const row of result) {
      this.counts.sampledCandidates += row.length;
      for (const continuation of row) this.counts.generatedTokens += continuation.tokens.length;
    }
    return result;
  }

  async score(model: ValueModel, sequences: number[][], signal: AbortSignal | undefined): Promise<number[][]> {
    const t0 = performance.now();
    const values = await model.tokenValues(sequences, signal);
    this.counts.scoreMs += performance.now() - t0;
    this.counts.scoreCalls++;
    return values;
  }

  elapsedMs(): number {
    return performance.now() - this.start;
  }

  get sampledCandidates(): number {
    return this.counts.sampledCandidates;
  }

  timings(): SearchTimings {
    return { totalMs: this.elapsedMs(), ...this.counts };
  }
}
