// The verifier evaluation's statistics (training/tvm_training/verifier_eval.py), run in the Python
// that trains the models: the rank-based AUC must equal the pairwise definition, ties included, and
// the bootstrap interval of the TVM's margin must separate a better verifier from a worse one.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';

function python(script: string): unknown {
  const out = execFileSync('/usr/bin/python3', ['-c', script], {
    encoding: 'utf8', cwd: 'training', env: { ...process.env, OMP_WAIT_POLICY: 'PASSIVE' },
  });
  return JSON.parse(out);
}

test('the rank AUC equals the share of positive-negative pairs ranked right, ties counting half', () => {
  const result = python(`
import json, random
from tvm_training.verifier_eval import auc
def pairwise(scores, positive):
    pos = [s for s, p in zip(scores, positive) if p]
    neg = [s for s, p in zip(scores, positive) if not p]
    if not pos or not neg:
        return None
    return sum(1.0 if a > b else 0.5 if a == b else 0.0 for a in pos for b in neg) / (len(pos) * len(neg))
rng = random.Random(3)
worst = 0.0
for _ in range(500):
    n = rng.randint(1, 25)
    scores = [rng.choice([0.1, 0.5, 0.9, rng.random()]) for _ in range(n)]
    positive = [rng.random() < 0.5 for _ in range(n)]
    a, b = auc(scores, positive), pairwise(scores, positive)
    assert (a is None) == (b is None), (scores, positive)
    worst = max(worst, 0.0 if a is None else abs(a - b))
print(json.dumps({"worst": worst, "perfect": auc([0.2, 0.9], [False, True]), "tied": auc([0.5, 0.5], [False, True])}))
`) as { worst: number; perfect: number; tied: number };
  assert.ok(result.worst < 1e-12, `largest difference ${result.worst}`);
  assert.equal(result.perfect, 1);
  assert.equal(result.tied, 0.5);
});

test('the TVM margin interval is above zero against a noisier baseline and is exactly zero against an identical verifier', () => {
  const result = python(`
import json, random
from tvm_training.verifier_eval import tvm_margins
rng = random.Random(5)
rows, vals = [], {"tvm": [], "orm": [], "prm": []}
for problem in range(120):
    for step in range(5):
        rate = rng.random()
        rows.append({"problem": problem, "rate": rate, "step": str(step + 1)})
        tvm = min(1.0, max(0.0, rate + rng.gauss(0, 0.15)))
        vals["tvm"].append(tvm)
        vals["orm"].append(min(1.0, max(0.0, rate + rng.gauss(0, 0.45))))
        vals["prm"].append(tvm)
print(json.dumps(tvm_margins(rows, vals, list(range(len(rows))), seed=9, resamples=300)))
`) as Record<string, Record<'auc' | 'brier', [number, number, number]>>;
  const [auc, aucLow, aucHigh] = result.orm!.auc;
  assert.ok(aucLow > 0 && aucLow <= auc && auc <= aucHigh, `AUC margin ${auc} [${aucLow}, ${aucHigh}]`);
  assert.ok(result.orm!.brier[1] > 0, `Brier margin ${result.orm!.brier}`);
  assert.deepEqual(result.prm!.auc, [0, 0, 0]);
  assert.deepEqual(result.prm!.brier, [0, 0, 0]);
});
