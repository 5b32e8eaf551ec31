// Every notation the product accepts reads to the same exact arithmetic: LaTeX and plain
// operators, mixed numbers, decimals, percentages, a Unicode minus, with or without spaces and
// `$…$`. Exact rationals: no rounding, 30-digit numbers compared digit for digit.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { toLatex, splitSides } from '../../../src/core/exact/notation.js';
import { judgeSteps } from '../../../src/core/exact/index.js';
import { judgeLine } from './helpers.js';

const verdict = (line: string): string => judgeLine(line).verdict;

test('LaTeX operators: \\times \\cdot \\div \\frac ^, with and without $…$', () => {
  for (const line of [
    '$6 \\times 7 = 42$',
    '6 \\times 7 = 42',
    '$6 \\cdot 7 = 42$',
    '$42 \\div 6 = 7$',
    '$\\frac{1}{2} + \\frac{1}{3} = \\frac{5}{6}$',
    '$\\dfrac{3}{4} \\times 8 = 6$',
    '$\\tfrac{3}{4} \\times 8 = 6$',
    '$2^{10} = 1024$',
    '$2^3 = 8$',
    '$\\left(2 + 3\\right) \\times 4 = 20$',
    '\\(2 + 3 = 5\\)',
    '$12 \\, 000 + 1 = 12001$',
  ]) {
    assert.equal(verdict(line), 'true', line);
  }
  assert.equal(verdict('$6 \\times 7 = 43$'), 'false');
  assert.equal(verdict('$\\frac{1}{2} + \\frac{1}{3} = \\frac{2}{5}$'), 'false');
  assert.equal(verdict('$2^{10} = 1000$'), 'false');
});

test('plain operators: * / × ÷ ^ ·, spaces or none', () => {
  for (const line of ['6 * 7 = 42', '6*7=42', '42 / 6 = 7', '42/6=7', '6 × 7 = 42', '6×7=42', '42 ÷ 6 = 7', '42÷6=7', '6 · 7 = 42', '2^10 = 1024', '2^3=8', '(2+3)*4=20', '2(3 + 4) = 14', '21 x 4 = 84']) {
    assert.equal(verdict(line), 'true', line);
  }
  for (const line of ['6 * 7 = 41', '42/6=8', '6×7=24', '42 ÷ 6 = 6', '2^10 = 20', '21 x 4 = 85']) {
    assert.equal(verdict(line), 'false', line);
  }
});

test('2^10 is two to the tenth, not 2^1 followed by 0 (was judged false with expected 0)', () => {
  const j = judgeLine('2^10 = 1024');
  assert.equal(j.verdict, 'true');
  assert.equal(judgeLine('2^10 = 0').expected, '1024');
});

test('a plain fraction without spaces is one number: 8/9 ÷ 1/3 = 8/3', () => {
  assert.equal(verdict('8/9 ÷ 1/3 = 8/3'), 'true');
  assert.equal(verdict('8/9 ÷ 1/3 = 8/27'), 'false');
  assert.equal(verdict('11/12 \\div 2/3 = 11/8'), 'true');
  // With spaces the operators read left to right.
  assert.equal(verdict('12 / 4 / 3 = 1'), 'true');
});

test('mixed numbers: 1\\frac{1}{2} and 2 1/3', () => {
  for (const line of ['$1\\frac{1}{2} + 1 = 2\\frac{1}{2}$', '$1\\frac{1}{2} = \\frac{3}{2}$', '2 1/3 + 1 = 3 1/3', '2 1/3 = 7/3', '2 1/3 × 3 = 7', '$2\\frac{1}{3} \\times 3 = 7$']) {
    assert.equal(verdict(line), 'true', line);
  }
  assert.equal(verdict('2 1/3 = 2/3'), 'false');
  assert.equal(verdict('$1\\frac{1}{2} = \\frac{1}{2}$'), 'false');
});

test('decimals are exact', () => {
  for (const line of ['0.1 + 0.2 = 0.3', '$0.1 + 0.2 = 0.3$', '2.5 \\times 4 = 10', '1.5 = 3/2', '0.5 = \\frac{1}{2}', '.5 + .5 = 1', '1.00000000000000000001 - 1 = 0.00000000000000000001', '2.5^2 = 6.25', '-0.5 \\div 2 = -0.25']) {
    assert.equal(verdict(line), 'true', line);
  }
  assert.equal(verdict('0.1 + 0.2 = 0.30000000000000004'), 'false');
  assert.equal(verdict('1.00000000000000000001 - 1 = 0'), 'false');
});

test('decimals beside non-terminating fractions stay exact (they were rounded to 21 digits and judged false)', () => {
  for (const line of ['0.1 + 1/3 = 13/30', '1.5 / 0.7 = 15/7', '0.3 \\div 0.7 = 3/7', '\\frac{1}{3} + 0.25 = \\frac{7}{12}', '-0.5 \\div 3 = -1/6', '\\frac{0.1}{3} = \\frac{1}{30}']) {
    assert.equal(verdict(line), 'true', line);
  }
  assert.equal(judgeLine('0.1 + 1/3 = 0.43').expected, '13/30');
});

