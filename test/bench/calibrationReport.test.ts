import { test } from 'node:test';
import assert from 'node:assert/strict';
import { calibrationReport, VALUE_WEIGHT } from '../../bench/lib/calibrationReport.js';
import type { SolvedRecord } from '../../bench/lib/calibrationSolves.js';
import { displayedValue } from '../../src/core/familiarity/calibration.js';

/** A solved problem: right or wrong, its raw step values, its surprise. */
function solved(split: string, index: number, right: boolean, stepValues: number[], surprise = 1): SolvedRecord {
  return {
    split, index, question: `q${index}`, reference: '1', answer: right ? '1' : '2', right, verified: null, stepValues,
    surprise: { meanNats: surprise, maxNats: surprise, tokens: 5 }, splitWords: 0, agreement: null,
  };
}

/** val: mostly right; natural: right half the time; both with raw values near 0.9. */
function fitted(): SolvedRecord[] {
  const records: SolvedRecord[] = [];
  for (let i = 0; i < 40; i++) records.push(solved('val', i, i % 8 !== 0, [0.8, 0.9], 1 + (i % 5) / 10));
  for (let i = 0; i < 40; i++) records.push(solved('natural', i, i % 2 === 0, [0.85, 0.92], 1.2 + (i % 7) / 10));
  return records;
}

test('a blind split is never fitted on: the shipped map is the same with or without it, and its rows show values through that map', () => {
  const blind = Array.from({ length: 20 }, (_, i) => solved('natural-b', i, i % 4 === 0, [0.95, 0.97], 1.3));
  const without = calibrationReport(fitted(), [], [], 'val + natural');
  const withBlind = calibrationReport([...fitted(), ...blind], [], [], 'val + natural');
  assert.deepEqual(withBlind.shipped, without.shipped);
  assert.equal(withBlind.shipped.weights.value, VALUE_WEIGHT);

  const results = (withBlind.json as { results: Record<string, Record<string, { answers: number; confident: number; confidentWrong: number; problems: number }>> }).results;
  const raw = results['natural-b']?.['raw (before)'];
  const shown = results['natural-b']?.['shipped map (fitted on all of val + natural)'];
  assert.ok(raw && shown, 'natural-b has raw and shipped rows');
  // Raw: every answer at 97 %, three in four wrong.
  assert.deepEqual([raw.problems, raw.answers, raw.confident, raw.confidentWrong], [20, 20, 20, 15]);
  // Shipped: what the map displays for 0.97 decides how many stay at ≥ 90 %.
  const displayed = displayedValue(0.97, { surprise: 1.3, splitWords: 0 }, withBlind.shipped);
  assert.equal(shown.confident, displayed >= 0.9 ? 20 : 0);
  assert.match(withBlind.markdown, /\| natural-b \(blind\) \| shipped map/);
  assert.match(withBlind.markdown, /Targets on natural-b \(blind\): step-value ECE/);
  assert.match(withBlind.markdown, /\| natural-b \(blind\) \| 20 \|/);
  assert.doesNotMatch(without.markdown, /blind/);
});
