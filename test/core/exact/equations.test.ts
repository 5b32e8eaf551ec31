// Equations: a line follows when it keeps the solutions of the equation before it (the previous
// line in the same variable, else the problem's own equation or system) and does not follow
// otherwise, with a value that tells the two apart.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { judgeSteps } from '../../../src/core/exact/index.js';

const verdicts = (problem: string, steps: string[]): string[] => judgeSteps(problem, steps).map((j) => j.verdict);

test('linear equation in one variable: a correct derivation follows line by line', () => {
  assert.deepEqual(verdicts('Solve 2y + 79 = 97 for y.', ['$2y = 97 - 79$', '$2y = 18$', '$y = 18 \\div 2$', '$y = 9$']), ['follows', 'follows', 'follows', 'follows']);
  assert.deepEqual(verdicts('Solve $22x + 53 = 9x + -233$.', ['22x - 9x = −233 − 53', '13x = -286', 'x = -286/13', 'x = -22']), ['follows', 'follows', 'follows', 'follows']);
  assert.deepEqual(verdicts('Solve 3(x - 2) = 1/2 x + 4.', ['3x - 6 = 0.5x + 4', '2.5x = 10', 'x = 4']), ['follows', 'follows', 'follows']);
});

test('linear equation: a slip does not follow, with the wrong line\'s solution as witness; later lines are judged against it', () => {
  const judged = judgeSteps('Solve 2y + 79 = 97 for y.', ['$2y = 97 + 79$', '$2y = 176$', '$y = 88$']);
  assert.equal(judged[0]?.verdict, 'does-not-follow');
  assert.equal(judged[0]?.witness, 'y = 88');
  assert.match(judged[0]?.message ?? '', /does not follow from 2y \+ 79 = 97/);
  assert.deepEqual(judged.slice(1).map((j) => j.verdict), ['follows', 'follows']);
});

test('without a problem, the first equation is the reference', () => {
  assert.deepEqual(verdicts('', ['2x + 3 = 7', '2x = 4', 'x = 2', 'x = 3']), ['unknown', 'follows', 'follows', 'does-not-follow']);
  assert.equal(judgeSteps('', ['2x + 3 = 7', 'x = 5'])[1]?.witness, 'x = 5');
  assert.equal(judgeSteps('', ['2x + 3 = 7', '2x = 10'])[1]?.witness, 'x = 5');
});

test('witnesses use the line\'s notation for fractions', () => {
  assert.equal(judgeSteps('Solve $3x = 2$.', ['$x = \\frac{3}{2}$'])[0]?.witness, 'x = \\frac{3}{2}');
  assert.equal(judgeSteps('Solve 3x = 2.', ['x = 3/2'])[0]?.witness, 'x = 3/2');
  assert.equal(judgeSteps('Solve 2x = 5.', ['x = 2.6'])[0]?.witness, 'x = 2.6');
});

test('quadratic: factoring follows, picking either root follows, a wrong factor or root does not', () => {
  const problem = 'Solve $x^2 - 5x + 6 = 0$.';
  assert.deepEqual(verdicts(problem, ['$(x - 2)(x - 3) = 0$', '$x = 2$', '$x = 3$']), ['follows', 'follows', 'follows']);
  assert.deepEqual(verdicts(problem, ['x^2 - 5x = -6', 'x = 3']), ['follows', 'follows']);
  const wrongFactor = judgeSteps(problem, ['$(x - 2)(x + 3) = 0$'])[0];
  assert.equal(wrongFactor?.verdict, 'does-not-follow');
  assert.equal(wrongFactor?.witness, 'x = -3');
  const wrongRoot = judgeSteps(problem, ['$(x - 2)(x - 3) = 0$', '$x = 2$', '$x = 4$']);
  assert.equal(wrongRoot[2]?.verdict, 'does-not-follow');
  assert.equal(wrongRoot[2]?.witness, 'x = 4');
  // A different root set (6 and −1) does not follow.
  const lost = judgeSteps(problem, ['$x^2 = 5x + 6$'])[0];
  assert.equal(lost?.verdict, 'does-not-follow');
});

test('quadratic with irrational roots: the same monic equation follows, a rational "root" does not', () => {
  assert.deepEqual(verdicts('Solve $x^2 = 2$.', ['$x^2 - 2 = 0$', '$2x^2 = 4$']), ['follows', 'follows']);
  const j = judgeSteps('Solve $x^2 = 2$.', ['$x = 1$'])[0];
  assert.equal(j?.verdict, 'does-not-follow');
  assert.equal(j?.witness, 'x = 1');
  assert.equal(judgeSteps('Solve $x^2 = 2$.', ['$x^2 = 3$'])[0]?.verdict, 'does-not-follow');
});

