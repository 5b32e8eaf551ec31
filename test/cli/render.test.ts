import { test } from 'node:test';
import assert from 'node:assert/strict';
import { renderCheck, renderSolve } from '../../src/cli/render.js';
import type { SolveResult } from '../../src/shared/engineProtocol.js';
import { likelihoodTrace, sampleTrace } from '../fixtures/trace.js';
import { checkResultFor } from '../fixtures/check.js';
import { FAMILIAR, UNCALIBRATED, UNFAMILIAR } from '../fixtures/familiarity.js';

function result(trace: SolveResult['trace'], familiarity: SolveResult['familiarity'] = FAMILIAR): SolveResult {
  return { answer: trace.answer, steps: trace.chosen.map((s) => ({ text: s.text, value: s.value })), strategy: trace.params.strategy, trace, familiarity, verified: null };
}

test('the CLI says a verifier guided the search and shows each step\'s percentage', () => {
  const lines = renderSolve(result(sampleTrace())).split('\n');
  assert.equal(lines[0], 'step-level beam search, K=4, b=2, seed 1 (1.2 s): guided by the TVM');
  assert.equal(lines[1], '  1. [ 70%] The bags hold $2 \\cdot 4 = 8$ apples.');
});

test('without a value model the CLI says best-of-N ranked by likelihood and prints no percentage column', () => {
  const lines = renderSolve(result(likelihoodTrace())).split('\n');
  assert.equal(lines[0], "best-of-N, N=2, seed 0 (0.5 s): ranked by the policy's likelihood (mean token log-probability); this bundle has no value model");
  assert.deepEqual(lines.slice(1), ['  1. $3 + 4 = 7$', '  2. The answer is 7', 'Answer: 7']);
  // No percentages, so nothing to call uncalibrated; an unfamiliar problem is still said so.
  assert.doesNotMatch(renderSolve(result(likelihoodTrace(), UNCALIBRATED)), /Note:|calibrat/);
  assert.match(renderSolve(result(likelihoodTrace(), UNFAMILIAR)), /\nNote: Unfamiliar problem: .*often wrong\.$/);
});

test('solve: an unfamiliar problem is marked on the answer line and explained in a last note', () => {
  const text = renderSolve(result(sampleTrace(), UNFAMILIAR));
  assert.match(text, /\nAnswer: 11 — unfamiliar problem\n/);
  assert.match(text, /\nNote: Unfamiliar problem: .*lowered to match\.$/);
});

test('solve and check: a verified final answer on an unfamiliar problem is said to be verified in the note', () => {
  const solved = renderSolve({ ...result(sampleTrace(), UNFAMILIAR), verified: true });
  assert.match(solved, /\nAnswer: 11 \(verified\) — unfamiliar problem\n/);
  assert.match(solved, /\nNote: Unfamiliar problem: .* This final answer was verified exactly against the problem\.$/);
  const check = { ...checkResultFor(['2 + 2 = 4', 'The answer is 4'], [0.9, 0.9], null), familiarity: UNFAMILIAR, verified: true };
  assert.match(renderCheck(check, null), /\nNote: Unfamiliar problem: .* This final answer was verified exactly against the problem\.$/);
});

test('solve: uncalibrated values are said so; a familiar calibrated problem gets no note', () => {
  assert.match(renderSolve(result(sampleTrace(), UNCALIBRATED)), /\nAnswer: 11\nNote: Uncalibrated: /);
  assert.doesNotMatch(renderSolve(result(sampleTrace())), /Note:|unfamiliar/);
});

test('check: the same note under the steps', () => {
  const check = { ...checkResultFor(['2 + 2 = 4', 'The answer is 4'], [0.9, 0.9], null), familiarity: UNFAMILIAR };
  assert.match(renderCheck(check, null), /\nNote: Unfamiliar problem: /);
  assert.doesNotMatch(renderCheck({ ...check, familiarity: FAMILIAR }, null), /Note:/);
});
