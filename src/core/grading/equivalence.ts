// Whether two stated answers mean the same value: exact for rationals, by tolerance for other
// numbers, by evaluation at random points for expressions (x^2 + 5x + 6 vs 6 + 5x + x^2), and by
// normalised text otherwise ("Tuesday" vs "tuesday").
import { floatMath, parseAnswer, type ParsedAnswer } from './normalize.js';
import { createRandom } from '../runtime/sampler.js';

const RELATIVE_TOLERANCE = 1e-9;
const EXPRESSION_TOLERANCE = 1e-7;
const EVALUATION_POINTS = 8;
const MIN_VALID_POINTS = 3;

// Answers repeat a lot in voting and benchmarks; parsing is the costly part.
const cache = new Map<string, ParsedAnswer>();
const CACHE_LIMIT = 10_000;

export function parseCached(raw: string): ParsedAnswer {
  let parsed = cache.get(raw);
  if (!parsed) {
    parsed = parseAnswer(raw);
    if (cache.size >= CACHE_LIMIT) cache.clear();
    cache.set(raw, parsed);
  }
  return parsed;
}

export function answersEquivalent(a: string | null, b: string | null): boolean {
  if (a === null || b === null) return false;
  return parsedEquivalent(parseCached(a), parseCached(b));
}

export function parsedEquivalent(a: ParsedAnswer, b: ParsedAnswer): boolean {
  if (a.kind === 'number' && b.kind === 'number') return numbersEqual(a, b);
  if (a.kind === 'expression' && b.kind === 'expression') return expressionsEqual(a, b);
  if (a.kind === 'text' && b.kind === 'text') return a.text === b.text;
  return false;
}

function numbersEqual(a: Extract<ParsedAnswer, { kind: 'number' }>, b: Extract<ParsedAnswer, { kind: 'number' }>): boolean {
  if (sameNumber(a, b, 1)) return true;
  // "50%" against "0.5": the percent side also counts as a fraction of one.
  if (a.percent !== b.percent) return a.percent ? sameNumber(a, b, 100) : sameNumber(b, a, 100);
  return false;
}

/** a / divisor == b, exactly when both are exact. */
function sameNumber(
  a: Extract<ParsedAnswer, { kind: 'number' }>,
  b: Extract<ParsedAnswer, { kind: 'number' }>,
  divisor: number,
): boolean {
  if (a.exact && b.exact) return a.exact.div(divisor).equals(b.exact);
  return closeTo(a.value / divisor, b.value, RELATIVE_TOLERANCE);
}

function closeTo(x: number, y: number, tolerance: number): boolean {
  return Math.abs(x - y) <= tolerance * Math.max(1, Math.abs(x), Math.abs(y));
}

function expressionsEqual(
  a: Extract<ParsedAnswer, { kind: 'expression' }>,
  b: Extract<ParsedAnswer, { kind: 'expression' }>,
): boolean {
  if (a.variables.join(',') !== b.variables.join(',')) return false;
  const left = a.node.compile();
  const right = b.node.compile();
  // Fixed pseudo-random points: the same pair of answers always gets the same verdict.
  const random = createRandom(0x5eed);
  let valid = 0;
  for (let point = 0; point < EVALUATION_POINTS; point++) {
    const scope: Record<string, number> = {};
    for (const name of a.variables) scope[name] = 0.3 + random() * 2.4 * (random() < 0.5 ? -1 : 1);
    const x = complexParts(safeEvaluate(left, scope));
    const y = complexParts(safeEvaluate(right, scope));
    if (!x || !y) continue;
    if (!closeTo(x[0], y[0], EXPRESSION_TOLERANCE) || !closeTo(x[1], y[1], EXPRESSION_TOLERANCE)) return false;
    valid++;
  }
  return valid >= MIN_VALID_POINTS;
}

function safeEvaluate(code: { evaluate(scope: Record<string, number>): unknown }, scope: Record<string, number>): unknown {
  try {
    return code.evaluate(scope);
  } catch {
    return null;
  }
}

/** [re, im] of a finite real or complex result; null for anything else (division by zero, units). */
function complexParts(value: unknown): [number, number] | null {
  if (typeof value === 'number') return Number.isFinite(value) ? [value, 0] : null;
  if (floatMath.typeOf(value) === 'Complex') {
    const { re, im } = value as { re: number; im: number };
    return Number.isFinite(re) && Number.isFinite(im) ? [re, im] : null;
  }
  return null;
}
