// What the panel, the hover and the CLI say about a problem's familiarity: one sentence, or
// nothing when the problem is familiar and its values are calibrated. `valued`: whether the result
// shows percentages at all (a bundle without a value model shows none, so calibration is moot there).
import type { Familiarity } from './engineProtocol.js';

export const UNFAMILIAR_PROBLEM = 'Unfamiliar problem';

/** The short badge beside an answer: "unfamiliar problem", "uncalibrated", or null. */
export function familiarityCaution(familiarity: Familiarity, valued = true): string | null {
  if (familiarity.unfamiliar === true) return 'unfamiliar problem';
  return familiarity.calibrated || !valued ? null : 'uncalibrated';
}

/**
 * `verified`: whether exact math verified the final answer against the problem. The notice then
 * says so rather than that the answer is often wrong: every verified answer of the benchmarks was
 * right (val, natural and natural-b; the count is in bench/results/README.md). It no longer says
 * the percentages are lowered: the steps of a solve, or of a check with no false line, that reach a
 * verified answer are shown at least at the calibration's verifiedFloor.
 */
export function familiarityNotice(familiarity: Familiarity, valued = true, verified: boolean | null = null): string | null {
  if (familiarity.unfamiliar === true) {
    const percentages = valued ? '; the percentages are lowered to match' : '';
    const wording = `${UNFAMILIAR_PROBLEM}: its wording is unlike the problems the models were trained on`;
    return verified === true
      ? `${wording}, so answers to it are often wrong. This final answer was verified exactly against the problem.`
      : `${wording}, so the answer is often wrong${percentages}.`;
  }
  if (!familiarity.calibrated && valued) {
    return familiarity.surprise === null
      ? 'Uncalibrated: this engine cannot tell how familiar the problem is, so the percentages are the verifier’s raw estimates, often too confident on problems unlike its training.'
      : 'Uncalibrated: this model bundle has no calibration, so the percentages are the verifier’s raw estimates, often too confident on problems unlike its training.';
  }
  return null;
}
