// The user's document is changed only by an explicit, undoable edit: "Insert into notebook" is a
// single insertion at the end of one line (one WorkspaceEdit, one Undo), that leaves every
// existing character and every problem's own working as they were — whatever the model wrote.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { parseNotebook, splitLines } from '../../src/core/notebook/index.js';
import type { Problem } from '../../src/shared/notebookTypes.js';
import { solutionInsertion } from '../../src/extension/solve/insertion.js';

/** Applies an insertion the way the editor does: text added at the end of line `line`. */
function apply(text: string, eol: string, at: { line: number; text: string }): string {
  const lines = splitLines(text);
  lines[at.line] += at.text;
  return lines.join(eol);
}

/** What the user wrote for each problem: its statement and its own steps. */
const userContent = (problems: readonly Problem[]) => problems.map((p) => ({ key: p.key, text: p.text, steps: p.work?.steps.map((s) => s.text) ?? [] }));

const fragments = fc.constantFrom(
  '## Problem 1', '### Problem: What is $2+3$?', '**Problem:** Q $x$?', 'What is $2 + 3$?', '**Solution:**', '### Work', '- $2+3=5$', '1. step',
  '  - nested', '> quote', '$$', 'x $$', '---', '```', 'The answer is 5', '', 'plain text', '| a |', '    code',
);
const notebook = fc.array(fragments, { minLength: 1, maxLength: 30 });
/**
 * What a model might produce as steps, including text that looks like notebook structure. Not a
 * step ending in `$$`: the format closes an unclosed `$$` line at any later line ending in `$$`,
 * so such a step would join a statement that has a stray `$$` (docs/robustness.md, limits).
 */
const hostileStep = fc.oneof(
  fc.constantFrom(
    '$2 + 3 = 5$', 'The answer is 5', '## Problem 9', '**Problem:** injected', '**Solution:** injected', '---', '```', '> quoted', '- nested item',
    '$$', 'a\rb', 'a\r\n## Problem 7', 'x\n**Solution:**\n- y', '\u2028## Problem 8', '', '   ', '<script>x</script>', '1. one', '#', '    code',
  ),
  fc.string({ unit: 'binary', maxLength: 30 }),
).filter((step) => !/\$\$\s*$/.test(step));

test('property: an insertion is one edit at a line end that only adds text, and never changes what the user wrote', () => {
  fc.assert(
    fc.property(notebook, fc.array(hostileStep, { minLength: 1, maxLength: 8 }), fc.constantFrom('\n', '\r\n'), fc.nat(40), (parts, steps, eol, pick) => {
      const text = parts.join(eol);
      const problems = parseNotebook(text);
      if (problems.length === 0) return;
      const problem = problems[pick % problems.length]!;
      const lines = splitLines(text);
      const at = solutionInsertion(problem, steps, eol, 'beam search, K=16, b=4', (n) => lines[n]);
      assert.ok(Number.isInteger(at.line) && at.line >= 0 && at.line < lines.length, 'inside the document');
      const after = apply(text, eol, at);
      // Pure insertion: the old text is a prefix + suffix of the new one around a single point.
      const offset = lines.slice(0, at.line + 1).join(eol).length;
      assert.equal(after.slice(0, offset) + after.slice(offset + at.text.length), text);
      assert.equal(after.slice(offset, offset + at.text.length), at.text);
      // Every line break in the inserted text is the document's own, so the editor adds exactly
      // the lines the plan shows (a lone \r in model output would be a line break of its own).
      assert.equal(at.text.split(eol).join('').search(/[\r\n\u2028\u2029]/), -1, `line breaks in ${JSON.stringify(at.text)}`);
      const before = userContent(problems);
      const reparsed = userContent(parseNotebook(after));
      const target = before.findIndex((p) => p.key === problem.key);
      const hadWork = (problem.work?.steps.length ?? 0) > 0;
      // Every other problem is untouched; the target keeps its statement, and its own steps when it had any.
      before.forEach((p, i) => {
        const now = reparsed.find((q) => q.key === p.key);
        assert.ok(now, `problem ${p.key} still there`);
        if (i !== target || hadWork) assert.deepEqual(now, p, `problem ${p.key} unchanged`);
        else assert.equal(now.text, p.text, 'the statement is unchanged');
      });
    }),
    { numRuns: 3000 },
  );
});

test('the extension edits documents in one place only: one WorkspaceEdit (a text insert, or one new Jupyter cell), applied once', () => {
  const files: string[] = [];
  const walk = (dir: string): void => {
    for (const name of readdirSync(dir)) {
      const path = join(dir, name);
      if (statSync(path).isDirectory()) walk(path);
      else if (path.endsWith('.ts')) files.push(path);
    }
  };
  walk('src/extension');
  const writers = /\b(applyEdit|WorkspaceEdit|\.edit\(|insertSnippet|writeFile|\.save\(|\.replace\(\s*document|TextEdit\.)/;
  const found = files.flatMap((file) =>
    readFileSync(file, 'utf8')
      .split('\n')
      .flatMap((line, i) => (writers.test(line) && !line.trim().startsWith('//') ? [`${file}:${i + 1}: ${line.trim()}`] : [])),
  );
  assert.deepEqual(
    found.map((f) => f.replace(/:\d+:/, ':')),
    [
      'src/extension/solve/solveController.ts: if (!edit || !(await vscode.workspace.applyEdit(edit))) void vscode.window.showErrorMessage(INSERT_FAILED_TOAST);',
      'src/extension/solve/solveController.ts: function textEdit(document: vscode.TextDocument, problem: Problem, steps: readonly string[], eol: string, caption: string): vscode.WorkspaceEdit {',
      'src/extension/solve/solveController.ts: const edit = new vscode.WorkspaceEdit();',
      'src/extension/solve/solveController.ts: function cellEdit(document: TutorDocument, notebook: vscode.NotebookDocument, problem: Problem, steps: readonly string[], caption: string): vscode.WorkspaceEdit | undefined {',
      'src/extension/solve/solveController.ts: const edit = new vscode.WorkspaceEdit();',
    ],
    found.join('\n'),
  );
  const controller = readFileSync('src/extension/solve/solveController.ts', 'utf8');
  assert.equal(controller.match(/edit\.insert\(/g)?.length, 1, 'a single insert in that edit');
  assert.equal(controller.match(/NotebookEdit\.insertCells\(/g)?.length, 1, 'a single new cell in a Jupyter notebook\'s edit');
  assert.equal(controller.match(/applyEdit\(/g)?.length, 1, 'applied in one place');
  assert.match(controller, /case 'insertSolution':\s*return this\.insert\(view\);/, 'only on the panel\'s explicit Insert button');
});
