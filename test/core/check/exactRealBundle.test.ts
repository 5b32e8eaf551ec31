// Exact math beside the TVM, against the real models in models/default: a planted false line
// gets its exact verdict whatever the TVM's value, the line after a slip is judged on its own,
// and a hint never proposes a line exact math contradicts — over problems of ten families of the
// hard split, where the verifier alone does propose such lines (on val the policy seldom slips).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { checkDerivation, hintNextStep, isContradicted, type Hint } from '../../../src/core/check/index.js';
import { judgeSteps, verifyAnswer } from '../../../src/core/exact/index.js';
import { useRealBundle, REAL_BUNDLE_DIR, skipQuality } from '../../helpers/realBundle.js';


const real = useRealBundle();

test('a planted false line gets exact verdict false with the right value; the line after it is judged on its own', async () => {
  const steps = ['$23 \\times 4 = 91$', '$91 + 1 = 92$', 'The answer is 92'];
  const check = await checkDerivation(real.models, { problem: 'What is $23 \\times 4$?', steps });
  assert.deepEqual(check.steps[0]?.exact, { verdict: 'false', expected: '92', message: '23 \\times 4 = 91 is false: 23 \\times 4 = 92' });
  assert.equal(check.steps[1]?.exact?.verdict, 'true', '91 + 1 = 92 holds, whatever came before it');
  assert.equal(check.firstFalse, 0);
  assert.equal(check.verified, true);
  const off = await checkDerivation(real.models, { problem: 'What is $23 \\times 4$?', steps }, { exact: false });
  assert.deepEqual([off.steps.map((s) => s.exact), off.firstFalse, off.verified], [[null, null, null], null, null]);
  // The verifier's values do not depend on the exact option.
  assert.deepEqual(off.steps.map((s) => s.value), check.steps.map((s) => s.value));
});

/** Whether exact math contradicts the hint's line after the steps (or refutes the answer it states). */
function contradicted(problem: string, steps: readonly string[], hint: Hint): boolean {
  if (hint.outcome !== 'step') return false;
  if (isContradicted(judgeSteps(problem, [...steps, hint.text]).at(-1))) return true;
  const answer = hint.trace.steps[0]?.beams.flatMap((b) => b.candidates).find((c) => c.text === hint.text)?.answer ?? null;
  return answer !== null && verifyAnswer(problem, answer) === false;
}

test('a hint never proposes a line exact math contradicts, where the verifier alone does', { skip: skipQuality }, async (t) => {
  // Ten problems spread evenly over the hard split (ordered by family, so ten families);
  // from the start and after the first reference step.
  const all = readFileSync(join(REAL_BUNDLE_DIR, 'splits', 'hard.jsonl'), 'utf8')
    .trim()
    .split('\n')
    .map((line) => JSON.parse(line) as { question: string; solution: string });
  const items = all.filter((_, i) => i % Math.floor(all.length / 10) === 0).slice(0, 10);
  assert.equal(items.length, 10);
  let hints = 0;
  let contradictedWithout = 0;
  let rejected = 0;
  for (const item of items) {
    for (const steps of [[], item.solution.split('\n').slice(0, 1)]) {
      for (const seed of [0, 1]) {
        // A hot temperature: the policy then writes slips the verifier does not always rank last.
        const options = { k: 4, seed, temperature: 1 };
        const hint = await hintNextStep(real.models, { problem: item.question, steps }, options);
        const where = `${item.question} after ${JSON.stringify(steps)}, seed ${seed}: ${JSON.stringify(hint.text)}`;
        assert.equal(contradicted(item.question, steps, hint), false, where);
        assert.ok(hint.outcome === 'step' ? !isContradicted(hint.exact) : hint.exact === null, where);
        if (hint.outcome === 'all-contradicted') assert.equal(hint.rejected, options.k, where);
        rejected += hint.rejected;
        hints++;
        const alone = await hintNextStep(real.models, { problem: item.question, steps }, { ...options, exact: false });
        assert.deepEqual([alone.exact, alone.rejected], [null, 0]);
        if (contradicted(item.question, steps, alone)) contradictedWithout++;
      }
    }
  }
  assert.equal(hints, 40);
  t.diagnostic(`contradicted hints: ${contradictedWithout} of 40 without exact math; candidates rejected with it: ${rejected}`);
  // Otherwise the assertions above would hold vacuously.
  assert.ok(contradictedWithout > 0, 'the verifier alone never proposed a contradicted line: nothing was tested');
  assert.ok(rejected > 0);
});
