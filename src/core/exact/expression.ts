// The compute engine (@cortex-js/compute-engine) behind one small surface: parse one side of a
// step, list its variables, and evaluate it exactly, with or without values for the variables.
// The engine reads the LaTeX; the value is computed by evaluate.ts from the parse as written
// (the engine's own evaluation is floating point for rational powers in the releases that run on
// Node 20). Parsed sides are memoised: a search judges the same prefix lines again for every candidate.
import { ComputeEngine } from '@cortex-js/compute-engine';
import { degreeBound, evaluateExactly, variablesOf, type MathJson } from './evaluate.js';
import { digitCount, type Rational } from './rational.js';

/** Results with more digits than this are "too large to check" rather than printed. */
export const MAX_RESULT_DIGITS = 60;
/** Highest degree a side is expanded to for the "expected" polynomial (a school exercise's, with room). */
const MAX_EXPANDED_DEGREE = 12;

export interface Side {
  readonly latex: string;
  /** The engine's parse of the side as written (not simplified: the engine folds "d0s6", d·0·s·6, to 0). */
  readonly json: MathJson;
  /** Free variables, sorted. */
  readonly variables: readonly string[];
}

let engine: ComputeEngine | undefined;
const engineInstance = (): ComputeEngine => (engine ??= new ComputeEngine());

const memo = new Map<string, Side | null>();
const MEMO_SIZE = 4096;

/** The parsed side, or null when the engine reports a parse error or the side is not arithmetic or algebra. */
export function parseSide(latex: string): Side | null {
  const cached = memo.get(latex);
  if (cached !== undefined) return cached;
  const side = functionNotation(latex) ? null : parsed(latex);
  if (memo.size >= MEMO_SIZE) memo.delete(memo.keys().next().value as string);
  memo.set(latex, side);
  return side;
}

function parsed(latex: string): Side | null {
  try {
    const json = engineInstance().parse(explicitMixedNumbers(exactDecimals(latex)), { canonical: false }).json;
    const variables = variablesOf(json);
    // Every letter written must survive as a variable.
    const letters = new Set(latex.replace(/\\[A-Za-z]+/g, '').match(/[A-Za-z]/g) ?? []);
    return variables && [...letters].every((l) => variables.includes(l)) ? { latex, json, variables } : null;
  } catch {
    return null;
  }
}

/**
 * Whether the side applies a function (`f(2)`, `g(x)`): a letter right before a bracket is read as
 * a product (`x(x+1)`) only when the side also uses that letter as a variable elsewhere.
 */
function functionNotation(latex: string): boolean {
  const letters = latex.replace(/\\[A-Za-z]+/g, ' ');
  return [...letters.matchAll(/(?<![A-Za-z])([A-Za-z])\s*\(/g)].some(([, letter]) => letters.split(letter as string).length === 2);
}

/**
 * Exact value of a side, with rational values substituted for its variables; null when it is
 * not a rational number (division by zero, a variable left over, too many digits).
 */
export function valueOf(side: Side, assignment?: ReadonlyMap<string, Rational>): Rational | null {
  const value = evaluateExactly(side.json, (name) => assignment?.get(name));
  return value && digitCount(value) <= MAX_RESULT_DIGITS ? value : null;
}

/** The side expanded (products and powers multiplied out), as LaTeX; null when it is no polynomial of low degree or the engine fails. */
export function expandedLatex(side: Side): string | null {
  const degree = degreeBound(side.json);
  if (degree === null || degree > MAX_EXPANDED_DEGREE) return null;
  try {
    const ce = engineInstance();
    return ce.box(['Expand', side.json] as Parameters<ComputeEngine['box']>[0]).evaluate().latex;
  } catch {
    return null;
  }
}

/**
 * Decimal literals as exact fractions (`2.5` → `(\frac{25}{10})`): the engine treats decimals as
 * inexact and rounds `0.1 + 1/3` to 21 digits, which would make true lines false.
 */
export function exactDecimals(latex: string): string {
  return latex.replace(/(?<![\d.])(\d*)\.(\d+)(?![\d.])/g, (_match, whole: string, fraction: string) => {
    const num = `${whole}${fraction}`.replace(/^0+(?=\d)/, '');
    return `(\\frac{${num}}{1${'0'.repeat(fraction.length)}})`;
  });
}

/**
 * Mixed numbers as sums (`2\frac{1}{3}` → `(2+\frac{1}{3})`): the engine reads a mixed number
 * only when it stands alone, and parses `2\frac{1}{3} \times 3` as 2 · (⅓ · 3).
 */
export function explicitMixedNumbers(latex: string): string {
  return latex.replace(/(?<![\w.}^])(\d+)\s*\\frac\s*\{\s*(\d+)\s*\}\s*\{\s*(\d+)\s*\}/g, '($1+\\frac{$2}{$3})');
}

/** Loads the engine's tables once, so the first check a user runs is not the slow one. */
export function warmUp(): void {
  parseSide('12 \\times 3 + \\frac{1}{2} = 2x');
}
