// Accuracy of every strategy at equal sampled-candidate budgets (N = K), on the bundle's test and
// hard splits and on GSM8K test. Complete-path strategies (majority vote, best-of-N, weighted
// vote) are evaluated on the first N paths of one pool of max(N) samples per problem, so every
// budget and verifier sees the same samples; beam search runs once per verifier and budget.
// Beam+TVM is compared with every other strategy at each budget by McNemar's exact test.
//
//   npm run bench:accuracy -- [--bundle DIR] [--splits test,hard,natural] [--limit 100] [--budgets 4,8,16,32]
//                             [--gsm8k-limit 50] [--b 4] [--temperature 0.7] [--seed 0]
//                             [--device auto|cpu|cuda] [--out bench/results] [--resume]
//                             [--exact on|off] [--greedy-candidate on|off] [--greedy-only]
//
// --greedy-only runs greedy alone (no pool, no beam search): a quick read of a policy, e.g. a training
// checkpoint's policy-only bundle (training/results/v2-checkpoints.md).
//
// Search settings are chosen on the bundle's validation split (`--splits val --gsm8k-limit 0`,
// with --out elsewhere), then confirmed on test and hard.
//
// Raw outcomes are saved after every problem in ${XDG_CACHE_HOME:-~/.cache}/tvm-tutor/bench-raw/
// (outside the repository: they quote the problems, GSM8K's included); --resume reuses the
// problems already done there, so a run killed on a shared machine continues where it stopped.
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { homedir } from 'node:os';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import type { EngineModels } from '../src/core/lm.js';
import { answersEquivalent } from '../src/core/grading/index.js';
import { DEFAULT_BEAM, greedy, searchModels, stepBeamSearch, sampleFullPaths, scorePaths, toTracePath, vote, selectBestOfN, SearchMeter, TextFormat, BadRequestError, DEFAULT_COMMON, deriveSeed, type TracePath, type VerifierName } from '../src/core/search/index.js';
import { exactSearch, judgePath, selectUncontradicted } from '../src/core/search/exactSearch.js';
import { isContradicted } from '../src/core/exact/index.js';
import { numberInRange } from '../src/cli/args.js';
import { defaultBundleDir, openModels } from '../src/cli/models.js';
import { gsm8kTest, reportFile, requiredSplit, type ProblemSet } from './lib/problems.js';
import { renderAccuracy, type ProblemOutcome, type SetReport } from './lib/accuracyReport.js';

