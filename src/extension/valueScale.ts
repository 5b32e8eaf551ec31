// One scale for every place that shows a value (webview steps and tokens, editor decorations,
// hovers), so a colour or a percentage means the same thing everywhere. Values are the engine's
// P(correct | prefix); these helpers only format them.
import type { ValueBucket } from '../shared/webviewProtocol.js';

/** Colour buckets, lowest first; index = bucket number used in CSS and decorations. */
export const BUCKET_BOUNDS = [0.2, 0.4, 0.6, 0.8] as const;
export type Bucket = ValueBucket;

export function bucketOf(value: number): Bucket {
  let bucket = 0;
  for (const bound of BUCKET_BOUNDS) if (value >= bound) bucket++;
  return bucket as Bucket;
}

/** "83%" — whole percent is as precise as a small value model deserves. */
export function formatPercent(value: number): string {
  return `${Math.round(Math.min(1, Math.max(0, value)) * 100)}%`;
}

/** "+5 pts", "−12 pts", "±0 pts": change between two values in percentage points. */
export function formatDelta(delta: number): string {
  const points = Math.round(delta * 100);
  if (points === 0) return '±0 pts';
  return `${points > 0 ? '+' : '\u2212'}${Math.abs(points)} pts`;
}
