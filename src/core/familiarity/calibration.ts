// The one function every displayed value goes through: step values in the panel, the hover's
// token values, the answer's value, a hint's value, the CLI. The verifier's raw value is
// confident on problems unlike its training (bench/results/calibration-final: natural answers
// shown at ≥ 90 % were wrong 123 times in 134); the bundle's calibration map lowers it on an
// unfamiliar problem and rescales it, fitted on val and natural (bench/calibration.ts).
import type { Calibration, Familiarity } from '../../shared/engineProtocol.js';

export type { Calibration, Familiarity } from '../../shared/engineProtocol.js';

/** Raw values are kept this far from 0 and 1 so that logit() stays finite. */
const EDGE = 1e-6;

export const logit = (p: number): number => {
  const q = Math.min(1 - EDGE, Math.max(EDGE, p));
  return Math.log(q / (1 - q));
};

export const sigmoid = (z: number): number => 1 / (1 + Math.exp(-z));

/** What the map reads about a problem besides the raw value. */
export interface FamiliarityFeatures {
  /** Mean surprise at the problem statement, nats per token. */
  surprise: number;
  splitWords: number;
}

/** The value shown for a raw verifier value on a problem with these features. */
export function displayedValue(raw: number, features: FamiliarityFeatures, calibration: Calibration): number {
  const w = calibration.weights;
  return sigmoid(w.value * logit(raw) + (isUnfamiliar(features, calibration) ? w.unfamiliar : 0) + (w.surprise ?? 0) * features.surprise + w.bias);
}

export function isUnfamiliar(features: FamiliarityFeatures, calibration: Calibration): boolean {
  return features.surprise > calibration.unfamiliarAbove.surprise || features.splitWords > calibration.unfamiliarAbove.splitWords;
}

/** A problem's familiarity, and the map from raw to displayed values that goes with it. */
export interface ValueDisplay {
  familiarity: Familiarity;
  /** Identity when uncalibrated (no calibration in the bundle, or no surprise from the policy). */
  show(raw: number): number;
  /**
   * A step of a solution whose final answer exact math verified: `show`, raised to the map's
   * `verifiedFloor` (every verified answer of the fitting solves was right, and the map alone, which
   * knows the problem's wording but not the verification, shows them far lower).
   */
  showVerified(raw: number): number;
}

/** `surprise` null: the policy cannot report it (remote engine), so nothing is calibrated. */
export function valueDisplay(surprise: number | null, splitWords: number, calibration: Calibration | undefined): ValueDisplay {
  if (surprise === null || !calibration) {
    const identity = (raw: number): number => raw;
    return { familiarity: { surprise, splitWords, unfamiliar: null, calibrated: false }, show: identity, showVerified: identity };
  }
  const features = { surprise, splitWords };
  const show = (raw: number): number => displayedValue(raw, features, calibration);
  const floor = calibration.verifiedFloor ?? 0;
  return {
    familiarity: { surprise, splitWords, unfamiliar: isUnfamiliar(features, calibration), calibrated: true },
    show,
    showVerified: (raw) => Math.max(show(raw), floor),
  };
}
