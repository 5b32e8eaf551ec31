import { test } from 'node:test';
import assert from 'node:assert/strict';
import { auroc, expectedCalibrationError, fitLogistic, quantile, reliability } from '../../bench/lib/calibrationFit.js';
import { logit, sigmoid } from '../../src/core/familiarity/calibration.js';
import { manifestWithCalibration } from '../../bench/lib/manifestCalibration.js';

test('AUROC: 1 when every positive scores above every negative, 0.5 for ties, 0 reversed', () => {
  assert.equal(auroc([3, 4], [1, 2]), 1);
  assert.equal(auroc([1, 1], [1, 1]), 0.5);
  assert.equal(auroc([1], [2, 3]), 0);
  assert.equal(auroc([2], [1, 3]), 0.5);
});

test('quantile interpolates between order statistics', () => {
  assert.equal(quantile([3, 1, 2, 4], 0), 1);
  assert.equal(quantile([3, 1, 2, 4], 1), 4);
  assert.equal(quantile([1, 2, 3, 4, 5], 0.5), 3);
  assert.ok(Math.abs(quantile([0, 10], 0.99) - 9.9) < 1e-12);
});

test('reliability and ECE: equal bins, weighted; 1.0 lands in the last bin', () => {
  const judged = [
    { value: 0.95, right: false, weight: 1 },
    { value: 1, right: false, weight: 1 },
    { value: 0.15, right: true, weight: 2 },
  ];
  const bins = reliability(judged);
  assert.deepEqual(bins.map((b) => [b.from, b.count, b.weight, b.accuracy]), [
    [0.1, 1, 2, 1],
    [0.9, 2, 2, 0],
  ]);
  // (2/4)·|1 − 0.15| + (2/4)·|0 − 0.975|
  assert.ok(Math.abs(expectedCalibrationError(judged) - (0.5 * 0.85 + 0.5 * 0.975)) < 1e-12);
  assert.equal(expectedCalibrationError([{ value: 0.75, right: true, weight: 3 }, { value: 0.75, right: true, weight: 1 }, { value: 0.75, right: false, weight: 0 }]), 0.25);
});

test('fitLogistic recovers the weights that generated the labels, with logit(raw) as a fixed offset', () => {
  // Expected counts: at each (raw, x) point, `right` in the proportion the true model says.
  const truth = { value: 0.5, x: -2, bias: 1 };
  const rows = [];
  for (const raw of [0.1, 0.3, 0.5, 0.7, 0.9]) {
    for (const x of [0, 1]) {
      const p = sigmoid(truth.value * logit(raw) + truth.x * x + truth.bias);
      rows.push({ raw, features: [x], right: true, weight: p }, { raw, features: [x], right: false, weight: 1 - p });
    }
  }
  const [x, bias] = fitLogistic(rows, truth.value, 0) as [number, number];
  assert.ok(Math.abs(x - truth.x) < 1e-6, `x ${x}`);
  assert.ok(Math.abs(bias - truth.bias) < 1e-6, `bias ${bias}`);
});

test('fitLogistic stays finite on separable labels (the ridge)', () => {
  const rows = [0, 1].flatMap((x) => Array.from({ length: 5 }, () => ({ raw: 0.5, features: [x], right: x === 0, weight: 1 })));
  const weights = fitLogistic(rows, 0);
  assert.ok(weights.every(Number.isFinite));
  assert.ok((weights[0] as number) < -5, 'a strongly negative weight, not an infinite one');
});

test('the calibration is appended to a manifest with every other byte kept, or replaces the one it has', () => {
  const calibration = { unfamiliarAbove: { surprise: 12, splitWords: 0 }, weights: { value: 0.25, unfamiliar: -5, bias: 1 }, fittedOn: 'x' };
  const text = '{\n  "name": "default",\n  "parity": [-0.0, 1.50]\n}';
  const appended = manifestWithCalibration(text, calibration);
  assert.ok(appended.startsWith('{\n  "name": "default",\n  "parity": [-0.0, 1.50],\n  "calibration": {\n    "unfamiliarAbove": {'));
  assert.deepEqual(JSON.parse(appended).calibration, calibration);
  const again = manifestWithCalibration(appended, { ...calibration, fittedOn: 'y' });
  assert.equal(JSON.parse(again).calibration.fittedOn, 'y');
  assert.ok(again.startsWith('{\n  "name": "default",\n  "parity": [-0.0, 1.50],\n  "calibration": {'), 'the other bytes kept when it is replaced');
  // One-space indentation (tutor.json) is followed.
  assert.ok(manifestWithCalibration('{\n "name": "x"\n}\n', calibration).startsWith('{\n "name": "x",\n "calibration": {\n  "unfamiliarAbove": {'));
});
