// The hand-written natural split (bench/data/natural.jsonl): read by the benches like the bundle's
// splits, covering every family issue 15 names, with exact answers; its answers are recomputed
// independently in training/tests/test_natural_split.py.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { bundleSolutions, NATURAL_B_SPLIT, NATURAL_C_SPLIT, NATURAL_SPLIT, NATURAL_VAL_SPLIT, requiredSplit } from '../../bench/lib/problems.js';
import { answersEquivalent } from '../../src/core/grading/index.js';
import { verifyAnswer } from '../../src/core/exact/index.js';

interface NaturalProblem {
  id: string;
  family: string;
  style: string;
  question: string;
  answer: string;
}

const FAMILIES = [
  'rates', 'unit-conversion', 'ages', 'sum-difference', 'averages', 'ratio', 'percent', 'simple-interest', 'area-perimeter',
  'change', 'remainder', 'function-eval', 'derivative', 'exponents', 'fractions', 'linear-equation', 'system',
  'order-of-operations', 'word-problem',
];
const problems = readFileSync(join(__dirname, '..', '..', 'bench', 'data', 'natural.jsonl'), 'utf8')
  .split('\n')
  .filter((line) => line.trim() !== '')
  .map((line) => JSON.parse(line) as NaturalProblem);

test('the natural split has at least 150 problems over every family, in three source styles', () => {
  assert.ok(problems.length >= 150, `${problems.length} problems`);
  assert.deepEqual([...new Set(problems.map((p) => p.family))].sort(), [...FAMILIES].sort());
  for (const family of FAMILIES) assert.ok(problems.filter((p) => p.family === family).length >= 8, family);
  assert.deepEqual([...new Set(problems.map((p) => p.style))].sort(), ['student', 'textbook', 'worksheet']);
  assert.equal(new Set(problems.map((p) => p.id)).size, problems.length);
  assert.equal(new Set(problems.map((p) => p.question)).size, problems.length);
});

test('natural answers are exact: an integer, a reduced fraction a/b or a decimal', () => {
  for (const p of problems) assert.match(p.answer, /^-?\d+(\.\d+)?$|^-?\d+\/\d+$/, p.id);
});

test('the benches read the natural split whatever the bundle, in file order, with the same grading', () => {
  const split = requiredSplit('/nonexistent-bundle', NATURAL_SPLIT, undefined);
  assert.equal(split.name, 'natural');
  assert.deepEqual(split.items.map((i) => i.question), problems.map((p) => p.question));
  for (const [index, item] of split.items.entries()) assert.ok(answersEquivalent(problems[index]!.answer, item.reference));
  assert.equal(requiredSplit('/nonexistent-bundle', NATURAL_SPLIT, 19).items.length, 19);
});

test('a bench that needs reference solutions says the natural split has none', () => {
  assert.throws(() => bundleSolutions('/nonexistent-bundle', NATURAL_SPLIT, undefined), /natural split has answers but no reference solutions/);
});

test('the exact judge rejects no right answer of the natural split and confirms at least the 45 it did (npm run bench:natural-judge)', () => {
  const verdicts = problems.map((p) => ({ id: p.id, verdict: verifyAnswer(p.question, p.answer) }));
  assert.deepEqual(verdicts.filter((v) => v.verdict === false).map((v) => v.id), []);
  assert.ok(verdicts.filter((v) => v.verdict === true).length >= 45);
});

// The second hand-written set (bench/data/natural-b.jsonl), written blind to curriculum v3; its answers
// are recomputed independently in training/tests/test_naturalB_split.py.
const naturalB = readFileSync(join(__dirname, '..', '..', 'bench', 'data', 'natural-b.jsonl'), 'utf8')
  .split('\n')
  .filter((line) => line.trim() !== '')
  .map((line) => JSON.parse(line) as NaturalProblem);

