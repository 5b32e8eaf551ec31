import { test } from 'node:test';
import assert from 'node:assert/strict';
import { wilsonInterval } from '../../bench/lib/stats.js';
import { checkpointRow, formatAccuracy, greedyBySplit } from '../../bench/lib/checkpointTable.js';
import { renderAccuracy, type ProblemOutcome, type SetReport } from '../../bench/lib/accuracyReport.js';

test('Wilson 95 % intervals match the published values and stay inside [0, 1]', () => {
  // 13 of 181 (the v1 bundle on natural, 7.2 %): computed independently with the closed form.
  const [low, high] = wilsonInterval(13, 181);
  assert.ok(Math.abs(low - 0.04245) < 1e-4 && Math.abs(high - 0.11899) < 1e-4, `${low} ${high}`);
  const [zeroLow, zeroHigh] = wilsonInterval(0, 50);
  assert.equal(zeroLow, 0);
  assert.ok(zeroHigh > 0.07 && zeroHigh < 0.072, `${zeroHigh}`); // 0.0713: not zero-width at 0 %
  const [allLow, allHigh] = wilsonInterval(50, 50);
  assert.ok(allHigh <= 1 && allLow > 0.92 && allLow < 0.93, `${allLow}`);
  assert.deepEqual(wilsonInterval(0, 0), [0, 1]);
});

const outcome = (greedy: boolean): ProblemOutcome => ({ question: 'q', reference: '1', correct: { 'greedy@4': greedy }, seconds: {} });

test('a checkpoint row reads greedy per split from a greedy-only report, in the order asked', () => {
  const reports: SetReport[] = [
    { name: 'natural', outcomes: [outcome(true), outcome(false), outcome(false), outcome(false)] },
    { name: 'val', outcomes: [outcome(true), outcome(true)] },
  ];
  const accuracies = greedyBySplit(reports, ['val', 'natural']);
  assert.deepEqual(accuracies, [{ split: 'val', correct: 2, n: 2 }, { split: 'natural', correct: 1, n: 4 }]);
  assert.equal(formatAccuracy({ split: 'natural', correct: 1, n: 4 }), '25.0 % [4.6, 69.9] (1/4)');
  const record = { checkpoint: { step: 1000, of_steps: 28000, tokens: 1746045, saved_at: '2026-12-05T09:15:26Z' }, val_loss: 0.88994 };
  assert.equal(checkpointRow(record, accuracies), '| 1000 / 28000 | 1.75M | 2026-12-05T09:15:26Z | 0.8899 | 100.0 % [34.2, 100.0] (2/2) | 25.0 % [4.6, 69.9] (1/4) |');
  assert.throws(() => greedyBySplit(reports, ['heldout_template']), /no split "heldout_template".*--splits heldout_template/);
});

test('a greedy-only accuracy report has a greedy row and no row for strategies that did not run', () => {
  const run = { bundle: 'medium-v2-step1000', device: 'cpu', date: '2026-12-05', seed: 0, b: 4, temperature: 0.7 };
  const { markdown } = renderAccuracy([{ name: 'val', outcomes: [outcome(true), outcome(false)] }], [4], [], run);
  assert.match(markdown, /\| greedy \(budget 1\) \| 50\.0% \|/);
  assert.doesNotMatch(markdown, /majority vote \|/);
});
