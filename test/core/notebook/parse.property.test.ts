// Property tests: on arbitrary markdown-ish text the parser never throws, every range lies inside
// the document and inside its problem, and every step segment is literally the source text at
// its line and column (which the editor's hovers and decorations rely on).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { parseNotebook, problemAt } from '../../../src/core/notebook/parse.js';
import { splitLines } from '../../../src/core/notebook/lines.js';
import type { LineRange, Problem } from '../../../src/shared/notebookTypes.js';

const labels = fc.constantFrom('## Problem 1', '# Problem', '**Problem:** What is $2+3$?', '### Solution', '**Work:**', '__Solution__ $x=1$');
const bodies = fc.constantFrom(
  '', '- step $a+b$', '  - nested', '1. first', '10) tenth', '> quoted **Problem:**', '```', '~~~', '$$', 'x = 1 $$', '$$ y $$',
  '---', '***', '    indented code', '| a | b |', '|---|---|', 'The answer is 5', '$5 and $6', '\\$ escaped', '<div>html</div>',
  '\t- tab item', '* star', '+ plus', 'Setext', '===', 'plain words',
);
const fragment = fc.oneof(
  { weight: 2, arbitrary: labels },
  { weight: 6, arbitrary: bodies },
  { weight: 1, arbitrary: fc.string({ maxLength: 20 }) },
);
const eol = fc.constantFrom('\n', '\r\n', '\r');
const notebook = fc.tuple(fc.array(fragment, { minLength: 4, maxLength: 40, size: 'large' }), eol).map(([lines, e]) => lines.join(e));

function within(range: LineRange, outer: LineRange): boolean {
  return outer.start <= range.start && range.start <= range.end && range.end <= outer.end;
}

function checkProblem(p: Problem, source: readonly string[]): void {
  const doc = { start: 0, end: source.length - 1 };
  assert.ok(within(p.range, doc), 'problem range inside the document');
  assert.ok(within(p.statement, p.range), 'statement inside the problem');
  assert.notEqual(p.text, '');
  for (const step of p.work?.steps ?? []) {
    assert.ok(within(step.range, p.range), 'step inside the problem');
    assert.ok(step.segments.length > 0);
    assert.equal(step.text, step.segments.map((s) => s.text).join(' '));
    for (const s of step.segments) {
      assert.equal(source[s.line]?.slice(s.column, s.column + s.text.length), s.text, 'segment is the source text');
    }
  }
}

test('parseNotebook never throws and keeps ranges inside the document and its problem', () => {
  fc.assert(
    fc.property(notebook, (text) => {
      const source = splitLines(text);
      const problems = parseNotebook(text);
      problems.forEach((p) => checkProblem(p, source));
      for (let i = 1; i < problems.length; i++) assert.ok(problems[i - 1]!.range.end < problems[i]!.range.start, 'no overlap');
      assert.equal(new Set(problems.map((p) => p.key)).size, problems.length, 'keys are unique');
    }),
    { numRuns: 300 },
  );
});

test('problemAt never throws and returns a problem that holds the line', () => {
  fc.assert(
    fc.property(notebook, fc.integer({ min: -2, max: 45 }), (text, line) => {
      const p = problemAt(text, line);
      if (p) {
        checkProblem(p, splitLines(text));
        assert.ok(p.range.start <= line && line <= p.range.end);
      }
    }),
    { numRuns: 300 },
  );
});

test('line endings never change the result', () => {
  fc.assert(
    fc.property(fc.array(fragment, { minLength: 4, maxLength: 30, size: 'large' }), (lines) => {
      const lf = parseNotebook(lines.join('\n'));
      assert.deepEqual(parseNotebook(lines.join('\r\n')), lf);
    }),
    { numRuns: 200 },
  );
});
