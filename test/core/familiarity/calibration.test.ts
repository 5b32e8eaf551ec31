import { test } from 'node:test';
import assert from 'node:assert/strict';
import { displayedValue, isUnfamiliar, logit, sigmoid, valueDisplay, type Calibration } from '../../../src/core/familiarity/calibration.js';

const CALIBRATION: Calibration = {
  unfamiliarAbove: { surprise: 12, splitWords: 0 },
  weights: { value: 0.25, unfamiliar: -5, bias: 1.25 },
  fittedOn: 'test',
};

test('displayed = σ(value · logit(raw) + unfamiliar · [unfamiliar] + bias)', () => {
  const familiar = { surprise: 9, splitWords: 0 };
  assert.ok(Math.abs(displayedValue(0.5, familiar, CALIBRATION) - sigmoid(1.25)) < 1e-12);
  assert.ok(Math.abs(displayedValue(0.9, familiar, CALIBRATION) - sigmoid(0.25 * Math.log(9) + 1.25)) < 1e-12);
  assert.ok(Math.abs(displayedValue(0.9, { surprise: 13, splitWords: 0 }, CALIBRATION) - sigmoid(0.25 * Math.log(9) - 5 + 1.25)) < 1e-12);
});

test('with a weight on the surprise: displayed = σ(value · logit(raw) + unfamiliar · [unfamiliar] + surprise · s + bias)', () => {
  const map = { ...CALIBRATION, weights: { ...CALIBRATION.weights, surprise: -0.5 } };
  assert.ok(Math.abs(displayedValue(0.9, { surprise: 2, splitWords: 0 }, map) - sigmoid(0.25 * Math.log(9) - 0.5 * 2 + 1.25)) < 1e-12);
  assert.ok(Math.abs(displayedValue(0.9, { surprise: 13, splitWords: 0 }, map) - sigmoid(0.25 * Math.log(9) - 5 - 0.5 * 13 + 1.25)) < 1e-12);
  // Absent (a map fitted before the weight existed): the surprise counts for nothing.
  assert.equal(displayedValue(0.9, { surprise: 2, splitWords: 0 }, CALIBRATION), displayedValue(0.9, { surprise: 5, splitWords: 0 }, CALIBRATION));
});

test('the map rises with the raw value (a drop stays a drop) and stays finite at 0 and 1', () => {
  const features = { surprise: 9, splitWords: 0 };
  const shown = [0, 0.1, 0.5, 0.9, 1].map((raw) => displayedValue(raw, features, CALIBRATION));
  for (let i = 1; i < shown.length; i++) assert.ok((shown[i] as number) > (shown[i - 1] as number));
  assert.ok(shown.every((v) => v > 0 && v < 1));
  assert.ok(Number.isFinite(logit(0)) && Number.isFinite(logit(1)));
});

test('unfamiliar: surprise above its bound, or more split words than the bound; at the bound is familiar', () => {
  assert.equal(isUnfamiliar({ surprise: 12, splitWords: 0 }, CALIBRATION), false);
  assert.equal(isUnfamiliar({ surprise: 12.01, splitWords: 0 }, CALIBRATION), true);
  assert.equal(isUnfamiliar({ surprise: 3, splitWords: 1 }, CALIBRATION), true);
});

test('valueDisplay: calibrated with a surprise and a calibration; otherwise raw values, marked uncalibrated', () => {
  const calibrated = valueDisplay(13, 0, CALIBRATION);
  assert.deepEqual(calibrated.familiarity, { surprise: 13, splitWords: 0, unfamiliar: true, calibrated: true });
  assert.ok(calibrated.show(0.99) < 0.5, 'an unfamiliar problem is not shown as near-certain');
  const noCalibration = valueDisplay(13, 2, undefined);
  assert.deepEqual(noCalibration.familiarity, { surprise: 13, splitWords: 2, unfamiliar: null, calibrated: false });
  assert.equal(noCalibration.show(0.99), 0.99);
  const noSurprise = valueDisplay(null, 0, CALIBRATION);
  assert.deepEqual(noSurprise.familiarity, { surprise: null, splitWords: 0, unfamiliar: null, calibrated: false });
  assert.equal(noSurprise.show(0.42), 0.42);
});
