// How loudly the editor states a TVM-only suspicion (the first collapse of the success estimate,
// with no exact error to explain it). An exact contradiction is a fact and is always an Error
// (decorationPlan.ts); a collapse is the model's opinion, and how often it is right depends on its
// size. `npm run bench:check` counts, per split, how often a first collapse of each size falls on
// a planted slip rather than on a correct step (bench/results/check-severity-val-test-hard.md,
// bundle `default`, 2026-12-05). Chosen on val, confirmed on test and hard:
//   drop ≥ 30 points: on the slip 87 % (46 of 53) on val, 81 % (84/104) test, 64 % (67/104) hard;
//   drop < 30 points: 22 % (4/18) val, 31 % (16/52) test, 40 % (21/52) hard.
// Below 30 points no band is surer than another (10–20 and 20–30 swap places between splits), so
// there are two severities, not three: a Warning for a large drop, Information otherwise.

export type SuspicionSeverity = 'warning' | 'information';

/** Least drop (value points, 0–1) for a Warning. */
export const WARNING_DROP = 0.3;

/**
 * The severity of a TVM-only suspicion whose value fell by `drop` (CheckResult.suspiciousDrop: the
 * verifier's raw values, which the bands above were measured on, not the calibrated ones shown).
 */
export function suspicionSeverity(drop: number): SuspicionSeverity {
  // 1e-9: 0.7 − 0.4 is 0.29999999999999993 in floating point, and a 30-point drop is a Warning.
  return drop >= WARNING_DROP - 1e-9 ? 'warning' : 'information';
}
