// A notebook-wide decoration plan cut into each Jupyter cell's own lines.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { cellLineOf, cellStarts, joinedLineCount } from '../../../src/core/notebook/index.js';
import { diagnosticsOf, type DecorationPlan } from '../../../src/extension/check/decorationPlan.js';
import { planInPart } from '../../../src/extension/check/partPlan.js';

const cells = ['## Problem 1\nSolve $x+1=3$.', '**Solution:**\n- $x = 3 - 1$\n- $x = 3$'];
const starts = cellStarts(cells);
const total = joinedLineCount(cells);
const local = (part: number) => (line: number) => {
  const at = cellLineOf(starts, total, line);
  return at?.cell === part ? at.line : undefined;
};

const plan: DecorationPlan = {
  underline: [[{ line: 4, start: 2, end: 9 }], [], [], [], [{ line: 3, start: 2, end: 13 }]],
  exact: { sound: [{ line: 3, start: 2, end: 13 }], wrong: [{ line: 4, start: 2, end: 9 }] },
  labels: [{ line: 4, column: 9, text: '✗ false · 10% (−60 pts)', bucket: 0, exact: 'wrong' }],
  suspicions: [{ span: { line: 4, start: 7, end: 8 }, message: 'collapse' }],
  errors: [{ range: { startLine: 4, startColumn: 2, endLine: 4, endColumn: 9 }, message: '3 - 1 = 3 is false' }],
};

test('each cell gets the plan on its own lines; the other cells get nothing', () => {
  const work = planInPart(plan, local(1));
  assert.deepEqual(work.underline[0], [{ line: 2, start: 2, end: 9 }]);
  assert.deepEqual(work.exact.sound, [{ line: 1, start: 2, end: 13 }]);
  assert.deepEqual(work.labels.map((l) => l.line), [2]);
  assert.deepEqual(work.suspicions[0]?.span, { line: 2, start: 7, end: 8 });
  assert.deepEqual(diagnosticsOf(work).map((d) => [d.severity, d.range.startLine, d.range.endLine]), [
    ['error', 2, 2],
    ['warning', 2, 2],
  ]);
  const problem = planInPart(plan, local(0));
  assert.deepEqual(diagnosticsOf(problem), []);
  assert.deepEqual(problem.labels, []);
  assert.deepEqual(problem.underline.flat(), []);
});

test('a markdown file is one part: the plan is unchanged', () => {
  assert.deepEqual(planInPart(plan, (line) => line), plan);
});
