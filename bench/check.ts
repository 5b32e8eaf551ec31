// How well Check my steps points at a student's slip. Each reference solution of the bundle's test
// and hard splits is checked twice per verifier: as written (any flag is a false alarm) and with
// one planted slip (bench/lib/plantedErrors.ts) — the flag should land on the slipped step, not
// before it (a false alarm on correct work) or after it (late), and not be missing. A second
// check per solution changes only its final answer (off by one): a verifier that reads the
// working should value that last line lower than the right one.
//
//   npm run bench:check -- [--bundle DIR] [--limit 160] [--seed 0] [--device auto|cpu|cuda] [--out bench/results]
import { mkdirSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { checkDerivation } from '../src/core/check/index.js';
import { deriveSeed, type VerifierName } from '../src/core/search/index.js';
import { defaultBundleDir, openModels } from '../src/cli/models.js';
import { plantInSolution, type SlipKind } from './lib/plantedErrors.js';
import { bundleSolutions } from './lib/problems.js';

const VERIFIERS: VerifierName[] = ['tvm', 'orm', 'prm'];

interface Tally {
  n: number;
  hit: number;
  early: number;
  late: number;
  missed: number;
  cleanFlagged: number;
  /** Sum of (value before − value after) at the slipped step, and at the same step of the clean solution. */
  slipDrop: number;
  cleanDrop: number;
  /** Solutions whose answer is an integer: final value as written, and with the answer off by one. */
  answerN: number;
  answerRightValue: number;
  answerWrongValue: number;
  answerWrongLower: number;
}

const emptyTally = (): Tally => ({ n: 0, hit: 0, early: 0, late: 0, missed: 0, cleanFlagged: 0, slipDrop: 0, cleanDrop: 0, answerN: 0, answerRightValue: 0, answerWrongValue: 0, answerWrongLower: 0 });

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      bundle: { type: 'string' },
      limit: { type: 'string', default: '160' },
      seed: { type: 'string', default: '0' },
      device: { type: 'string', default: 'auto' },
      out: { type: 'string', default: join('bench', 'results') },
    },
  });
  const bundleDir = values.bundle ? resolve(values.bundle) : defaultBundleDir();
  const open = await openModels({ bundle: bundleDir, device: values.device as 'auto' | 'cpu' | 'cuda', json: false, help: false });
  const verifiers = VERIFIERS.filter((v) => open.models[v] !== undefined);
  const seed = Number(values.seed);
  const tallies = new Map<string, Tally>();
  const tally = (key: string): Tally => tallies.get(key) ?? (tallies.set(key, emptyTally()), tallies.get(key)!);
  try {
    for (const split of ['test', 'hard']) {
      for (const [index, item] of bundleSolutions(bundleDir, split, Number(values.limit)).entries()) {
        const clean = item.solution.split('\n');
        const planted = plantInSolution(clean, deriveSeed(seed, index));
        if (!planted) continue;
        const answer = /^The answer is (-?\d+)$/.exec(clean.at(-1) ?? '');
        const wrongAnswer = answer ? [...clean.slice(0, -1), `The answer is ${Number(answer[1]) + 1}`] : null;
        for (const verifier of verifiers) {
          const before = await checkDerivation(open.models, { problem: item.question, steps: clean }, { verifier });
          const after = await checkDerivation(open.models, { problem: item.question, steps: planted.steps }, { verifier });
          const offByOne = wrongAnswer ? await checkDerivation(open.models, { problem: item.question, steps: wrongAnswer }, { verifier }) : null;
          for (const key of [`${split}|${verifier}|all`, `${split}|${verifier}|${planted.kind}`]) {
            const t = tally(key);
            t.n++;
            if (before.firstSuspicious !== null) t.cleanFlagged++;
            const flagged = after.firstSuspicious;
            if (flagged === null) t.missed++;
            else if (flagged === planted.slipped) t.hit++;
            else if (flagged < planted.slipped) t.early++;
            else t.late++;
            const slip = after.steps[planted.slipped]!;
            const same = before.steps[planted.slipped]!;
            t.slipDrop += slip.before - slip.value;
            t.cleanDrop += same.before - same.value;
            if (offByOne) {
              const right = before.steps.at(-1)!.value;
              const wrong = offByOne.steps.at(-1)!.value;
              t.answerN++;
              t.answerRightValue += right;
              t.answerWrongValue += wrong;
              if (wrong < right) t.answerWrongLower++;
            }
          }
        }
      }
    }
  } finally {
    await open.release();
  }
  const markdown = render(tallies, verifiers, open.models.info.name, Number(values.limit), seed);
  mkdirSync(values.out, { recursive: true });
  writeFileSync(join(values.out, 'check.md'), markdown);
  process.stdout.write(markdown);
}

function answerCell(t: Tally): string {
  if (t.answerN === 0) return '–';
  const mean = (x: number) => (x / t.answerN).toFixed(3);
  return `${mean(t.answerRightValue)} / ${mean(t.answerWrongValue)}, ${((100 * t.answerWrongLower) / t.answerN).toFixed(0)} % (n = ${t.answerN})`;
}

function render(tallies: Map<string, Tally>, verifiers: VerifierName[], bundle: string, limit: number, seed: number): string {
  const pct = (x: number, n: number) => (n === 0 ? '–' : `${((100 * x) / n).toFixed(1)}`);
  const kinds: Array<SlipKind | 'all'> = ['all', 'off by one', 'off by ten', 'sign'];
  const lines = [
    '# Check my steps: does the flag land on a planted slip?',
    '',
    `Bundle \`${bundle}\`, up to ${limit} reference solutions per split (evenly spaced over families), seed ${seed},`,
    `default suspicion settings, ${new Date().toISOString().slice(0, 10)}. Each solution is checked as written and with one`,
    'slip planted in a random step (the steps after it unchanged). **hit**: the first suspicious step is the',
    'slipped one; **early**: a correct step before it is flagged; **late**: only a later step; **missed**: nothing',
    'flagged; **clean alarm**: the unmodified solution is flagged. Drops are mean value points lost at the',
    'slipped step, with the slip and without it. **Answer ±1**: the same solutions with only the final',
    'answer off by one: mean value of the last line as written / off by one, and how often the wrong one is lower.',
    '',
    '| split | verifier | slip | n | hit % | early % | late % | missed % | clean alarm % | drop with slip | drop without | answer ±1: value right / wrong, wrong lower % |',
    '|---|---|---|---:|---:|---:|---:|---:|---:|---:|---:|---|',
  ];
  for (const split of ['test', 'hard']) {
    for (const verifier of verifiers) {
      for (const kind of kinds) {
        const t = tallies.get(`${split}|${verifier}|${kind}`);
        if (!t) continue;
        lines.push(
          `| ${split} | ${verifier} | ${kind} | ${t.n} | ${pct(t.hit, t.n)} | ${pct(t.early, t.n)} | ${pct(t.late, t.n)} | ${pct(t.missed, t.n)} | ${pct(t.cleanFlagged, t.n)} | ${pct(t.slipDrop, t.n)} | ${pct(t.cleanDrop, t.n)} | ${answerCell(t)} |`,
        );
      }
    }
  }
  return `${lines.join('\n')}\n`;
}

main().catch((error: unknown) => {
  process.stderr.write(`${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
  process.exitCode = 1;
});
