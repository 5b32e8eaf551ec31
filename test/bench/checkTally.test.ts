import { test } from 'node:test';
import assert from 'node:assert/strict';
import { DEFAULT_SUSPICION } from '../../src/core/check/suspicious.js';
import { collapsesByDrop, suspicionGrid, tallyCases, type CheckedCase } from '../../bench/lib/checkTally.js';

const flat = { before: 0.8, values: [0.8, 0.8, 0.8] };
const base = { split: 'test', verifier: 'tvm', kind: 'sign' as const, slipped: 1, clean: flat, answer: null };

test('the flag is placed by the engine rule and sorted into hit, early, late and missed', () => {
  const cases: CheckedCase[] = [
    { ...base, planted: { before: 0.8, values: [0.8, 0.1, 0.1] } },
    { ...base, planted: { before: 0.8, values: [0.2, 0.2, 0.2] } },
    { ...base, planted: { before: 0.8, values: [0.8, 0.8, 0.1] } },
    { ...base, planted: flat, clean: { before: 0.8, values: [0.8, 0.3, 0.3] } },
  ];
  const t = tallyCases(cases, DEFAULT_SUSPICION).get('test|tvm|all')!;
  assert.deepEqual([t.n, t.hit, t.early, t.late, t.missed, t.cleanFlagged], [4, 1, 1, 1, 1, 1]);
  assert.ok(Math.abs(t.slipDrop - (0.7 + 0 + 0 + 0)) < 1e-12, 'drop at the slipped step: value before it minus value after it');
  assert.ok(Math.abs(t.cleanDrop - 0.5) < 1e-12);
  assert.equal(tallyCases(cases, DEFAULT_SUSPICION).get('test|tvm|sign')!.n, 4, 'also tallied by slip kind');
});

test('a stricter relative drop flags fewer steps; answers off by one are tallied when present', () => {
  const cases: CheckedCase[] = [{ ...base, planted: { before: 0.8, values: [0.8, 0.5, 0.5] }, answer: { right: 0.9, wrong: 0.2 } }];
  const lenient = tallyCases(cases, { threshold: 0.3, relativeDrop: 0.3, minDrop: 0.1 }).get('test|tvm|all')!;
  const strict = tallyCases(cases, { threshold: 0.3, relativeDrop: 0.5, minDrop: 0.1 }).get('test|tvm|all')!;
  assert.equal(lenient.hit, 1);
  assert.equal(strict.missed, 1);
  assert.deepEqual([strict.answerN, strict.answerWrongLower], [1, 1]);
});

test('the sweep grid holds the engine defaults', () => {
  assert.ok(suspicionGrid().some((o) => JSON.stringify(o) === JSON.stringify(DEFAULT_SUSPICION)));
});

test('collapses by drop: the first collapse on the slip is right, before or after it or on clean work wrong, banded by its drop', () => {
  const cases: CheckedCase[] = [
    { ...base, planted: { before: 0.8, values: [0.8, 0.1, 0.1] } }, // 70 points on the slip
    { ...base, planted: { before: 0.6, values: [0.35, 0.35, 0.35] } }, // 25 points, before the slip
    { ...base, planted: { before: 0.8, values: [0.8, 0.8, 0.35] }, clean: { before: 0.8, values: [0.8, 0.3, 0.3] } }, // 45 late; 50 on clean work
    { ...base, planted: flat }, // nothing flagged
  ];
  assert.deepEqual(collapsesByDrop(cases, DEFAULT_SUSPICION, [0, 0.3, 0.6]), [
    { from: 0, right: 0, wrong: 1 },
    { from: 0.3, right: 0, wrong: 2 },
    { from: 0.6, right: 1, wrong: 0 },
  ]);
});
