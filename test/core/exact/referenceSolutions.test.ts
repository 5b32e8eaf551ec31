// The reference solutions are correct, so no line of them may be judged false or "does not
// follow", and no reference answer may be judged wrong. The counts per family (how much is
// decided rather than unknown / null) are printed as diagnostics.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { answerSatisfies, judgeSteps, problemContext } from '../../../src/core/exact/index.js';
import { curriculumSample, splitExamples, type Example } from './helpers.js';

/** Claims (lines judged false or "does not follow", answers judged wrong) against reference solutions, and verdict counts per family. */
function judgeReferences(examples: Iterable<Example & { source: string }>): {
  claims: string[];
  lines: Record<string, Record<string, number>>;
  answers: Record<string, Record<string, number>>;
} {
  const lines: Record<string, Record<string, number>> = {};
  const answers: Record<string, Record<string, number>> = {};
  const claims: string[] = [];
  for (const example of examples) {
    const context = problemContext(example.question);
    const steps = example.solution.split('\n');
    judgeSteps(example.question, steps, context).forEach((judgement, i) => {
      const family = (lines[example.family] ??= {});
      family[judgement.verdict] = (family[judgement.verdict] ?? 0) + 1;
      if (judgement.verdict === 'false' || judgement.verdict === 'does-not-follow') {
        claims.push(`${example.source} ${example.question} | ${steps[i]} → ${judgement.verdict}: ${judgement.message}`);
      }
    });
    const verdict = String(answerSatisfies(context, example.answer));
    const family = (answers[example.family] ??= {});
    family[verdict] = (family[verdict] ?? 0) + 1;
    if (verdict === 'false') claims.push(`${example.source} ${example.question} → answer ${example.answer} judged wrong`);
  }
  return { claims, lines, answers };
}

test('every line of every reference solution (val, test, hard) is true, follows or unknown; every answer true or null', (t) => {
  const splits = ['val', 'test', 'hard'] as const;
  const { claims, lines, answers } = judgeReferences(splits.flatMap((split) => splitExamples(split).map((e) => ({ ...e, source: split }))));
  for (const family of Object.keys(lines).sort()) {
    t.diagnostic(`${family}: lines ${JSON.stringify(lines[family])}, answers ${JSON.stringify(answers[family])}`);
  }
  assert.deepEqual(claims, []);
  // The exact module does decide most of the curriculum's arithmetic and equations.
  const decided = (family: string): number => (lines[family]?.true ?? 0) + (lines[family]?.follows ?? 0);
  for (const family of ['arithmetic', 'order_of_operations', 'fractions', 'percentages', 'linear_equation', 'linear_system', 'word_problem']) {
    assert.ok(decided(family) > 0, family);
  }
  for (const family of ['arithmetic', 'order_of_operations', 'fractions', 'linear_equation', 'linear_system']) {
    assert.equal(answers[family]?.null ?? 0, 0, `${family}: every answer checked`);
  }
});

for (const version of ['v2', 'v3'] as const) {
  test(`curriculum ${version} (its training and held-out phrasings): no reference line judged false, no reference answer judged wrong`, (t) => {
    const sample = curriculumSample(version);
    const { claims, lines, answers } = judgeReferences(sample.map((e) => ({ ...e, source: version })));
    for (const family of Object.keys(lines).sort()) {
      t.diagnostic(`${family}: lines ${JSON.stringify(lines[family])}, answers ${JSON.stringify(answers[family])}`);
    }
    assert.deepEqual(claims, []);
    // Every family is in the sample, and the judge decides lines of each (all write `$a op b = c$` steps).
    assert.equal(Object.keys(lines).length, 23);
    for (const family of Object.keys(lines)) assert.ok((lines[family]?.true ?? 0) > 0, family);
  });
}

test("curriculum v4's new kinds (training and held-out phrasings): no reference line judged false, no reference answer judged wrong", (t) => {
  const sample = curriculumSample('v4');
  const { claims, lines, answers } = judgeReferences(sample.map((e) => ({ ...e, source: 'v4' })));
  for (const family of Object.keys(lines).sort()) {
    t.diagnostic(`${family}: lines ${JSON.stringify(lines[family])}, answers ${JSON.stringify(answers[family])}`);
  }
  assert.deepEqual(claims, []);
  for (const family of Object.keys(lines)) assert.ok((lines[family]?.true ?? 0) > 0, family);
});
