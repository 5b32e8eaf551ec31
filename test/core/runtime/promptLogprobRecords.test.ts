import { test } from 'node:test';
import assert from 'node:assert/strict';
import { PromptLogprobRecords } from '../../../src/core/runtime/promptLogprobRecords.js';

test('a record serves its own tokens and every prefix of them, not a longer or different prompt', () => {
  const records = new PromptLogprobRecords();
  records.record([1, 2, 3, 4], Float32Array.from([Number.NaN, -1, -2, -3]));
  assert.deepEqual([...(records.find([1, 2, 3, 4]) ?? [])].slice(1), [-1, -2, -3]);
  assert.deepEqual([...(records.find([1, 2]) ?? [])].slice(1), [-1]);
  assert.equal(records.find([1, 2, 3, 4, 5]), undefined);
  assert.equal(records.find([1, 9]), undefined);
});

test('the most recent 32 prompts are kept; recording one again refreshes it', () => {
  const records = new PromptLogprobRecords();
  for (let i = 0; i < 33; i++) records.record([i, 100], Float32Array.from([Number.NaN, -i]));
  assert.equal(records.find([0, 100]), undefined, 'the oldest is dropped');
  assert.ok(records.find([1, 100]));
  records.record([1, 100], Float32Array.from([Number.NaN, -1]));
  records.record([50, 100], Float32Array.from([Number.NaN, -50]));
  assert.ok(records.find([1, 100]), 'refreshed, so kept');
  assert.equal(records.find([2, 100]), undefined);
});
