// training/results/v2-checkpoints.md's rows: a checkpoint's training record (tutor.json of a bundle
// written by `hf_export.py --checkpoint`) beside its greedy accuracy per split, with Wilson 95 % intervals.
import type { SetReport } from './accuracyReport.js';
import { wilsonInterval } from './stats.js';

export interface CheckpointRecord {
  checkpoint: { step: number; of_steps: number; tokens: number; saved_at: string };
  val_loss: number;
}

export interface SplitAccuracy {
  split: string;
  correct: number;
  n: number;
}

/** Greedy accuracy of each named split in a bench:accuracy report; a split the report lacks is an error. */
export function greedyBySplit(reports: readonly SetReport[], splits: readonly string[]): SplitAccuracy[] {
  return splits.map((split) => {
    const report = reports.find((r) => r.name === split);
    if (!report) throw new Error(`the report has no split "${split}" (it has ${reports.map((r) => r.name).join(', ')}): run bench:accuracy with --splits ${split}`);
    // Every budget column holds greedy's one answer; the first is read.
    const correct = report.outcomes.filter((o) => Object.entries(o.correct).some(([key, ok]) => key.startsWith('greedy@') && ok)).length;
    return { split, correct, n: report.outcomes.length };
  });
}

/** "12.3 % [9.1, 16.4] (n 181)": accuracy with its Wilson 95 % interval, in percent. */
export function formatAccuracy({ correct, n }: SplitAccuracy): string {
  const [low, high] = wilsonInterval(correct, n);
  const pct = (x: number) => (x * 100).toFixed(1);
  return `${pct(n === 0 ? 0 : correct / n)} % [${pct(low)}, ${pct(high)}] (${correct}/${n})`;
}

export function checkpointRow(record: CheckpointRecord, accuracies: readonly SplitAccuracy[]): string {
  const { step, of_steps, tokens, saved_at } = record.checkpoint;
  return `| ${step} / ${of_steps} | ${(tokens / 1e6).toFixed(2)}M | ${saved_at} | ${record.val_loss.toFixed(4)} | ${accuracies.map(formatAccuracy).join(' | ')} |`;
}
