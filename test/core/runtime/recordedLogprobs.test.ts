// The policy's log-probabilities recorded while sampling equal the ones a second pass computes,
// and scoring a sampled continuation no longer runs the policy over it.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { bundleTokenLogprobs, stepEndTokens } from '../../../src/core/runtime/engineModels.js';
import { PolicySession } from '../../../src/core/runtime/policySession.js';
import { RecordedLogprobs } from '../../../src/core/runtime/recordedLogprobs.js';
import type { TokenScorer } from '../../../src/core/runtime/prefixScorer.js';
import { useRealBundle } from '../../helpers/realBundle.js';

const real = useRealBundle();

/** Counts the tokens of every sequence it is asked to score. */
class CountingScorer implements TokenScorer {
  tokens = 0;
  constructor(private readonly inner: TokenScorer) {}
  score(sequences: readonly (readonly number[])[], signal?: AbortSignal): Promise<Float32Array[]> {
    this.tokens += sequences.reduce((sum, s) => sum + s.length, 0);
    return this.inner.score(sequences, signal);
  }
}

test('recorded log-probabilities match a second pass within 1e-4, and spare it', async () => {
  const flags = stepEndTokens(real.bundle);
  const counting = new CountingScorer(bundleTokenLogprobs(real.bundle));
  const recorded = new RecordedLogprobs(counting, flags);
  const policy = new PolicySession(real.bundle.models.policy, {
    eosId: real.bundle.tokenizer.eosId,
    stepEndTokens: flags,
    vocabSize: real.bundle.tokenizer.vocabSize,
    maxPositions: real.bundle.info.maxPositions,
    onContinuation: (prompt, tokens, logprobs) => recorded.record(prompt, tokens, logprobs),
  });
  const prompt = real.bundle.tokenizer.encode('Q: Compute $608 \\times 27$.\n');
  const [continuations = []] = await policy.sample([prompt], 4, { temperature: 0.7, seed: 3, maxNewTokens: 64, stopAtStepEnd: false });
  const sequences = continuations.map((c) => [...prompt, ...c.tokens]);
  const secondPass = await bundleTokenLogprobs(real.bundle).score(sequences);
  const fromRecord = await recorded.score(sequences);
  sequences.forEach((sequence, i) => {
    for (let k = 0; k < sequence.length; k++) {
      assert.ok(Math.abs((fromRecord[i]?.[k] ?? NaN) - (secondPass[i]?.[k] ?? NaN)) < 1e-4, `sequence ${i} token ${k}: ${fromRecord[i]?.[k]} vs ${secondPass[i]?.[k]}`);
    }
  });
  // Only the prompt went to the scorer, once per sequence; none of the sampled tokens.
  assert.equal(counting.tokens, prompt.length * sequences.length);
  // A sequence that was not sampled is scored as before.
  const other = [...prompt, ...real.bundle.tokenizer.encode('$608 \\times 27 = 16416$\n')];
  const [direct] = await recorded.score([other]);
  assert.equal(direct?.length, other.length);
  assert.equal(counting.tokens, prompt.length * sequences.length + other.length);
});
