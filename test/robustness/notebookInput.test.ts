// Bad input to the notebook parser, which runs on every edit of a markdown file in the editor: it
// must never throw and must stay linear, so a pasted megabyte or a pathological line never
// freezes the extension host. Then property tests over thousands of generated notebooks.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { parseNotebook, problemAt, problemByKey, splitLines } from '../../src/core/notebook/index.js';
import type { LineRange, Problem } from '../../src/shared/notebookTypes.js';
import { LIMIT_MS, MB, loneSurrogates, randomLatin1, randomUtf8, repeatTo, within } from './helpers.js';

function inside(range: LineRange, outer: LineRange): boolean {
  return outer.start <= range.start && range.start <= range.end && range.end <= outer.end;
}

/** The invariants the editor features rely on (hovers and decorations index source columns). */
function checkProblems(text: string, problems: readonly Problem[]): void {
  const source = splitLines(text);
  const doc = { start: 0, end: source.length - 1 };
  problems.forEach((p, i) => {
    assert.ok(inside(p.range, doc), 'problem inside the document');
    assert.ok(inside(p.statement, p.range), 'statement inside its problem');
    assert.notEqual(p.text, '');
    if (i > 0) assert.ok(problems[i - 1]!.range.end < p.range.start, 'problems do not overlap');
    for (const step of p.work?.steps ?? []) {
      assert.ok(inside(step.range, p.range), 'step inside its problem');
      for (const s of step.segments) assert.equal(source[s.line]?.slice(s.column, s.column + s.text.length), s.text, 'segment is source text');
    }
  });
  assert.equal(new Set(problems.map((p) => p.key)).size, problems.length, 'keys are unique');
}

/** parseNotebook, problemAt and problemByKey on one input, each within the time limit. */
function parseAll(label: string, text: string): Problem[] {
  const problems = within(LIMIT_MS.parse, `${label}: parseNotebook`, () => parseNotebook(text));
  checkProblems(text, problems);
  const lines = splitLines(text).length;
  const middle = within(LIMIT_MS.parse, `${label}: problemAt`, () => problemAt(text, Math.floor(lines / 2)));
  if (middle) checkProblems(text, [middle]);
  const key = problems.at(-1)?.key ?? middle?.key ?? 'paragraph-00000000';
  within(LIMIT_MS.parse, `${label}: problemByKey`, () => problemByKey(text, key));
  return problems;
}

const lines = (count: number, line: (i: number) => string): string => Array.from({ length: count }, (_, i) => line(i)).join('\n');

const BAD_NOTEBOOKS: ReadonlyArray<[string, () => string]> = [
  ['empty', () => ''],
  ['blank lines only', () => '\n\n \t\n\r\n'],
  ['1 MB problem statement', () => `## Problem 1\n\n${repeatTo('Janet has $3$ apples and buys $2 \\cdot 4$ more. ', MB)}\n`],
  ['1 MB of prose without math or labels', () => repeatTo('The quick brown fox jumps over the lazy dog. ', MB)],
  ['random bytes as UTF-8 (invalid sequences)', () => `## Problem\n${randomUtf8(256 * 1024)}`],
  ['random bytes as Latin-1 (NUL and control characters)', () => `**Problem:** ${randomLatin1(256 * 1024)}`],
  ['lone surrogates', () => `## Problem\n${loneSurrogates(50_000)}\n**Solution:**\n- ${loneSurrogates(1000)}`],
  ['unbalanced $ and $$ in one line', () => `## Problem\n${repeatTo('a $b $$c \\$ d$ $$ $5 and $', 256 * 1024)}`],
  ['20 000 unclosed $$ lines', () => `## Problem 1\n${lines(20_000, (i) => `$$ x_${i}`)}`],
  ['20 000 unclosed $$ lines closed at the very end', () => `## Problem 1\n${lines(20_000, (i) => `$$ x_${i}`)}\n$$`],
  ['10 000-line notebook with 1000 problems', () =>
      lines(10_000, (i) => ['## Problem ' + i, 'What is $2+3$?', '**Solution:**', `- $2 + 3 = 5$`, '- The answer is 5', '', '> quoted', '```', 'code', '```'][i % 10]!)],
  ['100 000 Problem headings', () => lines(100_000, (i) => `# Problem ${i}`)],
  ['1 MB line of words', () => `## Problem\n${repeatTo('word ', MB)}`],
  ['1 MB heading with a space run', () => `## Problem: a${' '.repeat(MB)}b\n`],
  ['1 MB heading title of spaces', () => `# Other${' '.repeat(MB)}x\n`],
  ['1 MB bold label', () => `**Problem${' '.repeat(MB)}x** y`],
  ['1 MB of $a tokens', () => `## Problem\n${repeatTo('$a ', MB)}`],
  ['1 MB of emphasis and brackets', () => `## Problem\n${repeatTo('*a _b [c ', MB)}`],
  ['5000-level nested list', () => `## Problem 1\nQ?\n**Solution:**\n${lines(5000, (i) => `${' '.repeat(2 * i)}- step ${i}`)}`],
  ['a 150 000-item list as the statement', () => `## Problem 1\n${'- a\n'.repeat(150_000)}`],
  ['a 150 000-item list as the working', () => `## Problem 1\nQ?\n**Solution:**\n${'1. a\n'.repeat(150_000)}`],
  ['100 000 list markers on one line', () => `## Problem 1\nQ?\n**Solution:**\n${'- '.repeat(100_000)}x`],
  ['100 000 nested block quotes', () => `## Problem 1\nQ?\n${'>'.repeat(100_000)} x`],
  ['windows and old mac line endings mixed', () => repeatTo('## Problem\r\nQ $x$?\r**Solution:**\n- a\r\n', 512 * 1024)],
];

