import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parseWebviewMessage, parseWebviewState } from '../../src/shared/validate.js';
import { pendingView } from '../../src/extension/solve/viewModel.js';

test('known webview messages are accepted, reduced to their type', () => {
  for (const type of ['ready', 'insertSolution', 'cancel', 'solveAgain'] as const) {
    assert.deepEqual(parseWebviewMessage({ type, extra: 'ignored' }), { type });
  }
});

test('anything else from the webview is rejected', () => {
  for (const raw of [undefined, null, 'ready', 42, [], [{ type: 'ready' }], {}, { type: 'run' }, { type: 7 }, { type: 'constructor' }, { type: '__proto__' }]) {
    assert.equal(parseWebviewMessage(raw), undefined, JSON.stringify(raw));
  }
});

test('restored state: a valid view survives, anything malformed gives an empty panel', () => {
  const view = pendingView(
    {
      documentUri: 'file:///a.md',
      problem: { key: 'k', title: 'Problem', text: 'Q?' },
      settings: { strategy: 'beam', verifier: 'tvm', k: 16, b: 4, temperature: 0.7, maxSteps: 10, model: 'default', device: 'cpu' },
    },
    '',
  );
  assert.deepEqual(parseWebviewState({ view, treeOpen: true, tokensOpen: 'yes' }), { view, treeOpen: true, tokensOpen: false });
  assert.deepEqual(parseWebviewState(undefined), { view: null, treeOpen: false, tokensOpen: false });
  assert.equal(parseWebviewState({ view: { ...view, steps: 'x' } }).view, null);
  assert.equal(parseWebviewState({ view: { ...view, status: 'exploded' } }).view, null);
  assert.equal(parseWebviewState({ view: { ...view, documentUri: 1 } }).view, null);
});
