import { test } from 'node:test';
import assert from 'node:assert/strict';
import { rmSync, writeFileSync, readFileSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadBundle } from '../../../src/core/bundle/loadBundle.js';
import { BundleError } from '../../../src/core/bundle/bundleError.js';
import { TextFormat } from '../../../src/core/search/format.js';
import { copyFixture, FIXTURE_BUNDLES, skipUnlessFixture } from '../../helpers/bundles.js';

const EXPECTED_SHAPE = {
  mqa: { kvHeads: 1, hasPositionIds: true },
  mha: { kvHeads: 4, hasPositionIds: false },
} as const;

for (const kind of ['mqa', 'mha'] as const) {
  test(`loads the ${kind} fixture and reads its KV layout from the graph`, skipUnlessFixture(kind), async () => {
    const bundle = await loadBundle(FIXTURE_BUNDLES[kind], { device: 'cpu' });
    try {
      const { policy, tvm } = bundle.models;
      assert.ok(tvm);
      assert.equal(policy.signature.kvHeads, EXPECTED_SHAPE[kind].kvHeads);
      assert.equal(policy.signature.hasPositionIds, EXPECTED_SHAPE[kind].hasPositionIds);
      assert.equal(policy.signature.layers, bundle.manifest.models.policy.kv.layers);
      assert.equal(policy.signature.headOutput, 'logits');
      assert.equal(tvm.signature.headOutput, 'values');
      assert.ok(tvm.signature.hasPresent);
      assert.deepEqual(bundle.device, { device: 'cpu', reason: 'CPU requested' });
      assert.equal(bundle.info.promptTemplate.includes('{problem}'), true);
    } finally {
      await bundle.release();
    }
  });
}

test('verifiers: only the named verifiers are opened; by default every one the bundle names', async () => {
  const all = await loadBundle('models/default', { device: 'cpu' });
  const tvmOnly = await loadBundle('models/default', { device: 'cpu', verifiers: ['tvm'] });
  try {
    assert.deepEqual(Object.keys(all.models).sort(), ['orm', 'policy', 'prm', 'tvm']);
    assert.deepEqual(Object.keys(tvmOnly.models).sort(), ['policy', 'tvm']);
  } finally {
    await Promise.all([all.release(), tvmOnly.release()]);
  }
});

/** Loads a broken copy of the MQA fixture and returns the BundleError it fails with. */
async function loadError(breakIt: (copy: ReturnType<typeof copyFixture>) => void): Promise<BundleError> {
  const copy = copyFixture('mqa');
  try {
    breakIt(copy);
    await loadBundle(copy.dir, { device: 'cpu' });
  } catch (error) {
    assert.ok(error instanceof BundleError, `expected a BundleError, got ${String(error)}`);
    return error;
  } finally {
    copy.cleanup();
  }
  assert.fail('the broken bundle loaded');
}

const fixture = skipUnlessFixture('mqa');

test('a folder without manifest.json is a BundleError naming the folder', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'tvm-empty-'));
  try {
    await assert.rejects(loadBundle(dir), (error: unknown) => error instanceof BundleError && error.file === dir && /manifest\.json/.test(error.message));
    await assert.rejects(loadBundle(join(dir, 'nope')), /is not a folder/);
  } finally {
    rmSync(dir, { recursive: true });
  }
});

test('invalid JSON and an unsupported formatVersion name manifest.json', fixture, async () => {
  const notJson = await loadError(({ dir }) => writeFileSync(join(dir, 'manifest.json'), '{ "formatVersion": 1,'));
  assert.match(notJson.file, /manifest\.json$/);
  assert.match(notJson.problem, /not valid JSON/);
  const future = await loadError((copy) => copy.writeManifest({ ...copy.manifest(), formatVersion: 2 }));
  assert.match(future.problem, /formatVersion 2/);
});

test('a missing model file is named with the fix', fixture, async () => {
  const error = await loadError(({ dir }) => rmSync(join(dir, 'tvm.onnx')));
  assert.match(error.file, /tvm\.onnx$/);
  assert.match(error.problem, /missing/);
  assert.match(error.remedy, /Re-export/);
});

test('a missing tokenizer config named by the manifest is reported', fixture, async () => {
  const error = await loadError(({ dir }) => {
    rmSync(join(dir, 'tokenizer_config.json'), { force: true });
    const manifest = JSON.parse(readFileSync(join(dir, 'manifest.json'), 'utf8'));
    writeFileSync(join(dir, 'manifest.json'), JSON.stringify({ ...manifest, tokenizerConfig: 'tokenizer_config.json' }));
  });
  assert.match(error.file, /tokenizer_config\.json$/);
  assert.match(error.problem, /missing/);
});

