// The trained bundle (models/default, or TVM_TUTOR_TEST_BUNDLE) loaded once per test file that
// needs the real models, with node:test hooks to load it before the file's tests and release it after.
import { after, before } from 'node:test';
import { loadBundle, type LoadedBundle } from '../../src/core/bundle/loadBundle.js';
import { createEngineModels } from '../../src/core/runtime/engineModels.js';
import type { EngineModels } from '../../src/core/lm.js';

export const REAL_BUNDLE_DIR = process.env.TVM_TUTOR_TEST_BUNDLE ?? 'models/default';
/** `skip` for tests of what a trained model knows: they make no sense on a random fixture bundle. */
export const skipQuality = process.env.TVM_TUTOR_TEST_BUNDLE ? 'needs the trained models/default' : false;

export interface RealBundle {
  bundle: LoadedBundle;
  models: EngineModels;
}

/** Registers the hooks; the returned object is filled before the first test runs. */
export function useRealBundle(): RealBundle {
  const real = {} as RealBundle;
  before(async () => {
    real.bundle = await loadBundle(REAL_BUNDLE_DIR, { device: 'cpu' });
    real.models = createEngineModels(real.bundle);
  });
  after(async () => {
    await real.bundle?.release();
  });
  return real;
}
