import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { loadBundle, type LoadedBundle } from '../../../src/core/bundle/loadBundle.js';
import { createEngineModels, stepEndTokens } from '../../../src/core/runtime/engineModels.js';
import { extendRows, headIndex } from '../../../src/core/runtime/extendRows.js';
import { BatchedKv } from '../../../src/core/runtime/kvCache.js';
import { PolicySession } from '../../../src/core/runtime/policySession.js';
import { argmax, logProbability } from '../../../src/core/runtime/sampler.js';
import { DecoderModel } from '../../../src/core/runtime/decoderModel.js';
import type { Continuation, SamplingOptions } from '../../../src/core/lm.js';
import { FIXTURE_BUNDLES, FIXTURE_KINDS, skipUnlessFixture } from '../../helpers/bundles.js';

const SAMPLING: SamplingOptions = { temperature: 1, seed: 1, maxNewTokens: 12, stopAtStepEnd: false };

/** Next-token logits after `tokens`, computed from scratch with no cache and no padding. */
async function referenceLogits(model: DecoderModel, tokens: number[]): Promise<Float32Array> {
  const result = await extendRows(model, [{ tokens }]);
  const offset = headIndex(result, 0, tokens.length - 1, tokens.length);
  return result.head.slice(offset, offset + result.headWidth);
}

/** The single continuation of a one-prompt, one-sample call. */
function only(result: Continuation[][]): Continuation {
  const continuation = result[0]?.[0];
  assert.ok(continuation);
  return continuation;
}

function maxAbsDiff(a: ArrayLike<number>, b: ArrayLike<number>): number {
  assert.equal(a.length, b.length);
  let max = 0;
  for (let i = 0; i < a.length; i++) max = Math.max(max, Math.abs((a[i] as number) - (b[i] as number)));
  return max;
}

/** What was drawn: tokens, finish and forced positions, without the log-probabilities. */
function drawn(result: readonly (readonly Continuation[])[]): Omit<Continuation, 'logprobs'>[][] {
  return result.map((row) => row.map(({ logprobs: _logprobs, ...rest }) => rest));
}

/**
 * The same samples: the same tokens, finish and forced positions, and log-probabilities within
 * float32 rounding (a batch of another shape sums in another order).
 */
function assertSameSamples(actual: readonly (readonly Continuation[])[], expected: readonly (readonly Continuation[])[]): void {
  assert.deepEqual(drawn(actual), drawn(expected));
  actual.forEach((row, i) =>
    row.forEach((continuation, j) => {
      assert.equal(continuation.logprobs?.length, continuation.tokens.length, 'one log-probability per token');
      assert.ok(maxAbsDiff(continuation.logprobs ?? [], expected[i]?.[j]?.logprobs ?? []) <= 1e-5);
    }),
  );
}

