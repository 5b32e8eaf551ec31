// Within-problem ranking (training/within_problem.py): a verifier that only knows how hard each
// problem is scores well pooled over problems but no better than chance among one problem's paths,
// which is what search compares; one that ranks each problem's paths right is perfect within.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';

interface Ranking { pooled: number; within: number; groups: number; pick: number; chance: number }

const result = JSON.parse(execFileSync('/usr/bin/python3', ['-c', `
import json, random
from within_problem import ranking, within_margin

rng = random.Random(3)
rows, difficulty, oracle = [], [], []
for problem in range(40):
    ease = rng.random()
    for path in range(4):
        ok = rng.random() < ease
        rows.append({"problem": problem, "step": "final", "rate": float(ok)})
        difficulty.append(ease)
        oracle.append(0.5 * ease + 0.5 * ok)
print(json.dumps({
    "difficulty": ranking(rows, difficulty, True),
    "oracle": ranking(rows, oracle, True),
    "margin": within_margin(rows, oracle, difficulty, True, seed=1, draws=200),
    "noMidPath": ranking(rows, oracle, False)["groups"],
}))
`], { cwd: 'training', encoding: 'utf8' })) as { difficulty: Ranking; oracle: Ranking; margin: [number, number, number]; noMidPath: number };

test('a verifier that knows only problem difficulty ranks well pooled and at chance within a problem', () => {
  const { difficulty } = result;
  assert.ok(difficulty.pooled > 0.7, `pooled AUC ${difficulty.pooled}`);
  assert.equal(difficulty.within, 0.5);
  assert.ok(Math.abs(difficulty.pick - difficulty.chance) < 1e-9, 'its pick among tied paths is a random one');
  assert.ok(difficulty.groups > 5, 'enough problems with both outcomes');
});

test('a verifier that ranks each problem’s paths right is perfect within, and its margin interval excludes 0', () => {
  const { oracle, margin } = result;
  assert.equal(oracle.within, 1);
  assert.equal(oracle.pick, 1);
  assert.ok(oracle.chance < 1);
  const [mean, low, high] = margin;
  assert.ok(Math.abs(mean - 0.5) < 1e-9, `margin ${mean}`);
  assert.ok(low > 0 && low <= mean && mean <= high);
});

test('final-step and mid-path rows are grouped apart', () => {
  assert.equal(result.noMidPath, 0);
});
