import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parseNotebook } from '../../../src/core/notebook/index.js';
import { solutionCell, solutionInsertion } from '../../../src/extension/solve/insertion.js';

const steps = ['$2+3=5$', 'The answer is 5'];

function apply(text: string, problemIndex = 0): string {
  const lines = text.split('\n');
  const at = solutionInsertion(parseNotebook(text)[problemIndex]!, steps, '\n', 'beam, K=16, b=4');
  lines[at.line] += at.text;
  return lines.join('\n');
}

test('no working yet: a Solution label and a list after the problem', () => {
  const out = apply('## Problem 1\n\nWhat is $2+3$?\n\n## Problem 2\nNext?');
  assert.equal(out, '## Problem 1\n\nWhat is $2+3$?\n\n**Solution:**\n- $2+3=5$\n- The answer is 5\n\n## Problem 2\nNext?');
  assert.deepEqual(parseNotebook(out)[0]?.work?.steps.map((s) => s.text), steps);
});

test('an empty work label: the list goes right under it', () => {
  const out = apply('**Problem:** What is $2+3$?\n\n**Solution:**\n');
  assert.equal(out, '**Problem:** What is $2+3$?\n\n**Solution:**\n- $2+3=5$\n- The answer is 5\n');
  assert.deepEqual(parseNotebook(out)[0]?.work?.steps.map((s) => s.text), steps);
});

test("the user's own working is kept: the model's solution is a quoted comment", () => {
  const text = '## Problem\nWhat is $2+3$?\n### Work\n- $2+3=6$\n';
  const out = apply(text);
  assert.match(out, /> \*\*Model solution\*\* \(beam, K=16, b=4\):\n>\n> - \$2\+3=5\$\n> - The answer is 5/);
  assert.deepEqual(parseNotebook(out)[0]?.work?.steps.map((s) => s.text), ['$2+3=6$']);
});

test('the document line ending is used', () => {
  const at = solutionInsertion(parseNotebook('## Problem\nQ?')[0]!, steps, '\r\n', '');
  assert.equal(at.text, '\r\n\r\n**Solution:**\r\n- $2+3=5$\r\n- The answer is 5');
});

test('Jupyter: the new markdown cell after the problem becomes its working, or a quoted comment after the user\'s', () => {
  const problemCell = '## Problem 1\n\nWhat is $2+3$?';
  const [bare] = parseNotebook([problemCell]);
  const cell = solutionCell(bare!, [...steps, ''], 'beam, K=16, b=4');
  assert.equal(cell, '**Solution:**\n- $2+3=5$\n- The answer is 5');
  assert.deepEqual(parseNotebook([problemCell, cell])[0]?.work?.steps.map((s) => s.text), steps);

  const [labelOnly] = parseNotebook([problemCell, '**Solution:**']);
  const list = solutionCell(labelOnly!, steps, '');
  assert.equal(list, '- $2+3=5$\n- The answer is 5');
  assert.deepEqual(parseNotebook([problemCell, '**Solution:**', list])[0]?.work?.steps.map((s) => s.text), steps);

  const work = '### Work\n- $2+3=6$';
  const [withWork] = parseNotebook([problemCell, work]);
  const quote = solutionCell(withWork!, steps, 'beam, K=16, b=4');
  assert.equal(quote, '> **Model solution** (beam, K=16, b=4):\n>\n> - $2+3=5$\n> - The answer is 5');
  assert.deepEqual(parseNotebook([problemCell, work, quote])[0]?.work?.steps.map((s) => s.text), ['$2+3=6$']);

  assert.equal(solutionCell(bare!, ['', ' '], ''), '');
});
