// The models as they were before the calibration map: benches that measure the verifier's own
// values (the calibration fit, the check's drop bands) read raw values, whatever the bundle's
// manifest says is displayed.
import type { EngineModels } from '../../src/core/lm.js';

export function uncalibrated(models: EngineModels): EngineModels {
  const { calibration: _displayed, ...info } = models.info;
  return { ...models, info };
}
