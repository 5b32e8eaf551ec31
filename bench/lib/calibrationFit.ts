// The statistics of bench/calibration.ts, pure: AUROC of a feature, reliability bins and expected
// calibration error, the val quantile that bounds an unfamiliar problem, and the logistic
// regression that fits the calibration map (src/core/familiarity/calibration.ts) with the weight
// of logit(raw value) held fixed.
import { logit } from '../../src/core/familiarity/calibration.js';

/** P(score of a random positive > score of a random negative), ties counting half. */
export function auroc(positives: readonly number[], negatives: readonly number[]): number {
  if (positives.length === 0 || negatives.length === 0) return Number.NaN;
  let wins = 0;
  for (const p of positives) for (const n of negatives) wins += p > n ? 1 : p === n ? 0.5 : 0;
  return wins / (positives.length * negatives.length);
}

/** The q-quantile with linear interpolation between order statistics (numpy's default). */
export function quantile(values: readonly number[], q: number): number {
  if (values.length === 0) throw new Error('quantile of no values');
  const sorted = [...values].sort((a, b) => a - b);
  const position = q * (sorted.length - 1);
  const below = Math.floor(position);
  const above = Math.min(below + 1, sorted.length - 1);
  return (sorted[below] as number) + (position - below) * ((sorted[above] as number) - (sorted[below] as number));
}

export interface Judged {
  /** The value shown. */
  value: number;
  right: boolean;
  /** How much it counts (a problem's steps share one unit). */
  weight: number;
}

export interface ReliabilityBin {
  from: number;
  to: number;
  /** Total weight (answers, or problems' worth of steps) in the bin. */
  weight: number;
  count: number;
  accuracy: number;
  meanValue: number;
}

export const RELIABILITY_BINS = 10;

/** Equal-width bins over [0, 1] (1 falls in the last); empty bins are left out. */
export function reliability(judged: readonly Judged[], bins = RELIABILITY_BINS): ReliabilityBin[] {
  const out: ReliabilityBin[] = [];
  for (let b = 0; b < bins; b++) {
    const inBin = judged.filter((j) => Math.min(bins - 1, Math.floor(j.value * bins)) === b);
    const weight = inBin.reduce((s, j) => s + j.weight, 0);
    if (inBin.length === 0 || weight === 0) continue;
    out.push({
      from: b / bins,
      to: (b + 1) / bins,
      weight,
      count: inBin.length,
      accuracy: inBin.reduce((s, j) => s + (j.right ? j.weight : 0), 0) / weight,
      meanValue: inBin.reduce((s, j) => s + j.value * j.weight, 0) / weight,
    });
  }
  return out;
}

/** Weighted mean over bins of |accuracy − mean value shown|. */
export function expectedCalibrationError(judged: readonly Judged[], bins = RELIABILITY_BINS): number {
  const table = reliability(judged, bins);
  const total = table.reduce((s, b) => s + b.weight, 0);
  return table.reduce((s, b) => s + (b.weight / total) * Math.abs(b.accuracy - b.meanValue), 0);
}

export interface FitRow {
  /** Raw verifier value. */
  raw: number;
  /** The other features, in a fixed order. */
  features: readonly number[];
  right: boolean;
  weight: number;
}

/**
 * Weighted logistic regression of `right` on features + bias with logit(raw) entering at the fixed
 * weight `valueWeight` (an offset): Newton's method with step halving and a small ridge (the
 * in-distribution split can be nearly separable). Returns [feature weights…, bias].
 */
export function fitLogistic(rows: readonly FitRow[], valueWeight: number, ridge = 1e-3): number[] {
  if (rows.length === 0) throw new Error('no rows to fit');
  const d = (rows[0] as FitRow).features.length + 1;
  const x = rows.map((r) => [...r.features, 1]);
  const offset = rows.map((r) => valueWeight * logit(r.raw));
  const loss = (beta: number[]): number =>
    rows.reduce((s, r, i) => {
      const z = offset[i]! + dot(x[i]!, beta);
      // log(1 + e^z) − y·z, written to stay finite for large |z|.
      return s + r.weight * (Math.max(z, 0) + Math.log1p(Math.exp(-Math.abs(z))) - (r.right ? z : 0));
    }, 0) + (ridge / 2) * dot(beta, beta);
  let beta = new Array<number>(d).fill(0);
  for (let iteration = 0; iteration < 100; iteration++) {
    const gradient = beta.map((b) => ridge * b);
    const hessian = beta.map((_, i) => beta.map((__, j) => (i === j ? ridge : 0)));
    rows.forEach((r, n) => {
      const p = 1 / (1 + Math.exp(-(offset[n]! + dot(x[n]!, beta))));
      for (let i = 0; i < d; i++) {
        gradient[i]! += r.weight * (p - (r.right ? 1 : 0)) * x[n]![i]!;
        for (let j = 0; j < d; j++) hessian[i]![j]! += r.weight * p * (1 - p) * x[n]![i]! * x[n]![j]!;
      }
    });
    const step = solve(hessian, gradient);
    let scale = 1;
    const before = loss(beta);
    let next = beta.map((b, i) => b - step[i]!);
    while (loss(next) > before && scale > 1e-6) {
      scale /= 2;
      next = beta.map((b, i) => b - scale * step[i]!);
    }
    const moved = Math.max(...next.map((b, i) => Math.abs(b - beta[i]!)));
    beta = next;
    if (moved < 1e-9) break;
  }
  return beta;
}

const dot = (a: readonly number[], b: readonly number[]): number => a.reduce((s, v, i) => s + v * b[i]!, 0);

/** Gaussian elimination with partial pivoting (the systems here are 3×3). */
function solve(matrix: number[][], rhs: number[]): number[] {
  const n = rhs.length;
  const a = matrix.map((row, i) => [...row, rhs[i]!]);
  for (let c = 0; c < n; c++) {
    let pivot = c;
    for (let r = c + 1; r < n; r++) if (Math.abs(a[r]![c]!) > Math.abs(a[pivot]![c]!)) pivot = r;
    [a[c], a[pivot]] = [a[pivot]!, a[c]!];
    for (let r = 0; r < n; r++) {
      if (r === c) continue;
      const f = a[r]![c]! / a[c]![c]!;
      for (let k = c; k <= n; k++) a[r]![k]! -= f * a[c]![k]!;
    }
  }
  return a.map((row, i) => row[n]! / row[i]!);
}
