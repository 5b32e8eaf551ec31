import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { bucketOf, formatDelta, formatPercent } from '../../src/extension/valueScale.js';

test('buckets split [0, 1] into five bands', () => {
  assert.deepEqual([0, 0.19, 0.2, 0.39, 0.4, 0.6, 0.79, 0.8, 1].map(bucketOf), [0, 0, 1, 1, 2, 3, 3, 4, 4]);
  fc.assert(fc.property(fc.double({ min: 0, max: 1, noNaN: true }), fc.double({ min: 0, max: 1, noNaN: true }), (a, b) => a > b || bucketOf(a) <= bucketOf(b)));
});

test('percent and delta formatting', () => {
  assert.deepEqual([0, 0.004, 0.835, 1, 1.2, -0.1].map(formatPercent), ['0%', '0%', '84%', '100%', '100%', '0%']);
  assert.deepEqual([0.05, -0.123, 0.001].map(formatDelta), ['+5 pts', '\u221212 pts', '±0 pts']);
});
