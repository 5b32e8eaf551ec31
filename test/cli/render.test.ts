import { test } from 'node:test';
import assert from 'node:assert/strict';
import { renderSolve } from '../../src/cli/render.js';
import type { SolveResult } from '../../src/shared/engineProtocol.js';
import { likelihoodTrace, sampleTrace } from '../fixtures/trace.js';

function result(trace: SolveResult['trace']): SolveResult {
  return { answer: trace.answer, steps: trace.chosen.map((s) => ({ text: s.text, value: s.value })), strategy: trace.params.strategy, trace, unfamiliarWords: [], verified: null };
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
});
