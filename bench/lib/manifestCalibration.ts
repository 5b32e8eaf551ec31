// Writes the fitted calibration into a bundle's manifest: manifest.json, or tutor.json (the short
// manifest of a bundle in the standard layout). The training pipeline wrote the rest, formatted its
// own way: a manifest without a calibration gets the field appended, in its indentation, and every
// other byte kept; one whose calibration was appended that way gets it replaced in place.
import type { Calibration } from '../../src/shared/engineProtocol.js';

/** The field as this function appends it: the manifest's last one. */
const APPENDED = /,\n *"calibration": \{[^]*\}\s*\}\s*$/;

export function manifestWithCalibration(text: string, calibration: Calibration): string {
  const manifest = JSON.parse(text) as Record<string, unknown>;
  const indent = /\n( +)"/.exec(text)?.[1] ?? '  ';
  if ('calibration' in manifest) {
    const without = text.replace(APPENDED, '\n}\n');
    // Written here before: replaced in place. Anywhere else: the whole manifest is rewritten.
    if (without === text || 'calibration' in (JSON.parse(without) as Record<string, unknown>)) {
      return `${JSON.stringify({ ...manifest, calibration }, null, indent.length)}\n`;
    }
    return manifestWithCalibration(without, calibration);
  }
  const body = text.trimEnd();
  if (!body.endsWith('}')) throw new Error('the manifest does not end with "}"');
  const field = JSON.stringify(calibration, null, indent.length).replace(/\n/g, `\n${indent}`);
  return `${body.slice(0, -1).trimEnd()},\n${indent}"calibration": ${field}\n}\n`;
}
