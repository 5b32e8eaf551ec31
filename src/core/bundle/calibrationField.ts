// "calibration" of manifest.json or tutor.json (docs/CONTRACTS.md): the map from the verifier's raw values to the
// displayed ones and the bounds of an unfamiliar problem (src/core/familiarity/calibration.ts),
// written by `npm run bench:calibration -- --write-manifest`. Optional: a bundle without it shows
// raw values, marked uncalibrated.
import type { Calibration } from '../../shared/engineProtocol.js';

type Json = Record<string, unknown>;

const isObject = (value: unknown): value is Json => typeof value === 'object' && value !== null && !Array.isArray(value);

/** The calibration, or undefined when absent; `fail` reports what is wrong with it. */
export function parseCalibration(value: unknown, fail: (problem: string) => never): Calibration | undefined {
  if (value === undefined) return undefined;
  if (!isObject(value)) fail('field "calibration" must be an object when present');
  const root = value as Json;
  const numbers = <K extends string>(key: string, names: readonly K[]): Record<K, number> => {
    const group = root[key];
    if (!isObject(group)) fail(`field "calibration.${key}" must be an object with ${names.join(', ')}`);
    const out = {} as Record<K, number>;
    for (const name of names) {
      const number = (group as Json)[name];
      if (typeof number !== 'number' || !Number.isFinite(number)) fail(`field "calibration.${key}.${name}" must be a finite number`);
      out[name] = number as number;
    }
    return out;
  };
  const unfamiliarAbove = numbers('unfamiliarAbove', ['surprise', 'splitWords'] as const);
  const required = numbers('weights', ['value', 'unfamiliar', 'bias'] as const);
  // The weight on the surprise came later: a map without it is read as weight 0.
  const surprise = (root.weights as Json).surprise;
  if (surprise !== undefined && (typeof surprise !== 'number' || !Number.isFinite(surprise))) fail('field "calibration.weights.surprise" must be a finite number when present');
  const weights = surprise === undefined ? required : { ...required, surprise: surprise as number };
  // A negative weight on the raw value would turn the verifier's drops into rises on screen.
  if (weights.value < 0) fail('field "calibration.weights.value" must be ≥ 0 (displayed values must rise with the verifier\'s)');
  const verifiedFloor = root.verifiedFloor;
  if (verifiedFloor !== undefined && (typeof verifiedFloor !== 'number' || !(verifiedFloor >= 0 && verifiedFloor <= 1))) {
    fail('field "calibration.verifiedFloor" must be a number from 0 to 1 when present');
  }
  const fittedOn = root.fittedOn;
  if (typeof fittedOn !== 'string') fail('field "calibration.fittedOn" must be a string');
  return { unfamiliarAbove, weights, ...(verifiedFloor === undefined ? {} : { verifiedFloor: verifiedFloor as number }), fittedOn: fittedOn as string };
}
