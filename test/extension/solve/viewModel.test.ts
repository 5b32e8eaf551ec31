import { test } from 'node:test';
import assert from 'node:assert/strict';
import { isHiddenToken, pendingView, restoredView, solvedView, type SolveRequestInfo } from '../../../src/extension/solve/viewModel.js';
import { likelihoodTrace, sampleTrace } from '../../fixtures/trace.js';
import { FAMILIAR, UNCALIBRATED, UNFAMILIAR } from '../../fixtures/familiarity.js';

const request: SolveRequestInfo = {
  documentUri: 'file:///notes/a.md',
  problem: { key: 'problem-1', title: 'Problem 1', text: 'Janet has $3$ apples.' },
  settings: { strategy: 'beam', verifier: 'tvm', k: 16, b: 4, temperature: 0.7, maxSteps: 10, model: 'default', device: 'cpu' },
};

test('pending view: solving, nothing shown yet', () => {
  const view = pendingView(request, 'Loading the model…');
  assert.equal(view.status, 'solving');
  assert.equal(view.message, 'Loading the model…');
  assert.deepEqual([view.steps, view.tree, view.answer, view.stats], [[], [], null, null]);
});

test('solved view: chosen steps with values, deltas, tokens and the answer', () => {
  const view = solvedView(request, sampleTrace(), FAMILIAR, null);
  assert.equal(view.status, 'done');
  assert.equal(view.message, null);
  assert.deepEqual(view.steps.map((s) => [s.value?.percent, s.value?.bucket, s.delta]), [
    ['70%', 3, '+15 pts'],
    ['90%', 4, '+20 pts'],
  ]);
  const tokens = view.steps[0]!.tokens;
  assert.equal(tokens.map((t) => t.text).join(''), 'The bags hold $2 \\cdot 4 = 8$ apples.', 'the line-break token is hidden');
  assert.equal(tokens[0]!.value?.value, 0.6);
  assert.deepEqual(view.answer, { text: '11', value: { value: 0.9, percent: '90%', bucket: 4 }, check: null, caution: null });
  assert.deepEqual(view.stats, { seconds: '1.2', sampledCandidates: 4 });
});

test('solved view: the answer carries its check against the problem (verified, refuted, or none)', () => {
  assert.deepEqual(solvedView(request, sampleTrace(), FAMILIAR, true).answer?.check, { verified: true, text: 'verified' });
  assert.deepEqual(solvedView(request, sampleTrace(), FAMILIAR, false).answer?.check, { verified: false, text: 'does not satisfy the problem' });
  assert.equal(solvedView(request, sampleTrace(), FAMILIAR, null).answer?.check, null);
});

test('solved view: the engine parameters replace the requested ones', () => {
  const view = solvedView(request, sampleTrace(), FAMILIAR, null);
  assert.deepEqual(view.settings, { ...request.settings, k: 4, b: 2, maxSteps: 8 });
});

test('solved view: the tree marks kept, pruned, duplicate and chosen candidates', () => {
  const view = solvedView(request, sampleTrace(), FAMILIAR, null);
  const states = view.tree.flatMap((l) => l.beams.flatMap((b) => b.candidates.map((c) => [c.id, c.kept, c.chosen, c.duplicateOf])));
  assert.deepEqual(states, [
    ['0.0.0', true, true, null],
    ['0.0.1', true, false, null],
    ['0.0.2', false, false, null],
    ['0.0.3', false, false, '0.0.1'],
    ['1.0.0', true, true, null],
    ['1.1.0', true, false, null],
  ]);
  assert.equal(view.tree[1]!.beams[1]!.fromCandidate, '0.0.1');
});

test('unscored values stay null instead of becoming 0%', () => {
  const trace = sampleTrace();
  trace.chosen = trace.chosen.map((s) => ({ ...s, value: null, tokenValues: null }));
  trace.steps = [];
  const view = solvedView(request, trace, FAMILIAR, null);
  assert.deepEqual(view.steps.map((s) => [s.value, s.delta, s.tokens[0]!.value]), [
    [null, null, null],
    [null, null, null],
  ]);
  assert.equal(view.answer?.value, null);
});

