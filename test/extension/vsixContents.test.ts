// Builds a real linux-x64 vsix (with a stand-in model bundle, so it does not need trained models)
// and checks what is inside: the bundles, the webview assets, the model files the extension uses
// and only one platform's onnxruntime binaries.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { ZipFile } from './zip.js';

const root = resolve(__dirname, '../..');

function node(args: string[], cwd = root): void {
  const result = spawnSync(process.execPath, args, { cwd, encoding: 'utf8' });
  assert.equal(result.status, 0, `${args.join(' ')} failed:\n${result.stdout}\n${result.stderr}`);
}

function fakeBundle(dir: string): void {
  const model = (role: string) => ({ file: '', role, inputs: ['input_ids'], outputs: ['logits'], kv: { layers: 1, kvHeads: 1, headDim: 4 } });
  const models = Object.fromEntries(['policy', 'tvm', 'orm', 'prm'].map((slot) => [slot, { ...model(slot === 'policy' ? 'policy' : 'verifier'), file: `${slot}.onnx` }]));
  const manifest = { formatVersion: 1, name: 'default', tokenizer: 'tokenizer.json', promptTemplate: 'Q: {problem}\n', stepDelimiter: '\n', eosToken: '<|eos|>', answerPattern: 'The answer is (.+)', maxPositions: 384, models, training: {} };
  writeFileSync(join(dir, 'manifest.json'), JSON.stringify(manifest));
  for (const file of ['policy.onnx', 'tvm.onnx', 'orm.onnx', 'prm.onnx', 'tokenizer.json', 'splits.json']) writeFileSync(join(dir, file), file);
}

test('CUDA and TensorRT provider libraries are dropped', async () => {
  const { isRuntimeBinary } = await import('../../packaging/stage.mjs');
  assert.deepEqual(
    ['libonnxruntime.so.1', 'onnxruntime_binding.node', 'libonnxruntime_providers_cuda.so', 'libonnxruntime_providers_tensorrt.so', 'libonnxruntime_providers_shared.so'].filter(isRuntimeBinary),
    ['libonnxruntime.so.1', 'onnxruntime_binding.node', 'libonnxruntime_providers_shared.so'],
  );
});

test('the linux-x64 vsix holds the extension, its assets, the shipped models and one platform of onnxruntime', () => {
  if (!['extension.js', 'engine.js'].every((f) => existsSync(join(root, 'dist', f))) || !existsSync(join(root, 'media', 'katex'))) {
    node(['esbuild.mjs']);
    node(['media/katex-assets.mjs']);
  }
  const tmp = mkdtempSync(join(tmpdir(), 'vsix-'));
  try {
    const bundle = join(tmp, 'bundle');
    mkdirSync(bundle);
    fakeBundle(bundle);
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
      'models/default/manifest.json',
      'models/default/policy.onnx',
      'models/default/tvm.onnx',
      'models/default/tokenizer.json',
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
      assert.doesNotMatch(file, /\.(map|ts)$|^media\/src\/|^dist\/cli\.js$|orm|prm|splits|providers_(cuda|tensorrt)/, `${file} must not ship`);
      assert.doesNotMatch(file, /napi-v6\/(?!linux\/x64\/)/, `${file}: only linux-x64 binaries`);
    }
    assert.deepEqual(Object.keys(JSON.parse(zip.text('extension/models/default/manifest.json')).models), ['policy', 'tvm']);
    const manifest = JSON.parse(zip.text('extension/package.json'));
    assert.equal(manifest.main, './dist/extension.js');
    assert.deepEqual([manifest.scripts, manifest.devDependencies], [undefined, undefined]);
    assert.match(zip.text('extension.vsixmanifest'), /TargetPlatform="linux-x64"/);
  } finally {
    rmSync(tmp, { recursive: true, force: true });
  }
});
