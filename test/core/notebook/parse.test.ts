import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseNotebook, problemAt, problemByKey } from '../../../src/core/notebook/parse.js';
import type { Problem } from '../../../src/shared/notebookTypes.js';

const doc = (...lines: string[]): string => lines.join('\n');
const stepTexts = (p: Problem | undefined): string[] => p?.work?.steps.map((s) => s.text) ?? [];

test('heading problem with statement and a list of steps', () => {
  const [p, ...rest] = parseNotebook(
    doc('# Notes', '', '## Problem 1', '', 'What is $2+3$?', '', '### Solution', '', '- $2+3=5$', '- The answer is 5'),
  );
  assert.equal(rest.length, 0);
  assert.equal(p?.title, 'Problem 1');
  assert.equal(p?.key, 'problem-1');
  assert.equal(p?.labelKind, 'heading');
  assert.equal(p?.text, 'What is $2+3$?');
  assert.deepEqual(p?.statement, { start: 4, end: 4 });
  assert.deepEqual(p?.range, { start: 2, end: 9 });
  assert.equal(p?.work?.labelLine, 6);
  assert.deepEqual(stepTexts(p), ['$2+3=5$', 'The answer is 5']);
  assert.deepEqual(p?.work?.steps[0]?.segments, [{ line: 8, column: 2, text: '$2+3=5$' }]);
});

test('bold labels: statement and first step share the label line', () => {
  const [p] = parseNotebook(doc('**Problem:** Tom has $4$ pens.', 'He loses one.', '', '**Work:** $4-1=3$', 'The answer is 3'));
  assert.equal(p?.labelKind, 'bold');
  assert.equal(p?.title, 'Problem');
  assert.equal(p?.text, 'Tom has $4$ pens. He loses one.');
  assert.deepEqual(p?.statement, { start: 0, end: 1 });
  assert.deepEqual(stepTexts(p), ['$4-1=3$', 'The answer is 3']);
  assert.deepEqual(p?.work?.steps[0]?.segments, [{ line: 3, column: 10, text: '$4-1=3$' }]);
});

test('"Problem" inside code fences, block quotes and lists is not a label', () => {
  const problems = parseNotebook(
    doc('```md', '## Problem 9', '**Problem:** fake', '```', '', '> ## Problem 8', '> **Problem:** quoted', '', '- **Problem:** in a list', '', '    ## Problem 7 (indented code)'),
  );
  assert.deepEqual(problems, []);
});

test('a code fence containing "Problem" inside the working is skipped, not a boundary', () => {
  const [p, q] = parseNotebook(
    doc('## Problem 1', 'Add $1+1$.', '## Solution', '$1+1=2$', '```', '## Problem 2', '```', 'The answer is 2', '## Problem 2', 'Add $2+2$.'),
  );
  assert.deepEqual(stepTexts(p), ['$1+1=2$', 'The answer is 2']);
  assert.equal(q?.title, 'Problem 2');
  assert.equal(q?.text, 'Add $2+2$.');
});

test('nested lists: every item is a step, lazy continuation lines join their item', () => {
  const [p] = parseNotebook(
    doc('## Problem', 'Solve $x+1=3$.', '### Work', '1. Subtract one', '   from both sides:', '   - $x = 3 - 1$', '     - $x = 2$', '2. The answer is 2'),
  );
  assert.deepEqual(stepTexts(p), ['Subtract one from both sides:', '$x = 3 - 1$', '$x = 2$', 'The answer is 2']);
  const first = p?.work?.steps[0];
  assert.deepEqual(first?.range, { start: 3, end: 4 });
  assert.deepEqual(first?.segments.map((s) => s.column), [3, 3]);
  assert.equal(p?.work?.steps[2]?.segments[0]?.column, 7);
});

test('math blocks: one block even with blank lines, list markers or "Problem" inside', () => {
  const [p] = parseNotebook(
    doc('## Problem 1', 'Simplify', '$$', '- x + 1', '', '## Problem 2', '$$', '## Work', '$$', 'x = 1', '$$', 'The answer is 1'),
  );
  assert.equal(parseNotebook(doc('## Problem 1', 'Simplify', '$$', '## Problem 2', '$$')).length, 1);
  assert.equal(p?.text, 'Simplify $$ - x + 1 ## Problem 2 $$');
  assert.deepEqual(stepTexts(p), ['$$ x = 1 $$', 'The answer is 1']);
  assert.deepEqual(p?.work?.steps[0]?.range, { start: 8, end: 10 });
});

test('an unclosed $$ does not swallow the rest of the document', () => {
  const problems = parseNotebook(doc('## Problem 1', 'Cost is $$5', '', '## Problem 2', 'What is $1+1$?'));
  assert.deepEqual(problems.map((p) => p.text), ['Cost is $$5', 'What is $1+1$?']);
});

