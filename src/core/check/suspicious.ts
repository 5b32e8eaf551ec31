// Where a derivation goes wrong, from the verifier's values alone. A TVM's value drops at the
// token where an error makes a correct answer unlikely (tvm-method.md), so the first step whose
// value collapses is the first suspicious one. "Collapses" means either a large relative drop
// from the value before the step, or a fall from at-or-above the threshold to below it that loses
// at least `minDrop` (so 51% → 49% is noise, not a collapse). A derivation that starts below the
// threshold (a problem the model finds hard) is therefore only flagged on sharp relative drops,
// not on every step.

import type { SuspicionOptions } from '../../shared/engineProtocol.js';

export type { SuspicionOptions } from '../../shared/engineProtocol.js';

export const DEFAULT_SUSPICION: SuspicionOptions = { threshold: 0.5, relativeDrop: 0.5, minDrop: 0.1 };

/** Index of the first collapsing step, given the value before the first step and each step's value. */
export function firstCollapse(before: number, stepValues: readonly number[], options: SuspicionOptions): number | null {
  let previous = before;
  for (let i = 0; i < stepValues.length; i++) {
    const value = stepValues[i] as number;
    const relative = previous > 0 && value <= previous * (1 - options.relativeDrop);
    const crossed = previous >= options.threshold && value < options.threshold && previous - value >= options.minDrop;
    if (relative || crossed) return i;
    previous = value;
  }
  return null;
}

/** Index (within the step's tokens) of the token where the value falls the most. */
export function steepestDrop(before: number, tokenValues: readonly number[]): number {
  let index = 0;
  let largest = -Infinity;
  let previous = before;
  tokenValues.forEach((value, i) => {
    if (previous - value > largest) {
      largest = previous - value;
      index = i;
    }
    previous = value;
  });
  return index;
}

const percent = (value: number) => `${Math.round(value * 100)}%`;

/** One-line explanation for the user. `step` is 0-based; the message counts from 1. */
export function suspicionReason(step: number, before: number, after: number, stepText: string, dropToken: string): string {
  const where = dropToken.trim() === '' ? '' : ` (mostly at “${dropToken.trim()}”)`;
  // Lines with numbers and operators are calculations; anything else is an argument step.
  const advice = /\d/.test(stepText) && /[=+\-*/×÷^]/.test(stepText) ? 'check the arithmetic in this line' : 'check the reasoning in this line';
  return `Step ${step + 1} drops the success estimate from ${percent(before)} to ${percent(after)}${where}: ${advice}.`;
}

export function noSuspicionReason(finalValue: number, options: SuspicionOptions): string {
  if (finalValue < options.threshold) {
    return `No single step stands out, but the success estimate stays low (${percent(finalValue)}): the approach may not lead to the answer.`;
  }
  return `No step lowers the success estimate sharply; it ends at ${percent(finalValue)}.`;
}
