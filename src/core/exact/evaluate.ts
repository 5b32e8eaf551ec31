// Exact evaluation of a side as the compute engine parsed it (raw MathJSON, the structure the
// student wrote), over bigint rationals. The engine releases that run on Node 20 (0.27.0 and
// older) evaluate rational powers and long integers in floating point — (−17/13)⁹ ÷ (−17/13)⁶ came
// back as −8943766086978251/3999481801972566 and 99³⁰ rounded to 20 digits — and cannot be
// interrupted mid-evaluation. Here every operation is exact, and the size of each power is checked
// before it is computed, so the work per line is bounded without a clock and a verdict never
// depends on how loaded the machine is.
import { add, digitCount, div, fromDecimal, isZero, mul, rational, sub, type Rational } from './rational.js';

/** The engine's MathJSON: a number, a symbol, a `{ num }` literal or `[head, ...arguments]`. */
export type MathJson = unknown;

/**
 * Most digits (numerator or denominator) of any intermediate value. Far above any school step
 * (results are shown up to 60 digits) and cheap for bigint arithmetic, while `{99^{200}}^{200}`
 * (80 000 digits) is refused before it is computed.
 */
export const MAX_INTERMEDIATE_DIGITS = 1000;

/** The heads a side of arithmetic or algebra parses to; any other head makes the side unreadable. */
const HEADS = new Set(['Add', 'Subtract', 'Negate', 'Multiply', 'InvisibleOperator', 'Divide', 'Rational', 'Power', 'Delimiter']);

/** A single letter: the only symbols a step may use (notation.ts refuses e, i and words). */
const VARIABLE = /^[A-Za-z]$/;

/** The variables of a side, sorted; null when the parse has a head or symbol the evaluator does not know (errors included). */
export function variablesOf(json: MathJson): string[] | null {
  const found = new Set<string>();
  const visit = (node: MathJson): boolean => {
    if (typeof node === 'number') return true;
    if (typeof node === 'string') {
      if (!VARIABLE.test(node)) return false;
      found.add(node);
      return true;
    }
    if (isNumberObject(node)) return true;
    if (!Array.isArray(node) || !HEADS.has(node[0] as string)) return false;
    const args = node.slice(1);
    // "(1, 5)" parses as a Delimiter of a Sequence with its separator as a second argument.
    if (node[0] === 'Delimiter' && args.length !== 1) return false;
    return args.length > 0 && args.every(visit);
  };
  return visit(json) ? [...found].sort() : null;
}

/**
 * The exact value, with `variableValue(name)` for each variable; null when it is not a rational number
 * (division by zero, 0⁰, a non-integer exponent, a variable without a value) or grows past
 * MAX_INTERMEDIATE_DIGITS.
 */
export function evaluateExactly(json: MathJson, variableValue: (name: string) => Rational | undefined): Rational | null {
  const evaluate = (node: MathJson): Rational | null => {
    if (typeof node === 'number') return Number.isSafeInteger(node) ? rational(BigInt(node)) : Number.isFinite(node) ? fromDecimal(String(node)) : null;
    if (typeof node === 'string') return variableValue(node) ?? null;
    if (isNumberObject(node)) return fromDecimal(node.num);
    if (!Array.isArray(node)) return null;
    const [head, ...args] = node as [unknown, ...MathJson[]];
    const values: Rational[] = [];
    for (const arg of args) {
      const value = evaluate(arg);
      if (!value) return null;
      values.push(value);
    }
    const result = apply(head, values);
    return result && digitCount(result) <= MAX_INTERMEDIATE_DIGITS ? result : null;
  };
  return evaluate(json);
}

function apply(head: unknown, values: readonly Rational[]): Rational | null {
  const [first, second] = values;
  if (!first) return null;
  switch (head) {
    case 'Add':
      return values.reduce(add);
    case 'Multiply':
    case 'InvisibleOperator':
      return values.reduce(mul);
    case 'Negate':
    case 'Delimiter':
      if (values.length !== 1) return null;
      return head === 'Negate' ? rational(-first.num, first.den) : first;
    case 'Subtract':
      return values.length === 2 && second ? sub(first, second) : null;
    case 'Divide':
    case 'Rational':
      return values.length === 2 && second && !isZero(second) ? div(first, second) : null;
    case 'Power':
      return values.length === 2 && second ? power(first, second) : null;
    default:
      return null;
  }
}

/** base^exponent for an integer exponent, refused before computing when the result would be too long. */
function power(base: Rational, exponent: Rational): Rational | null {
  if (exponent.den !== 1n) return null;
  const magnitude = exponent.num < 0n ? -exponent.num : exponent.num;
  if (isZero(base)) return exponent.num > 0n ? base : null;
  // digits(base) × |exponent| bounds the digits of the result.
  if (BigInt(digitCount(base)) * magnitude > BigInt(MAX_INTERMEDIATE_DIGITS)) return null;
  const raised = rational(base.num ** magnitude, base.den ** magnitude);
  return exponent.num < 0n ? div(rational(1n), raised) : raised;
}

/**
 * The highest total degree the side can have as a polynomial (an upper bound), or null when it is
 * not one (a variable in a denominator or an exponent). Bounds the engine's symbolic expansion.
 */
export function degreeBound(json: MathJson): number | null {
  if (typeof json === 'number' || isNumberObject(json)) return 0;
  if (typeof json === 'string') return 1;
  if (!Array.isArray(json)) return null;
  const [head, ...args] = json as [unknown, ...MathJson[]];
  const degrees = args.map(degreeBound);
  if (degrees.some((d) => d === null)) return null;
  const [base = 0, exponent = 0] = degrees as number[];
  switch (head) {
    case 'Multiply':
    case 'InvisibleOperator':
      return (degrees as number[]).reduce((a, b) => a + b, 0);
    case 'Divide':
    case 'Rational':
      return exponent === 0 ? base : null;
    case 'Power': {
      const exponentValue = exponent === 0 ? evaluateExactly(args[1], () => undefined) : null;
      return exponentValue && exponentValue.den === 1n && exponentValue.num >= 0n ? base * Number(exponentValue.num) : null;
    }
    default:
      return Math.max(0, ...(degrees as number[]));
  }
}

function isNumberObject(node: MathJson): node is { num: string } {
  return typeof node === 'object' && node !== null && !Array.isArray(node) && typeof (node as { num?: unknown }).num === 'string';
}
