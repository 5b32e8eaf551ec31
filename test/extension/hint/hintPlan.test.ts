import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parseNotebook } from '../../../src/core/notebook/index.js';
import { checkedText, mapCheck } from '../../../src/extension/check/checkStore.js';
import { hintMessage, planHint } from '../../../src/extension/hint/hintPlan.js';
import { checkResultFor } from '../../fixtures/check.js';

const [withWork, labelOnly, bare] = parseNotebook(
  ['## Problem 1', 'Q1?', '**Work:**', '- $a$', '- $b$', '', '## Problem 2', 'Q2?', '**Solution:**', '', '## Problem 3', 'Q3', 'more'].join('\n'),
);

test('without a check: continue all steps, shown after the last one', () => {
  assert.deepEqual(planHint(withWork!, undefined), { steps: ['$a$', '$b$'], replaces: null, anchorLine: 4 });
  assert.deepEqual(planHint(labelOnly!, undefined), { steps: [], replaces: null, anchorLine: 8 });
  assert.deepEqual(planHint(bare!, undefined), { steps: [], replaces: null, anchorLine: 12 });
});

test('with a suspicious step: continue the steps before it, shown at it', () => {
  const check = mapCheck(withWork!, checkResultFor(checkedText(withWork!).steps, [0.7, 0.1], 1));
  assert.deepEqual(planHint(withWork!, check), { steps: ['$a$'], replaces: 1, anchorLine: 4 });
  const sound = mapCheck(withWork!, checkResultFor(checkedText(withWork!).steps, [0.7, 0.8]));
  assert.equal(planHint(withWork!, sound).replaces, null);
});

test('hint messages: next step, replacement, or nothing more to say', () => {
  const plan = planHint(withWork!, undefined);
  assert.equal(hintMessage({ text: '$c$', value: 0.82 }, plan), 'Next step: $c$ (82% chance of success)');
  assert.equal(hintMessage({ text: '$c$', value: 0.5 }, { ...plan, replaces: 0 }), 'Instead of step 1: $c$ (50% chance of success)');
  assert.match(hintMessage({ text: ' ', value: 0.9 }, plan), /looks complete/);
});
