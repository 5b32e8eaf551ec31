// How loudly the editor states a TVM-only suspicion (the first collapse of the success estimate,
// with no exact error to explain it). An exact contradiction is a fact and is always an Error
// (decorationPlan.ts); a collapse is the model's opinion, and how often it is right depends on its
// size: bench/results/check-severity.md counts, on the bundle's splits, how often a collapse of
// each size falls on a planted slip rather than on a correct step. A large drop gets a Warning, a
// middling one Information, a small one (often on correct work) only a Hint.

export type SuspicionSeverity = 'warning' | 'information' | 'hint';

/** Least drop (value points, 0–1) for each severity above a hint. */
export const SEVERITY_DROPS: Readonly<Record<Exclude<SuspicionSeverity, 'hint'>, number>> = {
  warning: 0.3,
  information: 0.15,
};

/** The severity of a TVM-only suspicion whose value fell from `before` to `after`. */
export function suspicionSeverity(before: number, after: number): SuspicionSeverity {
  const drop = before - after;
  if (drop >= SEVERITY_DROPS.warning) return 'warning';
  if (drop >= SEVERITY_DROPS.information) return 'information';
  return 'hint';
}
