import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { ExactVerdict } from '../../src/shared/engineProtocol.js';
import { isContradicted, isProven } from '../../src/shared/exactVerdicts.js';

test('every verdict reads as contradicted, proven or neither, never both', () => {
  const reading: Record<ExactVerdict, 'contradicted' | 'proven' | 'neither'> = {
    true: 'proven',
    follows: 'proven',
    false: 'contradicted',
    'does-not-follow': 'contradicted',
    unknown: 'neither',
  };
  for (const [verdict, expected] of Object.entries(reading) as [ExactVerdict, string][]) {
    const exact = { verdict, message: '' };
    const got = isContradicted(exact) ? (isProven(exact) ? 'both' : 'contradicted') : isProven(exact) ? 'proven' : 'neither';
    assert.equal(got, expected, verdict);
  }
});

test('no verdict (exact math off) is neither', () => {
  for (const exact of [null, undefined]) {
    assert.equal(isContradicted(exact), false);
    assert.equal(isProven(exact), false);
  }
});
