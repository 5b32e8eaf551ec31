import { test } from 'node:test';
import assert from 'node:assert/strict';
import { checkVerdictToast, failureToast, fitText, progressToast, solvingToastTitle, TOAST_MAX_CHARS } from '../../src/extension/toastText.js';
import { LONG_ERROR, longestToasts, progress } from '../helpers/toastSamples.js';

test('every toast fits one line, for the longest titles, messages and numbers', () => {
  const toasts = longestToasts();
  for (const toast of toasts) assert.ok(toast.length <= TOAST_MAX_CHARS, `${toast.length} > ${TOAST_MAX_CHARS} characters: ${toast}`);
});

test('progress toasts: short, the step of the budget or the finished paths, and the time', () => {
  assert.equal(progressToast(progress({ depth: 2, maxSteps: 12, elapsedMs: 2345 })), 'step 3 of 12 · 2.3 s');
  assert.equal(progressToast(progress({ strategy: 'vote', finished: 1, elapsedMs: 2345 })), '1 path done · 2.3 s');
  assert.equal(progressToast(progress({ strategy: 'bon', finished: 4, elapsedMs: 500 })), '4 paths done · 0.5 s');
  assert.equal(solvingToastTitle('Problem 4'), 'Solving Problem 4');
});

test('texts are cut at a word with an ellipsis, short ones are left alone', () => {
  assert.equal(fitText('short', 10), 'short');
  assert.equal(fitText('one two three four', 12), 'one two…');
  assert.equal(fitText('abcdefghijklmnop', 8), 'abcdefg…', 'no space: cut mid-word');
  assert.equal(failureToast('solve', 'Problem 4', 'no model'), 'Could not solve Problem 4: no model');
  assert.match(failureToast('solve', 'Problem 4', LONG_ERROR), /^Could not solve Problem 4: engine exited \(code 1\).*…$/);
});

test('check verdicts: follows despite a drop, low ending, fine; verified answers said', () => {
  assert.equal(checkVerdictToast('Problem 1', { followsDespiteDrop: 1, finalValue: 0.1, threshold: 0.5, verified: null }), 'Problem 1: no line is wrong (step 2 follows)');
  assert.equal(checkVerdictToast('Problem 1', { followsDespiteDrop: null, finalValue: 0.2, threshold: 0.5, verified: false }), 'Problem 1: nothing stands out, but it ends low (20%)');
  assert.equal(checkVerdictToast('Problem 1', { followsDespiteDrop: null, finalValue: 0.9, threshold: 0.5, verified: true }), 'Problem 1: nothing flagged, ends at 90%; answer verified');
  assert.equal(
    checkVerdictToast('Problem 1', { followsDespiteDrop: null, finalValue: 0.2, threshold: 0.5, verified: true }),
    'Problem 1: nothing flagged, ends at 20%; answer verified',
    'a verified answer is not called a low ending',
  );
});
