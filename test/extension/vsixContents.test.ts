// Builds a real linux-x64 vsix (around the small fixture bundle, so it needs no trained models),
// checks what is inside — the bundles, the webview assets, the model files the extension uses and
// only one platform's onnxruntime binaries — and starts the packaged engine from an extracted
// copy outside the repository, so nothing can come from the repository's node_modules.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { copyFileSync, cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { EngineClient } from '../../src/core/host/engineClient.js';
import { ZipFile } from './zip.js';
import { FIXTURE_CONFIG, makeHuggingFaceFolder } from '../helpers/huggingFaceFolders.js';

const root = resolve(__dirname, '../..');
const fixture = join(root, 'test', 'fixtures', 'bundle-mqa');

function node(args: string[], cwd = root): void {
  const result = spawnSync(process.execPath, args, { cwd, encoding: 'utf8' });
  assert.equal(result.status, 0, `${args.join(' ')} failed:\n${result.stdout}\n${result.stderr}`);
}

/**
 * The fixture's graphs in the layout the pipeline writes (a Hugging Face folder, as
 * test/helpers/huggingFaceFolders.ts makes it), plus what a training run also leaves there:
 * Transformers checkpoints, orm/prm verifiers, parity.json and splits.
 */
function trainedBundle(dir: string): void {
  const folder = makeHuggingFaceFolder();
  try {
    cpSync(folder.dir, dir, { recursive: true });
  } finally {
    folder.cleanup();
  }
  for (const slot of ['tvm', 'orm', 'prm']) {
    mkdirSync(join(dir, slot, 'onnx'), { recursive: true });
    copyFileSync(join(fixture, 'tvm.onnx'), join(dir, slot, 'onnx', 'model.onnx'));
    writeFileSync(join(dir, slot, 'config.json'), JSON.stringify(FIXTURE_CONFIG));
    writeFileSync(join(dir, slot, 'model.safetensors'), 'checkpoint');
  }
  writeFileSync(join(dir, 'model.safetensors'), 'checkpoint');
  writeFileSync(join(dir, 'tutor.json'), JSON.stringify({ name: 'default', answerPattern: 'The answer is (.+)' }));
  writeFileSync(join(dir, 'parity.json'), '{}');
  mkdirSync(join(dir, 'splits'));
  writeFileSync(join(dir, 'splits', 'test.jsonl'), '{}\n');
}

test('an older bundle (manifest.json layout) is staged with a manifest of the policy and TVM only', async () => {
  const { stageVsix } = await import('../../packaging/stage.mjs');
  const tmp = mkdtempSync(join(tmpdir(), 'stage-'));
  try {
    const bundle = join(tmp, 'bundle');
    cpSync(fixture, bundle, { recursive: true });
    const manifest = JSON.parse(readFileSync(join(bundle, 'manifest.json'), 'utf8'));
    copyFileSync(join(bundle, 'tvm.onnx'), join(bundle, 'orm.onnx'));
    writeFileSync(join(bundle, 'manifest.json'), JSON.stringify({ ...manifest, models: { ...manifest.models, orm: { ...manifest.models.tvm, file: 'orm.onnx', labels: 'orm' } } }));
    if (!['extension.js', 'engine.js'].every((f) => existsSync(join(root, 'dist', f))) || !existsSync(join(root, 'media', 'katex'))) {
      node(['esbuild.mjs']);
      node(['media/katexAssets.mjs']);
    }
    const stage = join(tmp, 'stage');
    const files = (stageVsix({ root, stage, target: 'linux-x64', bundleDir: bundle }) as string[]).filter((f) => f.startsWith('models/'));
    assert.deepEqual(files, ['models/default/manifest.json', 'models/default/policy.onnx', 'models/default/tokenizer.json', 'models/default/tokenizer_config.json', 'models/default/tvm.onnx']);
    assert.deepEqual(Object.keys(JSON.parse(readFileSync(join(stage, 'models', 'default', 'manifest.json'), 'utf8')).models), ['policy', 'tvm']);
  } finally {
    rmSync(tmp, { recursive: true, force: true });
  }
});