test('natural-b: six problems of every family, new questions, read by the benches like natural', () => {
  for (const family of FAMILIES) assert.equal(naturalB.filter((p) => p.family === family).length, 6, family);
  const seen = new Set(problems.map((p) => p.question));
  assert.equal(naturalB.filter((p) => seen.has(p.question)).length, 0);
  const split = requiredSplit('/nonexistent-bundle', NATURAL_B_SPLIT, undefined);
  assert.equal(split.name, 'natural-b');
  for (const [index, item] of split.items.entries()) assert.ok(answersEquivalent(naturalB[index]!.answer, item.reference));
  assert.throws(() => bundleSolutions('/nonexistent-bundle', NATURAL_B_SPLIT, undefined), /natural-b split has answers but no reference solutions/);
});

test('the exact judge rejects no right answer of natural-b', () => {
  const verdicts = naturalB.map((p) => ({ id: p.id, verdict: verifyAnswer(p.question, p.answer) }));
  assert.deepEqual(verdicts.filter((v) => v.verdict === false).map((v) => v.id), []);
});

// The third hand-written set (bench/data/natural-c.jsonl), a blind judge never used to choose anything, and the
// hand-written validation set (bench/data/natural-val.jsonl), where search settings are chosen; their answers are
// recomputed independently in training/tests/test_natural_c_split.py and test_natural_val_split.py.
const naturalC = readFileSync(join(__dirname, '..', '..', 'bench', 'data', 'natural-c.jsonl'), 'utf8')
  .split('\n')
  .filter((line) => line.trim() !== '')
  .map((line) => JSON.parse(line) as NaturalProblem);
const naturalVal = readFileSync(join(__dirname, '..', '..', 'bench', 'data', 'natural-val.jsonl'), 'utf8')
  .split('\n')
  .filter((line) => line.trim() !== '')
  .map((line) => JSON.parse(line) as NaturalProblem);

test('natural-c: six problems of every family, new questions, read by the benches like natural', () => {
  for (const family of FAMILIES) assert.equal(naturalC.filter((p) => p.family === family).length, 6, family);
  const seen = new Set([...problems, ...naturalB, ...naturalVal].map((p) => p.question));
  assert.equal(naturalC.filter((p) => seen.has(p.question)).length, 0);
  assert.equal(new Set(naturalC.map((p) => p.question)).size, naturalC.length);
  const split = requiredSplit('/nonexistent-bundle', NATURAL_C_SPLIT, undefined);
  assert.equal(split.name, 'natural-c');
  assert.equal(split.items.length, naturalC.length);
  for (const [index, item] of split.items.entries()) assert.ok(answersEquivalent(naturalC[index]!.answer, item.reference));
  assert.throws(() => bundleSolutions('/nonexistent-bundle', NATURAL_C_SPLIT, undefined), /natural-c split has answers but no reference solutions/);
});

test('the exact judge rejects no right answer of natural-c', () => {
  const verdicts = naturalC.map((p) => ({ id: p.id, verdict: verifyAnswer(p.question, p.answer) }));
  assert.deepEqual(verdicts.filter((v) => v.verdict === false).map((v) => v.id), []);
});

test('natural-val: three problems of every family, new questions, read by the benches like natural', () => {
  for (const family of FAMILIES) assert.equal(naturalVal.filter((p) => p.family === family).length, 3, family);
  const seen = new Set([...problems, ...naturalB, ...naturalC].map((p) => p.question));
  assert.equal(naturalVal.filter((p) => seen.has(p.question)).length, 0);
  assert.equal(new Set(naturalVal.map((p) => p.question)).size, naturalVal.length);
  const split = requiredSplit('/nonexistent-bundle', NATURAL_VAL_SPLIT, undefined);
  assert.equal(split.name, 'natural-val');
  assert.equal(split.items.length, naturalVal.length);
  for (const [index, item] of split.items.entries()) assert.ok(answersEquivalent(naturalVal[index]!.answer, item.reference));
  assert.throws(() => bundleSolutions('/nonexistent-bundle', NATURAL_VAL_SPLIT, undefined), /natural-val split has answers but no reference solutions/);
});

test('the exact judge rejects no right answer of natural-val', () => {
  const verdicts = naturalVal.map((p) => ({ id: p.id, verdict: verifyAnswer(p.question, p.answer) }));
  assert.deepEqual(verdicts.filter((v) => v.verdict === false).map((v) => v.id), []);
});
