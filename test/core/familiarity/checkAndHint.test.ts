import { test } from 'node:test';
import assert from 'node:assert/strict';
import { checkDerivation, hintNextStep } from '../../../src/core/check/index.js';
import type { Calibration } from '../../../src/core/familiarity/calibration.js';
import { displayedValue } from '../../../src/core/familiarity/calibration.js';
import { ScriptedPolicy, ScriptedVerifier, fakeEngine, fakeInfo } from '../fakes.js';

const CALIBRATION: Calibration = { unfamiliarAbove: { surprise: 12, splitWords: 0 }, weights: { value: 0.25, unfamiliar: -5, bias: 1.25 }, fittedOn: 'test' };
const familiarPolicy = () =>
  Object.assign(new ScriptedPolicy(() => '2 + 2 = 4\n'), {
    promptLogprobs: async (prompt: readonly number[]) => Float32Array.from(prompt, (_, k) => (k === 0 ? Number.NaN : -2)),
  });
// 0.9 until the slip "5", then 0.1.
const verifier = () => new ScriptedVerifier((text) => (text.includes('= 5') ? 0.1 : 0.9));
const engine = () => fakeEngine(familiarPolicy(), verifier(), {}, { ...fakeInfo, calibration: CALIBRATION });
const shown = (raw: number): number => displayedValue(raw, { surprise: 2, splitWords: 0 }, CALIBRATION);

test('check: every value shown is calibrated; the slip is still found where the raw values fall', async () => {
  const result = await checkDerivation(engine(), { problem: '2 + 2?', steps: ['2 + 2 = 4', '4 + 1 = 5'] });
  assert.deepEqual(result.familiarity, { surprise: 2, splitWords: 0, unfamiliar: false, calibrated: true });
  assert.ok(Math.abs(result.problemValue - shown(0.9)) < 1e-12);
  assert.deepEqual(result.steps.map((s) => Number(s.value.toFixed(9))), [shown(0.9), shown(0.1)].map((v) => Number(v.toFixed(9))));
  assert.ok(result.steps.every((s) => s.tokens.every((t) => t.value === shown(0.9) || t.value === shown(0.1))));
  assert.equal(result.firstSuspicious, 1);
  assert.match(result.reason, new RegExp(`from ${Math.round(100 * shown(0.9))}% to ${Math.round(100 * shown(0.1))}%`));
});

test('check: a derivation reaching a verified answer with no false line is shown at least at the verifiedFloor, as a solve is; otherwise the map alone', async () => {
  const floored = () => fakeEngine(familiarPolicy(), new ScriptedVerifier(() => 0.3), {}, { ...fakeInfo, calibration: { ...CALIBRATION, verifiedFloor: 0.97 } });
  const verified = await checkDerivation(floored(), { problem: 'What is $2 + 2$?', steps: ['$2 + 2 = 4$', 'The answer is 4'] });
  assert.equal(verified.verified, true);
  assert.ok(verified.steps.every((s) => s.value === 0.97 && s.tokens.every((t) => t.value === 0.97)));
  const wrong = await checkDerivation(floored(), { problem: 'What is $2 + 2$?', steps: ['$2 + 2 = 5$', 'The answer is 4'] });
  assert.equal(wrong.firstFalse, 0, 'a false line on the way');
  const mapAlone = displayedValue(0.3, { surprise: 2, splitWords: wrong.familiarity.splitWords }, CALIBRATION);
  assert.ok(mapAlone < 0.97 && wrong.steps.every((s) => s.value === mapAlone), JSON.stringify(wrong.steps.map((s) => s.value)));
  const refuted = await checkDerivation(floored(), { problem: 'What is $2 + 2$?', steps: ['$2 + 3 = 5$', 'The answer is 5'] });
  assert.equal(refuted.verified, false);
  assert.ok(refuted.steps.every((s) => s.value === mapAlone));
});

test('hint: its value and its trace are calibrated', async () => {
  const hint = await hintNextStep(engine(), { problem: '2 + 2?', steps: [] }, { k: 2 });
  assert.equal(hint.outcome, 'step');
  assert.ok(Math.abs(hint.value - shown(0.9)) < 1e-12);
  assert.equal(hint.familiarity.calibrated, true);
  assert.ok(hint.trace.steps[0]?.beams[0]?.candidates.every((c) => c.value !== null && Math.abs(c.value - shown(0.9)) < 1e-12));
});
