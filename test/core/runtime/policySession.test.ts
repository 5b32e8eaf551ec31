import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { loadBundle, type LoadedBundle } from '../../../src/core/bundle/loadBundle.js';
import { createEngineModels, stepEndTokens } from '../../../src/core/runtime/engineModels.js';
import { extendRows, headIndex } from '../../../src/core/runtime/extendRows.js';
import { BatchedKv } from '../../../src/core/runtime/kvCache.js';
import { PolicySession } from '../../../src/core/runtime/policySession.js';
import { argmax } from '../../../src/core/runtime/sampler.js';
import type { DecoderModel } from '../../../src/core/runtime/decoderModel.js';
import type { SamplingOptions } from '../../../src/core/lm.js';
import { FIXTURE_BUNDLES, FIXTURE_KINDS, skipUnlessFixture } from '../../helpers/bundles.js';

const SAMPLING: SamplingOptions = { temperature: 1, seed: 1, maxNewTokens: 12, stopAtStepEnd: false };

/** Next-token logits after `tokens`, computed from scratch with no cache and no padding. */
async function referenceLogits(model: DecoderModel, tokens: number[]): Promise<Float32Array> {
  const result = await extendRows(model, [{ tokens }]);
  const offset = headIndex(result, 0, tokens.length - 1, tokens.length);
  return result.head.slice(offset, offset + result.headWidth);
}

function maxAbsDiff(a: ArrayLike<number>, b: ArrayLike<number>): number {
  assert.equal(a.length, b.length);
  let max = 0;
  for (let i = 0; i < a.length; i++) max = Math.max(max, Math.abs((a[i] as number) - (b[i] as number)));
  return max;
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
      assert.deepEqual(await policy.sample(prompts, 3, SAMPLING), first);
      assert.notDeepEqual(await policy.sample(prompts, 3, { ...SAMPLING, seed: 2 }), first);
      assert.equal(first.length, 3);
      for (const samples of first) assert.equal(samples.length, 3);
    });

    test('a sample does not depend on the other prompts in its batch (left padding is exact)', async () => {
      const together = await policy.sample(prompts, 2, { ...SAMPLING, temperature: 0 });
      for (let i = 0; i < prompts.length; i++) {
        const [alone] = await policy.sample([prompts[i] as number[]], 2, { ...SAMPLING, temperature: 0 });
        assert.deepEqual(alone, together[i]);
      }
    });

    test('greedy decoding with the KV cache matches recomputing every step from scratch', async () => {
      const prompt = prompts[1] as number[];
      const [[greedy]] = (await policy.sample([prompt], 1, { ...SAMPLING, temperature: 0, maxNewTokens: 6 })) as [[{ tokens: number[] }]];
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
      assert.deepEqual(await small.sample(prompts, 3, SAMPLING), await policy.sample(prompts, 3, SAMPLING));
    });

    test('rows stop at a step-end token, at EOS, or at maxNewTokens', async () => {
      const unconstrained = await policy.sample([prompts[0] as number[]], 4, { ...SAMPLING, maxNewTokens: 8 });
      // Declare the 3rd token of sample 0 a step end: that row must stop right there.
      const tokens = (unconstrained[0]?.[0]?.tokens ?? []) as number[];
      const marker = tokens[2] as number;
      const flags = new Uint8Array(bundle.tokenizer.vocabSize);
      flags[marker] = 1;
      const config = { eosId: bundle.tokenizer.eosId, stepEndTokens: flags, vocabSize: bundle.tokenizer.vocabSize, maxPositions: bundle.info.maxPositions };
      const stepping = new PolicySession(bundle.models.policy, config);
      const [samples] = (await stepping.sample([prompts[0] as number[]], 4, { ...SAMPLING, maxNewTokens: 8, stopAtStepEnd: true })) as [
        { tokens: number[]; finish: string }[],
      ];
      const firstMarker = tokens.indexOf(marker);
      assert.deepEqual(samples[0], { tokens: tokens.slice(0, firstMarker + 1), finish: 'step' });
      samples.forEach((sample, j) => {
        const full = unconstrained[0]?.[j]?.tokens as number[];
        const cut = full.indexOf(marker);
        // The other rows continue exactly as without the stop, even after row 0 left the batch.
        assert.deepEqual(sample.tokens, cut >= 0 ? full.slice(0, cut + 1) : full);
        assert.equal(sample.finish, cut >= 0 ? 'step' : full.length === 8 ? 'length' : 'eos');
      });
      // An EOS id that is the first sampled token ends the row immediately.
      const eosFirst = new PolicySession(bundle.models.policy, { ...config, eosId: tokens[0] as number });
      const [[eosSample]] = (await eosFirst.sample([prompts[0] as number[]], 1, { ...SAMPLING, maxNewTokens: 8 })) as [[{ tokens: number[]; finish: string }]];
      assert.deepEqual(eosSample, { tokens: [tokens[0]], finish: 'eos' });
    });

    test('the sequence never exceeds maxPositions', async () => {
      const tight = new PolicySession(bundle.models.policy, {
        eosId: -1,
        stepEndTokens: new Uint8Array(bundle.tokenizer.vocabSize),
        vocabSize: bundle.tokenizer.vocabSize,
        maxPositions: (prompts[0] as number[]).length + 3,
      });
      const [[sample]] = (await tight.sample([prompts[0] as number[]], 1, { ...SAMPLING, maxNewTokens: 50 })) as [[{ tokens: number[]; finish: string }]];
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