test('equations with no solution and identities', () => {
  assert.equal(judgeSteps('Solve $2x + 1 = 2x + 1$.', ['$x = 3$'])[0]?.verdict, 'follows');
  assert.equal(judgeSteps('Solve $x + 1 = x + 2$.', ['$0 = 1$'])[0]?.verdict, 'false');
  assert.equal(judgeSteps('', ['x^2 + 1 = 0', 'x^2 = -1'])[1]?.verdict, 'follows');
});

test('2×2 linear system: lines that the solution satisfies follow, others do not (witness: the solution)', () => {
  const problem = '4x + 7y = 43 and 3x - 7y = -29. Find x.';
  assert.deepEqual(verdicts(problem, ['$7x = 14$', '$x = 14 \\div 7$', '$x = 2$', '$4 \\times 2 + 7y = 43$', '$7y = 35$', '$y = 5$']), [
    'follows',
    'follows',
    'follows',
    'follows',
    'follows',
    'follows',
  ]);
  const wrong = judgeSteps(problem, ['$7x = 15$'])[0];
  assert.equal(wrong?.verdict, 'does-not-follow');
  assert.equal(wrong?.witness, 'x = 2, y = 5');
  assert.equal(judgeSteps(problem, ['$x + y = 7$'])[0]?.verdict, 'follows');
  assert.equal(judgeSteps(problem, ['$x + y = 8$'])[0]?.verdict, 'does-not-follow');
  assert.equal(judgeSteps(problem, ['$7x = 14$', '$x = 3$'])[1]?.verdict, 'does-not-follow');
  assert.equal(judgeSteps(problem, ['$z = 3$'])[0]?.verdict, 'unknown');
});

test('system with fractional solution: witness printed as fractions', () => {
  const j = judgeSteps('If $x + y = 1$ and $x - y = 0$, find $x$.', ['$x = 1$'])[0];
  assert.equal(j?.verdict, 'does-not-follow');
  assert.equal(judgeSteps('If $x + y = 1$ and $x - y = 0$, find $x$.', ['$2x = 1$', 'x = 1/2'])[1]?.verdict, 'follows');
});

test('polynomial identities: expanding is true for every value, a wrong expansion is false with the expansion', () => {
  const problem = 'Expand $(x + 2)(x + 3)$.';
  assert.deepEqual(verdicts(problem, ['$(x + 2)(x + 3) = x^2 + 3x + 2x + 6$', '$= x^2 + 5x + 6$']), ['true', 'true']);
  const wrong = judgeSteps(problem, ['$(x+2)(x+3) = x^2 + 6x + 6$'])[0];
  assert.equal(wrong?.verdict, 'false');
  assert.equal(wrong?.expected?.replace(/\s/g, ''), 'x^2+5x+6');
});

test('higher degree and variables in denominators are unknown', () => {
  assert.equal(judgeSteps('', ['x^3 = 8', 'x = 2'])[1]?.verdict, 'unknown');
  assert.equal(judgeSteps('', ['1/x = 2'])[0]?.verdict, 'unknown');
  assert.equal(judgeSteps('', ['\\frac{1}{x} = 2'])[0]?.verdict, 'unknown');
});

test('a chain with a variable: its closed sides must agree, and the first side = the last must follow', () => {
  assert.equal(judgeSteps('Solve 2x = 4.', ['x = 2 = 4/2'])[0]?.verdict, 'follows');
  assert.equal(judgeSteps('Solve $x + 9 = 14$.', ['x = 14 - 9 = 6'])[0]?.verdict, 'false');
  assert.equal(judgeSteps('Solve $x + 9 = 14$.', ['$1x = 14 \\cdot 1 = 14$'])[0]?.verdict, 'does-not-follow');
});

test('after a line that does not follow, the next follows from it or corrects it; never painted wrong for the earlier slip', () => {
  const verdicts = judgeSteps('Solve $3x + 7 = 22$.', ['3x = 22 + 7', '3x = 29', 'x = 29/3', '3x = 15', 'x = 5']).map((j) => j.verdict);
  assert.deepEqual(verdicts, ['does-not-follow', 'follows', 'follows', 'follows', 'follows']);
  const after = judgeSteps('Solve $3x + 7 = 22$.', ['3x = 22 + 7', '3x = 30']);
  assert.equal(after[1]?.verdict, 'does-not-follow', 'neither from the slip nor from the problem');
});
