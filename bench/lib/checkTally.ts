// Where Check my steps puts its flag, for any suspicion settings. The verifier's values of a
// derivation do not depend on the settings, so each solution is scored once and the engine's own
// rule (firstCollapse) is replayed on its step values for every setting compared.
import { firstCollapse, type SuspicionOptions } from '../../src/core/check/suspicious.js';
import { firstFlagged } from '../../src/core/check/exactCheck.js';
import { isContradicted, type ExactVerdict } from '../../src/core/exact/index.js';
import type { SlipKind } from './plantedErrors.js';

/** A derivation's values as Check my steps sees them: after the problem, then at each step's end. */
export interface StepValues {
  before: number;
  values: number[];
  /** With exact math: each step's verdict and the final answer's check (src/core/check/exactCheck.ts). */
  exact?: { verdicts: ExactVerdict[]; verified: boolean | null };
}

/** One reference solution checked as written, with one planted slip, and with its answer off by one. */
export interface CheckedCase {
  split: string;
  verifier: string;
  kind: SlipKind;
  slipped: number;
  clean: StepValues;
  planted: StepValues;
  /** Final value with the right answer and with the answer off by one; null if the answer is not an integer. */
  answer: { right: number; wrong: number } | null;
}

export interface Tally {
  n: number;
  hit: number;
  early: number;
  late: number;
  missed: number;
  cleanFlagged: number;
  /** Sum of (value before − value after) at the slipped step, and at the same step of the clean solution. */
  slipDrop: number;
  cleanDrop: number;
  answerN: number;
  answerRightValue: number;
  answerWrongValue: number;
  answerWrongLower: number;
}

const emptyTally = (): Tally => ({ n: 0, hit: 0, early: 0, late: 0, missed: 0, cleanFlagged: 0, slipDrop: 0, cleanDrop: 0, answerN: 0, answerRightValue: 0, answerWrongValue: 0, answerWrongLower: 0 });

const dropAt = (v: StepValues, step: number): number => (step === 0 ? v.before : v.values[step - 1]!) - v.values[step]!;

/** The step Check my steps flags first: the verifier's collapse alone, or combined with the exact verdicts as the engine does. */
function firstFlag(v: StepValues, options: SuspicionOptions): number | null {
  const firstSuspicious = firstCollapse(v.before, v.values, options);
  if (!v.exact) return firstSuspicious;
  const steps = v.exact.verdicts.map((verdict) => ({ exact: { verdict } }));
  const contradicted = steps.findIndex((step) => isContradicted(step.exact));
  return firstFlagged({ steps, firstSuspicious, firstFalse: contradicted < 0 ? null : contradicted, verified: v.exact.verified });
}

/** Tallies keyed `split|verifier|all` and `split|verifier|<slip kind>`. */
export function tallyCases(cases: readonly CheckedCase[], options: SuspicionOptions): Map<string, Tally> {
  const tallies = new Map<string, Tally>();
  for (const c of cases) {
    const flagged = firstFlag(c.planted, options);
    const cleanFlagged = firstFlag(c.clean, options) !== null;
    for (const key of [`${c.split}|${c.verifier}|all`, `${c.split}|${c.verifier}|${c.kind}`]) {
      const t = tallies.get(key) ?? emptyTally();
      tallies.set(key, t);
      t.n++;
      if (cleanFlagged) t.cleanFlagged++;
      if (flagged === null) t.missed++;
      else if (flagged === c.slipped) t.hit++;
      else if (flagged < c.slipped) t.early++;
      else t.late++;
      t.slipDrop += dropAt(c.planted, c.slipped);
      t.cleanDrop += dropAt(c.clean, c.slipped);
      if (c.answer) {
        t.answerN++;
        t.answerRightValue += c.answer.right;
        t.answerWrongValue += c.answer.wrong;
        if (c.answer.wrong < c.answer.right) t.answerWrongLower++;
      }
    }
  }
  return tallies;
}

/** The settings `--sweep` compares: the engine's defaults lie on this grid. */
export function suspicionGrid(): SuspicionOptions[] {
  const grid: SuspicionOptions[] = [];
  for (const threshold of [0.3, 0.4, 0.5, 0.6]) {
    for (const relativeDrop of [0.3, 0.4, 0.5, 0.6]) {
      for (const minDrop of [0.1, 0.2]) grid.push({ threshold, relativeDrop, minDrop });
    }
  }
  return grid;
}

/** How often the verifier's first collapse is on the slip, per band of its drop (the editor's severity bands). */
export interface DropBand {
  /** Least drop (value points, 0–1) of the band; the band ends where the next begins. */
  from: number;
  /** First collapses in the band: on a planted solution's slipped step (right) or elsewhere / on clean work (wrong). */
  right: number;
  wrong: number;
}

/**
 * Every first collapse of the verifier alone (planted and clean solutions), by its drop: a
 * collapse on the slipped step is right; one before it, after it, or on a clean solution is wrong.
 * `from` lists the bands' lower edges in increasing order.
 */
export function collapsesByDrop(cases: readonly CheckedCase[], options: SuspicionOptions, from: readonly number[]): DropBand[] {
  const bands = from.map((f) => ({ from: f, right: 0, wrong: 0 }));
  const band = (drop: number) => [...bands].reverse().find((b) => drop >= b.from) ?? bands[0]!;
  for (const c of cases) {
    const planted = firstCollapse(c.planted.before, c.planted.values, options);
    if (planted !== null) band(dropAt(c.planted, planted))[planted === c.slipped ? 'right' : 'wrong']++;
    const clean = firstCollapse(c.clean.before, c.clean.values, options);
    if (clean !== null) band(dropAt(c.clean, clean)).wrong++;
  }
  return bands;
}