test('CRLF and lone CR give the same lines and columns as LF', () => {
  const lines = ['## Problem 1', '', 'What is $2+3$?', '', '**Solution:** $2+3=5$', '- The answer is 5'];
  const lf = parseNotebook(lines.join('\n'));
  assert.deepEqual(parseNotebook(lines.join('\r\n')), lf);
  assert.deepEqual(parseNotebook(lines.join('\r')), lf);
  assert.deepEqual(stepTexts(lf[0]), ['$2+3=5$', 'The answer is 5']);
});

test('sections end at the next heading, horizontal rule or problem label', () => {
  const problems = parseNotebook(
    doc('## Problem A', 'First?', '**Work:**', '- step a', '---', 'not a step', '**Problem B.** Second?', '**Work**', 'step b', '# Appendix', 'not a step'),
  );
  assert.deepEqual(problems.map((p) => [p.title, p.text, stepTexts(p)]), [
    ['Problem A', 'First?', ['step a']],
    ['Problem B', 'Second?', ['step b']],
  ]);
  assert.deepEqual(problems[0]?.range, { start: 0, end: 3 });
});

test('repeated titles get distinct keys; headings without a statement are skipped', () => {
  const problems = parseNotebook(doc('# Problem set', '## Problem', 'One?', '## Problem', 'Two?', '## Problem: Three?'));
  assert.deepEqual(problems.map((p) => [p.key, p.text]), [
    ['problem', 'One?'],
    ['problem~2', 'Two?'],
    ['problem~3', 'Three?'],
  ]);
  assert.equal(problems[2]?.statement.start, 5);
});

test('"Problems" or "Solutions" are not labels', () => {
  assert.deepEqual(parseNotebook(doc('## Problems', 'Intro text.')), []);
});

test('problemAt: inside a labelled section, a bare paragraph, or nothing', () => {
  const text = doc('## Problem 1', 'One?', '', 'Loose: what is $3 \\cdot 4$?', '', '# Other', '', 'What is $5-2$?', '**Solution:**', '- $3$', '', '```', 'code', '```');
  assert.equal(problemAt(text, 3)?.title, 'Problem 1');
  const bare = problemAt(text, 7);
  assert.equal(bare?.labelKind, 'paragraph');
  assert.equal(bare?.text, 'What is $5-2$?');
  assert.match(bare?.key ?? '', /^paragraph-[0-9a-f]{8}$/);
  assert.deepEqual(stepTexts(bare), ['$3$']);
  assert.equal(problemAt(text, 5), undefined);
  assert.equal(problemAt(text, 12), undefined);
  assert.equal(problemAt(text, 99), undefined);
});

test('block quotes and code in the working are comments, not steps', () => {
  const [p] = parseNotebook(doc('## Problem', 'Q?', '## Work', '> I am unsure here', '', '    indented code', '', '$1$', '| a |', '|---|', '| 1 |'));
  assert.deepEqual(stepTexts(p), ['$1$']);
});

test('the example notebooks parse as documented', () => {
  const read = (name: string): string => readFileSync(join(__dirname, '../../../examples', name), 'utf8');
  const arithmetic = parseNotebook(read('arithmetic.md'));
  assert.deepEqual(arithmetic.map((p) => [p.title, p.work?.steps.length]), [
    ['Problem 1', 3],
    ['Problem 2', 4],
    ['Problem 3', 3],
    ['Problem 4', 0],
  ]);
  const mixed = read('mixed-markdown.md');
  assert.deepEqual(parseNotebook(mixed).map((p) => p.title), ['Problem', 'Problem 2']);
  const lisa = mixed.split('\n').findIndex((l) => l.startsWith('Lisa'));
  assert.equal(problemAt(mixed, lisa)?.text, 'Lisa reads $15$ pages a day. How many pages does she read in a week?');
});

test('problemByKey finds labelled and unlabelled problems again after edits elsewhere', () => {
  const text = doc('Intro paragraph.', '', '## Problem 1', 'One?', '', '# Other', '', 'What is $5-2$?');
  const bare = problemAt(text, 7)!;
  const edited = doc('New first line.', '', text);
  assert.equal(problemByKey(edited, 'problem-1')?.statement.start, 5);
  assert.equal(problemByKey(edited, bare.key)?.statement.start, 9);
  assert.equal(problemByKey(edited, 'paragraph-00000000'), undefined);
  assert.equal(problemByKey(edited, 'problem-9'), undefined);
});

test('a problem ends at its last non-blank line, even after a loose list', () => {
  const [p] = parseNotebook(doc('## Problem 1', 'Q?', '**Solution:**', '- a', '', '- b', '', '', '## Problem 2', 'R?'));
  assert.deepEqual(p?.range, { start: 0, end: 5 });
});

test('a NUL character in a step stays the source character, at its column (markdown-it shows it as U+FFFD)', () => {
  const [p] = parseNotebook(doc('## Problem 1', '10) tenth', '### Work', '- $x\u0000 = 1$'));
  assert.deepEqual(p?.work?.steps[0]?.segments, [{ line: 3, column: 2, text: '$x\u0000 = 1$' }]);
});