test('CUDA and TensorRT provider libraries are dropped', async () => {
  const { isRuntimeBinary } = await import('../../packaging/stage.mjs');
  assert.deepEqual(
    ['libonnxruntime.so.1', 'onnxruntime_binding.node', 'libonnxruntime_providers_cuda.so', 'libonnxruntime_providers_tensorrt.so', 'libonnxruntime_providers_shared.so'].filter(isRuntimeBinary),
    ['libonnxruntime.so.1', 'onnxruntime_binding.node', 'libonnxruntime_providers_shared.so'],
  );
});

test('the linux-x64 vsix holds the extension, its assets, the shipped models and one platform of onnxruntime', { skip: process.platform !== 'linux' || process.arch !== 'x64' }, async () => {
  if (!['extension.js', 'engine.js'].every((f) => existsSync(join(root, 'dist', f))) || !existsSync(join(root, 'media', 'katex'))) {
    node(['esbuild.mjs']);
    node(['media/katexAssets.mjs']);
  }
  const tmp = mkdtempSync(join(tmpdir(), 'vsix-'));
  try {
    const bundle = join(tmp, 'bundle');
    trainedBundle(bundle);
    const out = join(tmp, 'test.vsix');
    node(['packaging/package.mjs', '--no-build', '--target', 'linux-x64', '--bundle', bundle, '--out', out]);

    const zip = new ZipFile(out);
    const files = zip.names.filter((n) => n.startsWith('extension/')).map((n) => n.slice('extension/'.length));
    for (const required of [
      'package.json',
      'readme.md',
      'dist/extension.js',
      'dist/engine.js',
      'media/panel.css',
      'media/dist/panel.js',
      'media/katex/katex.min.css',
      'media/katex/fonts/KaTeX_Main-Regular.woff2',
      'models/default/config.json',
      'models/default/generation_config.json',
      'models/default/tokenizer.json',
      'models/default/tokenizer_config.json',
      'models/default/tutor.json',
      'models/default/onnx/model.onnx',
      'models/default/tvm/config.json',
      'models/default/tvm/onnx/model.onnx',
      'dist/node_modules/onnxruntime-node/package.json',
      'dist/node_modules/onnxruntime-node/dist/index.js',
      'dist/node_modules/onnxruntime-node/bin/napi-v6/linux/x64/onnxruntime_binding.node',
      'dist/node_modules/onnxruntime-node/bin/napi-v6/linux/x64/libonnxruntime.so.1',
      'dist/node_modules/onnxruntime-common/dist/cjs/index.js',
    ]) {
      assert.ok(files.includes(required), `${required} is in the vsix`);
    }
    for (const file of files) {
      assert.match(file, /^(package\.json|readme\.md|dist\/|media\/|models\/default\/)/, `${file} belongs in the vsix`);
      assert.doesNotMatch(file, /\.(map|ts|safetensors)$|^media\/src\/|^dist\/cli\.js$|orm|prm|splits|parity|providers_(cuda|tensorrt)/, `${file} must not ship`);
      assert.doesNotMatch(file, /napi-v6\/(?!linux\/x64\/)/, `${file}: only linux-x64 binaries`);
    }
    const manifest = JSON.parse(zip.text('extension/package.json'));
    assert.equal(manifest.main, './dist/extension.js');
    assert.deepEqual([manifest.scripts, manifest.devDependencies], [undefined, undefined]);
    assert.match(zip.text('extension.vsixmanifest'), /TargetPlatform="linux-x64"/);

    // The packaged engine, with the packaged onnxruntime, loads the packaged model bundle.
    const installed = join(tmp, 'installed');
    zip.extract(installed);
    const client = new EngineClient({ enginePath: join(installed, 'extension', 'dist', 'engine.js') });
    try {
      const loaded = await client.load({ bundleDir: join(installed, 'extension', 'models', 'default'), device: 'cpu' });
      assert.equal(loaded.device, 'cpu');
      assert.deepEqual(loaded.verifiers, ['tvm']);
    } finally {
      client.dispose();
    }
  } finally {
    rmSync(tmp, { recursive: true, force: true });
  }
});
