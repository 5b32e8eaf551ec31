// The whole training pipeline (tokenizer → policy → labels → TVM/ORM/PRM → evaluation → ONNX bundle)
// at its smoke size, so CI proves that `npm run models` works end to end.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { spawnSync } from 'node:child_process';
import * as ort from 'onnxruntime-node';

test('the smoke build produces a loadable bundle with policy, TVM, ORM and PRM', { timeout: 20 * 60_000 }, async () => {
  const cache = mkdtempSync(join(tmpdir(), 'tvm-smoke-'));
  try {
    const bundle = join(cache, 'bundle');
    const run = spawnSync('/usr/bin/python3', ['training/pipeline.py', '--profile', 'smoke', '--bundle-dir', bundle], {
      encoding: 'utf8', env: { ...process.env, TVM_TUTOR_CACHE: cache }, maxBuffer: 64 * 1024 * 1024,
    });
    assert.equal(run.status, 0, `pipeline failed:\n${run.stdout}\n${run.stderr}`);
    const manifest = JSON.parse(readFileSync(join(bundle, 'manifest.json'), 'utf8'));
    assert.deepEqual(Object.keys(manifest.models).sort(), ['orm', 'policy', 'prm', 'tvm']);
    for (const [key, entry] of Object.entries<{ file: string; inputs: string[]; outputs: string[] }>(manifest.models)) {
      const session = await ort.InferenceSession.create(join(bundle, entry.file));
      assert.deepEqual([...session.inputNames], entry.inputs, `${key} inputs`);
      assert.deepEqual([...session.outputNames], entry.outputs, `${key} outputs`);
      await session.release();
    }
    for (const split of ['val', 'test', 'hard']) assert.ok(existsSync(join(bundle, 'splits', `${split}.jsonl`)), `splits/${split}.jsonl`);
    assert.ok(manifest.training.verifierEval.test_steps.all.tvm.n > 0);
    assert.equal(typeof manifest.training.verifierEval.margins, 'object');
    const { prefixes, differing_prefixes: differing } = manifest.training.objectiveDifference;
    assert.ok(prefixes > 0 && differing >= 0 && differing <= prefixes, `objective difference ${differing} of ${prefixes}`);
  } finally {
    rmSync(cache, { recursive: true, force: true });
  }
});
