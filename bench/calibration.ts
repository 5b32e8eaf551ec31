// Are the values the tutor shows honest? Solve val and natural with the defaults (beam search,
// TVM, exact math) and record each chosen step's raw TVM value, whether the answer is right, and
// the candidate out-of-distribution features (solves.json); then choose the bounds of "unfamiliar
// problem" on val, fit the calibration map on val + natural, and report AUROCs, reliability tables
// and expected calibration error before and after, cross-fitted (calibration.md, calibration.json).
// Any other split solved (`--splits val,natural,natural-b`) is blind: never fitted on, reported as
// the shipped map shows it.
// With --write-manifest the map fitted on all of val + natural goes into the bundle's manifest.json (tutor.json in the standard layout).
//
//   npm run bench:calibration -- [--bundle DIR] [--splits val,natural] [--flag-splits test,hard] [--limit N]
//                                [--out bench/results/calibration-ood] [--solves FILE] [--write-manifest]
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { defaultBundleDir, openModels } from '../src/cli/models.js';
import { requiredSplit } from './lib/problems.js';
import { measureFamiliarity, solveForCalibration, type FamiliarityRecord, type SolvedRecord } from './lib/calibrationSolves.js';
import { calibrationReport } from './lib/calibrationReport.js';
import { manifestWithCalibration } from './lib/manifestCalibration.js';
import { uncalibrated } from './lib/uncalibrated.js';

interface Solves {
  bundle: string;
  date: string;
  records: SolvedRecord[];
  familiarityOnly: FamiliarityRecord[];
}

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      bundle: { type: 'string' },
      splits: { type: 'string', default: 'val,natural' },
      'flag-splits': { type: 'string', default: 'test,hard' },
      limit: { type: 'string' },
      out: { type: 'string', default: join('bench', 'results', 'calibration-ood') },
      solves: { type: 'string' },
      'write-manifest': { type: 'boolean', default: false },
    },
  });
  const bundleDir = values.bundle ? resolve(values.bundle) : defaultBundleDir();
  mkdirSync(values.out, { recursive: true });
  const solves = values.solves ? (JSON.parse(readFileSync(values.solves, 'utf8')) as Solves) : await solveAll(bundleDir, values.splits, values['flag-splits'], values.limit);
  if (!values.solves) writeFileSync(join(values.out, 'solves.json'), `${JSON.stringify(solves)}\n`);
  const splitNames = [...new Set(solves.records.map((r) => r.split))];
  const fitted = solves.records.filter((r) => r.split === 'val' || r.split === 'natural').length;
  const header = [
    '# Calibration of the displayed values: an out-of-distribution signal and a calibration map',
    '',
    `Bundle \`${solves.bundle}\`, default Solve (beam search + TVM, K = 16, b = 4, exact math on), seed = problem index, solved ${solves.date};`,
    `produced by \`npm run bench:calibration -- --splits ${splitNames.join(',')}\` (solves.json holds every problem's raw values and features).`,
    `Problems: ${splitNames.map((s) => `${s} ${solves.records.filter((r) => r.split === s).length}`).join(', ')}; a problem without an answer counts as wrong for its step values and is left out of the answer rows.`,
  ];
  const report = calibrationReport(solves.records, solves.familiarityOnly, header, `val + natural (${fitted} problems), ${solves.date}, bench/results/calibration-ood`);
  writeFileSync(join(values.out, 'calibration.md'), report.markdown);
  writeFileSync(join(values.out, 'calibration.json'), `${JSON.stringify(report.json, null, 1)}\n`);
  if (values['write-manifest']) {
    // A bundle in the standard layout keeps its manifest fields in tutor.json.
    const file = existsSync(join(bundleDir, 'manifest.json')) ? join(bundleDir, 'manifest.json') : join(bundleDir, 'tutor.json');
    writeFileSync(file, manifestWithCalibration(readFileSync(file, 'utf8'), report.shipped));
    process.stderr.write(`wrote the calibration into ${file}\n`);
  }
  process.stdout.write(report.markdown);
}

async function solveAll(bundleDir: string, splitNames: string, flagSplitNames: string, limit: string | undefined): Promise<Solves> {
  const names = (list: string): string[] => list.split(',').filter((s) => s !== '');
  const open = await openModels({ bundle: bundleDir, device: 'auto', json: false, help: false });
  try {
    // The raw values: what the map is fitted to, whatever calibration the bundle has now.
    const raw = uncalibrated(open.models);
    const started = Date.now();
    const records = await solveForCalibration(
      raw,
      names(splitNames).map((split) => requiredSplit(bundleDir, split, limit === undefined ? undefined : Number(limit))),
      (line) => process.stderr.write(`${line} (${((Date.now() - started) / 1000).toFixed(0)} s)\n`),
    );
    const familiarityOnly = await measureFamiliarity(raw, names(flagSplitNames).map((split) => requiredSplit(bundleDir, split, undefined)));
    return { bundle: open.models.info.name, date: new Date().toISOString().slice(0, 10), records, familiarityOnly };
  } finally {
    await open.release();
  }
}

main().catch((error: unknown) => {
  process.stderr.write(`${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
  process.exitCode = 1;
});
