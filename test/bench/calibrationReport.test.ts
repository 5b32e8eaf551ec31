import { test } from 'node:test';
import assert from 'node:assert/strict';
import { calibrationReport, fitCalibration, ruleOfSuccession, VALUE_WEIGHT } from '../../bench/lib/calibrationReport.js';
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

const BOUNDS = { surprise: 2, splitWords: 10 };

/** A solve of `split` with raw values near 0.9: familiar (surprise 1) or not (3), right or wrong, verified or not.
 * Rights come in pairs of indices, so that both cross-fitting folds (index parity) see the same rates. */
const record = (split: string, index: number, right: boolean, verified: boolean | null, surprise: number): SolvedRecord =>
  ({ ...solved(split, index, right, [0.9, 0.95], surprise), verified });

const solves = (split: string): SolvedRecord[] => [
  ...Array.from({ length: 80 }, (_, i) => record(split, i, true, true, 3)),
  ...Array.from({ length: 40 }, (_, i) => record(split, 80 + i, Math.floor(i / 2) % 4 === 0, null, 3)),
  ...Array.from({ length: 40 }, (_, i) => record(split, 120 + i, Math.floor(i / 2) % 20 !== 0, false, 1)),
];

test('the fit sets verified solves apart: their floor is the rate they were right (rule of succession), the map is fitted on the others', () => {
  const records = solves('natural');
  const map = fitCalibration(records, BOUNDS, 0.25, 'test');
  assert.equal(map.verifiedFloor, ruleOfSuccession(80, 80));
  // Unfamiliar and unverified: right 1 time in 4, which the map learns once the verified ones are out.
  const unfamiliar = map.weights.unfamiliar + 3 * (map.weights.surprise ?? 0) + map.weights.bias + 0.25 * Math.log(0.9 / 0.1);
  assert.ok(Math.abs(1 / (1 + Math.exp(-unfamiliar)) - 0.25) < 0.05, `unfamiliar unverified shown at ${1 / (1 + Math.exp(-unfamiliar))}`);
  const alone = fitCalibration(records, BOUNDS, 0.25, 'test', false);
  assert.equal(alone.verifiedFloor, undefined);
  const mixed = alone.weights.unfamiliar + 3 * (alone.weights.surprise ?? 0) + alone.weights.bias + 0.25 * Math.log(0.9 / 0.1);
  assert.ok(1 / (1 + Math.exp(-mixed)) > 0.5, 'fitted on every solve, the unfamiliar ones average the verified and the rest');
  assert.equal(fitCalibration(records.filter((r) => r.verified !== true), BOUNDS, 0.25, 'test').verifiedFloor, undefined);
});

test('the report ships the map with the floor and shows the verified solves through it, beside the map alone', () => {
  const records = [...solves('val'), ...solves('natural'), ...solves('natural-b')];
  const report = calibrationReport(records, [], ['# test'], 'val + natural');
  assert.equal(report.shipped.verifiedFloor, ruleOfSuccession(160, 160));
  assert.match(report.markdown, /shown at least at 99\.4 %, the rate of verified answers right by the rule of succession \(160 of 160/);
  assert.match(report.markdown, /\| natural \| calibrated, no verified floor \(the map alone, fitted on every solve\) \|/);
  // Every verified answer (80 a split; 40 in a fold, whose floor is 98 %) is shown at the floor; through the map
  // alone they share the value of the unfamiliar wording they came with (right 90 of 120 there).
  const results = (report.json as { results: Record<string, Record<string, { confident: number; confidentWrong: number }>> }).results;
  const shipped = results.natural?.['calibrated, value weight 0.25 (shipped)'];
  const alone = results.natural?.['calibrated, no verified floor (the map alone, fitted on every solve)'];
  assert.ok(shipped !== undefined && alone !== undefined);
  assert.ok(shipped.confident >= 80 && shipped.confident > alone.confident, `shown ≥ 90 %: ${shipped.confident} with the floor, ${alone.confident} without`);
  assert.ok(shipped.confidentWrong <= alone.confidentWrong);
});
