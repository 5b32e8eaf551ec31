// How well Check my steps points at a student's slip. Each reference solution of the bundle's test
// and hard splits is checked twice per verifier: as written (any flag is a false alarm) and with
// one planted slip (bench/lib/plantedErrors.ts) — the flag should land on the slipped step, not
// before it (a false alarm on correct work) or after it (late), and not be missing. A second
// check per solution changes only its final answer (off by one): a verifier that reads the
// working should value that last line lower than the right one.
// `--sweep` also tallies a grid of suspicion settings (check-sweep.md); choose settings on the
// bundle's validation split (`--splits val`), then confirm them on test and hard. The natural split
// (bench/data/natural.jsonl) has answers but no reference solutions to plant slips in, so it is
// not a split for this bench.
//
//   npm run bench:check -- [--bundle DIR] [--splits test,hard] [--limit 160] [--seed 0]
//     [--threshold P] [--relative-drop R] [--min-drop D] [--sweep] [--device auto|cpu|cuda] [--out bench/results]
import { mkdirSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { checkDerivation, type CheckResult } from '../src/core/check/index.js';
import { DEFAULT_SUSPICION, type SuspicionOptions } from '../src/core/check/suspicious.js';
import { deriveSeed, type VerifierName } from '../src/core/search/index.js';
import { numberInRange } from '../src/cli/args.js';
import { defaultBundleDir, openModels } from '../src/cli/models.js';
import { uncalibrated } from './lib/uncalibrated.js';
import { collapsesByDrop, suspicionGrid, tallyCases, type CheckedCase, type Tally } from './lib/checkTally.js';
import { suspicionSeverity } from '../src/extension/check/severity.js';
import { plantInSolution, type SlipKind } from './lib/plantedErrors.js';
import { bundleSolutions, reportFile } from './lib/problems.js';

const VERIFIERS: VerifierName[] = ['tvm', 'orm', 'prm'];

const stepValues = (r: CheckResult) => ({ before: r.problemValue, values: r.steps.map((s) => s.value) });
const withExact = (r: CheckResult) => ({ ...stepValues(r), exact: { verdicts: r.steps.map((s) => s.exact?.verdict ?? 'unknown'), verified: r.verified } });

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      bundle: { type: 'string' },
      splits: { type: 'string', default: 'test,hard' },
      limit: { type: 'string', default: '160' },
      seed: { type: 'string', default: '0' },
      threshold: { type: 'string', default: String(DEFAULT_SUSPICION.threshold) },
      'relative-drop': { type: 'string', default: String(DEFAULT_SUSPICION.relativeDrop) },
      'min-drop': { type: 'string', default: String(DEFAULT_SUSPICION.minDrop) },
      sweep: { type: 'boolean', default: false },
      device: { type: 'string', default: 'auto' },
      out: { type: 'string', default: join('bench', 'results') },
    },
  });
  const options: SuspicionOptions = {
    threshold: numberInRange('threshold', values.threshold, 0, 1),
    relativeDrop: numberInRange('relative-drop', values['relative-drop'], Number.MIN_VALUE, 1),
    minDrop: numberInRange('min-drop', values['min-drop'], 0, 1),
  };
  const splits = values.splits.split(',').filter((s) => s !== '');
  if (splits.length === 0) throw new Error('--splits names no split: pass e.g. test,hard or val');
  const bundleDir = values.bundle ? resolve(values.bundle) : defaultBundleDir();
  const solutions = splits.map((split) => ({ split, items: bundleSolutions(bundleDir, split, Number(values.limit)) }));
  const open = await openModels({ bundle: bundleDir, device: values.device as 'auto' | 'cpu' | 'cuda', json: false, help: false });
  const verifiers = VERIFIERS.filter((v) => open.models[v] !== undefined);
  const seed = Number(values.seed);
  const cases: CheckedCase[] = [];
  try {
    for (const { split, items } of solutions) {
      for (const [index, item] of items.entries()) {
        const clean = item.solution.split('\n');
        const planted = plantInSolution(clean, deriveSeed(seed, index));
        if (!planted) continue;
        const answer = /^The answer is (-?\d+)$/.exec(clean.at(-1) ?? '');
        const wrongAnswer = answer ? [...clean.slice(0, -1), `The answer is ${Number(answer[1]) + 1}`] : null;
        for (const verifier of verifiers) {
          // Drops on the verifier's raw scale, the one severity.ts's bands are stated on.
          const check = (steps: string[]) => checkDerivation(uncalibrated(open.models), { problem: item.question, steps }, { verifier });
          const before = await check(clean);
          const after = await check(planted.steps);
          const offByOne = wrongAnswer ? await check(wrongAnswer) : null;
          const common = { split, kind: planted.kind, slipped: planted.slipped, answer: offByOne ? { right: before.steps.at(-1)!.value, wrong: offByOne.steps.at(-1)!.value } : null };
          // The verifier alone, and the same values with the exact verdicts beside them.
          cases.push({ ...common, verifier, clean: stepValues(before), planted: stepValues(after) });
          cases.push({ ...common, verifier: `${verifier}+exact`, clean: withExact(before), planted: withExact(after) });
        }
      }
    }
  } finally {
    await open.release();
  }
  const header = { bundle: open.models.info.name, limit: Number(values.limit), seed, splits };
  const markdown = render(tallyCases(cases, options), verifiers.flatMap((v) => [v, `${v}+exact`]), header, options);
  mkdirSync(values.out, { recursive: true });
  writeFileSync(join(values.out, reportFile('check', splits)), markdown);
  process.stdout.write(markdown);
  const severity = renderSeverity(cases, header, options);
  writeFileSync(join(values.out, reportFile('check-severity', splits)), severity);
  process.stdout.write(`\n${severity}`);
  if (values.sweep) {
    const sweep = renderSweep(cases, header);
    writeFileSync(join(values.out, reportFile('check-sweep', splits)), sweep);
    process.stdout.write(`\n${sweep}`);
  }
}

