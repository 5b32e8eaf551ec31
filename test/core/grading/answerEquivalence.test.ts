import { test } from 'node:test';
import assert from 'node:assert/strict';
import { answersEquivalent, groupAnswers, parseAnswer } from '../../../src/core/grading/index.js';

const equivalent: Array<[string, string]> = [
  ['18', '18.0'],
  ['1,234', '1234'],
  ['1,234,567.5', '1234567.5'],
  ['$12', '12 dollars'],
  ['\\$1{,}000', '1000'],
  ['5 cm', '5'],
  ['5cm', '5'],
  ['12 apples', '12'],
  ['50%', '50'],
  ['50%', '0.5'],
  ['50 percent', '50%'],
  ['\\frac{1}{2}', '0.5'],
  ['\\dfrac{3}{4}', '$0.75$'],
  ['2\\frac{1}{3}', '7/3'],
  ['2 1/3', '7/3'],
  ['-2 1/3', '-7/3'],
  ['−5', '-5'],
  ['0.1 + 0.2', '0.3'],
  ['x = 5', '5'],
  ['\\boxed{42}', '42'],
  ['30^\\circ', '30'],
  ['\\sqrt{2}', '2^(1/2)'],
  ['x^2 + 5x + 6', '6 + 5x + x^2'],
  ['x^2+5x+6', '(x+2)(x+3)'],
  ['\\frac{x}{2}', '0.5x'],
  ['xy', 'yx'],
  ['Tuesday', 'tuesday'],
];

const different: Array<[string, string]> = [
  ['18', '19'],
  ['1/3', '0.333333'],
  ['x^2 + 5x + 6', '(x+2)(x+4)'],
  ['x + 1', 'y + 1'],
  ['5', 'x'],
  ['12', 'Tuesday'],
  ['1,2', '12'],
];

for (const [a, b] of equivalent) {
  test(`treats ${JSON.stringify(a)} and ${JSON.stringify(b)} as the same answer`, () => {
    assert.ok(answersEquivalent(a, b));
    assert.ok(answersEquivalent(b, a));
  });
}

for (const [a, b] of different) {
  test(`tells ${JSON.stringify(a)} and ${JSON.stringify(b)} apart`, () => {
    assert.ok(!answersEquivalent(a, b));
  });
}

test('a missing answer is never correct', () => {
  assert.ok(!answersEquivalent(null, '5'));
  assert.ok(!answersEquivalent(null, null));
});

test('keeps rationals exact', () => {
  const parsed = parseAnswer('1/3 + 1/6');
  assert.equal(parsed.kind, 'number');
  assert.ok(parsed.kind === 'number' && parsed.exact !== null && parsed.exact.equals(0.5));
});

test('long prose and huge powers do not hang the parser', () => {
  const start = Date.now();
  assert.equal(parseAnswer('9^999999999').kind, 'text'); // overflows to Infinity in floating point
  assert.equal(parseAnswer('she bought '.repeat(30)).kind, 'text');
  assert.ok(Date.now() - start < 1000);
});

test('groups equivalent answers in order of first appearance, skipping missing ones', () => {
  const groups = groupAnswers(['12', null, '$12.00', '7/2', '3.5', '13']);
  assert.deepEqual(
    groups.map((g) => [g.answer, g.members]),
    [
      ['12', [0, 2]],
      ['7/2', [3, 4]],
      ['13', [5]],
    ],
  );
});
