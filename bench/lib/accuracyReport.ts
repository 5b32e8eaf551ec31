// Renders accuracy benchmark results: a markdown table per problem set (accuracy per strategy and
// budget, with McNemar p-values of beam+TVM against each row) and an SVG chart per set.
import type { VerifierName } from '../../src/core/search/index.js';
import { lineChart, type Series } from './svg.js';
import { discordant, mcnemarExact } from './stats.js';

export interface ProblemOutcome {
  question: string;
  reference: string;
  /** "<strategy>@<budget>" → correct. */
  correct: Record<string, boolean>;
  /** Wall time per phase: "greedy", "pool", "score-<v>", "beam-<v>@<K>". */
  seconds: Record<string, number>;
}

export interface SetReport {
  name: string;
  outcomes: ProblemOutcome[];
}

export interface RunInfo {
  bundle: string;
  device: string;
  date: string;
  seed: number;
  b: number;
  temperature: number;
}

const REFERENCE = 'beam-tvm';

export function strategyRows(verifiers: readonly VerifierName[]): Array<{ key: string; label: string }> {
  const upper = (v: string) => v.toUpperCase();
  return [
    { key: 'greedy', label: 'greedy (budget 1)' },
    { key: 'vote', label: 'majority vote' },
    ...verifiers.map((v) => ({ key: `bon-${v}`, label: `best-of-N, ${upper(v)}` })),
    ...(verifiers.includes('tvm') ? [{ key: 'wvote-tvm', label: 'weighted vote, TVM' }] : []),
    ...verifiers.map((v) => ({ key: `beam-${v}`, label: `beam search, ${upper(v)}` })),
    { key: 'pass', label: 'pass@N: any of the N paths right (the ceiling of choosing among them)' },
  ];
}

function outcomes(set: SetReport, key: string, budget: number): boolean[] {
  return set.outcomes.map((o) => o.correct[`${key}@${budget}`] ?? false);
}

const pct = (x: number) => `${(x * 100).toFixed(1)}%`;
const accuracyOf = (xs: boolean[]) => (xs.length === 0 ? 0 : xs.filter(Boolean).length / xs.length);
const formatP = (p: number) => (p < 0.001 ? 'p<0.001' : `p=${p.toFixed(3)}`);

export function renderAccuracy(
  sets: readonly SetReport[],
  budgets: readonly number[],
  verifiers: readonly VerifierName[],
  run: RunInfo,
): { markdown: string; charts: Record<string, string> } {
  // A strategy that did not run (bench:accuracy --greedy-only) gets no row rather than 0 %.
  const ran = (key: string) => sets.some((set) => set.outcomes.some((o) => budgets.some((b) => `${key}@${b}` in o.correct)));
  const rows = strategyRows(verifiers).filter((row) => ran(row.key));
  const lines = [
    '# Accuracy at equal sampled-candidate budgets',
    '',
    `Bundle \`${run.bundle}\` on ${run.device}, ${run.date}; seed ${run.seed}, temperature ${run.temperature}, beam width b=${run.b}.`,
    'Budget = complete paths sampled (majority vote, best-of-N, weighted vote) or candidate steps per',
    'beam-search step (K). Vote and best-of-N use the first N paths of one pool per problem.',
    `Each cell: accuracy, and in brackets the two-sided exact McNemar p-value of ${REFERENCE} against`,
    'that row at the same budget (paired over problems). Produced by `npm run bench:accuracy`.',
  ];
  const charts: Record<string, string> = {};
  for (const set of sets) {
    const n = set.outcomes.length;
    lines.push('', `## ${set.name} (n = ${n})`, '', `| strategy | ${budgets.map((b) => `N=K=${b}`).join(' | ')} |`, `|---|${budgets.map(() => '---:').join('|')}|`);
    for (const row of rows) {
      const cells = budgets.map((budget) => {
        const mine = outcomes(set, row.key, budget);
        const accuracy = pct(accuracyOf(mine));
        if (row.key === REFERENCE) return `**${accuracy}**`;
        // No reference to test against; pass@N is a ceiling, not a strategy to compare with.
        if (!verifiers.includes('tvm') || row.key === 'pass') return accuracy;
        const { onlyA, onlyB } = discordant(outcomes(set, REFERENCE, budget), mine);
        return `${accuracy} (${formatP(mcnemarExact(onlyA, onlyB))})`;
      });
      lines.push(`| ${row.label} | ${cells.join(' | ')} |`);
    }
    lines.push('', 'Mean seconds per problem:', '', `| phase | ${budgets.map((b) => `K=${b}`).join(' | ')} |`, `|---|${budgets.map(() => '---:').join('|')}|`);
    const mean = (key: string) => set.outcomes.reduce((s, o) => s + (o.seconds[key] ?? 0), 0) / Math.max(1, n);
    for (const v of verifiers) lines.push(`| beam search, ${v.toUpperCase()} | ${budgets.map((b) => mean(`beam-${v}@${b}`).toFixed(2)).join(' | ')} |`);
    lines.push(
      '',
      `Greedy ${mean('greedy').toFixed(2)} s; pool of ${Math.max(...budgets)} complete paths ${mean('pool').toFixed(2)} s; ` +
        `scoring the pool: ${verifiers.map((v) => `${v.toUpperCase()} ${mean(`score-${v}`).toFixed(2)} s`).join(', ')}.`,
    );
    lines.push('', `![accuracy vs budget, ${set.name}](accuracy-${set.name}.svg)`);
    const series: Series[] = rows.map((row) => ({
      name: row.label,
      values: budgets.map((budget) => accuracyOf(outcomes(set, row.key, budget))),
      emphasis: row.key === REFERENCE,
    }));
    charts[set.name] = lineChart(`${set.name}: accuracy vs budget (n = ${n})`, 'sampled-candidate budget N = K', budgets.map(String), series);
  }
  return { markdown: `${lines.join('\n')}\n`, charts };
}
