// The example notebooks (examples/*.md) show worked solutions; exact math must find nothing false
// in them. Each notebook is parsed with the extension's notebook parser, and each problem's
// working is judged the way *Check my steps* judges it (the problem's text and the step texts,
// checkStore's checkedText): no line may be false or not follow, and a stated final answer must
// not fail its check against the problem. Formulas inside prose lines ("First part:
// $60 \times 3 = 180$ km.", which as a whole line is `unknown`) are judged on their own too.
//
// The one exception is a mistake planted on purpose for a *Check my steps* demo: PLANTED lists
// each by notebook, problem title and line, and each must be judged false / does-not-follow,
// so the list cannot grow without this file saying so.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseNotebook } from '../../src/core/notebook/index.js';
import { judgeSteps, isContradicted, verifyAnswer } from '../../src/core/exact/index.js';
import { checkedText } from '../../src/extension/check/checkStore.js';

const EXAMPLES = join(__dirname, '..', '..', 'examples');
/** The bundled models' answer line (models/default/manifest.json's answerPattern). */
const ANSWER = /The answer is (.+)/;

/** Intentional student mistakes: `notebook › problem title › step text`. */
const PLANTED = new Set([
  // practice.md: "problem 8 a slip to find" (61 - 12 is 49).
  'practice.md › Problem 8 › $7x = 48$',
]);

interface Finding {
  where: string;
  verdict: string;
  message: string;
}

/** Every contradicted line, formula in a prose line, and refuted final answer of one notebook. */
function findings(name: string): { found: Finding[]; problems: number; steps: number } {
  const found: Finding[] = [];
  const problems = parseNotebook(readFileSync(join(EXAMPLES, name), 'utf8'));
  let steps = 0;
  for (const problem of problems) {
    const sent = checkedText(problem);
    steps += sent.steps.length;
    judgeSteps(sent.problem, sent.steps).forEach((judgement, i) => {
      const where = `${name} › ${problem.title} › ${sent.steps[i]}`;
      if (isContradicted(judgement)) {
        found.push({ where, verdict: judgement.verdict, message: judgement.message ?? '' });
        return;
      }
      if (judgement.verdict !== 'unknown') return;
      // A formula inside a line with words: judged alone, against the problem.
      for (const math of sent.steps[i]!.matchAll(/\$([^$]+)\$/g)) {
        const [alone] = judgeSteps(sent.problem, [`$${math[1]}$`]);
        if (alone && isContradicted(alone)) found.push({ where: `${where} (formula $${math[1]}$)`, verdict: alone.verdict, message: alone.message ?? '' });
      }
    });
    const answer = sent.steps.at(-1)?.match(ANSWER)?.[1];
    if (answer !== undefined && verifyAnswer(sent.problem, answer) === false) {
      found.push({ where: `${name} › ${problem.title} › ${sent.steps.at(-1)}`, verdict: 'answer', message: `${answer} does not satisfy the problem` });
    }
  }
  return { found, problems: problems.length, steps };
}

const notebooks = readdirSync(EXAMPLES)
  .filter((f) => f.endsWith('.md'))
  .sort();

test('there are example notebooks with working to judge', () => {
  assert.ok(notebooks.length >= 3, `examples/: ${notebooks.join(', ')}`);
  const steps = notebooks.reduce((sum, name) => sum + findings(name).steps, 0);
  assert.ok(steps >= 20, `only ${steps} steps of working in examples/`);
});

for (const name of notebooks) {
  test(`examples/${name}: no solution line is false or does not follow, except the planted mistakes`, (t) => {
    const { found, problems, steps } = findings(name);
    t.diagnostic(`${problems} problems, ${steps} steps`);
    const unplanned = found.filter((f) => !PLANTED.has(f.where));
    assert.deepEqual(unplanned, [], 'lines exact math finds wrong (fix them, or list an intentional mistake in PLANTED)');
    // Every planted mistake of this notebook is still there and still caught.
    const planted = [...PLANTED].filter((p) => p.startsWith(`${name} › `));
    for (const where of planted) {
      const hit = found.find((f) => f.where === where);
      assert.ok(hit && (hit.verdict === 'false' || hit.verdict === 'does-not-follow'), `the planted mistake "${where}" is not judged false / does-not-follow: ${JSON.stringify(found)}`);
    }
  });
}

test('every planted mistake names an example notebook', () => {
  for (const where of PLANTED) assert.ok(notebooks.includes(where.split(' › ')[0]!), where);
});
