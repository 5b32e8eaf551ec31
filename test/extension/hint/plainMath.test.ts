import { test } from 'node:test';
import assert from 'node:assert/strict';
import { plainMath, texToText } from '../../../src/extension/hint/plainMath.js';

test('hint math becomes readable Unicode text for plain-text surfaces', () => {
  assert.equal(plainMath('$6 \\times 2 = 12$'), '6 × 2 = 12');
  assert.equal(plainMath('So $12 \\div 4 = 3$ bags and $2\\cdot 3=6$.'), 'So 12 ÷ 4 = 3 bags and 2 · 3=6.');
  assert.equal(plainMath('$\\frac{3}{4} \\times 8 = 6$'), '3/4 × 8 = 6');
  assert.equal(plainMath('$x = \\frac{a+1}{2b}$'), 'x = (a+1)/(2b)');
  assert.equal(plainMath('$\\dfrac{\\frac{1}{2}}{3}$'), '(1/2)/3');
  assert.equal(plainMath('$x^2 + y^{10} = z^{n+1}$'), 'x² + y¹⁰ = z^(n+1)');
  assert.equal(plainMath('$\\sqrt{16} = 4$, $50\\%$ of it'), '√16 = 4, 50% of it');
  assert.equal(plainMath('$\\left(3 + 4\\right) \\times 2 \\ne 10 \\leq 14$'), '(3 + 4) × 2 ≠ 10 ≤ 14');
  assert.equal(plainMath('$$2 \\times \\text{apples} = 8$$'), '2 × apples = 8');
  assert.equal(plainMath('$\\pi r^2$'), 'π r²');
});

test('prose, currency and unknown commands are left as written', () => {
  assert.equal(plainMath('costs $5 and $6 each'), 'costs $5 and $6 each');
  assert.equal(plainMath('Add the two numbers.'), 'Add the two numbers.');
  assert.equal(plainMath('$ 5 $'), '$ 5 $', 'a $ followed by a space does not open math');
  assert.equal(texToText('\\unknown{x}'), '\\unknownx');
  assert.equal(plainMath('$3 \\times 4 = 12$ costs \\$12'), '3 × 4 = 12 costs \\$12');
});
