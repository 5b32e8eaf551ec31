// The mean of a listed set of numbers read exactly, and the statements that only look like one.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { problemContext, verifyAnswer } from '../../../src/core/exact/index.js';

test('the mean of a list is the value asked: its right answer verified, a wrong one refuted', () => {
  assert.equal(verifyAnswer('Find the mean of 4, 8, 15, 16 and 23.', '13.2'), true);
  assert.equal(verifyAnswer('average of 2, 5, 5, 8 and 11', '6.2'), true);
  assert.equal(verifyAnswer('average of 2, 5, 5, 8 and 11', '20'), false);
  assert.equal(verifyAnswer('whats the average of 3.5 and 6', '4.75'), true);
  assert.equal(verifyAnswer('What is the mean of $-3$, $5$ and $7$?', '3'), true);
  assert.equal(verifyAnswer('Calculate the mean of 14, 9, 22, 17 and 8.', '14'), true);
  assert.equal(verifyAnswer('Calculate the mean of 14, 9, 22, 17 and 8.', '70'), false);
});

test('no mean reading where the list is not every number, or numbers are in words or have separators', () => {
  for (const problem of [
    'The mean of 3, 5 and x is 7. Find x.',
    'Six friends have a mean height of 155 cm. A seventh friend, 162 cm tall, joins them. What is the new mean height in cm?',
    'The mean of 4 numbers is 12. Three of them are 10, 11 and 13. Find the fourth.',
    'Find the mean of 1,000 and 2,000.',
    'Find the mean of three, 4 and 5.',
  ]) {
    assert.notEqual(problemContext(problem).kind, 'arithmetic', problem);
  }
});
