import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { InferenceSession } from 'onnxruntime-node';
import { createSessionOnDevice, DeviceUnavailableError, type SessionFactory } from '../../../src/core/runtime/device.js';
import { loadBundle } from '../../../src/core/bundle/loadBundle.js';
import { FIXTURE_BUNDLES, skipUnlessFixture } from '../../helpers/bundles.js';

const FAKE_SESSION = {} as InferenceSession;
/** Behaves like onnxruntime-node on a machine without the CUDA provider libraries. */
const cpuOnly: SessionFactory = async (_path, device) => {
  if (device === 'cuda') throw new Error('OrtSessionOptionsAppendExecutionProvider_Cuda: Failed to load shared library');
  return FAKE_SESSION;
};

test('auto falls back to CPU and says the CUDA provider libraries are missing', async () => {
  const { session, choice } = await createSessionOnDevice('model.onnx', 'auto', cpuOnly);
  assert.equal(session, FAKE_SESSION);
  assert.equal(choice.device, 'cpu');
  assert.match(choice.reason, /CUDA provider libraries are not installed/);
  assert.match(choice.reason, /CPU provider only/);
});

test('auto uses CUDA when it starts', async () => {
  const { choice } = await createSessionOnDevice('model.onnx', 'auto', async () => FAKE_SESSION);
  assert.deepEqual(choice, { device: 'cuda', reason: 'CUDA available' });
});

test('an explicit cuda request that fails is a clear error, not a silent fallback', async () => {
  await assert.rejects(
    createSessionOnDevice('model.onnx', 'cuda', cpuOnly),
    (error: unknown) => error instanceof DeviceUnavailableError && /CUDA was requested but CUDA provider libraries are not installed/.test(error.message),
  );
});

test('cpu never tries CUDA', async () => {
  const tried: string[] = [];
  await createSessionOnDevice('model.onnx', 'cpu', async (_path, device) => {
    tried.push(device);
    return FAKE_SESSION;
  });
  assert.deepEqual(tried, ['cpu']);
});

test('loading a real bundle with auto reports the device it ended on', skipUnlessFixture('mqa'), async () => {
  const bundle = await loadBundle(FIXTURE_BUNDLES.mqa, { device: 'auto' });
  try {
    // This machine ships the CPU provider only; on a CUDA machine 'cuda' is fine too.
    if (bundle.device.device === 'cpu') assert.match(bundle.device.reason, /CUDA/);
    assert.ok(bundle.device.reason.length > 0);
  } finally {
    await bundle.release();
  }
});
