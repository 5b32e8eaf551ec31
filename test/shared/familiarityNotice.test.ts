import { test } from 'node:test';
import assert from 'node:assert/strict';
import { familiarityCaution, familiarityNotice } from '../../src/shared/familiarityNotice.js';
import { FAMILIAR, UNCALIBRATED, UNFAMILIAR } from '../fixtures/familiarity.js';

test('the notice: "Unfamiliar problem" first, then "Uncalibrated" (saying why), nothing for a familiar calibrated problem', () => {
  assert.equal(familiarityNotice(FAMILIAR), null);
  assert.match(familiarityNotice(UNFAMILIAR) ?? '', /^Unfamiliar problem: its wording is unlike the problems the models were trained on/);
  assert.match(familiarityNotice(UNCALIBRATED) ?? '', /^Uncalibrated: this model bundle has no calibration/);
  assert.match(familiarityNotice({ ...UNCALIBRATED, surprise: null }) ?? '', /^Uncalibrated: this engine cannot tell how familiar the problem is/);
});

test('the caution beside an answer', () => {
  assert.equal(familiarityCaution(FAMILIAR), null);
  assert.equal(familiarityCaution(UNFAMILIAR), 'unfamiliar problem');
  assert.equal(familiarityCaution(UNCALIBRATED), 'uncalibrated');
});

test('a result without percentages (no value model) says nothing of calibration, and still says "unfamiliar problem"', () => {
  assert.equal(familiarityNotice(UNCALIBRATED, false), null);
  assert.equal(familiarityCaution(UNCALIBRATED, false), null);
  assert.equal(familiarityNotice(UNFAMILIAR, false), 'Unfamiliar problem: its wording is unlike the problems the models were trained on, so the answer is often wrong.');
  assert.equal(familiarityCaution(UNFAMILIAR, false), 'unfamiliar problem');
});

test('an unfamiliar problem whose final answer exact math verified: the notice says so, not that the answer is often wrong', () => {
  const notice = familiarityNotice(UNFAMILIAR, true, true) ?? '';
  assert.match(notice, /^Unfamiliar problem: its wording is unlike the problems the models were trained on, so answers to it are often wrong\. This final answer was verified exactly against the problem\.$/);
  assert.doesNotMatch(notice, /the answer is often wrong/);
  assert.equal(familiarityNotice(UNFAMILIAR, true, false), familiarityNotice(UNFAMILIAR), 'an answer exact math refutes is no reassurance');
  assert.equal(familiarityNotice(UNFAMILIAR, true, null), familiarityNotice(UNFAMILIAR));
  assert.equal(familiarityNotice(FAMILIAR, true, true), null);
});
