// Exact evaluation of the engine's parse (src/core/exact/evaluate.ts): the cases where
// compute-engine 0.27.0's own evaluate() is floating point, the work bound that replaces the
// engine's time limit, and the readings that changed with 0.27.0's parser (mixed numbers beside
// an operator, function notation).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { degreeBound, evaluateExactly, MAX_INTERMEDIATE_DIGITS } from '../../../src/core/exact/evaluate.js';
import { explicitMixedNumbers, parseSide, valueOf } from '../../../src/core/exact/expression.js';
import { rational } from '../../../src/core/exact/rational.js';
import { judgeSteps } from '../../../src/core/exact/index.js';
import { judgeLine } from './helpers.js';

const show = (latex: string, assignment?: ReadonlyMap<string, ReturnType<typeof rational>>): string | null => {
  const side = parseSide(latex);
  assert.ok(side, latex);
  const value = valueOf(side, assignment);
  return value && `${value.num}/${value.den}`;
};

test('rational powers are exact (0.27.0 evaluate() gave (−17/13)⁹ ÷ (−17/13)⁶ as −8943766086978251/3999481801972566)', () => {
  assert.equal(show('n^{9} \\div n^{6}', new Map([['n', rational(-17n, 13n)]])), '-4913/2197');
  assert.equal(show('(\\frac{2}{3})^{20}'), `${2n ** 20n}/${3n ** 20n}`);
  assert.equal(show('2^{-3}'), '1/8');
  assert.equal(judgeSteps('Use exponent rules to simplify $n^{9} \\div n^{6}$.', ['$n^{9} \\div n^{6} = n^{3}$'])[0]?.verdict, 'true');
});

test('long integers are exact to the last digit (0.27.0 evaluate() rounds 99^{30} to 20 digits)', () => {
  const exact = (99n ** 30n).toString();
  assert.equal(exact.length, 60);
  assert.equal(judgeLine(`99^{30} = ${exact}`).verdict, 'true');
  assert.equal(judgeLine(`99^{30} = ${99n ** 30n + 1n}`).verdict, 'false');
});

test('division by zero and 0⁰ have no value; integer exponents only', () => {
  for (const latex of ['\\frac{1}{0}', '0^{-1}', '0^{0}', '5 \\div (2 - 2)', '4^{\\frac{1}{2}}']) assert.equal(show(latex), null, latex);
  assert.equal(show('0^{3}'), '0/1');
});

test('the work is bounded before it is done: a power past the digit bound is refused at once', () => {
  const started = performance.now();
  assert.equal(evaluateExactly(['Power', 99, 100_000], () => undefined), null);
  assert.equal(evaluateExactly(['Power', ['Power', 9, 200], 200], () => undefined), null);
  assert.ok(performance.now() - started < 200, "a shared machine: generous");
  // Inside the bound (digits of the base × exponent) the value is computed (then too long to show as a result).
  assert.equal(evaluateExactly(['Power', 3, MAX_INTERMEDIATE_DIGITS], () => undefined)?.num, 3n ** BigInt(MAX_INTERMEDIATE_DIGITS));
  assert.equal(show('2^{200}'), null);
});

test('a head or symbol outside arithmetic and algebra makes the side unreadable', () => {
  for (const latex of ['|x|', '[3+4]', '(1, 5)', 'x_1', '()']) assert.equal(parseSide(latex), null, latex);
});

test('mixed numbers are sums, also beside an operator (0.27.0 parses 2\\frac{1}{3} \\times 3 as 2·(⅓·3))', () => {
  assert.equal(explicitMixedNumbers('2\\frac{1}{3} \\times 3'), '(2+\\frac{1}{3}) \\times 3');
  assert.equal(explicitMixedNumbers('x^{2}\\frac{1}{2}'), 'x^{2}\\frac{1}{2}');
  assert.equal(show('2\\frac{1}{3} \\times 3'), '7/1');
  assert.equal(show('-2\\frac{1}{3}'), '-7/3');
  assert.equal(show('3 \\times 2\\frac{1}{3}'), '7/1');
  assert.equal(show('2\\frac{x}{3}', new Map([['x', rational(3n)]])), '2/1');
});

test('f(2) is function notation (unreadable), x(x+1) a product', () => {
  for (const latex of ['f(2)', 'g(x)', 'p(n)', 'a(b+c)']) assert.equal(parseSide(latex), null, latex);
  assert.equal(show('x(x+1)', new Map([['x', rational(2n)]])), '6/1');
  assert.equal(judgeLine('f(4) = 3 \\times 4 + 2').verdict, 'unknown');
});

test('degreeBound: the degree a polynomial side can have, null when it is no polynomial', () => {
  const degree = (latex: string): number | null => degreeBound(parseSide(latex)?.json);
  assert.equal(degree('(x+1)^{12}'), 12);
  assert.equal(degree('(x+2)(x+3)'), 2);
  assert.equal(degree('3xy + \\frac{x}{2}'), 2);
  assert.equal(degree('\\frac{1}{x}'), null);
  assert.equal(degree('7'), 0);
});

test('a wrong expansion is told its expansion only when that is the same polynomial; past degree 12 only that the sides differ', () => {
  const problem = 'Expand $(x + 1)^{13}$.';
  const judged = judgeSteps(problem, ['$(x + 1)^{13} = x^{13} + 1$'])[0];
  assert.equal(judged?.verdict, 'false');
  assert.equal(judged?.expected, undefined);
  assert.match(judged?.message ?? '', /different polynomials/);
  const small = judgeSteps('Expand $(x - \\frac{1}{3})^{3}$.', ['$(x - \\frac{1}{3})^{3} = x^{3} - \\frac{1}{27}$'])[0];
  assert.equal(small?.verdict, 'false');
  assert.ok(small?.expected, 'an expansion is shown');
  const side = parseSide(small.expected as string);
  assert.ok(side);
  assert.equal(valueOf(side, new Map([['x', rational(2n)]]))?.num, 125n);
});
