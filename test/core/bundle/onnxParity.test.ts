// PyTorch wrote inputs and reference outputs next to each exported model (parity.json, committed with
// the bundle); here onnxruntime-node runs the same inputs and must agree within 1e-4. (A freshly built
// bundle gets the same check in the Python suite: training/tests/test_smoke_build.py.)
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, existsSync } from 'node:fs';
import { join } from 'node:path';
import * as ort from 'onnxruntime-node';

interface TensorCase { dims: number[]; dtype?: 'int64' | 'float32'; data: number[] }
type Parity = Record<string, { inputs: Record<string, TensorCase>; outputs: Record<string, TensorCase> }>;

const bundles = ['test/fixtures/bundle-mqa', 'test/fixtures/bundle-mha', 'models/default'];

function toTensor(c: TensorCase): ort.Tensor {
  return c.dtype === 'int64'
    ? new ort.Tensor('int64', BigInt64Array.from(c.data.map((x) => BigInt(x))), c.dims)
    : new ort.Tensor('float32', Float32Array.from(c.data), c.dims);
}

/** A model's ONNX file: `<key>.onnx` in an older bundle (manifest.json), the standard layout's onnx/model.onnx otherwise. */
function modelFile(dir: string, key: string): string {
  if (existsSync(join(dir, 'manifest.json'))) return join(dir, `${key}.onnx`);
  return key === 'policy' ? join(dir, 'onnx', 'model.onnx') : join(dir, key, 'onnx', 'model.onnx');
}

for (const dir of bundles) {
  test(`ONNX Runtime matches PyTorch within 1e-4 for every model in ${dir}`, async (t) => {
    if (dir === 'models/default' && !existsSync(join(dir, 'parity.json'))) {
      assert.fail('models/default/parity.json is missing: rebuild the bundle with `npm run models`');
    }
    const parity = JSON.parse(readFileSync(join(dir, 'parity.json'), 'utf8')) as Parity;
    for (const [key, c] of Object.entries(parity)) {
      await t.test(key, async () => {
        const session = await ort.InferenceSession.create(modelFile(dir, key));
        const feeds = Object.fromEntries(Object.entries(c.inputs).map(([n, v]) => [n, toTensor(v)]));
        const result = await session.run(feeds);
        for (const [name, expected] of Object.entries(c.outputs)) {
          const got = result[name];
          assert.ok(got, `output ${name} missing`);
          assert.deepEqual([...got.dims], expected.dims, `${name} dims`);
          const data = got.data as Float32Array;
          let worst = 0;
          for (let i = 0; i < data.length; i++) worst = Math.max(worst, Math.abs(data[i]! - expected.data[i]!));
          assert.ok(worst <= 1e-4, `${key}.${name}: max abs diff ${worst}`);
        }
        await session.release();
      });
    }
  });
}
