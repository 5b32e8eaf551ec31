import { test } from 'node:test';
import assert from 'node:assert/strict';
import { InferenceSession, Tensor } from 'onnxruntime-node';
import { discordant, mcnemarExact, percentile } from '../../bench/lib/stats.js';
import { countParameters, matmulModel } from '../../bench/lib/onnxProto.js';
import { lineChart } from '../../bench/lib/svg.js';
import { renderAccuracy } from '../../bench/lib/accuracyReport.js';
import { reportFile } from '../../bench/lib/problems.js';

test('McNemar exact p-values match the binomial tail', () => {
  assert.equal(mcnemarExact(0, 0), 1);
  assert.equal(mcnemarExact(0, 5), 2 / 32);
  assert.ok(Math.abs(mcnemarExact(1, 9) - (2 * 11) / 1024) < 1e-12);
  assert.equal(mcnemarExact(9, 1), mcnemarExact(1, 9));
  assert.equal(mcnemarExact(5, 5), 1);
  // Large n neither overflows nor returns NaN.
  assert.equal(mcnemarExact(1000, 1000), 1);
  const tiny = mcnemarExact(0, 2000);
  assert.ok(Number.isFinite(tiny) && tiny >= 0 && tiny < 1e-10);
});

test('reports on the default splits keep their names; a run on other splits writes its own file', () => {
  assert.equal(reportFile('accuracy', ['test', 'hard']), 'accuracy.md');
  assert.equal(reportFile('check-sweep', ['val']), 'check-sweep-val.md');
  assert.equal(reportFile('check', ['hard', 'test']), 'check-hard-test.md');
});

test('counts discordant pairs and nearest-rank percentiles', () => {
  assert.deepEqual(discordant([true, true, false, false], [true, false, true, true]), { onlyA: 1, onlyB: 2 });
  assert.equal(percentile([5, 1, 3, 2, 4], 50), 3);
  assert.equal(percentile([5, 1, 3, 2, 4], 95), 5);
});

test('the hand-built MatMul model runs in onnxruntime and has no parameters', async () => {
  const session = await InferenceSession.create(matmulModel(2));
  const a = new Tensor('float32', Float32Array.from([1, 2, 3, 4]), [2, 2]);
  const out = await session.run({ A: a, B: a });
  assert.deepEqual([...(out.C?.data as Float32Array)], [7, 10, 15, 22]);
  await session.release();
  assert.equal(countParameters(matmulModel(2)), 0);
});

test('the accuracy report has a row per strategy, McNemar p-values and a chart per set', () => {
  const outcome = (beam: boolean, vote: boolean) => ({
    question: 'q',
    reference: '1',
    correct: { 'beam-tvm@4': beam, 'vote@4': vote, 'greedy@4': false, 'bon-tvm@4': vote, 'wvote-tvm@4': vote, 'pass@4': true },
    seconds: { 'beam-tvm@4': 1, greedy: 0.1, pool: 0.5, 'score-tvm': 0.2 },
  });
  const { markdown, charts } = renderAccuracy(
    [{ name: 'test', outcomes: [outcome(true, false), outcome(true, false), outcome(true, true)] }],
    [4],
    ['tvm'],
    { bundle: 'b', device: 'cpu', date: '2025-01-01', seed: 0, b: 4, temperature: 0.7 },
  );
  assert.match(markdown, /\| beam search, TVM \| \*\*100\.0%\*\* \|/);
  assert.match(markdown, /\| majority vote \| 33\.3% \(p=0\.500\) \|/);
  assert.match(markdown, /\| pass@N: any of the N paths right \(the ceiling of choosing among them\) \| 100\.0% \|/, 'a ceiling, not compared');
  assert.match(charts.test ?? '', /^<svg/);
  assert.match(lineChart('t', 'x', ['1'], [{ name: 'a', values: [0.5] }]), /<polyline/);
});
