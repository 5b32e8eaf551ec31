import { test } from 'node:test';
import assert from 'node:assert/strict';
import { asFloat32, float32ToHalfBits, halfBitsToFloat32 } from '../../../src/core/runtime/float16.js';

test('float32 → binary16 bits: exact values, rounding to nearest even, subnormals, overflow', () => {
  const bits = (values: number[]) => Array.from(float32ToHalfBits(Float32Array.from(values)));
  assert.deepEqual(bits([0, -0, 1, -2, 65504, 2 ** -24, 2 ** -14, 1e6, -Infinity]), [0x0000, 0x8000, 0x3c00, 0xc000, 0x7bff, 0x0001, 0x0400, 0x7c00, 0xfc00]);
  // 1 + 2^-11 lies halfway between 1 and 1 + 2^-10: ties go to the even mantissa (1).
  assert.deepEqual(bits([1 + 2 ** -11, 1 + 3 * 2 ** -11]), [0x3c00, 0x3c02]);
  assert.equal(bits([NaN])[0]! & 0x7c00, 0x7c00);
});

test('binary16 bits → float32 round-trips every finite half value', () => {
  const all = new Uint16Array(0x10000).map((_, i) => i);
  const values = halfBitsToFloat32(all);
  const finite = Array.from(all).filter((h) => (h & 0x7c00) !== 0x7c00);
  const again = float32ToHalfBits(Float32Array.from(finite, (h) => values[h] as number));
  finite.forEach((h, i) => assert.equal(again[i], h, `0x${h.toString(16)}`));
  assert.equal(values[0x3555], 0.333251953125);
  assert.deepEqual(Array.from(asFloat32('float16', Uint16Array.of(0x3c00, 0xc000))), [1, -2]);
});
