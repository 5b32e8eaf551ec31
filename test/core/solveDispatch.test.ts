import { test } from 'node:test';
import assert from 'node:assert/strict';
import { solve } from '../../src/core/solve.js';
import { BadRequestError, type StrategyName } from '../../src/core/search/index.js';
import { EOS, ScriptedPolicy, ScriptedVerifier, fakeEngine, solutionLines } from './fakes.js';

const policy = () =>
  new ScriptedPolicy(({ prefix, options }) => {
    const full = '2 + 2 = 4\nThe answer is 4\n' + EOS;
    if (!options.stopAtStepEnd) return full;
    return solutionLines(prefix).length === 0 ? '2 + 2 = 4\n' : 'The answer is 4\n';
  });
const verifier = () => new ScriptedVerifier((text) => (text.includes('4') ? 0.9 : 0.6));

for (const strategy of ['greedy', 'vote', 'bon', 'wvote', 'beam'] as StrategyName[]) {
  test(`solve dispatches "${strategy}" and returns the answer, valued steps and the trace`, async () => {
    const result = await solve(fakeEngine(policy(), verifier()), { problem: '2 + 2?', strategy, k: 4, b: 2 });
    assert.equal(result.strategy, strategy);
    assert.equal(result.trace.params.strategy, strategy);
    assert.equal(result.answer, '4');
    assert.deepEqual(result.steps, [
      { text: '2 + 2 = 4', value: 0.9 },
      { text: 'The answer is 4', value: 0.9 },
    ]);
  });
}

test('solve defaults to beam search with the TVM, K=16 and b=4', async () => {
  const result = await solve(fakeEngine(policy(), verifier()), { problem: '2 + 2?' });
  assert.deepEqual([result.trace.params.strategy, result.trace.params.verifier, result.trace.params.k, result.trace.params.b], ['beam', 'tvm', 16, 4]);
});

test('solve uses the requested baseline verifier and refuses one the bundle lacks', async () => {
  const orm = new ScriptedVerifier(() => 0.3);
  const result = await solve(fakeEngine(policy(), verifier(), { orm }), { problem: '2 + 2?', strategy: 'bon', verifier: 'orm', k: 2 });
  assert.equal(result.trace.params.verifier, 'orm');
  assert.equal(result.trace.paths[0]?.value, 0.3);
  await assert.rejects(solve(fakeEngine(policy(), verifier()), { problem: '2 + 2?', verifier: 'prm' }), /has no prm verifier/);
});

test('solve rejects empty problems and unknown strategies as bad requests', async () => {
  const engine = fakeEngine(policy(), verifier());
  await assert.rejects(solve(engine, { problem: '' }), BadRequestError);
  await assert.rejects(solve(engine, { problem: 'x', strategy: 'mcts' as StrategyName }), /unknown strategy "mcts"/);
});