for (const [label, make] of BAD_NOTEBOOKS) {
  test(`notebook parser: ${label} — no throw, bounded time, consistent ranges`, () => {
    parseAll(label, make());
  });
}

test('notebook parser: a 10 000-line notebook still finds every problem and step', () => {
  const text = BAD_NOTEBOOKS.find(([label]) => label.startsWith('10 000-line'))![1]();
  const problems = parseAll('10 000 lines', text);
  assert.equal(problems.length, 1000);
  assert.ok(problems.every((p) => p.work?.steps.length === 2));
});

// ─── property tests ──────────────────────────────────────────────────────────────────────────────

const fragments = fc.constantFrom(
  '## Problem 1', '# Problem', '### Problem: What is $2+3$?', '**Problem:** Q $x$', '__Problem 2.__ text', '**Solution:**', '### Work', '**Steps**',
  '- step $a+b$', '  - nested', '    - deeper', '1. first', '10) tenth', '* star', '+ plus', '> quote', '> > deep quote', '>- list in quote',
  '```', '~~~', '    code', '$$', '$$ x', 'y $$', '$$ z $$', '$x$', '$5 and $6', '\\$', '$', '$$$', '---', '***', '===', '| a | b |', '|---|',
  'The answer is 5', '<div>html</div>', '<script>x</script>', '[link](javascript:x)', '**', '__', '`', '\\', '\t', '', ' ',
);
const anyText = fc.string({ unit: 'binary', maxLength: 30 });
const utf16 = fc.array(fc.integer({ min: 0, max: 0xffff }), { maxLength: 30 }).map((codes) => String.fromCharCode(...codes));
const line = fc.oneof({ weight: 6, arbitrary: fragments }, { weight: 2, arbitrary: anyText }, { weight: 1, arbitrary: utf16 });
const lineJoin = fc.tuple(line, fc.constantFrom('', ' ', '  ', '**', '$')).map(([a, b]) => a + b);
const notebook = fc
  .tuple(fc.array(fc.oneof(line, lineJoin), { maxLength: 60 }), fc.constantFrom('\n', '\r\n', '\r'))
  .map(([parts, eol]) => parts.join(eol));

test('property: on 3000 generated notebooks the parser never throws and keeps its invariants', () => {
  fc.assert(
    fc.property(notebook, fc.nat(70), (text, at) => {
      const problems = parseNotebook(text);
      checkProblems(text, problems);
      const p = problemAt(text, at);
      if (p) {
        checkProblems(text, [p]);
        assert.ok(p.range.start <= at && at <= p.range.end);
        assert.deepEqual(problemByKey(text, p.key)?.key, p.key, 'a key found is found again');
      }
    }),
    { numRuns: 3000 },
  );
});

test('property: 2000 arbitrary Unicode strings (lone surrogates included) parse without throwing', () => {
  fc.assert(
    fc.property(fc.oneof(fc.string({ unit: 'binary', maxLength: 400 }), utf16), (text) => {
      checkProblems(text, parseNotebook(text));
      problemAt(text, 0);
    }),
    { numRuns: 2000 },
  );
});

test('property: parsing is deterministic and independent of the line-ending style', () => {
  fc.assert(
    fc.property(fc.array(fc.oneof(fragments, anyText).filter((s) => !/[\r\n]/.test(s)), { maxLength: 40 }), (parts) => {
      const lf = parseNotebook(parts.join('\n'));
      assert.deepEqual(parseNotebook(parts.join('\n')), lf);
      assert.deepEqual(parseNotebook(parts.join('\r\n')), lf);
    }),
    { numRuns: 1000 },
  );
});