interface Header {
  bundle: string;
  limit: number;
  seed: number;
  splits: string[];
}

const pct = (x: number, n: number) => (n === 0 ? '–' : `${((100 * x) / n).toFixed(1)}`);

function answerCell(t: Tally): string {
  if (t.answerN === 0) return '–';
  const mean = (x: number) => (x / t.answerN).toFixed(3);
  return `${mean(t.answerRightValue)} / ${mean(t.answerWrongValue)}, ${((100 * t.answerWrongLower) / t.answerN).toFixed(0)} % (n = ${t.answerN})`;
}

function render(tallies: Map<string, Tally>, verifiers: string[], h: Header, o: SuspicionOptions): string {
  const kinds: Array<SlipKind | 'all'> = ['all', 'off by one', 'off by ten', 'sign'];
  const settings = `threshold ${o.threshold}, relative drop ${o.relativeDrop}, least drop ${o.minDrop}`;
  const lines = [
    '# Check my steps: does the flag land on a planted slip?',
    '',
    `Bundle \`${h.bundle}\`, up to ${h.limit} reference solutions per split (evenly spaced over families), seed ${h.seed},`,
    `suspicion settings: ${settings}${isDefault(o) ? ' (the defaults)' : ''}; ${new Date().toISOString().slice(0, 10)}. Each solution is checked as written and with one`,
    'slip planted in a random step (the steps after it unchanged). **hit**: the first suspicious step is the',
    'slipped one; **early**: a correct step before it is flagged; **late**: only a later step; **missed**: nothing',
    'flagged; **clean alarm**: the unmodified solution is flagged. Drops are mean value points lost at the',
    'slipped step, with the slip and without it. **Answer ±1**: the same solutions with only the final',
    'answer off by one: mean value of the last line as written / off by one, and how often the wrong one is lower.',
    'A verifier named `+exact` is the same values with the exact verdicts beside them, combined as the engine',
    'does (src/core/check/exactCheck.ts firstFlagged): the first false or non-following line, the verifier\'s',
    'collapse unless an exact error comes first or the line provably follows, or an answer that fails the problem.',
    '',
    '| split | verifier | slip | n | hit % | early % | late % | missed % | clean alarm % | drop with slip | drop without | answer ±1: value right / wrong, wrong lower % |',
    '|---|---|---|---:|---:|---:|---:|---:|---:|---:|---:|---|',
  ];
  for (const split of h.splits) {
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

/** Lower edges of the drop bands in check-severity.md (value points, 0–1). */
const DROP_BANDS = [0, 0.1, 0.2, 0.3, 0.4, 0.5, 0.6];

/** For the editor's severity of a TVM-only suspicion (src/extension/check/severity.ts): how often a collapse of each size is the slip. */
function renderSeverity(cases: readonly CheckedCase[], h: Header, o: SuspicionOptions): string {
  const lines = [
    '# Check my steps: how often a TVM collapse of each size is the slip',
    '',
    `Bundle \`${h.bundle}\`, TVM alone, up to ${h.limit} reference solutions per split, seed ${h.seed}, suspicion settings threshold ${o.threshold}, relative drop ${o.relativeDrop}, least drop ${o.minDrop}; ${new Date().toISOString().slice(0, 10)}.`,
    'Every first collapse on the planted and the clean solutions, by how many value points it drops: **on the slip**',
    'when it is the planted slip\'s step, **elsewhere** when it is on a correct step (before or after the slip, or in',
    'clean work). **severity**: what the editor makes of a TVM-only suspicion of that size (src/extension/check/severity.ts).',
    'Produced by `npm run bench:check`.',
    '',
    '| split | drop (points) | severity | collapses | on the slip | elsewhere | on the slip % |',
    '|---|---|---|---:|---:|---:|---:|',
  ];
  for (const split of h.splits) {
    const bands = collapsesByDrop(cases.filter((c) => c.split === split && c.verifier === 'tvm'), o, DROP_BANDS);
    for (const [i, b] of bands.entries()) {
      const to = bands[i + 1]?.from;
      const range = `${Math.round(b.from * 100)}${to === undefined ? '+' : `–${Math.round(to * 100)}`}`;
      lines.push(`| ${split} | ${range} | ${suspicionSeverity(b.from)} | ${b.right + b.wrong} | ${b.right} | ${b.wrong} | ${pct(b.right, b.right + b.wrong)} |`);
    }
  }
  return `${lines.join('\n')}\n`;
}

const isDefault = (o: SuspicionOptions) =>
  o.threshold === DEFAULT_SUSPICION.threshold && o.relativeDrop === DEFAULT_SUSPICION.relativeDrop && o.minDrop === DEFAULT_SUSPICION.minDrop;

/** The TVM's hit and clean-alarm rates for every setting of the grid, per split. */
function renderSweep(cases: readonly CheckedCase[], h: Header): string {
  const lines = [
    '# Check my steps: suspicion settings compared',
    '',
    `Bundle \`${h.bundle}\`, TVM, up to ${h.limit} reference solutions per split, seed ${h.seed}, ${new Date().toISOString().slice(0, 10)};`,
    'the same checks as check.md, with the flag placed by each setting in turn. **hit − alarm**: slips flagged on',
    'their step minus correct solutions flagged, in points. `*`: the defaults. Produced by `npm run bench:check -- --sweep`.',
    '',
    '| split | verifier | threshold | relative drop | least drop | hit % | early % | late % | missed % | clean alarm % | hit − alarm |',
    '|---|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|',
  ];
  for (const o of suspicionGrid()) {
    const tallies = tallyCases(cases, o);
    for (const split of h.splits) {
      for (const verifier of ['tvm', 'tvm+exact']) {
        const t = tallies.get(`${split}|${verifier}|all`);
        if (!t) continue;
        const star = isDefault(o) ? ' *' : '';
        lines.push(
          `| ${split} | ${verifier} | ${o.threshold}${star} | ${o.relativeDrop}${star} | ${o.minDrop}${star} | ${pct(t.hit, t.n)} | ${pct(t.early, t.n)} | ${pct(t.late, t.n)} | ${pct(t.missed, t.n)} | ${pct(t.cleanFlagged, t.n)} | ${pct(t.hit - t.cleanFlagged, t.n)} |`,
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
