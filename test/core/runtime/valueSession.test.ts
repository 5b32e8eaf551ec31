import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { loadBundle, type LoadedBundle } from '../../../src/core/bundle/loadBundle.js';
import { DecoderModel, type ForwardInput } from '../../../src/core/runtime/decoderModel.js';
import { bundleTokenLogprobs } from '../../../src/core/runtime/engineModels.js';
import { ValueSession, type ValueSessionConfig } from '../../../src/core/runtime/valueSession.js';
import { FIXTURE_BUNDLES, FIXTURE_KINDS, skipUnlessFixture } from '../../helpers/bundles.js';

/** A verifier that records how many token positions each forward pass fed. */
function countingModel(model: DecoderModel): { model: DecoderModel; fed: number[] } {
  const fed: number[] = [];
  const counting = new DecoderModel(model.session, model.signature);
  counting.forward = (input: ForwardInput) => {
    fed.push(input.past.rows * input.width);
    return model.forward(input);
  };
  return { model: counting, fed };
}

function assertClose(actual: number[][], expected: number[][], tolerance = 1e-4): void {
  assert.equal(actual.length, expected.length);
  actual.forEach((row, i) => {
    assert.equal(row.length, expected[i]?.length, `row ${i} length`);
    row.forEach((value, k) => {
      const diff = Math.abs(value - (expected[i]?.[k] as number));
      assert.ok(diff <= tolerance, `row ${i} token ${k}: ${value} vs ${expected[i]?.[k]} (diff ${diff})`);
    });
  });
}

/** The fixture bundles, made by the training pipeline, always have a TVM. */
function tvmOf(bundle: LoadedBundle): DecoderModel {
  const { tvm } = bundle.models;
  assert.ok(tvm, 'the fixture bundle has no TVM');
  return tvm;
}

for (const kind of FIXTURE_KINDS) {
  describe(`value scoring on the ${kind} fixture`, skipUnlessFixture(kind), () => {
    let bundle: LoadedBundle;
    let prompt: number[];
    let steps: number[][];
    /** A session on `model` (default: the TVM) with its own caches, fed by the policy when the verifier reads it. */
    const session = (model = tvmOf(bundle), config: Partial<ValueSessionConfig> = {}) =>
      new ValueSession(model, {
        maxPositions: bundle.info.maxPositions,
        ...(model.signature.hasTokenLogprobs && { tokenLogprobs: bundleTokenLogprobs(bundle) }),
        ...config,
      });
    const fresh = () => session();
    before(async () => {
      bundle = await loadBundle(FIXTURE_BUNDLES[kind], { device: 'cpu' });
      const encode = (text: string) => bundle.tokenizer.encode(text);
      prompt = encode(bundle.info.promptTemplate.replace('{problem}', 'Tom has 3 apples and buys 4 more. How many?'));
      steps = [encode('3 + 4 = 7\n'), encode('He has $7$ apples.\n'), encode('The answer is 7<|eos|>'), encode('3 * 4 = 12\n')];
    });
    after(() => bundle.release());

    test('values are probabilities, one per token', async () => {
      const [values] = await fresh().tokenValues([prompt]);
      assert.equal(values?.length, prompt.length);
      for (const v of values ?? []) assert.ok(v >= 0 && v <= 1);
    });

    test('incremental scoring of prefix + new steps equals scoring from scratch', async () => {
      const [s1, s2, s3, wrong] = steps as [number[], number[], number[], number[]];
      const sequences = [
        [...prompt, ...s1, ...s2, ...s3],
        [...prompt, ...s1, ...wrong],
        [...prompt, ...wrong],
        [...prompt, ...s1],
      ];
      const expected: number[][] = [];
      for (const sequence of sequences) expected.push(...(await fresh().tokenValues([sequence])));

      const { model, fed } = countingModel(tvmOf(bundle));
      const scorer = session(model);
      await scorer.tokenValues([[...prompt, ...s1]]);
      fed.length = 0;
      const incremental = await scorer.tokenValues(sequences);
      assertClose(incremental, expected);
      // Only rows needing new tokens ran, and far fewer positions than the full sequences.
      const fullCost = sequences.reduce((sum, s) => sum + s.length, 0);
      const spent = fed.reduce((a, b) => a + b, 0);
      assert.ok(spent < fullCost / 2, `fed ${spent} positions, full rescoring is ${fullCost}`);
    });

    test('a repeated sequence is answered from the cache without running the model', async () => {
      const { model, fed } = countingModel(tvmOf(bundle));
      const scorer = session(model);
      const sequence = [...prompt, ...(steps[0] as number[])];
      const first = await scorer.tokenValues([sequence, sequence]);
      assert.equal(fed.length, 1);
      assert.deepEqual(await scorer.tokenValues([sequence]), [first[0]]);
      assert.equal(fed.length, 1);
    });

    test('siblings after an unscored prompt share one scoring of it', async () => {
      const { model, fed } = countingModel(tvmOf(bundle));
      const siblings = steps.map((step) => [...prompt, ...step]);
      const values = await session(model).tokenValues(siblings);
      const expected: number[][] = [];
      for (const sequence of siblings) expected.push(...(await fresh().tokenValues([sequence])));
      assertClose(values, expected);
      assert.equal(fed.length, 2, 'the prompt once, then the steps');
      assert.equal(fed[0], prompt.length);
    });

    test('a tiny cache budget still returns correct values', async () => {
      const sequences = steps.map((step) => [...prompt, ...step]);
      const expected: number[][] = [];
      for (const sequence of sequences) expected.push(...(await fresh().tokenValues([sequence])));
      assertClose(await session(tvmOf(bundle), { cacheBytes: 1 }).tokenValues(sequences), expected);
    });

    test('sequences longer than maxPositions are refused; abort rejects with AbortError', async () => {
      await assert.rejects(session(tvmOf(bundle), { maxPositions: 8 }).tokenValues([new Array(9).fill(1)]), RangeError);
      await assert.rejects(fresh().tokenValues([prompt], AbortSignal.abort()), { name: 'AbortError' });
    });

    if (kind === 'mha') {
      test('a verifier on token ids alone runs without the policy', async () => {
        assert.equal(tvmOf(bundle).signature.hasTokenLogprobs, false);
        const plain = new ValueSession(tvmOf(bundle), { maxPositions: bundle.info.maxPositions });
        assert.equal((await plain.tokenValues([prompt]))[0]?.length, prompt.length);
      });
      return;
    }

    test('a verifier that reads token log-probabilities depends on them, and refuses to run without them', async () => {
      const sequence = [...prompt, ...(steps[0] as number[])];
      const [real] = await fresh().tokenValues([sequence]);
      const unsurprised = { score: async (rows: readonly (readonly number[])[]) => rows.map((row) => new Float32Array(row.length)) };
      const [flat] = await session(tvmOf(bundle), { tokenLogprobs: unsurprised }).tokenValues([sequence]);
      assert.ok(real && flat && real.some((v, k) => Math.abs(v - (flat[k] as number)) > 1e-3), 'values ignore the token log-probabilities');
      assert.throws(() => new ValueSession(tvmOf(bundle), { maxPositions: bundle.info.maxPositions }), /token log-probabilities/);
    });
  });
}
