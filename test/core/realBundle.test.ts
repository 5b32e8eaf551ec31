// Every strategy, the checker and the hint against the real ONNX models in models/default.
// Kept small (one problem, K=4) because they run on a shared CPU; they check the search
// bookkeeping and the agreement between components, not accuracy (that is bench/accuracy.ts).
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { loadBundle, type LoadedBundle } from '../../src/core/bundle/loadBundle.js';
import { createEngineModels } from '../../src/core/runtime/engineModels.js';
import type { EngineModels } from '../../src/core/lm.js';
import { solve } from '../../src/core/solve.js';
import { checkDerivation, hintNextStep } from '../../src/core/check/index.js';
import type { SearchTrace, StrategyName } from '../../src/core/search/index.js';

// TVM_TUTOR_TEST_BUNDLE points the suite at another bundle (e.g. the random fixture, to test plumbing).
const DIR = process.env.TVM_TUTOR_TEST_BUNDLE ?? 'models/default';
const small = { k: 4, b: 2, maxSteps: 8 };
// Tests of what a trained model knows make no sense on a random fixture bundle.
const skipQuality = process.env.TVM_TUTOR_TEST_BUNDLE ? 'needs the trained models/default' : false;

let bundle: LoadedBundle;
let models: EngineModels;
let problem = 'What is 12 + 30?';

before(async () => {
  bundle = await loadBundle(DIR, { device: 'cpu' });
  models = createEngineModels(bundle);
  const split = join(DIR, 'splits', 'test.jsonl');
  if (existsSync(split)) problem = JSON.parse(readFileSync(split, 'utf8').split('\n')[0] ?? '{}').question ?? problem;
});

after(async () => {
  await bundle?.release();
});

function assertValuesWellFormed(trace: SearchTrace): void {
  const texts = [...trace.steps.flatMap((s) => s.beams.flatMap((b) => b.candidates)), ...trace.paths.flatMap((p) => p.steps), ...trace.chosen];
  for (const t of texts) {
    assert.equal(t.tokenTexts.length, t.tokenIds.length);
    if (t.tokenValues) {
      assert.equal(t.tokenValues.length, t.tokenIds.length);
      assert.ok(t.tokenValues.every((v) => v >= 0 && v <= 1 && Number.isFinite(v)));
      assert.equal(t.value, t.tokenValues.at(-1));
    }
  }
}

for (const strategy of ['greedy', 'vote', 'bon', 'wvote', 'beam'] as StrategyName[]) {
  test(`${strategy} runs on the real models and returns a well-formed trace`, async () => {
    const result = await solve(models, { problem, strategy, ...small });
    const { trace } = result;
    assertValuesWellFormed(trace);
    assert.equal(trace.outcome, trace.answer === null ? 'no-answer' : 'answered');
    assert.ok(result.steps.length > 0);
    if (strategy === 'beam') {
      for (const step of trace.steps) {
        const candidates = step.beams.flatMap((b) => b.candidates);
        assert.ok(candidates.filter((c) => c.kept).length <= small.b);
        assert.equal(candidates.length, step.index === 0 ? small.k : step.beams.length * (small.k / small.b));
      }
    } else {
      assert.equal(trace.paths.length, strategy === 'greedy' ? 1 : small.k);
    }
  });
}

test('beam search on the real models is reproducible for a seed', async () => {
  const a = await solve(models, { problem, ...small, seed: 3 });
  const b = await solve(models, { problem, ...small, seed: 3 });
  assert.deepEqual(
    a.trace.chosen.map((s) => s.tokenIds),
    b.trace.chosen.map((s) => s.tokenIds),
  );
  assert.equal(a.answer, b.answer);
});

test('the checker gives the greedy path the same values the search saw', async () => {
  const g = await solve(models, { problem, strategy: 'greedy', maxSteps: 8 });
  const steps = g.steps.map((s) => s.text).filter((s) => s.trim() !== '');
  const check = await checkDerivation(models, { problem, steps });
  assert.equal(check.steps.length, steps.length);
  let compared = 0;
  g.trace.chosen.forEach((sampled, i) => {
    const checked = check.steps[i];
    // Only comparable where re-encoding the text reproduces the sampled tokens (BPE may differ).
    if (!checked || checked.tokens.map((t) => t.id).join() !== sampled.tokenIds.join()) return;
    assert.ok(Math.abs(checked.value - (sampled.value ?? -1)) < 1e-4, `step ${i}: ${checked.value} vs ${sampled.value}`);
    compared++;
  });
  // A trained policy writes lines that re-encode to the same tokens; a random fixture may not.
  if (!skipQuality) assert.ok(compared > 0, 'no step of the greedy path re-encoded to its sampled tokens');
  assert.ok(check.firstSuspicious === null || check.firstSuspicious < steps.length);
  assert.ok(check.reason.length > 0);
});

test('a hint continues the given steps by exactly one line', async () => {
  const g = await solve(models, { problem, strategy: 'greedy', maxSteps: 8 });
  const prefix = g.steps.slice(0, 1).map((s) => s.text);
  const hint = await hintNextStep(models, { problem, steps: prefix }, { k: 4 });
  assert.ok(!hint.text.includes('\n'));
  assert.equal(hint.position, 1);
  assert.deepEqual(hint.trace.prefixSteps, prefix);
  assert.equal(hint.trace.steps.length, 1);
});

test('an abort stops a real beam search with an AbortError', async () => {
  const controller = new AbortController();
  const run = solve(models, { problem, k: 16, b: 4 }, controller.signal, (p) => {
    if (p.stage === 'scoring') controller.abort();
  });
  await assert.rejects(run, { name: 'AbortError' });
});