const VERIFIERS: VerifierName[] = ['orm', 'prm', 'tvm'];
/** Contradicted lines (false, not following) on the solutions a user would see, exact math on: must stay 0. */
let falseLinesShown = 0;

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      bundle: { type: 'string' },
      splits: { type: 'string', default: 'test,hard' },
      limit: { type: 'string', default: '100' },
      budgets: { type: 'string', default: '4,8,16,32' },
      'gsm8k-limit': { type: 'string', default: '50' },
      b: { type: 'string', default: '4' },
      temperature: { type: 'string', default: String(DEFAULT_COMMON.temperature) },
      seed: { type: 'string', default: '0' },
      device: { type: 'string', default: 'auto' },
      out: { type: 'string', default: join('bench', 'results') },
      resume: { type: 'boolean', default: false },
      exact: { type: 'string', default: 'on' },
      'greedy-candidate': { type: 'string', default: DEFAULT_BEAM.greedyCandidate ? 'on' : 'off' },
      'greedy-only': { type: 'boolean', default: false },
    },
  });
  if (!['on', 'off'].includes(values['greedy-candidate'])) throw new Error(`--greedy-candidate must be on or off, got ${values['greedy-candidate']}`);
  const greedyCandidate = values['greedy-candidate'] === 'on';
  if (values.exact !== 'on' && values.exact !== 'off') throw new Error(`--exact must be on or off, got ${values.exact}`);
  const exact = values.exact === 'on';
  const budgets = values.budgets.split(',').map(Number);
  const width = Number(values.b);
  if (budgets.some((n) => !Number.isInteger(n) || n < width || n % width !== 0)) {
    throw new Error(`--budgets must be integers that are multiples of b=${width} (beam search splits K over b beams), got ${values.budgets}`);
  }
  const temperature = numberInRange('temperature', values.temperature, Number.MIN_VALUE, 2);
  const bundleDir = values.bundle ? resolve(values.bundle) : defaultBundleDir();
  const limit = Number(values.limit);
  const splits = values.splits.split(',').filter((s) => s !== '').map((split) => requiredSplit(bundleDir, split, limit));
  const sets = [...splits, gsm8kTest(Number(values['gsm8k-limit']))].filter((s): s is ProblemSet => s !== null);
  const open = await openModels({ bundle: bundleDir, device: values.device as 'auto' | 'cpu' | 'cuda', json: false, help: false });
  const verifiers = VERIFIERS.filter((v) => open.models[v] !== undefined);
  const seed = Number(values.seed);
  const started = new Date();
  const reports: SetReport[] = [];
  const rawDir = join(process.env.XDG_CACHE_HOME || join(homedir(), '.cache'), 'tvm-tutor', 'bench-raw');
  mkdirSync(rawDir, { recursive: true });
  const partialFile = join(rawDir, 'accuracy-partial.json');
  // Outcomes of an earlier run with the same settings, keyed by set and question.
  const greedyOnly = values['greedy-only'];
  const settings = { bundle: open.models.info.name, budgets, width, seed, verifiers, temperature, exact, greedyCandidate, greedyOnly };
  const earlier = new Map<string, ProblemOutcome>();
  if (values.resume && existsSync(partialFile)) {
    const saved = JSON.parse(readFileSync(partialFile, 'utf8')) as { settings: unknown; reports: SetReport[] };
    if (JSON.stringify(saved.settings) !== JSON.stringify(settings)) throw new Error(`${partialFile} was made with other settings; run without --resume`);
    for (const report of saved.reports) for (const o of report.outcomes) earlier.set(`${report.name}\n${o.question}`, o);
  }
  try {
    for (const set of sets) {
      const outcomes: ProblemOutcome[] = [];
      reports.push({ name: set.name, outcomes });
      for (const [index, item] of set.items.entries()) {
        const done = earlier.get(`${set.name}\n${item.question}`);
        if (done) {
          outcomes.push(done);
          continue;
        }
        const t0 = performance.now();
        let outcome: ProblemOutcome;
        try {
          outcome = await evaluateProblem(open.models, item.question, item.reference, { budgets, width, verifiers, temperature, exact, greedyCandidate, greedyOnly }, deriveSeed(seed, index));
        } catch (error) {
          // A problem longer than the model's context cannot be solved by any strategy: it counts
          // as wrong for all of them rather than silently shrinking n.
          if (!(error instanceof BadRequestError)) throw error;
          process.stderr.write(`${set.name} ${index + 1}: ${error.message}; counted wrong for every strategy\n`);
          outcome = { question: item.question, reference: item.reference, correct: {}, seconds: {} };
        }
        outcomes.push(outcome);
        const shown = verifiers.includes('tvm') && !greedyOnly ? 'beam-tvm' : 'greedy';
        const mark = outcome.correct[`${shown}@${budgets.at(-1)}`] ? `${shown} ✓` : `${shown} ✗`;
        process.stderr.write(`${set.name} ${index + 1}/${set.items.length} ${mark} (${((performance.now() - t0) / 1000).toFixed(1)} s)\n`);
        writeFileSync(partialFile, JSON.stringify({ settings, reports }));
      }
    }
  } finally {
    await open.release();
  }
  writeFileSync(join(rawDir, `accuracy-${started.toISOString().replace(/[:.]/g, '-')}.json`), JSON.stringify(reports));
  const { markdown, charts } = renderAccuracy(reports, budgets, verifiers, {
    bundle: open.models.info.name,
    device: open.models.device,
    date: started.toISOString().slice(0, 10),
    seed,
    b: width,
    temperature,
  });
  mkdirSync(values.out, { recursive: true });
  const stem = `${exact ? 'accuracy' : 'accuracy-no-exact'}${greedyCandidate === DEFAULT_BEAM.greedyCandidate ? '' : greedyCandidate ? '-greedy-candidate' : '-no-greedy-candidate'}`;
  const report = join(values.out, reportFile(stem, splits.map((s) => s.name)));
  writeFileSync(report, markdown);
  // Per-problem outcomes beside the report, for paired comparisons with a later bundle; GSM8K's
  // problems stay out of the repository.
  const committable = reports.filter((r) => r.name !== 'external');
  writeFileSync(report.replace(/\.md$/, '.json'), `${JSON.stringify({ settings, reports: committable }, null, 1)}\n`);
  for (const [name, svg] of Object.entries(charts)) writeFileSync(join(values.out, `${stem}-${name}.svg`), svg);
  process.stderr.write(`wrote ${report}\n`);
  if (exact) {
    process.stderr.write(`contradicted lines on shown solutions (greedy and beam search): ${falseLinesShown}\n`);
    // The promise of exact math: no false line is ever shown as a step of a solution.
    if (falseLinesShown > 0) process.exitCode = 1;
  }
}

