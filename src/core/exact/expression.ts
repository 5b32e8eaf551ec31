// The compute engine (@cortex-js/compute-engine) behind one small surface: parse one side of a
// step, list its variables, and evaluate it exactly, with or without values for the variables.
// Parsed sides are memoised: a search judges the same prefix lines again for every candidate.
import { ComputeEngine, type BoxedExpression } from '@cortex-js/compute-engine';
import { digitCount, fromDecimal, rational, type Rational } from './rational.js';

/** Results with more digits than this are "too large to check" rather than printed. */
export const MAX_RESULT_DIGITS = 60;
/** Wall-clock budget of one evaluation; past it the engine cancels and the value is unknown. */
export const EVALUATION_TIME_LIMIT_MS = 50;

export interface Side {
  readonly latex: string;
  readonly expression: BoxedExpression;
  /** Free variables, sorted. */
  readonly variables: readonly string[];
  /** Divides by zero somewhere: the engine folds 5 ÷ (1 ÷ 0) to 0, so this is read before it does. */
  readonly dividesByZero?: boolean;
}

let engine: ComputeEngine | undefined;
const engineInstance = (): ComputeEngine => (engine ??= new ComputeEngine());

const memo = new Map<string, Side | null>();
const MEMO_SIZE = 4096;

/** The parsed side, or null when the engine reports a parse error. */
export function parseSide(latex: string): Side | null {
  const cached = memo.get(latex);
  if (cached !== undefined) return cached;
  let side: Side | null = null;
  try {
    const expression = engineInstance().parse(exactDecimals(latex));
    const variables = [...expression.unknowns].sort();
    // Every letter written must survive as a variable: the engine folds "d0s6" (d·0·s·6) to 0.
    const letters = new Set(latex.replace(/\\[A-Za-z]+/g, '').match(/[A-Za-z]/g) ?? []);
    if (expression.isValid && !JSON.stringify(expression.json).includes('"Error"') && [...letters].every((l) => variables.includes(l))) {
      const raw = engineInstance().parse(exactDecimals(latex), { form: 'raw' }).json;
      side = { latex, expression, variables, dividesByZero: dividesByZero(raw) };
    }
  } catch {
    side = null;
  }
  if (memo.size >= MEMO_SIZE) memo.delete(memo.keys().next().value as string);
  memo.set(latex, side);
  return side;
}

/**
 * Exact value of a side, with rational values substituted for its variables; null when it is
 * not a rational number (division by zero, a root, a variable left over, too many digits).
 */
export function valueOf(side: Side, assignment?: ReadonlyMap<string, Rational>): Rational | null {
  if (side.dividesByZero) return null;
  try {
    let expression = side.expression;
    if (assignment && side.variables.length > 0) {
      const ce = engineInstance();
      const values: Record<string, BoxedExpression> = {};
      for (const name of side.variables) {
        const value = assignment.get(name);
        if (!value) return null;
        values[name] = ce.box(['Rational', { num: value.num.toString() }, { num: value.den.toString() }]);
      }
      expression = expression.subs(values);
    }
    const evaluated = expression;
    const value = toRational(engineInstance().withTimeLimit(EVALUATION_TIME_LIMIT_MS, () => evaluated.evaluate()).json);
    return value && digitCount(value) <= MAX_RESULT_DIGITS ? value : null;
  } catch {
    return null;
  }
}

/** The side expanded (products and powers multiplied out), as LaTeX; null when the engine fails. */
export function expandedLatex(side: Side): string | null {
  try {
    const ce = engineInstance();
    return ce.withTimeLimit(EVALUATION_TIME_LIMIT_MS, () => ce.box(['Expand', side.expression.json]).evaluate()).latex;
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

type Json = unknown;

/** Whether a denominator (or the base of a negative power) of the unsimplified expression is zero or not a number. */
function dividesByZero(json: Json): boolean {
  if (!Array.isArray(json)) return false;
  const [head, ...args] = json as [unknown, ...unknown[]];
  const zeroOrUndefined = (arg: unknown): boolean => {
    const boxed = engineInstance().box(arg as Parameters<ComputeEngine['box']>[0]);
    if (boxed.unknowns.length > 0) return false;
    const value = toRational(boxed.evaluate().json);
    return value === null || value.num === 0n;
  };
  if ((head === 'Divide' || head === 'Rational') && args.length === 2 && zeroOrUndefined(args[1])) return true;
  if (head === 'Power' && args.length === 2 && typeof args[1] === 'number' && args[1] < 0 && zeroOrUndefined(args[0])) return true;
  return args.some(dividesByZero);
}

function toRational(json: Json): Rational | null {
  if (typeof json === 'number') return Number.isFinite(json) ? fromDecimal(String(json)) : null;
  if (json && typeof json === 'object' && !Array.isArray(json) && typeof (json as { num?: unknown }).num === 'string') {
    return fromDecimal((json as { num: string }).num);
  }
  if (Array.isArray(json)) {
    const [head, ...args] = json as [unknown, ...unknown[]];
    if (head === 'Rational' && args.length === 2) {
      const [n, d] = args.map(toRational);
      if (!n || !d || d.num === 0n) return null;
      return rational(n.num * d.den, n.den * d.num);
    }
    if (head === 'Negate' && args.length === 1) {
      const v = toRational(args[0]);
      return v && rational(-v.num, v.den);
    }
  }
  return null;
}

/** Loads the engine's tables once, so the first check a user runs is not the slow one. */
export function warmUp(): void {
  parseSide('12 \\times 3 + \\frac{1}{2} = 2x');
}
