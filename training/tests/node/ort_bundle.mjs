// For the Python suite (training/tests/test_smoke_build.py): loads every model of a bundle in
// onnxruntime-node, as the engine does, and prints one JSON object with each model's input and output
// names and, when the bundle has parity.json, the largest difference from PyTorch's outputs.
// Usage: node training/tests/node/ort_bundle.mjs BUNDLE_DIR
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import * as ort from 'onnxruntime-node';

const dir = process.argv[2];
/** Each model's ONNX file: named by manifest.json in an older bundle, else the standard layout's onnx/model.onnx (verifiers in tvm/, orm/, prm/). */
function modelFiles() {
  if (existsSync(join(dir, 'manifest.json'))) {
    const manifest = JSON.parse(readFileSync(join(dir, 'manifest.json'), 'utf8'));
    return Object.fromEntries(Object.entries(manifest.models).map(([key, entry]) => [key, entry.file]));
  }
  const verifiers = ['tvm', 'orm', 'prm'].filter((key) => existsSync(join(dir, key, 'onnx', 'model.onnx')));
  return { policy: join('onnx', 'model.onnx'), ...Object.fromEntries(verifiers.map((key) => [key, join(key, 'onnx', 'model.onnx')])) };
}
const parityFile = join(dir, 'parity.json');
const parity = existsSync(parityFile) ? JSON.parse(readFileSync(parityFile, 'utf8')) : {};

function toTensor(c) {
  return c.dtype === 'int64'
    ? new ort.Tensor('int64', BigInt64Array.from(c.data.map((x) => BigInt(x))), c.dims)
    : new ort.Tensor('float32', Float32Array.from(c.data), c.dims);
}

const report = {};
for (const [key, file] of Object.entries(modelFiles())) {
  const session = await ort.InferenceSession.create(join(dir, file));
  const model = { inputs: [...session.inputNames], outputs: [...session.outputNames] };
  const c = parity[key];
  if (c) {
    const feeds = Object.fromEntries(Object.entries(c.inputs).map(([n, v]) => [n, toTensor(v)]));
    const result = await session.run(feeds);
    model.parity = {};
    for (const [name, expected] of Object.entries(c.outputs)) {
      const got = result[name];
      if (!got) {
        model.parity[name] = { missing: true };
        continue;
      }
      let worst = 0;
      for (let i = 0; i < got.data.length; i++) worst = Math.max(worst, Math.abs(got.data[i] - expected.data[i]));
      model.parity[name] = { dims: [...got.dims], expectedDims: expected.dims, worst };
    }
  }
  await session.release();
  report[key] = model;
}
console.log(JSON.stringify(report));
