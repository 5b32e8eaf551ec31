import { test } from 'node:test';
import assert from 'node:assert/strict';
import { isEngineMethod, parseHostToEngine, parseWebviewMessage, parseWebviewState } from '../../src/shared/validate.js';
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
  // The answer, with the caution beside it ("unfamiliar problem"), absent in states saved before it existed.
  const answer = { text: '11', value: null, check: null, caution: 'unfamiliar problem' };
  assert.deepEqual(parseWebviewState({ view: { ...view, answer } }).view?.answer, answer);
  const { caution: _, ...older } = answer;
  assert.deepEqual(parseWebviewState({ view: { ...view, answer: older } }).view?.answer, older);
  assert.equal(parseWebviewState({ view: { ...view, answer: { ...answer, caution: { html: '<b>' } } } }).view, null);
  assert.equal(parseWebviewState({ view: { ...view, answer: 'x' } }).view, null);
  assert.equal(parseWebviewState({ view: { ...view, documentUri: 1 } }).view, null);
});

test('engine messages: a cancel or a request with an integer id passes; anything else is dropped', () => {
  const request = { type: 'request', id: 3, method: 'solve', params: { problem: '2+3' } };
  assert.equal(parseHostToEngine(request), request);
  assert.deepEqual(parseHostToEngine({ type: 'cancel', id: 3 }), { type: 'cancel', id: 3 });
  for (const raw of [null, 7, 'request', [], {}, { type: 'request', id: 1.5, method: 'solve' }, { type: 'request', method: 'solve' }, { type: 'reply', id: 1 }]) {
    assert.equal(parseHostToEngine(raw), undefined, JSON.stringify(raw));
  }
});

test('engine methods: the four the engine answers', () => {
  for (const method of ['load', 'solve', 'check', 'hint']) assert.ok(isEngineMethod(method));
  for (const method of ['solveAll', '', undefined, 1, '__proto__']) assert.ok(!isEngineMethod(method));
});
