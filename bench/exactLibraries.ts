// Library choice for the exact-math module (issue "Exact math beside the TVM"), by measurement:
// @cortex-js/compute-engine (reading LaTeX itself, its parse evaluated over exact rationals by
// src/core/exact/evaluate.ts) against mathjs with
// exact Fractions (reading LaTeX through the hand-written latexToMathjs used for answers, plus the
// same plain-notation replacements). Both judge closed arithmetic equalities only: the reference
// solutions' step lines (all correct) and the hand-written student lines of bench/data.
//
//   npm run bench:exact-libraries -- [--out bench/results]
import { mkdirSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { parseSide, valueOf, warmUp } from '../src/core/exact/expression.js';
import { splitSides, toLatex } from '../src/core/exact/notation.js';
import { equal, type Rational } from '../src/core/exact/rational.js';
import { latexToMathjs } from '../src/core/grading/latex.js';
import { exactMath } from '../src/core/grading/normalize.js';

type Verdict = 'true' | 'false' | 'undecided' | 'unparsed';
interface Line {
  line: string;
  expected: 'true' | 'false';
}

const { values } = parseArgs({ options: { out: { type: 'string', default: 'bench/results' } } });

/** Closed arithmetic: an equality with no letters once LaTeX commands and "of"/"percent" are gone. */
const isClosedArithmetic = (line: string): boolean => line.includes('=') && !/[A-Za-z]/.test(line.replace(/\\[A-Za-z]+/g, '').replace(/\b(?:of|percent)\b/g, ''));

function cortex(line: string): Verdict {
  const notation = toLatex(line);
  if (!notation.ok) return 'unparsed';
  const sides = splitSides(notation.latex).map(parseSide);
  if (sides.length < 2 || sides.some((s) => s === null)) return 'unparsed';
  const values = sides.map((s) => valueOf(s!));
  if (values.some((v) => v === null)) return 'undecided';
  return values.every((v) => equal(v as Rational, values[0] as Rational)) ? 'true' : 'false';
}

/** The plain notations, rewritten for mathjs as the exact module rewrites them for the engine. */
function toMathjs(side: string): string {
  const plain = side
    .replace(/\$/g, '')
    .replace(/[−–]/g, '-')
    .replace(/[×·]/g, '*')
    .replace(/÷/g, '/')
    .replace(/(\d+(?:\.\d+)?)\s*(?:\\?%)\s+of\s+/g, '($1/100) * ')
    .replace(/(\d+(?:\.\d+)?)\s*\\?%/g, '($1/100)')
    .replace(/(\d),(?=\d{3}(?!\d))/g, '$1')
    .replace(/(^|[^\d.])(\d+)\s+(\d+)\s*\/\s*(\d+)(?![\d.])/g, '$1($2 + $3/$4)')
    .replace(/(?<![\d./^])(\d+)\/(\d+)(?![\d./^])/g, '($1/$2)')
    .replace(/(?<![\d.])(\d+)\s*\\[dt]?frac\s*\{(\d+)\}\s*\{(\d+)\}/g, '($1 + $2/$3)')
    .trim();
  return latexToMathjs(plain);
}

function mathjs(line: string): Verdict {
  const sides = line.split('=');
  let parsed: unknown[];
  try {
    parsed = sides.map((s) => exactMath.evaluate(toMathjs(s)) as unknown);
  } catch {
    return 'unparsed';
  }
  if (parsed.some((v) => exactMath.typeOf(v) !== 'Fraction')) return 'undecided';
  return parsed.every((v) => exactMath.equal(v as never, parsed[0] as never)) ? 'true' : 'false';
}

function referenceLines(): Line[] {
  const dir = 'models/default/splits';
  return readdirSync(dir)
    .filter((f) => f.endsWith('.jsonl'))
    .flatMap((f) => readFileSync(join(dir, f), 'utf8').split('\n').filter((l) => l.trim() !== ''))
    .flatMap((l) => (JSON.parse(l) as { solution: string }).solution.split('\n'))
    .filter(isClosedArithmetic)
    .map((line) => ({ line, expected: 'true' as const }));
}

const studentLines = (JSON.parse(readFileSync('bench/data/student-lines.json', 'utf8')) as Array<{ line: string; expected: string }>).filter(
  (l): l is Line => (l.expected === 'true' || l.expected === 'false') && isClosedArithmetic(l.line),
);

const percentile = (sorted: number[], p: number): number => sorted[Math.min(sorted.length - 1, Math.floor(p * sorted.length))] ?? NaN;

interface Row {
  library: string;
  set: string;
  lines: number;
  parsed: number;
  right: number;
  wrong: number;
  undecided: number;
  p50: number;
  p95: number;
  misses: string[];
}

function measure(library: string, judge: (line: string) => Verdict, set: string, lines: Line[]): Row {
  const times: number[] = [];
  const row: Row = { library, set, lines: lines.length, parsed: 0, right: 0, wrong: 0, undecided: 0, p50: 0, p95: 0, misses: [] };
  for (const { line, expected } of lines) {
    const started = performance.now();
    const verdict = judge(line);
    times.push(performance.now() - started);
    if (verdict !== 'unparsed') row.parsed++;
    if (verdict === expected) row.right++;
    else if (verdict === 'true' || verdict === 'false') {
      row.wrong++;
      row.misses.push(`${line} → ${verdict}`);
    } else {
      row.undecided++;
      row.misses.push(`${line} → ${verdict}`);
    }
  }
  times.sort((a, b) => a - b);
  row.p50 = percentile(times, 0.5);
  row.p95 = percentile(times, 0.95);
  return row;
}

warmUp();
mathjs('1 + 1 = 2');
const sets: Array<[string, Line[]]> = [
  ['reference steps', referenceLines()],
  ['student lines', studentLines],
];
const rows = sets.flatMap(([set, lines]) => [measure('compute-engine 0.27.0 + exact rationals', cortex, set, lines), measure('mathjs (Fraction)', mathjs, set, lines)]);

const table = [
  '| library | lines | parsed | verdict right | verdict wrong | undecided / unparsed | p50 ms | p95 ms |',
  '|---|---|---|---|---|---|---|---|',
  ...rows.map((r) => `| ${r.library} — ${r.set} | ${r.lines} | ${r.parsed} | ${r.right} | ${r.wrong} | ${r.undecided} | ${r.p50.toFixed(2)} | ${r.p95.toFixed(2)} |`),
].join('\n');
const misses = rows
  .filter((r) => r.misses.length > 0)
  .map((r) => `**${r.library} — ${r.set}** (${r.misses.length}):\n\n${r.misses.slice(0, 25).map((m) => `- \`${m}\``).join('\n')}`)
  .join('\n\n');
console.log(table);
console.log(misses);
mkdirSync(values.out as string, { recursive: true });
const file = join(values.out as string, 'exact-libraries.md');
const previous = (() => {
  try {
    return readFileSync(file, 'utf8');
  } catch {
    return '';
  }
})();
// Keep the hand-written "why" section of an earlier run.
const why = /\n## Why[\s\S]*$/.exec(previous)?.[0] ?? '\n## Why\n\n(to be written from the numbers above)\n';
writeFileSync(file, `# Exact math: compute-engine vs mathjs\n\nMeasured by \`npm run bench:exact-libraries\` on ${new Date().toISOString().slice(0, 10)} (Node ${process.version}). Closed arithmetic equalities only.\n\n${table}\n\n## Lines not judged as expected\n\n${misses}\n${why}`);
console.log(`wrote ${file}`);
