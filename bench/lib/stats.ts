// Small statistics for benchmark reports.

/**
 * Two-sided exact McNemar test on paired outcomes: `onlyA` items only strategy A got right,
 * `onlyB` items only B got right. Under H0 the discordant items split 50/50, so the p-value is
 * the two-sided binomial tail, min(1, 2·P[X ≤ min(onlyA, onlyB)]) with X ~ Bin(onlyA + onlyB, ½).
 */
export function mcnemarExact(onlyA: number, onlyB: number): number {
  const n = onlyA + onlyB;
  if (n === 0) return 1;
  const k = Math.min(onlyA, onlyB);
  // Sum C(n, i) / 2^n in log space so n in the thousands does not overflow.
  let logChoose = 0; // log C(n, 0)
  let tail = 0;
  for (let i = 0; i <= k; i++) {
    if (i > 0) logChoose += Math.log(n - i + 1) - Math.log(i);
    tail += Math.exp(logChoose - n * Math.LN2);
  }
  return Math.min(1, 2 * tail);
}

/** Discordant pair counts of two equally long outcome lists. */
export function discordant(a: readonly boolean[], b: readonly boolean[]): { onlyA: number; onlyB: number } {
  let onlyA = 0;
  let onlyB = 0;
  a.forEach((x, i) => {
    if (x && !b[i]) onlyA++;
    if (!x && b[i]) onlyB++;
  });
  return { onlyA, onlyB };
}

/** Nearest-rank percentile (p in 0..100) of unsorted values. */
export function percentile(values: readonly number[], p: number): number {
  if (values.length === 0) return NaN;
  const sorted = [...values].sort((x, y) => x - y);
  const rank = Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1));
  return sorted[rank] as number;
}

/**
 * Wilson score interval for `successes` out of `n` (z = 1.96: 95 %), as fractions; [0, 1] for n = 0.
 * Unlike the normal approximation it stays inside [0, 1] and is not zero-width at 0 % or 100 %.
 */
export function wilsonInterval(successes: number, n: number, z = 1.96): [number, number] {
  if (n === 0) return [0, 1];
  const p = successes / n;
  const z2 = z * z;
  const centre = (p + z2 / (2 * n)) / (1 + z2 / n);
  const half = (z / (1 + z2 / n)) * Math.sqrt((p * (1 - p)) / n + z2 / (4 * n * n));
  return [Math.max(0, centre - half), Math.min(1, centre + half)];
}
