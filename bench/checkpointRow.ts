// One row of training/results/v2-checkpoints.md: a policy-only checkpoint bundle's training record
// (tutor.json, written by `hf_export.py --checkpoint`) beside its greedy accuracy per split with
// Wilson 95 % intervals, read from a `bench:accuracy --greedy-only` report (its .json beside the .md).
//
//   npx tsx bench/checkpointRow.ts --bundle DIR --report FILE.json [--splits val,heldout_template,natural]
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import type { SetReport } from './lib/accuracyReport.js';
import { checkpointRow, greedyBySplit, type CheckpointRecord } from './lib/checkpointTable.js';

function main(): void {
  const { values } = parseArgs({
    options: {
      bundle: { type: 'string' },
      report: { type: 'string' },
      splits: { type: 'string', default: 'val,heldout_template,natural' },
    },
  });
  if (!values.bundle || !values.report) throw new Error('usage: checkpointRow.ts --bundle DIR --report FILE.json [--splits a,b,c]');
  const tutor = JSON.parse(readFileSync(join(values.bundle, 'tutor.json'), 'utf8')) as { training?: CheckpointRecord };
  if (!tutor.training?.checkpoint) throw new Error(`${values.bundle}/tutor.json has no checkpoint record: export the bundle with hf_export.py --checkpoint`);
  const { reports } = JSON.parse(readFileSync(values.report, 'utf8')) as { reports: SetReport[] };
  const splits = values.splits.split(',');
  process.stdout.write(`| step | tokens | saved (UTC) | val loss | ${splits.map((s) => `greedy ${s}`).join(' | ')} |\n`);
  process.stdout.write(`${checkpointRow(tutor.training, greedyBySplit(reports, splits))}\n`);
}

try {
  main();
} catch (error) {
  process.stderr.write(`${error instanceof Error ? error.message : String(error)}\n`);
  process.exitCode = 1;
}
