// The engine's grader on the table of cases the Python grader (training labels,
// training/tvm_training/grading.py) is tested on too: both give every case its expected verdict.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { answersEquivalent } from '../../../src/core/grading/index.js';

interface GradingCase {
  answer: string;
  reference: string;
  equivalent: boolean;
  case: string;
}

const cases = JSON.parse(readFileSync(join(__dirname, '..', '..', 'fixtures', 'answer-grading-cases.json'), 'utf8')) as GradingCase[];

test('the shared table has cases of both verdicts', () => {
  assert.ok(cases.filter((c) => c.equivalent).length >= 20);
  assert.ok(cases.filter((c) => !c.equivalent).length >= 10);
});

for (const c of cases) {
  test(`shared grading case: ${c.case} (${JSON.stringify(c.answer)} vs ${JSON.stringify(c.reference)})`, () => {
    assert.equal(answersEquivalent(c.answer, c.reference), c.equivalent);
    // Equivalence is symmetric: the table's answer may as well be the reference.
    assert.equal(answersEquivalent(c.reference, c.answer), c.equivalent);
  });
}