test('percent: p%, p\\%, "p% of n", "p percent of n"', () => {
  for (const line of ['20% of 50 = 10', '$20\\%$ of $50$ = 10', '$20\\% \\times 50 = 10$', '50% × 8 = 4', '12.5% of 80 = 10', '25 percent of 80 = 20', '1/2 = 50%', '150% of 10 = 15']) {
    assert.equal(verdict(line), 'true', line);
  }
  assert.equal(verdict('20% of 50 = 12'), 'false');
});

test('Unicode minus, en dash, negative numbers', () => {
  for (const line of ['−3 + 5 = 2', '5 − 8 = −3', '$5 − 8 = −3$', '3 - -2 = 5', '5 - (-2) = 7', '-2^2 = -4', '(-2)^2 = 4', '7 – 2 = 5']) {
    assert.equal(verdict(line), 'true', line);
  }
  assert.equal(verdict('5 − 8 = 3'), 'false');
});

test('typed powers: 4², x³, 10⁻² are exponents', () => {
  for (const line of ['4² = 16', '100 − 4² × 5 = 20', '2³ + 1 = 9', '10⁻² = 0.01', '$3^2 + 4² = 25$', '(7 − 2)² = 25', '10¹⁰ = 10000000000']) {
    assert.equal(verdict(line), 'true', line);
  }
  assert.equal(verdict('4² = 8'), 'false');
  assert.equal(verdict('x² - x = x(x - 1)'), 'true');
});

test('thousands separators and a final full stop', () => {
  assert.equal(verdict('1,000 + 1 = 1,001'), 'true');
  assert.equal(verdict('2 + 2 = 4.'), 'true');
});

test('exactness: 1/3 + 1/6 = 1/2, 30-digit products and sums', () => {
  assert.equal(verdict('1/3 + 1/6 = 1/2'), 'true');
  assert.equal(verdict('$\\frac{1}{3} + \\frac{1}{6} = \\frac{1}{2}$'), 'true');
  assert.equal(verdict('1/3 + 1/6 = 0.5'), 'true');
  assert.equal(verdict('1/3 + 1/6 = 0.33'), 'false');
  const a = 123456789012345n;
  const b = 987654321098765n;
  assert.equal(verdict(`${a} \\times ${b} = ${a * b}`), 'true'); // a 30-digit product
  assert.equal(verdict(`${a} \\times ${b} = ${a * b + 1n}`), 'false');
  assert.equal(judgeLine(`${a} \\times ${b} = ${a * b + 1n}`).expected, String(a * b));
  const c = 123456789012345678901234567890n;
  const d = 987654321098765432109876543210n;
  assert.equal(verdict(`${c} \\times ${d} = ${c * d}`), 'true'); // 30-digit factors, 60-digit product
  assert.equal(verdict(`${c} \\times ${d} = ${c * d - 1n}`), 'false');
  assert.equal(verdict(`${c} + ${d} = ${c + d}`), 'true');
  assert.equal(verdict(`3^{40} = ${3n ** 40n}`), 'true');
  assert.equal(verdict(`3^{40} = ${3n ** 40n - 1n}`), 'false');
});

test('chains: every side equals the first', () => {
  assert.equal(verdict('$6 \\times 2 + 2 = 14$'), 'true');
  assert.equal(verdict('$6 \\times 2 + 2 = 12 + 2 = 14$'), 'true');
  const wrong = judgeLine('$6 \\times 2 + 2 = 14 = 15$');
  assert.equal(wrong.verdict, 'false');
  assert.equal(wrong.expected, '14');
  assert.equal(verdict('6 × 2 + 2 = 16 = 14'), 'false');
});

test('a line starting with "=" continues the last side written', () => {
  const verdicts = judgeSteps('', ['$2 + 3 = 5$', '$= 5$', '$= 6$']).map((j) => j.verdict);
  assert.deepEqual(verdicts, ['true', 'true', 'false']);
  assert.equal(judgeSteps('', ['$= 6$'])[0]?.verdict, 'unknown');
});

test('false lines carry the right value in the line\'s own notation', () => {
  assert.equal(judgeLine('$\\frac{1}{2} + \\frac{1}{3} = \\frac{2}{5}$').expected, '\\frac{5}{6}');
  assert.equal(judgeLine('1/2 + 1/3 = 2/5').expected, '5/6');
  assert.equal(judgeLine('2.5 + 1 = 3').expected, '3.5');
  assert.equal(judgeLine('7 \\times 8 = 54').expected, '56');
});

test('toLatex: notations normalised, sides split at top-level "="', () => {
  const read = (line: string): string => {
    const n = toLatex(line);
    assert.ok(n.ok, line);
    return n.latex;
  };
  assert.equal(read('$6 \\cdot 7$'), '6 \\times  7');
  assert.equal(read('2 1/3'), '2\\frac{1}{3}');
  assert.equal(read('20% of 50'), '\\frac{20}{100} \\times 50');
  assert.equal(read('2^10'), '2^{10}');
  assert.equal(read('−3'), '-3');
  assert.deepEqual(splitSides('a = \\frac{1}{2} = b'), ['a', '\\frac{1}{2}', 'b']);
  assert.deepEqual(splitSides('= 5'), ['', '5']);
});