test('a run without an answer says so', () => {
  const trace = { ...sampleTrace(), answer: null, outcome: 'no-answer' as const };
  const view = solvedView(request, trace, FAMILIAR, null);
  assert.equal(view.answer, null);
  assert.match(view.message ?? '', /without stating an answer/);
});

test('an unfamiliar problem or uncalibrated values become a notice and a caution by the answer; a familiar calibrated one, neither', () => {
  const familiar = solvedView(request, sampleTrace(), FAMILIAR, null);
  assert.deepEqual([familiar.notice, familiar.answer?.caution], [null, null]);
  const unfamiliar = solvedView(request, sampleTrace(), UNFAMILIAR, null);
  assert.match(unfamiliar.notice ?? '', /^Unfamiliar problem: /);
  assert.equal(unfamiliar.answer?.caution, 'unfamiliar problem');
  const verified = solvedView(request, sampleTrace(), UNFAMILIAR, true);
  assert.match(verified.notice ?? '', /^Unfamiliar problem: .* This final answer was verified exactly against the problem\.$/);
  const uncalibrated = solvedView(request, sampleTrace(), UNCALIBRATED, null);
  assert.match(uncalibrated.notice ?? '', /^Uncalibrated: .*raw estimates/);
  assert.equal(uncalibrated.answer?.caution, 'uncalibrated');
  assert.equal(pendingView(request, 'Solving…').notice, null);
});

test('a panel restored while solving shows it was interrupted', () => {
  assert.equal(restoredView(pendingView(request, '…')).status, 'cancelled');
  const done = solvedView(request, sampleTrace(), FAMILIAR, null);
  assert.equal(restoredView(done), done);
});

test('token view: EOS and pure line-break tokens are hidden; the trace keeps them', () => {
  const trace = sampleTrace();
  const step = trace.chosen[1]!;
  step.tokenTexts = [...step.tokenTexts.slice(0, -1), '\n\n', '<|eos|>'];
  step.tokenIds = step.tokenTexts.map((_, i) => i + 10);
  step.tokenValues = step.tokenTexts.map(() => 0.9);
  step.calculated = [step.tokenTexts.length - 3];
  const shown = solvedView(request, trace, FAMILIAR, null, '<|eos|>').steps[1]!.tokens;
  assert.deepEqual(shown.map((t) => t.text), step.tokenTexts.slice(0, -2));
  assert.equal(shown[shown.length - 1]!.calculated, true, 'calculated flags keep their token after filtering');
  assert.equal(step.tokenTexts.length, shown.length + 2, 'the trace is not modified');
  // Without the EOS string only line breaks are hidden; a token with text and a line break stays.
  assert.deepEqual(solvedView(request, trace, FAMILIAR, null).steps[1]!.tokens.slice(-1).map((t) => t.text), ['<|eos|>']);
  assert.equal(isHiddenToken('.\n', '<|eos|>'), false);
  assert.equal(isHiddenToken('\r\n', null), true);
});

test('solved view says how the solution was chosen: by the TVM, or by likelihood when the bundle has no value model', () => {
  assert.equal(pendingView(request, '').scoring, null);
  assert.equal(solvedView(request, sampleTrace(), FAMILIAR, null).scoring, 'guided by the TVM');
  const view = solvedView({ ...request, settings: { ...request.settings, strategy: 'bon' } }, likelihoodTrace(), FAMILIAR, null);
  assert.equal(view.scoring, "ranked by the policy's likelihood (mean token log-probability); this bundle has no value model");
  assert.equal(view.settings.verifier, null);
  assert.deepEqual(view.steps.map((s) => s.value), [null, null]);
  assert.deepEqual(view.paths.map((p) => [p.likelihood, p.value]), [['mean log p \u22120.214', null], ['mean log p \u22121.500', null]]);
  assert.equal(view.answer?.value, null);
  // No percentages: nothing is called uncalibrated.
  const raw = solvedView({ ...request, settings: { ...request.settings, strategy: 'bon' } }, likelihoodTrace(), UNCALIBRATED, null);
  assert.deepEqual([raw.notice, raw.answer?.caution], [null, null]);
});
