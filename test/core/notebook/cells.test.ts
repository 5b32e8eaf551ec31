// Jupyter notebooks: markdown cells parsed as one notebook (docs/notebook-format.md, "Jupyter notebooks").
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { cellLineOf, cellStarts, joinedLineCount } from '../../../src/core/notebook/cells.js';
import { parseNotebook, problemAt, problemByKey } from '../../../src/core/notebook/parse.js';
import type { Problem } from '../../../src/shared/notebookTypes.js';

const cell = (...lines: string[]): string => lines.join('\n');
const stepTexts = (p: Problem | undefined): string[] => p?.work?.steps.map((s) => s.text) ?? [];
const stepLines = (p: Problem | undefined): number[] => p?.work?.steps.map((s) => s.range.start) ?? [];

test('cell starts and line mapping, empty cells included', () => {
  const cells = [cell('a', 'b'), '', cell('c', 'd', 'e')];
  const starts = cellStarts(cells);
  assert.deepEqual(starts, [0, 2, 3]);
  const total = joinedLineCount(cells);
  assert.equal(total, 6);
  assert.deepEqual([0, 1, 2, 3, 5].map((l) => cellLineOf(starts, total, l)), [
    { cell: 0, line: 0 },
    { cell: 0, line: 1 },
    { cell: 1, line: 0 },
    { cell: 2, line: 0 },
    { cell: 2, line: 2 },
  ]);
  assert.equal(cellLineOf(starts, total, 6), undefined);
  assert.equal(cellLineOf(starts, total, -1), undefined);
  assert.equal(cellLineOf([], 0, 0), undefined);
});

test('the problem in one cell, the work label and steps in the next', () => {
  const cells = [cell('## Problem 1', '', 'What is $2+3$?'), cell('**Solution:**', '- $2+3=5$', '- The answer is 5')];
  const [p, ...rest] = parseNotebook(cells);
  assert.equal(rest.length, 0);
  assert.equal(p?.text, 'What is $2+3$?');
  assert.deepEqual(p?.range, { start: 0, end: 5 });
  assert.equal(p?.work?.labelLine, 3);
  assert.deepEqual(stepTexts(p), ['$2+3=5$', 'The answer is 5']);
  assert.deepEqual(stepLines(p), [4, 5]);
  // Joined line 4 is line 1 of the second cell.
  const starts = cellStarts(cells);
  assert.deepEqual(cellLineOf(starts, joinedLineCount(cells), p!.work!.steps[0]!.range.start), { cell: 1, line: 1 });
});

test('problem and work in the same cell read as in a markdown file', () => {
  const text = cell('**Problem:** Tom has $4$ pens and loses one.', '', '**Work:** $4-1=3$', 'The answer is 3');
  assert.deepEqual(parseNotebook([text]), parseNotebook(text));
  assert.deepEqual(stepTexts(parseNotebook([text])[0]), ['$4-1=3$', 'The answer is 3']);
});

test('a statement ends with its cell: a plain next cell is neither statement nor work', () => {
  const [p] = parseNotebook([cell('## Problem 1', 'What is $2+3$?'), 'Some notes of mine.', cell('## Solution', '$2+3=5$')]);
  assert.equal(p?.text, 'What is $2+3$?');
  assert.equal(p?.work, undefined);
  assert.deepEqual(p?.range, { start: 0, end: 1 });
});

test('working runs on through later cells until a boundary; the next Problem cell starts a new problem', () => {
  const cells = [cell('## Problem 1', 'Add $1+1$.'), cell('### Work', '$1+1=2$'), 'The answer is 2', cell('## Problem 2', 'Add $2+2$.'), cell('**Solution:** $2+2=4$')];
  const [p, q] = parseNotebook(cells);
  assert.deepEqual(stepTexts(p), ['$1+1=2$', 'The answer is 2']);
  assert.deepEqual(stepLines(p), [3, 4]);
  assert.equal(q?.key, 'problem-2');
  assert.deepEqual(stepTexts(q), ['$2+2=4$']);
  assert.equal(q?.work?.labelLine, 7);
});

test('an unclosed fence or $$ stays in its cell', () => {
  const [p] = parseNotebook([cell('## Problem 1', 'Add $1+1$.', '```'), cell('**Solution:**', '- $1+1=2$')]);
  // The fence swallows the rest of its own cell only; the next cell's label still counts.
  assert.equal(p?.text, 'Add $1+1$.');
  assert.deepEqual(stepTexts(p), ['$1+1=2$']);
  const [q] = parseNotebook([cell('## Problem 1', 'Cost is', '$$'), cell('## Solution', '$$', '$1+1=2$')]);
  assert.deepEqual(stepTexts(q), ['$$', '$1+1=2$']);
});

test('no cells, empty cells, cells without problems', () => {
  assert.deepEqual(parseNotebook([]), []);
  assert.deepEqual(parseNotebook(['', '']), []);
  assert.deepEqual(parseNotebook(['# Title', 'text only']), []);
  assert.equal(problemAt([], 0), undefined);
  assert.equal(problemByKey([], 'problem-1'), undefined);
});

test('a bare paragraph cell with a work label in the next cell', () => {
  const cells = ['# Homework', 'What is $6 \\times 7$?', cell('**Solution:**', '$6 \\times 7 = 42$')];
  const p = problemAt(cells, 1);
  assert.equal(p?.labelKind, 'paragraph');
  assert.equal(p?.text, 'What is $6 \\times 7$?');
  assert.deepEqual(stepTexts(p), ['$6 \\times 7 = 42$']);
  assert.equal(problemByKey(cells, p!.key)?.key, p?.key);
});
