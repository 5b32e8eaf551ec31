import { test } from 'node:test';
import assert from 'node:assert/strict';
import { compileAnswerPattern, extractAnswer, isAnswerLine, referenceAnswer } from '../../../src/core/grading/index.js';

const pattern = compileAnswerPattern('The answer is (.+)');

test('takes the last "The answer is" line and drops the final period', () => {
  const text = 'She has 3 + 4 = 7 apples.\nThe answer is 6.\nWait: 3 + 4 = 7.\nThe answer is 7.';
  assert.equal(extractAnswer(text, pattern), '7');
});

test('keeps a decimal point that is part of the number', () => {
  assert.equal(extractAnswer('The answer is 3.5', pattern), '3.5');
  assert.equal(extractAnswer('The answer is $\\frac{1}{2}$.', pattern), '$\\frac{1}{2}$');
});

test('falls back to a GSM8K "####" line', () => {
  assert.equal(extractAnswer('16 - 3 - 4 = 9\n9 * 2 = 18\n#### 18', pattern), '18');
});

test('returns null when no answer is stated', () => {
  assert.equal(extractAnswer('16 - 3 - 4 = 9\n9 * 2 = 18', pattern), null);
});

test('recognises answer lines', () => {
  assert.ok(isAnswerLine('The answer is 12', pattern));
  assert.ok(isAnswerLine('#### 12', pattern));
  assert.ok(!isAnswerLine('9 * 2 = 18', pattern));
});

test('reads reference answers bare or after ####', () => {
  assert.equal(referenceAnswer('18'), '18');
  assert.equal(referenceAnswer('Janet sells 9 eggs.\nShe makes $18.\n#### 1,018'), '1,018');
});

test('rejects an invalid answer pattern with a message naming it', () => {
  assert.throws(() => compileAnswerPattern('The answer is (.+'), /answerPattern .* is not a valid regular expression/);
});
