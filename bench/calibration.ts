// Are the answers the panel shows honest? Solve with the defaults (beam search, TVM, exact math)
// and bin each answer by the value shown beside it: how often answers in each bin are right, and
// the expected calibration error (answer-weighted |accuracy − mean value| over the bins). Also how
// often an answer marked "verified" is right. Writes calibration.md and, per answer, calibration.json.
//
//   npm run bench:calibration -- [--bundle DIR] [--splits test,hard,val,natural] [--limit 64] [--out bench/results/exact]
import { mkdirSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { answersEquivalent } from '../src/core/grading/index.js';
import { solve } from '../src/core/solve.js';
import { defaultBundleDir, openModels } from '../src/cli/models.js';
import { requiredSplit } from './lib/problems.js';

const BINS = [0, 0.5, 0.7, 0.9, 1.000001];
/** Issue 15's bar: answers shown at or above this value should be wrong on at most 10 % of problems. */
const CONFIDENT = 0.9;

interface AnsweredProblem {
  question: string;
  answer: string;
  reference: string;
  value: number;
  right: boolean;
  verified: boolean | null;
}

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      bundle: { type: 'string' },
      splits: { type: 'string', default: 'test,hard,val' },
      limit: { type: 'string', default: '64' },
      out: { type: 'string', default: join('bench', 'results', 'exact') },
    },
  });
  const bundleDir = values.bundle ? resolve(values.bundle) : defaultBundleDir();
  const splits = values.splits.split(',').filter((s) => s !== '').map((split) => requiredSplit(bundleDir, split, Number(values.limit)));
  const open = await openModels({ bundle: bundleDir, device: 'auto', json: false, help: false });
  const lines = [
    '# Calibration of the value shown beside an answer',
    '',
    `Bundle \`${open.models.info.name}\`, default Solve (beam search + TVM, K = 16, b = 4, exact math on), seed = problem index,`,
    `${new Date().toISOString().slice(0, 10)}; produced by \`npm run bench:calibration\`. Problems without an answer are left out of the bins.`,
    '',
    '| split | value shown | answers | right | mean value shown |',
    '|---|---|---:|---:|---:|',
  ];
  const summary: string[] = [];
  const perSplit: Record<string, { problems: number; ece: number; answered: AnsweredProblem[] }> = {};
  try {
    for (const split of splits) {
      const answered: AnsweredProblem[] = [];
      for (const [index, item] of split.items.entries()) {
        const result = await solve(open.models, { problem: item.question, seed: index });
        if (result.answer === null) continue;
        answered.push({
          question: item.question,
          answer: result.answer,
          reference: item.reference,
          value: result.steps.at(-1)?.value ?? 0,
          right: answersEquivalent(result.answer, item.reference),
          verified: result.verified,
        });
        process.stderr.write(`${split.name} ${index + 1}/${split.items.length}\n`);
      }
      let ece = 0;
      for (let b = 0; b + 1 < BINS.length; b++) {
        const inBin = answered.filter((a) => a.value >= (BINS[b] as number) && a.value < (BINS[b + 1] as number));
        if (inBin.length === 0) continue;
        const right = inBin.filter((a) => a.right).length;
        const mean = inBin.reduce((s, a) => s + a.value, 0) / inBin.length;
        ece += (inBin.length / answered.length) * Math.abs(right / inBin.length - mean);
        const upper = Math.min(100, Math.round((BINS[b + 1] as number) * 100));
        lines.push(`| ${split.name} | ${Math.round((BINS[b] as number) * 100)}–${upper} % | ${inBin.length} | ${((100 * right) / inBin.length).toFixed(1)} % | ${(100 * mean).toFixed(1)} % |`);
      }
      const verified = answered.filter((a) => a.verified === true);
      const confident = answered.filter((a) => a.value >= CONFIDENT);
      summary.push(
        `- ${split.name}: ${answered.length} of ${split.items.length} answered; expected calibration error ${ece.toFixed(3)}; ` +
          `shown at ≥ ${100 * CONFIDENT} %: ${confident.length}, wrong ${confident.filter((a) => !a.right).length}; ` +
          `answers marked verified: ${verified.length}, right ${verified.filter((a) => a.right).length}.`,
      );
      perSplit[split.name] = { problems: split.items.length, ece, answered };
    }
  } finally {
    await open.release();
  }
  const markdown = [...lines, '', ...summary, ''].join('\n');
  mkdirSync(values.out, { recursive: true });
  writeFileSync(join(values.out, 'calibration.md'), markdown);
  writeFileSync(join(values.out, 'calibration.json'), `${JSON.stringify({ bundle: open.models.info.name, splits: perSplit }, null, 1)}\n`);
  process.stdout.write(markdown);
}

main().catch((error: unknown) => {
  process.stderr.write(`${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
  process.exitCode = 1;
});
