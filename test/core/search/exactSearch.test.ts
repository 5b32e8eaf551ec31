// Exact math inside the search: contradicted candidates are never kept (scripted models), the
// calculator writes results while the real policy decodes, and a correct calculated result reads
// as certain to the verifiers.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { stepBeamSearch, majorityVote, bestOfN } from '../../../src/core/search/index.js';
import { stepEndTokens } from '../../../src/core/runtime/engineModels.js';
import { calculatedPositions } from '../../../src/core/runtime/certainCalculations.js';
import { judgeSteps } from '../../../src/core/exact/index.js';
import { solve } from '../../../src/core/solve.js';
import { ScriptedPolicy, ScriptedVerifier, fakeModels, solutionLines, type ScriptCall } from '../fakes.js';
import { remainingResult } from '../../../src/core/search/exactSearch.js';
import { useRealBundle } from '../../helpers/realBundle.js';

// The verifier prefers the false line: only the exact check can keep it out.
const valueOfText = (text: string): number => (text.includes('= 91') ? 0.95 : text.includes('= 92') ? 0.6 : 0.5);

function lines({ prefix, sample }: ScriptCall): string {
  if (solutionLines(prefix).length === 1) return 'The answer is ' + (prefix.includes('= 91') ? '91' : '92') + '\u0000';
  return sample % 2 === 0 ? '$23 \\times 4 = 91$\n' : '$23 \\times 4 = 92$\n';
}

test('beam search never keeps a candidate whose line is false, whatever its value', async () => {
  const trace = await stepBeamSearch('What is $23 \\times 4$?', fakeModels(new ScriptedPolicy(lines), new ScriptedVerifier(valueOfText)), { k: 4, b: 2 });
  const first = trace.steps[0]?.beams[0]?.candidates ?? [];
  const falseOnes = first.filter((c) => c.exact?.verdict === 'false');
  assert.equal(falseOnes.length, 2);
  assert.ok(falseOnes.every((c) => !c.kept && c.exact?.expected === '92'));
  assert.ok(falseOnes.every((c) => c.rank < 2), 'the false lines rank first by value and are still pruned');
  assert.equal(trace.answer, '92');
  assert.equal(trace.params.exact, true);
});

test('with exact math off the verifier alone decides (the false line wins)', async () => {
  const trace = await stepBeamSearch('What is $23 \\times 4$?', fakeModels(new ScriptedPolicy(lines), new ScriptedVerifier(valueOfText)), { k: 4, b: 2, exact: false });
  assert.equal(trace.answer, '91');
  assert.ok(trace.steps.every((s) => s.beams.every((b) => b.candidates.every((c) => c.exact === undefined))));
});

test('vote and best-of-N choose among paths no exact fact contradicts', async () => {
  const paths = ({ sample }: ScriptCall): string => (sample < 3 ? '$23 \\times 4 = 91$\nThe answer is 91\u0000' : '$23 \\times 4 = 92$\nThe answer is 92\u0000');
  const scripted = fakeModels(new ScriptedPolicy(paths), new ScriptedVerifier(valueOfText));
  const voted = await majorityVote('What is $23 \\times 4$?', scripted, { n: 4 });
  assert.equal(voted.answer, '92');
  assert.deepEqual(voted.votes.map((v) => v.members), [[3]]);
  const best = await bestOfN('What is $23 \\times 4$?', scripted, { n: 4, aggregate: 'best' });
  assert.equal(best.answer, '92');
  assert.equal((await majorityVote('What is $23 \\times 4$?', scripted, { n: 4, exact: false })).answer, '91');
});

const real = useRealBundle();

test('the calculator writes results while the real policy decodes, and marks them', async () => {
  for (const strategy of ['beam', 'greedy'] as const) {
    const result = await solve(real.models, { problem: 'Compute $608 \\times 27$.', strategy });
    // Greedy cannot set its one path aside: its answer is only checked (and shown as such).
    if (strategy === 'beam') assert.equal(result.answer, '16416');
    assert.equal(result.verified, result.answer === '16416');
    assert.equal(result.trace.chosen[0]?.exact?.verdict, 'true');
    const calculated = result.trace.chosen.filter((s) => (s.calculated ?? []).length > 0);
    assert.ok(calculated.length > 0, `${strategy}: a calculated step`);
    for (const step of calculated) {
      const written = (step.calculated ?? []).map((k) => step.tokenTexts[k]).join('').trim();
      assert.match(written, /^-?\d+(\.\d+)?$/);
      assert.ok(step.text.includes(`= ${written}`), `${step.text} has the calculated ${written} after "="`);
      assert.equal(step.exact?.verdict, 'true', step.text);
    }
  }
  const off = await solve(real.models, { problem: 'Compute $608 \\times 27$.', strategy: 'greedy', exact: false });
  assert.ok(off.trace.chosen.every((s) => s.calculated === undefined && s.exact === undefined));
});

test('no shown solution line is false with exact math on (beam search and greedy)', async () => {
  const problems = ['What is $900 - 26 \\times 31$?', 'Compute $1364 - 970$.', 'What is $288 \\div 6$?', 'Solve $x + 9 = 14$.', 'Evaluate $5 + 2 \\times (9 - 4)$.'];
  for (const problem of problems) {
    for (const strategy of ['beam', 'greedy'] as const) {
      const result = await solve(real.models, { problem, strategy, k: 8, b: 2 });
      const judged = judgeSteps(problem, result.trace.chosen.map((s) => s.text));
      assert.ok(judged.every((j) => j.verdict !== 'false' && j.verdict !== 'does-not-follow'), `${strategy} ${problem}: ${JSON.stringify(result.steps)}`);
    }
  }
});

test('a correct calculated result reads as certain; a wrong one keeps the policy\'s own log-probability', () => {
  const { tokenizer } = real.bundle;
  const flags = stepEndTokens(real.bundle);
  const encode = (lines: string[]): number[] => tokenizer.encode(`Q: Compute $23 \\times 4$.\n${lines.join('\n')}\n`);
  const right = encode(['$23 \\times 4 = 92$']);
  const positions = calculatedPositions(tokenizer, right, flags);
  assert.equal(positions.map((k) => tokenizer.decode([right[k] as number])).join('').trim(), '92');
  assert.deepEqual(calculatedPositions(tokenizer, encode(['$23 \\times 4 = 91$']), flags), []);
  assert.deepEqual(calculatedPositions(tokenizer, encode(['$23 \\times 4 = 920$']), flags), [], 'the start of a longer number is not the result');
  // Plain notation and no spaces too.
  assert.ok(calculatedPositions(tokenizer, encode(['23*4=92']), flags).length > 0);
});

test('the calculator finishes a result whose first character came with "="', () => {
  assert.equal(remainingResult('$60-303='), '-243');
  assert.equal(remainingResult('$60-303=-'), '243');
  assert.equal(remainingResult('$343-294=-'), null, 'a positive result cannot follow "=-"');
  assert.equal(remainingResult('$343 - 294 ='), ' 49');
  assert.equal(remainingResult('$343 - 294 = '), '49');
  assert.equal(remainingResult('$343 - 294 = 4'), null, 'a digit already written is the policy\'s');
  assert.equal(remainingResult('2y ='), null);
});