interface SearchSettings {
  budgets: number[];
  width: number;
  verifiers: VerifierName[];
  temperature: number;
  /** Exact math on: the calculator writes results, contradicted candidates and paths are set aside. */
  exact: boolean;
  /** Beam search keeps the greedy continuation among each beam's candidates. */
  greedyCandidate: boolean;
  /** Greedy alone: no pool of sampled paths, no beam search. */
  greedyOnly: boolean;
}

async function evaluateProblem(models: EngineModels, question: string, reference: string, settings: SearchSettings, seed: number): Promise<ProblemOutcome> {
  const { budgets, width, verifiers, temperature, exact, greedyCandidate, greedyOnly } = settings;
  const correct: Record<string, boolean> = {};
  const seconds: Record<string, number> = {};
  const record = (name: string, answer: string | null) => (correct[name] = answersEquivalent(answer, reference));
  const timed = async <T>(name: string, work: () => Promise<T>): Promise<T> => {
    const t0 = performance.now();
    const result = await work();
    seconds[name] = (performance.now() - t0) / 1000;
    return result;
  };

  const plain = searchModels(models, null);
  const g = await timed('greedy', () => greedy(question, plain, { seed, exact }));
  if (exact) falseLinesShown += g.chosen.filter((step) => isContradicted(step.exact)).length;
  for (const n of budgets) record(`greedy@${n}`, g.answer);
  if (greedyOnly) return { question, reference, correct, seconds };

  // One pool of max(budgets) complete paths, scored once by every verifier.
  const maxN = Math.max(...budgets);
  const format = new TextFormat(models.info, models.tokenizer);
  const meter = new SearchMeter();
  const prompt = format.encodeSearchPrefix(question, []);
  const guard = exact ? exactSearch(question, models.tokenizer) : null;
  const pool = await timed('pool', () => sampleFullPaths(plain, meter, prompt, maxN, { ...DEFAULT_COMMON, temperature, ...(guard && { force: guard.force }) }, seed, undefined));
  // Every path's lines judged once; with exact math off they stay unjudged and nothing is set aside.
  const judged = (paths: TracePath[]): TracePath[] => (guard ? paths.map((p) => judgePath(p, guard)) : paths);
  const plainPaths = judged(pool.map((p, i) => toTracePath(format, p, null, i)));
  const scored: Partial<Record<VerifierName, TracePath[]>> = {};
  for (const v of verifiers) {
    const values = await timed(`score-${v}`, () => scorePaths(searchModels(models, v), meter, prompt, pool, undefined));
    scored[v] = judged(pool.map((p, i) => toTracePath(format, p, values?.[i] ?? null, i)));
  }
  for (const n of budgets) {
    // The ceiling of any choice among these paths: one of them states the right answer.
    correct[`pass@${n}`] = plainPaths.slice(0, n).some((path) => answersEquivalent(path.answer, reference));
    record(`vote@${n}`, selectUncontradicted(plainPaths.slice(0, n), (paths) => vote(paths, false)).answer);
    for (const v of verifiers) record(`bon-${v}@${n}`, selectUncontradicted((scored[v] ?? []).slice(0, n), selectBestOfN).answer);
    if (scored.tvm) record(`wvote-tvm@${n}`, selectUncontradicted(scored.tvm.slice(0, n), (paths) => vote(paths, true)).answer);
  }

  for (const v of verifiers) {
    for (const k of budgets) {
      const trace = await timed(`beam-${v}@${k}`, () => stepBeamSearch(question, searchModels(models, v), { k, b: Math.min(width, k), seed, temperature, exact, greedyCandidate }));
      record(`beam-${v}@${k}`, trace.answer);
      if (exact) falseLinesShown += trace.chosen.filter((step) => isContradicted(step.exact)).length;
    }
  }
  return { question, reference, correct, seconds };
}

main().catch((error: unknown) => {
  process.stderr.write(`${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
  process.exitCode = 1;
});