for (const kind of FIXTURE_KINDS) {
  describe(`policy sampling on the ${kind} fixture`, skipUnlessFixture(kind), () => {
    let bundle: LoadedBundle;
    let policy: PolicySession;
    let prompts: number[][];
    before(async () => {
      bundle = await loadBundle(FIXTURE_BUNDLES[kind], { device: 'cpu' });
      policy = createEngineModels(bundle).policy as PolicySession;
      const encode = (problem: string) => bundle.tokenizer.encode(bundle.info.promptTemplate.replace('{problem}', problem));
      prompts = [encode('What is 2 + 3?'), encode('A train travels 60 km in 1.5 hours. How fast is it?'), encode('x')];
    });
    after(() => bundle.release());

    test('the same seed gives the same continuations; another seed gives others', async () => {
      const first = await policy.sample(prompts, 3, SAMPLING);
      assertSameSamples(await policy.sample(prompts, 3, SAMPLING), first);
      assert.notDeepEqual(drawn(await policy.sample(prompts, 3, { ...SAMPLING, seed: 2 })), drawn(first));
      assert.equal(first.length, 3);
      for (const samples of first) assert.equal(samples.length, 3);
    });

    test('a sample does not depend on the other prompts in its batch (left padding is exact)', async () => {
      const together = await policy.sample(prompts, 2, { ...SAMPLING, temperature: 0 });
      for (let i = 0; i < prompts.length; i++) {
        const [alone] = await policy.sample([prompts[i] as number[]], 2, { ...SAMPLING, temperature: 0 });
        assertSameSamples([alone as Continuation[]], [together[i] as Continuation[]]);
      }
    });

    test('greedy decoding with the KV cache matches recomputing every step from scratch', async () => {
      const prompt = prompts[1] as number[];
      const greedy = only(await policy.sample([prompt], 1, { ...SAMPLING, temperature: 0, maxNewTokens: 6 }));
      const sequence = [...prompt];
      for (const token of greedy.tokens) {
        const logits = await referenceLogits(bundle.models.policy, sequence);
        assert.equal(argmax(logits, 0, bundle.tokenizer.vocabSize), token);
        sequence.push(token);
      }
    });

    test('a batch larger than maxBatchRows gives the same samples as one batch', async () => {
      const small = new PolicySession(bundle.models.policy, {
        eosId: bundle.tokenizer.eosId,
        stepEndTokens: stepEndTokens(bundle),
        vocabSize: bundle.tokenizer.vocabSize,
        maxPositions: bundle.info.maxPositions,
        maxBatchRows: 4,
      });
      assertSameSamples(await small.sample(prompts, 3, SAMPLING), await policy.sample(prompts, 3, SAMPLING));
    });

    test('rows stop at a step-end token, at EOS, or at maxNewTokens', async () => {
      const prompt = prompts[0] as number[];
      const unconstrained = (await policy.sample([prompt], 4, { ...SAMPLING, maxNewTokens: 8 }))[0] as { tokens: number[]; finish: string }[];
      // Declare the 3rd token of the longest sample a step end: that row must stop right there.
      const longest = unconstrained.reduce((a, b) => (b.tokens.length > a.tokens.length ? b : a));
      assert.ok(longest.tokens.length >= 3, 'a sample with at least 3 tokens');
      const marker = longest.tokens[2] as number;
      const flags = new Uint8Array(bundle.tokenizer.vocabSize);
      flags[marker] = 1;
      const config = { eosId: bundle.tokenizer.eosId, stepEndTokens: flags, vocabSize: bundle.tokenizer.vocabSize, maxPositions: bundle.info.maxPositions };
      const stepping = new PolicySession(bundle.models.policy, config);
      const samples = (await stepping.sample([prompt], 4, { ...SAMPLING, maxNewTokens: 8, stopAtStepEnd: true }))[0] as { tokens: number[]; finish: string }[];
      samples.forEach((sample, j) => {
        const full = unconstrained[j]?.tokens as number[];
        const cut = full.indexOf(marker);
        // Rows stop at their first marker; the others continue exactly as without the stop,
        // even after finished rows left the batch.
        assert.deepEqual(sample.tokens, cut >= 0 ? full.slice(0, cut + 1) : full);
        assert.equal(sample.finish, cut >= 0 ? 'step' : unconstrained[j]?.finish);
        assert.equal(unconstrained[j]?.finish, full.at(-1) === bundle.tokenizer.eosId ? 'eos' : 'length');
      });
      assert.ok(samples.some((sample) => sample.finish === 'step'));
      // A token declared EOS ends the row as soon as it is sampled.
      const first = longest.tokens[0] as number;
      const eosFirst = new PolicySession(bundle.models.policy, { ...config, eosId: first });
      const index = unconstrained.indexOf(longest);
      const eosSamples = drawn(await eosFirst.sample([prompt], 4, { ...SAMPLING, maxNewTokens: 8 }))[0];
      assert.deepEqual(eosSamples?.[index], { tokens: [first], finish: 'eos' });
    });

    test('the sequence never exceeds maxPositions', async () => {
      const tight = new PolicySession(bundle.models.policy, {
        eosId: -1,
        stepEndTokens: new Uint8Array(bundle.tokenizer.vocabSize),
        vocabSize: bundle.tokenizer.vocabSize,
        maxPositions: (prompts[0] as number[]).length + 3,
      });
      const sample = only(await tight.sample([prompts[0] as number[]], 1, { ...SAMPLING, maxNewTokens: 50 }));
      assert.equal(sample.tokens.length, 3);
      assert.equal(sample.finish, 'length');
      await assert.rejects(tight.sample([new Array(100).fill(1)], 1, SAMPLING), RangeError);
    });

    test('an aborted signal rejects with AbortError', async () => {
      const controller = new AbortController();
      const pending = policy.sample(prompts, 2, { ...SAMPLING, maxNewTokens: 200 }, controller.signal);
      setImmediate(() => controller.abort());
      await assert.rejects(pending, { name: 'AbortError' });
    });

    test('a prompt extending an earlier continuation prefills only the new tokens, with the same result', async () => {
      const fed: number[] = [];
      const counting = new DecoderModel(bundle.models.policy.session, bundle.models.policy.signature);
      counting.forward = (input) => {
        fed.push(input.width);
        return bundle.models.policy.forward(input);
      };
      const config = { eosId: bundle.tokenizer.eosId, stepEndTokens: stepEndTokens(bundle), vocabSize: bundle.tokenizer.vocabSize, maxPositions: bundle.info.maxPositions };
      const cached = new PolicySession(counting, config);
      const uncached = new PolicySession(bundle.models.policy, { ...config, cacheBytes: 0 });
      const prompt = prompts[1] as number[];
      const greedy = { ...SAMPLING, temperature: 0, maxNewTokens: 5 };
      const step = only(await cached.sample([prompt], 1, greedy));
      const extended = [...prompt, ...step.tokens];
      fed.length = 0;
      const next = await cached.sample([extended], 2, { ...SAMPLING, maxNewTokens: 5 });
      assert.equal(fed[0], 1, 'the prefill fed only the last sampled token');
      assertSameSamples(next, await uncached.sample([extended], 2, { ...SAMPLING, maxNewTokens: 5 }));
      // The same prompt again: fully cached, only its last token is re-fed for its logits.
      fed.length = 0;
      await cached.sample([extended], 1, greedy);
      assert.equal(fed[0], 1);
    });

    test('promptLogprobs: log p of every prompt token, read from the prefill sample() ran (no model run), equal to a fresh computation', async () => {
      const fresh = createEngineModels(bundle).policy as PolicySession;
      const model = bundle.models.policy;
      const expected = await Promise.all(
        prompts.map(async (prompt) => {
          const out = [Number.NaN];
          for (let k = 1; k < prompt.length; k++) out.push(logProbability(await referenceLogits(model, prompt.slice(0, k)), 0, bundle.tokenizer.vocabSize, prompt[k] as number));
          return out;
        }),
      );
      // The three prompts prefilled together, left-padded.
      await fresh.sample(prompts, 1, { ...SAMPLING, maxNewTokens: 2 });
      const forward = model.forward.bind(model);
      let runs = 0;
      model.forward = (input) => {
        runs++;
        return forward(input);
      };
      try {
        for (const [i, prompt] of prompts.entries()) {
          const recorded = await fresh.promptLogprobs(prompt);
          assert.ok(Number.isNaN(recorded[0]));
          assert.ok(maxAbsDiff(recorded.slice(1), (expected[i] as number[]).slice(1)) < 1e-4, `prompt ${i}`);
        }
        assert.equal(runs, 0, 'read from the records of the prefill');
        // A prompt never sampled is computed with one forward pass.
        const other = bundle.tokenizer.encode(bundle.info.promptTemplate.replace('{problem}', 'What is 7 - 5?'));
        const computed = await createEngineModels(bundle).policy.promptLogprobs?.(other);
        assert.equal(runs, 1);
        assert.equal(computed?.length, other.length);
        // A prefix of a recorded sequence is served by its record.
        assert.ok(maxAbsDiff((await fresh.promptLogprobs((prompts[1] as number[]).slice(0, 5))).slice(1), (expected[1] as number[]).slice(1, 5)) < 1e-4);
        assert.equal(runs, 1);
      } finally {
        model.forward = forward;
      }
    });

    test('forked cache rows give the same next-token logits as recomputation', async () => {
      const model = bundle.models.policy;
      const two = [prompts[0] as number[], prompts[1] as number[]];
      const prefill = await extendRows(model, two.map((tokens) => ({ tokens })));
      const order = [1, 0, 1, 1];
      const forked = (prefill.present as BatchedKv).gatherRows(order);
      const next = [5, 9, 17, 33];
      const step = await model.forward({
        past: forked,
        tokenIds: next,
        width: 1,
        newMask: new Uint8Array(order.length).fill(1),
        positions: Int32Array.from(order, (p) => (two[p] as number[]).length),
      });
      for (let b = 0; b < order.length; b++) {
        const expected = await referenceLogits(model, [...(two[order[b] as number] as number[]), next[b] as number]);
        const actual = step.head.subarray(b * step.headWidth, (b + 1) * step.headWidth);
        assert.ok(maxAbsDiff(actual, expected) <= 1e-4, `row ${b} differs by ${maxAbsDiff(actual, expected)}`);
      }
    });
  });
}