test('a corrupt ONNX file is reported as such', fixture, async () => {
  const error = await loadError(({ dir }) => {
    const path = join(dir, 'policy.onnx');
    writeFileSync(path, readFileSync(path).subarray(0, 1000));
  });
  assert.match(error.file, /policy\.onnx$/);
  assert.match(error.problem, /could not be opened as an ONNX model/);
});

test('input names that differ from the graph are listed', fixture, async () => {
  const error = await loadError((copy) => {
    const manifest = copy.manifest();
    manifest.models.policy.inputs = manifest.models.policy.inputs.map((name: string) => (name === 'attention_mask' ? 'mask' : name));
    copy.writeManifest(manifest);
  });
  assert.match(error.file, /policy\.onnx$/);
  assert.match(error.problem, /lacks: mask/);
  assert.match(error.problem, /does not list: attention_mask/);
});

test('a KV layout in the manifest that differs from the graph is caught', fixture, async () => {
  const error = await loadError((copy) => {
    const manifest = copy.manifest();
    manifest.models.tvm.kv.kvHeads += 1;
    copy.writeManifest(manifest);
  });
  assert.match(error.file, /tvm\.onnx$/);
  assert.match(error.problem, /kvHeads = \d+ but manifest\.json models\.tvm\.kv\.kvHeads gives \d+/);
});

test('a tokenizer larger than the policy vocabulary does not belong to it', fixture, async () => {
  const error = await loadError(({ dir }) => {
    const path = join(dir, 'tokenizer.json');
    const tokenizer = JSON.parse(readFileSync(path, 'utf8'));
    const size = Math.max(...Object.values<number>(tokenizer.model.vocab), ...tokenizer.added_tokens.map((t: { id: number }) => t.id)) + 1;
    tokenizer.added_tokens.push({ id: size + 4096, content: '<|extra|>', single_word: false, lstrip: false, rstrip: false, normalized: false, special: true });
    writeFileSync(path, JSON.stringify(tokenizer));
  });
  assert.match(error.file, /tokenizer\.json$/);
  assert.match(error.problem, /do not belong together/);
});

test('a tokenizer without the manifest EOS token is rejected', fixture, async () => {
  const error = await loadError((copy) => copy.writeManifest({ ...copy.manifest(), eosToken: '<|not-there|>' }));
  assert.match(error.file, /tokenizer\.json$/);
  assert.match(error.problem, /not in the vocabulary/);
});

test('promptFormat: absent is v1; "v2" makes the engine write the problem canonically; anything else names manifest.json and the field', fixture, async () => {
  const original = await loadBundle(FIXTURE_BUNDLES.mqa, { device: 'cpu' });
  try {
    assert.equal(original.manifest.promptFormat, 'v1', 'a bundle from before the field');
    const format = new TextFormat(original.info, original.tokenizer);
    assert.notDeepEqual(format.encodePrefix('Solve 5x = 35.', []).tokens, format.encodePrefix('Solve 5x = 35', []).tokens);
  } finally {
    await original.release();
  }
  const copy = copyFixture('mqa');
  try {
    copy.writeManifest({ ...copy.manifest(), promptFormat: 'v2' });
    const bundle = await loadBundle(copy.dir, { device: 'cpu' });
    try {
      assert.equal(bundle.info.promptFormat, 'v2');
      const format = new TextFormat(bundle.info, bundle.tokenizer);
      const bare = format.encodePrefix('Solve 5x = 35', []).tokens;
      assert.deepEqual(format.encodePrefix('Solve 5x = 35.', []).tokens, bare);
      assert.deepEqual(format.encodePrefix('  Solve 5x = 35 ?\n', []).tokens, bare);
      assert.deepEqual(bare, bundle.tokenizer.encode('Q: Solve 5x = 35\n'));
    } finally {
      await bundle.release();
    }
  } finally {
    copy.cleanup();
  }
  for (const value of ['v3', 2, null]) {
    const error = await loadError((broken) => broken.writeManifest({ ...broken.manifest(), promptFormat: value }));
    assert.match(error.file, /manifest\.json$/);
    assert.match(error.problem, new RegExp(`field "promptFormat" ${JSON.stringify(value)}, this version of the tutor reads "v1" or "v2"`));
  }
});
