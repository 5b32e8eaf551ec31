// A division-with-remainder question read exactly, and the answers it accepts and refutes.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { problemContext, verifyAnswer } from '../../../src/core/exact/index.js';

test('the remainder alone: the right remainder is verified, a wrong one refuted (365 ÷ 7 → 330 was shown at 97 %)', () => {
  const problem = 'What is the remainder when 365 is divided by 7?';
  assert.equal(verifyAnswer(problem, '1'), true);
  assert.equal(verifyAnswer(problem, '330'), false);
  assert.equal(verifyAnswer(problem, '52 remainder 1'), true);
  assert.equal(verifyAnswer(problem, '52 remainder 2'), false);
  assert.equal(verifyAnswer('Find the remainder of $1000 \\div 7$.', '6'), true);
  assert.equal(verifyAnswer('Find the remainder of 1000 divided by 7.', '5'), false);
  assert.equal(verifyAnswer('what is the remainder of 47/5', '2'), true);
  assert.equal(verifyAnswer('Divide 253 by 7 and give the remainder.', '-20'), false);
});

test('quotient and remainder: "q remainder r" and its short forms are checked whole; a lone number says nothing', () => {
  for (const problem of [
    'Divide 250 by 12 and write the answer as a quotient and a remainder.',
    'Find the quotient and remainder when 250 is divided by 12.',
    'What is 250 divided by 12, with remainder?',
    '250 ÷ 12 = ? (with remainder)',
  ]) {
    assert.equal(verifyAnswer(problem, '20 remainder 10'), true, problem);
    assert.equal(verifyAnswer(problem, '20 r 10'), true, problem);
    assert.equal(verifyAnswer(problem, '20 R10'), true, problem);
    assert.equal(verifyAnswer(problem, '20, remainder 10'), true, problem);
    assert.equal(verifyAnswer(problem, '21 remainder 2'), false, problem);
    assert.equal(verifyAnswer(problem, '20 remainder 11'), false, problem);
    assert.equal(verifyAnswer(problem, '10'), null, problem);
    assert.equal(verifyAnswer(problem, '-2'), false, problem);
    assert.equal(verifyAnswer(problem, '20.83'), null, problem);
  }
  // The quotient alone (natural's "ignoring the remainder"): a lone number is not judged.
  assert.equal(verifyAnswer('Find the quotient when 389 is divided by 12, ignoring the remainder.', '32'), null);
});

test('no reading where the division or its numbers are not plain: other numbers, words, decimals, no division, zero divisor', () => {
  for (const problem of [
    'Sam shares 40 sweets among 6 friends and keeps 3. What is the remainder?',
    'What is the remainder when one hundred is divided by 7?',
    'What is the remainder when 36.5 is divided by 7?',
    'There are 365 days. What is the remainder when they are split into weeks?',
    'What is the remainder when 7 divides 365?',
    'What is the remainder when 365 is divided by 0?',
  ]) {
    assert.equal(problemContext(problem).kind, 'none', problem);
  }
  // Without the word "remainder" it is the division's value, as before.
  assert.equal(problemContext('What is 250 divided by 12?').kind, 'arithmetic');
});
