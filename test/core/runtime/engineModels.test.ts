import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { loadBundle, type LoadedBundle } from '../../../src/core/bundle/loadBundle.js';
import { bundleTokenLogprobs } from '../../../src/core/runtime/engineModels.js';
import { FIXTURE_BUNDLES, FIXTURE_KINDS, skipUnlessFixture } from '../../helpers/bundles.js';

/** What the training pipeline computed with PyTorch for one sequence (parity.json, policy entry). */
interface TorchLogprobs {
  tokens: number[];
  logprobs: number[];
}

const bundles = [...FIXTURE_KINDS.map((kind) => ({ name: `${kind} fixture`, dir: FIXTURE_BUNDLES[kind], skip: skipUnlessFixture(kind) })), { name: 'default bundle', dir: 'models/default', skip: { skip: false as const } }];

for (const { name, dir, skip } of bundles) {
  describe(`policy token log-probabilities on the ${name}`, skip, () => {
    let bundle: LoadedBundle;
    let reference: TorchLogprobs;
    before(async () => {
      bundle = await loadBundle(dir, { device: 'cpu' });
      reference = (JSON.parse(readFileSync(join(dir, 'parity.json'), 'utf8')) as { policy: { tokenLogprobs: TorchLogprobs } }).policy.tokenLogprobs;
    });
    after(() => bundle.release());
    const scorer = () => bundleTokenLogprobs(bundle);

    test('match what the verifiers were trained on (PyTorch) within 1e-4', async () => {
      const [got] = await scorer().score([reference.tokens]);
      assert.equal(got?.length, reference.tokens.length);
      assert.equal(got?.[0], 0, 'the prompt carries no surprise');
      assert.ok(got?.some((v) => v < 0), 'the solution tokens have log-probabilities');
      if (dir === 'models/default') assert.equal(reference.tokens.at(-1), bundle.tokenizer.eosId, 'the case ends with EOS, as finished paths do');
      reference.logprobs.forEach((expected, k) => {
        assert.ok(Math.abs((got?.[k] as number) - expected) <= 1e-4, `token ${k}: ${got?.[k]} vs ${expected}`);
      });
    });

    test('scoring an extension of a scored prefix equals scoring it from scratch', async () => {
      const full = reference.tokens;
      const cut = Math.floor(full.length / 2);
      const incremental = scorer();
      await incremental.score([full.slice(0, cut)]);
      const [extended, again] = await incremental.score([full, full.slice(0, cut + 1)]);
      const [scratch] = await scorer().score([full]);
      (scratch as Float32Array).forEach((expected, k) => {
        assert.ok(Math.abs((extended?.[k] as number) - expected) <= 1e-4, `token ${k}: ${extended?.[k]} vs ${expected}`);
        if (k <= cut) assert.ok(Math.abs((again?.[k] as number) - expected) <= 1e-4, `prefix token ${k}`);
      });
    });
  });
}
