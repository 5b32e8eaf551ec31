import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parseNotebook } from '../../../src/core/notebook/index.js';
import { checkedText, mapCheck } from '../../../src/extension/check/checkStore.js';
import { hintMessage, planHint } from '../../../src/extension/hint/hintPlan.js';
import { checkResultFor } from '../../fixtures/check.js';
import { FAMILIAR, UNFAMILIAR } from '../../fixtures/familiarity.js';

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

test('an exactly false step is replaced even when the TVM saw nothing, and before a later suspicion', () => {
  const wrong = { verdict: 'false', expected: '1', message: 'a is false' } as const;
  const check = mapCheck(withWork!, checkResultFor(checkedText(withWork!).steps, [0.7, 0.8], null, [wrong, null]));
  assert.deepEqual(planHint(withWork!, check), { steps: [], replaces: 0, anchorLine: 3 });
  const both = mapCheck(withWork!, checkResultFor(checkedText(withWork!).steps, [0.7, 0.1], 1, [wrong, null]));
  assert.equal(planHint(withWork!, both).replaces, 0);
  const refuted = mapCheck(withWork!, { ...checkResultFor(checkedText(withWork!).steps, [0.7, 0.8], null, [], false), finished: true });
  assert.equal(planHint(withWork!, refuted).replaces, 1, 'a final answer that does not satisfy the problem');
});

test('hint messages: next step, replacement, or nothing more to say', () => {
  const plan = planHint(withWork!, undefined);
  assert.equal(hintMessage({ text: '$c$', value: 0.82 }, plan), 'Next step: c (82% chance of success)');
  assert.equal(hintMessage({ text: '$c$', value: 0.5 }, { ...plan, replaces: 0 }), 'Instead of step 1: c (50% chance of success)');
  assert.equal(hintMessage({ text: '$6 \\times 2 = 12$', value: 0.9 }, plan), 'Next step: 6 × 2 = 12 (90% chance of success)', 'math as plain text');
  assert.match(hintMessage({ text: ' ', value: 0.9 }, plan), /looks complete/);
  assert.equal(hintMessage({ text: '$c$', value: 0.04, familiarity: UNFAMILIAR }, plan), 'Next step: c (4% chance of success) — unfamiliar problem');
  assert.equal(hintMessage({ text: '$c$', value: 0.82, familiarity: FAMILIAR }, plan), 'Next step: c (82% chance of success)');
  assert.equal(
    hintMessage({ outcome: 'all-contradicted', text: '', value: 0, rejected: 4 }, plan),
    'No hint: exact math found all 4 lines the model proposed here false. Check the previous step yourself.',
  );
});
