// Equations as polynomials, found by exact evaluation at sample points rather than by symbolic
// manipulation: a one-variable side is read as a·v² + b·v + c from v = 0, 1, 2 and confirmed at
// two more points; a two-variable side as a·x + b·y + c, confirmed the same way. Anything that
// is not such a polynomial (higher degree, a variable in a denominator) gives null: unknown.
import { valueOf, type Side } from './expression.js';
import { add, div, equal, isZero, mul, rational, sign, sub, ZERO, type Rational } from './rational.js';

/** left − right of an equation, as a function of its variables. */
export interface Difference {
  readonly variables: readonly string[];
  at(assignment: ReadonlyMap<string, Rational>): Rational | null;
}

export function difference(left: Side, right: Side): Difference {
  const variables = [...new Set([...left.variables, ...right.variables])].sort();
  return {
    variables,
    at(assignment) {
      const l = valueOf(left, assignment);
      const r = valueOf(right, assignment);
      return l && r ? sub(l, r) : null;
    },
  };
}

const r = (n: number, d = 1): Rational => rational(BigInt(n), BigInt(d));
/** Points where a nonzero polynomial of low degree in 1–3 variables practically never vanishes. */
const GENERIC = [r(7, 3), r(-11, 5), r(13, 7), r(5, 11), r(-17, 13)];

/** Whether left − right is zero for every value of the variables (checked at generic points). */
export function isIdentity(d: Difference): boolean | null {
  for (let p = 0; p < GENERIC.length; p++) {
    const assignment = new Map(d.variables.map((name, i) => [name, GENERIC[(p + 2 * i) % GENERIC.length] as Rational]));
    const value = d.at(assignment);
    if (!value) return null;
    if (!isZero(value)) return false;
  }
  return true;
}

/** [a, b, c] of a·v² + b·v + c, or null when the difference is not such a polynomial in one variable. */
export function quadraticCoefficients(d: Difference): [Rational, Rational, Rational] | null {
  const [name] = d.variables;
  if (d.variables.length !== 1 || name === undefined) return null;
  const at = (v: Rational): Rational | null => d.at(new Map([[name, v]]));
  const [p0, p1, p2] = [at(r(0)), at(r(1)), at(r(2))];
  if (!p0 || !p1 || !p2) return null;
  const c = p0;
  // p1 = a + b + c, p2 = 4a + 2b + c.
  const a = div(add(sub(p2, mul(r(2), p1)), c), r(2));
  const b = sub(sub(p1, a), c);
  const poly = (v: Rational): Rational => add(add(mul(a, mul(v, v)), mul(b, v)), c);
  for (const v of [r(3), r(-5, 2)]) {
    const actual = at(v);
    if (!actual || !equal(actual, poly(v))) return null;
  }
  return [a, b, c];
}

/** [a, b, c] of a·x + b·y + c over the sorted variables [x, y], or null when not linear in two variables. */
export function linearCoefficients(d: Difference): [Rational, Rational, Rational] | null {
  const [x, y] = d.variables;
  if (d.variables.length !== 2 || x === undefined || y === undefined) return null;
  const at = (vx: Rational, vy: Rational): Rational | null =>
    d.at(
      new Map([
        [x, vx],
        [y, vy],
      ]),
    );
  const c = at(r(0), r(0));
  const px = at(r(1), r(0));
  const py = at(r(0), r(1));
  if (!c || !px || !py) return null;
  const a = sub(px, c);
  const b = sub(py, c);
  for (const [vx, vy] of [[r(2), r(3)], [r(-3), r(1)], [r(1), r(1)]] as const) {
    const actual = at(vx, vy);
    if (!actual || !equal(actual, add(add(mul(a, vx), mul(b, vy)), c))) return null;
  }
  return [a, b, c];
}

/** Real solutions of a·v² + b·v + c = 0. */
export type SolutionSet =
  | { kind: 'all' }
  | { kind: 'finite'; roots: Rational[] }
  /** Two irrational roots: v² + p·v + q = 0 with the monic coefficients kept exactly. */
  | { kind: 'irrational'; p: Rational; q: Rational };

export function solutionSet([a, b, c]: readonly [Rational, Rational, Rational]): SolutionSet {
  if (isZero(a)) {
    if (isZero(b)) return isZero(c) ? { kind: 'all' } : { kind: 'finite', roots: [] };
    return { kind: 'finite', roots: [div(rational(-c.num, c.den), b)] };
  }
  const disc = sub(mul(b, b), mul(r(4), mul(a, c)));
  if (sign(disc) < 0) return { kind: 'finite', roots: [] };
  const root = rationalSqrt(disc);
  const twoA = mul(r(2), a);
  const minusB = sub(ZERO, b);
  if (!root) return { kind: 'irrational', p: div(b, a), q: div(c, a) };
  const roots = [div(sub(minusB, root), twoA), div(add(minusB, root), twoA)];
  return { kind: 'finite', roots: equal(roots[0] as Rational, roots[1] as Rational) ? [roots[0] as Rational] : roots };
}

function integerSqrt(n: bigint): bigint | null {
  if (n < 0n) return null;
  if (n < 2n) return n;
  // Newton's method from above: decreases monotonically to floor(sqrt(n)).
  let x = n;
  let y = (x + 1n) >> 1n;
  while (y < x) {
    x = y;
    y = (x + n / x) >> 1n;
  }
  return x * x === n ? x : null;
}

function rationalSqrt(v: Rational): Rational | null {
  const n = integerSqrt(v.num);
  const d = integerSqrt(v.den);
  return n !== null && d !== null ? rational(n, d) : null;
}

/** Unique solution of two linear equations a·x + b·y + c = 0 (Cramer's rule), or null. */
export function solveLinearSystem(
  [a1, b1, c1]: readonly [Rational, Rational, Rational],
  [a2, b2, c2]: readonly [Rational, Rational, Rational],
): [Rational, Rational] | null {
  const det = sub(mul(a1, b2), mul(a2, b1));
  if (isZero(det)) return null;
  const x = div(sub(mul(b1, c2), mul(b2, c1)), det);
  const y = div(sub(mul(c1, a2), mul(c2, a1)), det);
  return [x, y];
}
