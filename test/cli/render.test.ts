import { test } from 'node:test';
import assert from 'node:assert/strict';
import { renderCheck, renderSolve } from '../../src/cli/render.js';
import type { SolveResult } from '../../src/shared/engineProtocol.js';
import { sampleTrace } from '../fixtures/trace.js';
import { checkResultFor } from '../fixtures/check.js';
import { FAMILIAR, UNCALIBRATED, UNFAMILIAR } from '../fixtures/familiarity.js';

function solved(familiarity: SolveResult['familiarity']): SolveResult {
  const trace = sampleTrace();
  return { answer: trace.answer, steps: trace.chosen.map((s) => ({ text: s.text, value: s.value })), strategy: 'beam', trace, familiarity, verified: null };
}

test('solve: an unfamiliar problem is marked on the answer line and explained in a last note', () => {
  const text = renderSolve(solved(UNFAMILIAR));
  assert.match(text, /\nAnswer: 11 — unfamiliar problem\n/);
  assert.match(text, /\nNote: Unfamiliar problem: .*lowered to match\.$/);
});

test('solve: uncalibrated values are said so; a familiar calibrated problem gets no note', () => {
  assert.match(renderSolve(solved(UNCALIBRATED)), /\nAnswer: 11\nNote: Uncalibrated: /);
  assert.doesNotMatch(renderSolve(solved(FAMILIAR)), /Note:|unfamiliar/);
});

test('check: the same note under the steps', () => {
  const check = { ...checkResultFor(['2 + 2 = 4', 'The answer is 4'], [0.9, 0.9], null), familiarity: UNFAMILIAR };
  assert.match(renderCheck(check, null), /\nNote: Unfamiliar problem: /);
  assert.doesNotMatch(renderCheck({ ...check, familiarity: FAMILIAR }, null), /Note:/);
});
