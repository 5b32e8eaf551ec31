import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parseManifest } from '../../../src/core/bundle/manifest.js';
import { BundleError } from '../../../src/core/bundle/bundleError.js';
import { loadBundle } from '../../../src/core/bundle/loadBundle.js';
import { copyFixture, skipUnlessFixture } from '../../helpers/bundles.js';
import { readFileSync } from 'node:fs';

const CALIBRATION = { unfamiliarAbove: { surprise: 11.9, splitWords: 0 }, weights: { value: 0.25, unfamiliar: -5, bias: 1.2 }, fittedOn: 'val + natural' };
const base = JSON.parse(readFileSync('test/fixtures/bundle-mqa/manifest.json', 'utf8')) as Record<string, unknown>;

function problem(calibration: unknown): string {
  try {
    parseManifest({ ...base, calibration }, 'manifest.json');
  } catch (error) {
    assert.ok(error instanceof BundleError);
    return error.problem;
  }
  assert.fail('expected a BundleError');
}

test('manifest "calibration": optional; when present it is read whole', () => {
  assert.equal(parseManifest(base, 'manifest.json').calibration, undefined);
  assert.deepEqual(parseManifest({ ...base, calibration: CALIBRATION }, 'manifest.json').calibration, CALIBRATION);
});

test('manifest "calibration": each wrong field is named', () => {
  assert.match(problem('yes'), /field "calibration" must be an object/);
  assert.match(problem({ ...CALIBRATION, weights: { value: 0.25, bias: 1 } }), /calibration\.weights\.unfamiliar" must be a finite number/);
  assert.match(problem({ ...CALIBRATION, unfamiliarAbove: { surprise: 'high', splitWords: 0 } }), /calibration\.unfamiliarAbove\.surprise" must be a finite number/);
  assert.match(problem({ ...CALIBRATION, weights: { ...CALIBRATION.weights, bias: null } }), /calibration\.weights\.bias/);
  assert.match(problem({ ...CALIBRATION, weights: { ...CALIBRATION.weights, value: -0.5 } }), /must be ≥ 0 \(displayed values must rise/);
  assert.match(problem({ ...CALIBRATION, fittedOn: 3 }), /calibration\.fittedOn" must be a string/);
  assert.match(problem({ ...CALIBRATION, weights: { ...CALIBRATION.weights, surprise: 'some' } }), /calibration\.weights\.surprise" must be a finite number when present/);
});

test('manifest "calibration": the weight on the surprise is optional (absent in maps fitted before it) and read when present', () => {
  const withSurprise = { ...CALIBRATION, weights: { ...CALIBRATION.weights, surprise: -0.63 } };
  assert.deepEqual(parseManifest({ ...base, calibration: withSurprise }, 'manifest.json').calibration, withSurprise);
  assert.equal(parseManifest({ ...base, calibration: CALIBRATION }, 'manifest.json').calibration?.weights.surprise, undefined);
});

test('manifest "calibration": the floor of a verified solution is optional (absent in maps fitted before it), a probability when present', () => {
  const withFloor = { ...CALIBRATION, verifiedFloor: 0.96 };
  assert.deepEqual(parseManifest({ ...base, calibration: withFloor }, 'manifest.json').calibration, withFloor);
  assert.equal(parseManifest({ ...base, calibration: CALIBRATION }, 'manifest.json').calibration?.verifiedFloor, undefined);
  for (const bad of [1.5, -0.1, '0.9', null]) {
    assert.match(problem({ ...CALIBRATION, verifiedFloor: bad }), /calibration\.verifiedFloor" must be a number from 0 to 1 when present/, String(bad));
  }
});

test('a loaded bundle carries its calibration in its info', skipUnlessFixture('mqa'), async () => {
  const copy = copyFixture('mqa');
  try {
    copy.writeManifest({ ...copy.manifest(), calibration: CALIBRATION });
    const bundle = await loadBundle(copy.dir, { device: 'cpu' });
    assert.deepEqual(bundle.info.calibration, CALIBRATION);
    await bundle.release();
  } finally {
    copy.cleanup();
  }
});
