// Writes the fitted calibration into a bundle's manifest: manifest.json, or tutor.json (the short
// manifest of a bundle in the standard layout). The training pipeline wrote the rest, formatted its
// own way: a manifest without a calibration gets the field appended, in its indentation, and every
// other byte kept; one with a calibration already is rewritten whole.
import type { Calibration } from '../../src/shared/engineProtocol.js';

export function manifestWithCalibration(text: string, calibration: Calibration): string {
  const manifest = JSON.parse(text) as Record<string, unknown>;
  const indent = /\n( +)"/.exec(text)?.[1] ?? '  ';
  if ('calibration' in manifest) return `${JSON.stringify({ ...manifest, calibration }, null, indent.length)}\n`;
  const body = text.trimEnd();
  if (!body.endsWith('}')) throw new Error('the manifest does not end with "}"');
  const field = JSON.stringify(calibration, null, indent.length).replace(/\n/g, `\n${indent}`);
  return `${body.slice(0, -1).trimEnd()},\n${indent}"calibration": ${field}\n}\n`;
}
