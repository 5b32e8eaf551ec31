// Small pure pieces of the extension: command arguments, status bar text, progress text and the
// per-version notebook index.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parseTarget } from '../../src/extension/commandIds.js';
import { NotebookIndex } from '../../src/extension/notebookIndex.js';
import { progressFraction, progressText } from '../../src/extension/solve/progressText.js';
import { modelNameOf, statusBarText } from '../../src/extension/statusModel.js';
import type { SearchProgress } from '../../src/shared/engineProtocol.js';

test('command targets are validated', () => {
  assert.deepEqual(parseTarget({ uri: 'file:///a.md', line: 3, extra: 1 }), { uri: 'file:///a.md', line: 3 });
  for (const bad of [undefined, null, 'x', { uri: 1, line: 0 }, { uri: 'u', line: -1 }, { uri: 'u', line: 1.5 }, { uri: 'u' }]) assert.equal(parseTarget(bad), undefined);
});

test('status bar: model, device and state', () => {
  assert.deepEqual(statusBarText({ state: 'idle', model: 'default', device: 'cpu', details: ['Device: no CUDA'] }), {
    text: '$(symbol-numeric) TVM default · cpu',
    tooltip: 'TVM Math Tutor — model default on cpu: idle\nDevice: no CUDA\nClick to show the log.',
  });
  assert.equal(statusBarText({ state: 'solving', model: 'm', device: 'auto', details: [] }).text, '$(loading~spin) TVM m · auto · solving');
  assert.equal(statusBarText({ state: 'error', model: 'm', device: 'cpu', details: [] }).text, '$(error) TVM m · cpu · error');
  assert.equal(modelNameOf('/ext/models/default'), 'default');
});

test('progress: beam search counts steps, whole-path strategies count paths', () => {
  const beam: SearchProgress = { strategy: 'beam', stage: 'step', depth: 2, maxSteps: 12, finished: 1, sampledCandidates: 48, elapsedMs: 2345 };
  assert.equal(progressText(beam), 'step 3 of at most 12 · step done · 48 candidates · 2.3 s');
  assert.equal(progressFraction(beam), 0.25);
  assert.equal(progressFraction({ ...beam, stage: 'sampling' }), 2 / 12);
  const vote: SearchProgress = { ...beam, strategy: 'vote', stage: 'sampling' };
  assert.equal(progressText(vote), '1 paths finished · sampling · 48 candidates · 2.3 s');
  assert.equal(progressFraction(vote), undefined);
});

test('the notebook index reads Jupyter cells as one notebook, keyed by a version string', () => {
  const index = new NotebookIndex();
  const notebook = { uri: 'file:///n.ipynb', version: '3:1.4', source: () => ['## Problem 1\nOne?', '**Solution:**\n- $1=1$'] };
  assert.deepEqual(index.problems(notebook).map((p) => p.work?.steps.map((s) => s.text)), [['$1=1$']]);
  assert.equal(index.problemAt(notebook, 3)?.key, 'problem-1');
  assert.equal(index.byKey(notebook, 'problem-1')?.work?.labelLine, 2);
});

test('the notebook index parses each document version once', () => {
  const index = new NotebookIndex();
  let reads = 0;
  const doc = (version: number, text: string) => ({ uri: 'file:///n.md', version, source: () => (reads++, text) });
  const v1 = doc(1, '## Problem 1\nOne?\n# Notes\nLoose $x$?');
  assert.equal(index.problems(v1).length, 1);
  index.problems(v1);
  assert.equal(reads, 1);
  assert.equal(index.problemAt(v1, 3)?.labelKind, 'paragraph');
  const v2 = doc(2, '## Problem 1\nOne?\n## Problem 2\nTwo?');
  assert.equal(index.problems(v2).length, 2);
  assert.equal(index.byKey(v2, 'problem-2')?.text, 'Two?');
  index.forget(v2.uri);
});
