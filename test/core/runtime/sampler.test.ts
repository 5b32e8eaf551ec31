import { test } from 'node:test';
import assert from 'node:assert/strict';
import { argmax, chooseToken, createRandom, streamSeed, topIndices } from '../../../src/core/runtime/sampler.js';

const logits = Float32Array.from([1, 5, 3, 4, 2, -1, 0, 4.5]);

test('the same seed gives the same random stream, different streams differ', () => {
  const a = createRandom(42);
  const b = createRandom(42);
  const first = Array.from({ length: 5 }, a);
  assert.deepEqual(first, Array.from({ length: 5 }, b));
  assert.notDeepEqual(first, Array.from({ length: 5 }, createRandom(streamSeed(42, 1))));
  for (const x of first) assert.ok(x >= 0 && x < 1);
});

test('topIndices returns the largest values, best first', () => {
  assert.deepEqual(topIndices(logits, 0, logits.length, 3), [1, 7, 3]);
  assert.deepEqual(topIndices(logits, 2, 4, 2), [1, 0]); // offset window [3,4,2,-1]
});

test('temperature 0 is argmax', () => {
  assert.equal(chooseToken(logits, 0, logits.length, { temperature: 0 }, createRandom(1)), argmax(logits, 0, logits.length));
  assert.equal(argmax(logits, 0, logits.length), 1);
});

test('top-k 1 is greedy whatever the temperature', () => {
  const random = createRandom(7);
  for (let i = 0; i < 50; i++) assert.equal(chooseToken(logits, 0, logits.length, { temperature: 5, topK: 1 }, random), 1);
});

test('top-k restricts draws to the k best tokens', () => {
  const random = createRandom(3);
  const seen = new Set<number>();
  for (let i = 0; i < 500; i++) seen.add(chooseToken(logits, 0, logits.length, { temperature: 10, topK: 3 }, random));
  assert.deepEqual([...seen].sort(), [1, 3, 7]);
});

test('top-p keeps the smallest most-likely set reaching the mass', () => {
  // probs ∝ [0.5, 0.3, 0.15, 0.05]: p=0.7 keeps the first two, p=0.85 the first three.
  const peaked = Float32Array.from([0.5, 0.3, 0.15, 0.05].map(Math.log));
  const draws = (topP: number): Set<number> => {
    const random = createRandom(11);
    const seen = new Set<number>();
    for (let i = 0; i < 2000; i++) seen.add(chooseToken(peaked, 0, 4, { temperature: 1, topP }, random));
    return seen;
  };
  assert.deepEqual([...draws(0.7)].sort(), [0, 1]);
  assert.deepEqual([...draws(0.85)].sort(), [0, 1, 2]);
  assert.deepEqual([...draws(1)].sort(), [0, 1, 2, 3]);
});

test('top-p over a large flat vocabulary grows its candidate pool beyond the first 64', () => {
  const flat = new Float32Array(1000); // uniform: p=0.5 needs 500 tokens
  const random = createRandom(5);
  const seen = new Set<number>();
  for (let i = 0; i < 3000; i++) seen.add(chooseToken(flat, 0, 1000, { temperature: 1, topP: 0.5 }, random));
  assert.ok(seen.size > 300 && seen.size <= 500, `saw ${seen.size} distinct tokens`);
});

test('sampling frequencies follow softmax(logits / temperature)', () => {
  const two = Float32Array.from([0, Math.log(3)]); // p = [0.25, 0.75]
  const random = createRandom(9);
  let ones = 0;
  const n = 20000;
  for (let i = 0; i < n; i++) ones += chooseToken(two, 0, 2, { temperature: 1 }, random);
  assert.ok(Math.abs(ones / n - 0.75) < 0.015, `frequency ${ones / n}`);
});
