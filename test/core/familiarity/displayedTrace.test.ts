import { test } from 'node:test';
import assert from 'node:assert/strict';
import { displayedTrace } from '../../../src/core/familiarity/displayedTrace.js';
import { solve } from '../../../src/core/solve.js';
import type { Calibration } from '../../../src/core/familiarity/calibration.js';
import { EOS, ScriptedPolicy, ScriptedVerifier, fakeEngine, fakeInfo } from '../fakes.js';

const half = (raw: number): number => raw / 2;

const policy = () =>
  Object.assign(new ScriptedPolicy(({ prefix }) => (prefix.includes('2 + 2 = 4') ? `The answer is 4${EOS}` : '2 + 2 = 4\n')), {
    // 20 nats per problem character: far above the bound below.
    promptLogprobs: async (prompt: readonly number[]) => Float32Array.from(prompt, (_, k) => (k === 0 ? Number.NaN : -20)),
  });
const verifier = () => new ScriptedVerifier((text) => (text.includes('4') ? 0.99 : 0.6));
const CALIBRATION: Calibration = { unfamiliarAbove: { surprise: 12, splitWords: 0 }, weights: { value: 0.25, unfamiliar: -5, bias: 1.25 }, fittedOn: 'test' };

test('every value of a trace goes through the map: beams, candidates and their tokens, paths, chosen steps', async () => {
  const raw = (await solve(fakeEngine(policy(), verifier()), { problem: '2 + 2?', strategy: 'beam', k: 2, b: 1 })).trace;
  const shown = displayedTrace(raw, half);
  const candidates = (t: typeof raw) => t.steps.flatMap((s) => s.beams.flatMap((b) => b.candidates));
  assert.deepEqual(candidates(shown).map((c) => c.value), candidates(raw).map((c) => (c.value === null ? null : c.value / 2)));
  assert.deepEqual(candidates(shown).map((c) => c.tokenValues), candidates(raw).map((c) => c.tokenValues?.map(half) ?? null));
  assert.deepEqual(shown.chosen.map((c) => c.value), raw.chosen.map((c) => (c.value === null ? null : c.value / 2)));
  assert.deepEqual(shown.steps.flatMap((s) => s.beams.map((b) => b.value)), raw.steps.flatMap((s) => s.beams.map((b) => (b.value === null ? null : b.value / 2))));
  const vote = (await solve(fakeEngine(policy(), verifier()), { problem: '2 + 2?', strategy: 'bon', k: 2 })).trace;
  assert.deepEqual(displayedTrace(vote, half).paths.map((p) => p.value), vote.paths.map((p) => (p.value === null ? null : p.value / 2)));
  assert.equal(displayedTrace(vote, half).answer, vote.answer);
});

test('solve: a calibrated bundle shows calibrated values and says the problem is unfamiliar; without a calibration, raw and uncalibrated', async () => {
  const calibrated = await solve(fakeEngine(policy(), verifier(), {}, { ...fakeInfo, calibration: CALIBRATION }), { problem: '2 + 2?', k: 2, b: 1 });
  assert.deepEqual(calibrated.familiarity, { surprise: 20, splitWords: 0, unfamiliar: true, calibrated: true });
  assert.equal(calibrated.answer, '4');
  const answerValue = calibrated.steps.at(-1)?.value ?? 1;
  assert.ok(answerValue < 0.2, `an unfamiliar problem's 99 % is shown as ${answerValue}`);
  const raw = await solve(fakeEngine(policy(), verifier()), { problem: '2 + 2?', k: 2, b: 1 });
  assert.deepEqual(raw.familiarity, { surprise: 20, splitWords: 0, unfamiliar: null, calibrated: false });
  assert.equal(raw.steps.at(-1)?.value, 0.99);
});

test('solve: a verified answer\'s steps (and their candidates in the tree) are shown at least at the map\'s verifiedFloor; the others keep the map\'s values; unverified, the map alone', async () => {
  const info = { ...fakeInfo, calibration: { ...CALIBRATION, verifiedFloor: 0.95 } };
  const verified = await solve(fakeEngine(policy(), verifier(), {}, info), { problem: 'What is $2 + 2$?', k: 2, b: 1 });
  assert.equal(verified.verified, true);
  assert.deepEqual(verified.steps.map((s) => s.value), [0.95, 0.95]);
  assert.ok(verified.trace.chosen.every((s) => s.tokenValues?.every((v) => v >= 0.95)));
  const chosenIds = new Set(verified.trace.chosen.map((s) => s.candidateId));
  const tree = verified.trace.steps.flatMap((s) => s.beams.flatMap((b) => b.candidates));
  assert.ok(tree.filter((c) => chosenIds.has(c.id)).every((c) => c.value === 0.95), 'the chosen candidates read in the tree as in the steps');
  const others = tree.filter((c) => !chosenIds.has(c.id)).map((c) => c.value ?? 1);
  assert.ok(others.length > 0 && others.every((v) => v < 0.2), `the other candidates keep the map's values, got ${others.join(', ')}`);
  // Best-of-N samples whole paths at once: this policy writes the whole solution.
  const wholePaths = Object.assign(new ScriptedPolicy(() => `2 + 2 = 4\nThe answer is 4${EOS}`), { promptLogprobs: policy().promptLogprobs });
  const vote = await solve(fakeEngine(wholePaths, verifier(), {}, info), { problem: 'What is $2 + 2$?', strategy: 'bon', k: 2 });
  assert.equal(vote.verified, true);
  assert.ok(vote.trace.paths.filter((p) => p.chosen).every((p) => p.value === 0.95 && p.steps.every((s) => s.value === 0.95)));
  const withoutExact = await solve(fakeEngine(policy(), verifier(), {}, info), { problem: 'What is $2 + 2$?', k: 2, b: 1, exact: false });
  assert.equal(withoutExact.verified, null);
  assert.ok(withoutExact.steps.every((s) => (s.value ?? 1) < 0.2));
  const wrong = await solve(fakeEngine(policy(), verifier(), {}, info), { problem: 'What is $2 + 3$?', k: 2, b: 1 });
  assert.notEqual(wrong.verified, true);
  assert.ok(wrong.steps.every((s) => (s.value ?? 1) < 0.2));
});
