// Writes the fitted calibration into a bundle's manifest.json. The training pipeline wrote the
// rest, formatted its own way: a manifest without a calibration gets the field appended and every
// other byte kept; one with a calibration already is rewritten whole.
import type { Calibration } from '../../src/shared/engineProtocol.js';

export function manifestWithCalibration(text: string, calibration: Calibration): string {
  const manifest = JSON.parse(text) as Record<string, unknown>;
  if ('calibration' in manifest) return `${JSON.stringify({ ...manifest, calibration }, null, 2)}\n`;
  const body = text.trimEnd();
  if (!body.endsWith('}')) throw new Error('manifest.json does not end with "}"');
  const field = JSON.stringify(calibration, null, 2).replace(/\n/g, '\n  ');
  return `${body.slice(0, -1).trimEnd()},\n  "calibration": ${field}\n}\n`;
}
