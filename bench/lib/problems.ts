// Benchmark problem sets: the bundle's splits, the hand-written natural split (bench/data, the same
// for every bundle) and GSM8K test (read where it lies, never copied).
import { existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { readItems, type EvalItem } from '../../src/cli/commands/eval.js';

export interface ProblemSet {
  name: string;
  items: EvalItem[];
}

/**
 * models/<bundle>/splits/<split>.jsonl; null when the bundle has no such split. The splits list
 * their families one block after another, so a limited set takes evenly spaced items (every
 * family in proportion), not the first block.
 */
export function bundleSplit(bundleDir: string, split: string, limit: number | undefined): ProblemSet | null {
  return existsSync(splitFile(bundleDir, split)) ? requiredSplit(bundleDir, split, limit) : null;
}

/** A split's problems with their reference solutions, evenly spaced like bundleSplit. */
export interface SolvedProblem {
  question: string;
  family: string;
  /** One step per line, the last one "The answer is …". */
  solution: string;
}

export function bundleSolutions(bundleDir: string, split: string, limit: number | undefined): SolvedProblem[] {
  if (HAND_WRITTEN.includes(split)) {
    throw new Error(`the ${split} split has answers but no reference solutions, which this bench needs: use val, test or hard`);
  }
  const all = readFileSync(existingSplitFile(bundleDir, split), 'utf8')
    .split('\n')
    .filter((line) => line.trim() !== '')
    .map((line) => JSON.parse(line) as SolvedProblem);
  return evenlySpaced(all, limit);
}

/** Problems written by hand, frozen before any training they judge (bench/data/README.md); no reference solutions. */
export const NATURAL_SPLIT = 'natural';
/** The second hand-written set, written blind to curriculum v3 before the policy that continues on it trained. */
export const NATURAL_B_SPLIT = 'natural-b';
/** The third hand-written set, a blind judge frozen before any later curriculum or training run: never used to choose anything. */
export const NATURAL_C_SPLIT = 'natural-c';
/** Hand-written problems where search settings are chosen; never reported as a judge. */
export const NATURAL_VAL_SPLIT = 'natural-val';
const HAND_WRITTEN = [NATURAL_SPLIT, NATURAL_B_SPLIT, NATURAL_C_SPLIT, NATURAL_VAL_SPLIT];

function splitFile(bundleDir: string, split: string): string {
  return HAND_WRITTEN.includes(split) ? resolve(__dirname, '..', 'data', `${split}.jsonl`) : join(bundleDir, 'splits', `${split}.jsonl`);
}

/** A split the caller asked for by name: its file, or an error naming the splits there are. */
function existingSplitFile(bundleDir: string, split: string): string {
  const file = splitFile(bundleDir, split);
  if (!existsSync(file)) throw new Error(`the bundle has no split "${split}" (${file}): use val, test, hard, ${HAND_WRITTEN.join(' or ')}`);
  return file;
}

/** Like bundleSplit, for a split named on the command line: missing is an error, not an empty set. */
export function requiredSplit(bundleDir: string, split: string, limit: number | undefined): ProblemSet {
  return { name: split, items: evenlySpaced(readItems(existingSplitFile(bundleDir, split), undefined), limit) };
}

/** At most `limit` items spread evenly over `all`, in order. */
export function evenlySpaced<T>(all: readonly T[], limit: number | undefined): T[] {
  const n = Math.min(limit ?? all.length, all.length);
  return Array.from({ length: n }, (_, i) => all[Math.floor((i * all.length) / n)]!);
}

/**
 * GSM8K test from the shared data folder next to the repository; null when absent. Reported as
 * the "external" set: nothing named after GSM8K is written into the repository, so its results
 * can never be mistaken for a copy of the data.
 */
export function gsm8kTest(limit: number): ProblemSet | null {
  const file = resolve(__dirname, '..', '..', '..', 'shared', 'data', 'gsm8k', 'test.jsonl');
  return limit > 0 && existsSync(file) ? { name: 'external', items: readItems(file, limit) } : null;
}

/** `<stem>.md` for the default splits (test, hard); other splits get their own file, so a tuning run on `val` keeps the reports. */
export function reportFile(stem: string, splits: readonly string[]): string {
  return splits.join(',') === 'test,hard' ? `${stem}.md` : `${stem}-${splits.join('-')}.md`;
}
