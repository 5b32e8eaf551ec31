import { test } from 'node:test';
import assert from 'node:assert/strict';
import { PrefixCache } from '../../../src/core/runtime/prefixCache.js';

test('finds the longest cached prefix, including the whole sequence', () => {
  const cache = new PrefixCache<string>(1000, () => 1);
  cache.set([1, 2], 'a');
  cache.set([1, 2, 3, 4], 'b');
  assert.deepEqual(cache.longestPrefix([1, 2, 3, 4, 5]), { length: 4, value: 'b' });
  assert.deepEqual(cache.longestPrefix([1, 2, 3]), { length: 2, value: 'a' });
  assert.deepEqual(cache.longestPrefix([1, 2, 3, 4]), { length: 4, value: 'b' });
  assert.equal(cache.longestPrefix([2, 1]), undefined);
  assert.equal(cache.longestPrefix([1]), undefined);
});

test('evicts least recently used entries beyond the byte budget', () => {
  const cache = new PrefixCache<string>(3, (v) => v.length);
  cache.set([1], 'x');
  cache.set([2], 'y');
  cache.longestPrefix([1]); // [1] is now the most recently used
  cache.set([3], 'zz');
  assert.equal(cache.totalBytes, 3);
  assert.equal(cache.longestPrefix([2]), undefined);
  assert.equal(cache.longestPrefix([1])?.value, 'x');
  assert.equal(cache.longestPrefix([3])?.value, 'zz');
});

test('replacing an entry keeps the byte count right; oversized values are not stored', () => {
  const cache = new PrefixCache<string>(5, (v) => v.length);
  cache.set([1, 2], 'abc');
  cache.set([1, 2], 'de');
  assert.equal(cache.totalBytes, 2);
  assert.equal(cache.size, 1);
  cache.set([7], 'too long!');
  assert.equal(cache.longestPrefix([7]), undefined);
});
