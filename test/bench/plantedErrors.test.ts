import { test } from 'node:test';
import assert from 'node:assert/strict';
import { plantInSolution, plantSlip } from '../../bench/lib/plantedErrors.js';

const half = () => 0.75;

test('a slip changes only the last number of a step', () => {
  assert.equal(plantSlip('$22 - 7 = 15$', 'off by one', half), '$22 - 7 = 16$');
  assert.equal(plantSlip('$3x = 15$', 'off by ten', half), '$3x = 25$');
  assert.equal(plantSlip('$x = 15 \\div 3$', 'sign', half), '$x = 15 \\div -3$');
  assert.equal(plantSlip('$\\frac{1}{3} = \\frac{4}{12}$', 'off by one', half), '$\\frac{1}{3} = \\frac{4}{13}$');
});

test('answer lines, lines without "=" and slips that do nothing are not planted', () => {
  assert.equal(plantSlip('The answer is 5', 'off by one', half), null);
  assert.equal(plantSlip('so x is 5', 'off by one', half), null);
  assert.equal(plantSlip('$x = 0$', 'sign', half), null);
  assert.equal(plantSlip('$x = 4$', 'off by ten', () => 0.25), null, 'a positive result does not become negative by a slip of ten');
});

test('plants one slip in a seeded step and keeps every other step', () => {
  const solution = ['$3x = 22 - 7$', '$3x = 15$', '$x = 15 \\div 3$', '$x = 5$', 'The answer is 5'];
  const planted = plantInSolution(solution, 7);
  assert.ok(planted);
  assert.notEqual(planted.steps[planted.slipped], solution[planted.slipped]);
  assert.deepEqual(planted.steps.filter((_, i) => i !== planted.slipped), solution.filter((_, i) => i !== planted.slipped));
  assert.ok(planted.slipped < 4);
  assert.deepEqual(plantInSolution(solution, 7), planted, 'the same seed plants the same slip');
  assert.equal(plantInSolution(['The answer is 5'], 1), null);
});
