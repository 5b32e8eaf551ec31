// Bad input (issue "Exact math beside the TVM"): lines the parser cannot read are unknown, never an
// exception; pathological expressions are unknown ("too large to check") within the per-line time
// limit, and the engine stays up for the next line.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { judgeSteps, problemContext, verifyAnswer } from '../../../src/core/exact/index.js';
import { warmUp } from '../../../src/core/exact/expression.js';
import { judgeLine } from './helpers.js';

/** The limit per line. Measured after a warm-up, against a generous multiple: the machine running the tests is shared. */
const LIMIT_MS = 50;
const SLACK = 4;

const PATHOLOGICAL: Array<[string, RegExp]> = [
  ['10^{10^{10}} = 1', /too large to check/],
  ['$10^{10^{10}}$ = 1', /too large to check/],
  ['1/0 = 1', /too large to check/],
  ['\\frac{1}{0} = 5', /too large to check/],
  ['0^{-1} = 1', /too large to check/],
  ['100000! = 1', /factorials/],
  [`${'('.repeat(10_000)}1${')'.repeat(10_000)} = 1`, /too large to check/],
  [`${'9'.repeat(5000)} = 1`, /too large to check/],
  [`${'9'.repeat(5000)} \\times 2 = 1`, /too large to check/],
  ['2^{100000} = 1', /too large to check/],
  ['{9^{200}}^{200} = 1', /too large to check/],
  ['{(x+9)^{200}}^{200} = 0', /too large to check/],
  ['{99^{200}}^{200} \\times {99^{200}}^{200} \\times {99^{200}}^{200} = 1', /too large to check/],
  ['2^{200} = 1', /too large to check/],
  [`${'1 + '.repeat(200)}1 = 201`, /too large to check/],
];

test('pathological lines are unknown, with the reason, within the time limit; the engine stays up', () => {
  warmUp();
  judgeLine('2 + 2 = 4');
  for (const [line, reason] of PATHOLOGICAL) {
    const started = performance.now();
    const judgement = judgeLine(line);
    const elapsed = performance.now() - started;
    assert.equal(judgement.verdict, 'unknown', line.slice(0, 60));
    assert.match(judgement.message, reason, line.slice(0, 60));
    assert.ok(elapsed < LIMIT_MS * SLACK, `${line.slice(0, 60)}: ${elapsed.toFixed(1)} ms`);
    // The engine still answers.
    assert.equal(judgeLine('6 \\times 7 = 42').verdict, 'true');
  }
});

test('pathological problem statements and answers: no reading, null, fast', () => {
  warmUp();
  for (const [line] of PATHOLOGICAL) {
    const started = performance.now();
    assert.equal(problemContext(`Compute ${line.replace(/=.*$/, '')}.`).kind, 'none', line.slice(0, 60));
    assert.equal(verifyAnswer('Compute $2 + 3$.', line.replace(/=.*$/, '')), null);
    assert.ok(performance.now() - started < LIMIT_MS * SLACK * 2);
  }
});

test('lines that cannot be read are unknown and never throw', () => {
  const lines = [
    '',
    '   ',
    '$$',
    '=',
    '= = =',
    '2 = ',
    '\\frac{1}{2',
    '((1+2) = 3',
    '1 + = 2',
    '\\frac{}{} = 1',
    '{{{{}}}}',
    'Add the two numbers together.',
    'First, multiply 6 by 7 to get 42',
    'The answer is 42',
    'so x = 3 apples',
    '\\sqrt{4} = 2',
    '\\sin(0) = 0',
    '\\pi = 3',
    'e = 2.718',
    'i^2 = -1',
    '3 < 5',
    'x \\le 4',
    '2 ≠ 3',
    '5! = 120',
    '2^{0.5} = 1',
    '2^x = 8',
    '∫ x dx = 1',
    '\\begin{matrix} 1 \\end{matrix}',
    '\u0000\u0001 = 1',
    '😀 + 1 = 2',
    '2 + 3 = 5 \\\\ 4 = 4',
    'f(x) = 2x',
    '\\frac{d}{dx}(x^2) = 2x',
    '1 : 2 = 2 : 4',
    '|−3| = 3',
  ];
  for (const line of lines) {
    let judgement;
    assert.doesNotThrow(() => (judgement = judgeLine(line)), line);
    assert.equal(judgement!.verdict, 'unknown', line);
    assert.ok(judgement!.message.length > 0, line);
  }
  // After all of that the walker and the engine still work.
  assert.deepEqual(
    judgeSteps('Solve 2x = 4.', [...lines, 'x = 2']).map((j) => j.verdict).slice(-1),
    ['follows'],
  );
});

test('division by zero anywhere is unknown, even where the engine folds it away (5 ÷ (1 ÷ 0) was judged "= 0" true)', () => {
  for (const line of ['5 \\div (1/0) = 0', '\\frac{5}{\\frac{1}{0}} = 0', '(0.001 \\div ((-1) \\div 0)) + 0 = 1', '5 \\div 0^{-1} = 0', '1 \\div (2 - 2) = 0', '0 \\times (1 \\div 0) = 0']) {
    assert.equal(judgeLine(line).verdict, 'unknown', line);
  }
  assert.equal(judgeLine('6 \\div (5 - 2) = 2').verdict, 'true');
});
