import { test } from 'node:test';
import assert from 'node:assert/strict';
import { bestOfN, greedy, majorityVote, BadRequestError } from '../../../src/core/search/index.js';
import type { PolicyModel } from '../../../src/core/lm.js';
import { EOS, ScriptedPolicy, ScriptedVerifier, fakeModels } from '../fakes.js';

/** Value = NN/100 for the last "v=NN" in the text so far; 0.5 before any. */
function verifier() {
  return new ScriptedVerifier((text) => {
    const last = [...text.matchAll(/v=(\d+)/g)].at(-1);
    return last ? Number(last[1]) / 100 : 0.5;
  });
}

/** Full paths by sample index: "<answer> v=<value>" pairs. */
function pathsPolicy(paths: Array<[string | null, number]>) {
  return new ScriptedPolicy(({ sample }) => {
    const [answer, value] = paths[sample] ?? [null, 0];
    const last = answer === null ? `I am lost v=${value}` : `v=${value} The answer is ${answer}`;
    return `First line.\nSecond v=${value} line.\n${last}\n${EOS}`;
  });
}

test('greedy decodes once at temperature 0 until EOS and splits the path into lines', async () => {
  const policy = pathsPolicy([['5', 80]]);
  const trace = await greedy('2+3', fakeModels(policy), { temperature: 0.9 });
  assert.equal(policy.calls.length, 1);
  assert.deepEqual([policy.calls[0]?.samplesPerPrompt, policy.calls[0]?.options.temperature, policy.calls[0]?.options.stopAtStepEnd], [1, 0, false]);
  assert.deepEqual(trace.chosen.map((s) => s.text), ['First line.', 'Second v=80 line.', 'v=80 The answer is 5']);
  assert.equal(trace.answer, '5');
  assert.equal(trace.paths[0]?.finish, 'eos');
  assert.equal(trace.chosen[0]?.value, null); // no verifier, no values
  assert.equal(trace.params.verifier, null);
});

test('blank lines join a neighbouring step instead of becoming empty steps', async () => {
  const policy = new ScriptedPolicy(() => `\nFirst.\n\nThe answer is 3\n${EOS}`);
  const trace = await greedy('q', fakeModels(policy));
  assert.deepEqual(trace.chosen.map((s) => s.text), ['First.', 'The answer is 3']);
  assert.deepEqual(trace.chosen.map((s) => s.tokenTexts.join('')), ['\nFirst.\n\n', 'The answer is 3\n<|eos|>']);
});

test('greedy with a verifier annotates every token; the EOS token stays in the last step', async () => {
  const trace = await greedy('2+3', fakeModels(pathsPolicy([['5', 80]]), verifier()));
  const last = trace.chosen.at(-1);
  assert.equal(last?.tokenTexts.at(-1), '<|eos|>');
  assert.equal(last?.tokenValues?.length, last?.tokenIds.length);
  assert.equal(trace.paths[0]?.value, 0.8);
  assert.equal(trace.chosen[0]?.value, 0.5);
});

test('majority vote returns the most frequent answer, grouping equivalent forms', async () => {
  const policy = pathsPolicy([['13', 90], ['12', 10], ['$12.00', 10], ['13', 90], ['12 dollars', 10]]);
  const trace = await majorityVote('q', fakeModels(policy), { n: 5 });
  assert.equal(policy.calls[0]?.samplesPerPrompt, 5);
  assert.equal(trace.answer, '12');
  assert.deepEqual(trace.votes.map((v) => [v.answer, v.members, v.winner]), [
    ['12', [1, 2, 4], true],
    ['13', [0, 3], false],
  ]);
  assert.deepEqual(trace.paths.map((p) => p.chosen), [false, true, false, false, false]);
});

test('a vote tie goes to the answer seen first; paths without an answer do not vote', async () => {
  const trace = await majorityVote('q', fakeModels(pathsPolicy([[null, 0], ['4', 0], ['3', 0], ['3', 0], ['4', 0]])), { n: 5 });
  assert.equal(trace.answer, '4');
  const none = await majorityVote('q', fakeModels(pathsPolicy([[null, 0], [null, 0]])), { n: 2 });
  assert.equal(none.answer, null);
  assert.equal(none.outcome, 'no-answer');
});

test('majority vote refuses temperature 0 with several samples', async () => {
  await assert.rejects(majorityVote('q', fakeModels(pathsPolicy([])), { n: 4, temperature: 0 }), BadRequestError);
});

test('best-of-N returns the highest-valued path even when its answer is in the minority', async () => {
  const trace = await bestOfN('q', fakeModels(pathsPolicy([['12', 40], ['12', 45], ['13', 90], ['12', 30]]), verifier()), { n: 4 });
  assert.equal(trace.answer, '13');
  assert.equal(trace.params.strategy, 'bon');
  assert.deepEqual(trace.paths.map((p) => p.value), [0.4, 0.45, 0.9, 0.3]);
  assert.equal(trace.paths[2]?.chosen, true);
});

test('verifier-weighted vote sums values per answer', async () => {
  const paths: Array<[string, number]> = [['12', 40], ['12', 45], ['13', 70], ['12', 30]];
  const trace = await bestOfN('q', fakeModels(pathsPolicy(paths), verifier()), { n: 4, aggregate: 'weighted-vote' });
  assert.equal(trace.params.strategy, 'wvote');
  assert.equal(trace.answer, '12'); // 0.40 + 0.45 + 0.30 = 1.15 > 0.70
  assert.ok(Math.abs((trace.votes[0]?.weight ?? 0) - 1.15) < 1e-9);
  assert.equal(trace.paths[1]?.chosen, true); // the best member of the winning group
});

test('best-of-N without a verifier ranks the paths by the policy\'s mean token log-probability', async () => {
  // Path 2 is the likeliest per token (−0.1) although path 1 has the larger total (it is shorter).
  const perToken = [-0.9, -0.3, -0.1, -0.5];
  const policy = new ScriptedPolicy(
    ({ sample }) => (sample === 1 ? `The answer is 1\n${EOS}` : `First line.\nSecond line.\nThe answer is ${sample}\n${EOS}`),
    ({ sample }) => perToken[sample] as number,
  );
  const trace = await bestOfN('q', fakeModels(policy), { n: 4 });
  assert.deepEqual([trace.params.strategy, trace.params.verifier, trace.params.ranking], ['bon', null, 'likelihood']);
  assert.equal(trace.answer, '2');
  assert.deepEqual(trace.paths.map((p) => p.chosen), [false, false, true, false]);
  trace.paths.forEach((p, i) => assert.ok(Math.abs((p.meanLogprob as number) - (perToken[i] as number)) < 1e-12, `path ${i}`));
  assert.ok(trace.paths.every((p) => p.value === null) && trace.chosen.every((s) => s.value === null), 'no value model, no values');
});

test('best-of-N by likelihood leaves out the calculator\'s tokens and unknown log-probabilities', async () => {
  // Path 0's sampled tokens are likely (−0.1) but its forced ones would count −9 each; path 1 is
  // −0.5 throughout. Forced and NaN tokens do not count: path 0 wins.
  const text = `2 + 3 = 5\nThe answer is 5\n${EOS}`;
  const policy: PolicyModel = {
    sample: async (prompts, n) =>
      prompts.map(() =>
        Array.from({ length: n }, (_, sample) => {
          const tokens = [...text].map((c) => c.charCodeAt(0));
          const logprobs = tokens.map((_, i) => (sample === 1 ? -0.5 : i === 1 ? Number.NaN : i >= 8 && i <= 9 ? -9 : -0.1));
          return { tokens, finish: 'eos' as const, logprobs, ...(sample === 0 && { forced: [8, 9] }) };
        }),
      ),
  };
  const trace = await bestOfN('q', fakeModels(policy), { n: 2, exact: false });
  assert.deepEqual(trace.paths.map((p) => p.meanLogprob?.toFixed(3)), ['-0.100', '-0.500']);
  assert.equal(trace.paths[0]?.chosen, true);
});

test('best-of-N with a verifier ranks by its value, not by likelihood', async () => {
  const policy = new ScriptedPolicy(({ sample }) => `v=${[40, 90][sample]} The answer is ${sample}\n${EOS}`, ({ sample }) => [-0.1, -2][sample] as number);
  const trace = await bestOfN('q', fakeModels(policy, verifier()), { n: 2 });
  assert.deepEqual([trace.params.verifier, trace.params.ranking, trace.answer], ['tvm', 'value', '1']);
});

test('the weighted vote needs a verifier', async () => {
  await assert.rejects(bestOfN('q', fakeModels(pathsPolicy([])), { aggregate: 'weighted-vote' }), /weighted vote needs a verifier/);
});

test('path strategies abort with an AbortError', async () => {
  const signal = AbortSignal.abort();
  await assert.rejects(majorityVote('q', fakeModels(pathsPolicy([])), {}, signal), { name: 'AbortError' });
  await assert.rejects(bestOfN('q', fakeModels(pathsPolicy([]), verifier()), {}, signal), { name: 'AbortError' });
  await assert.rejects(greedy('q', fakeModels(pathsPolicy([])), {}, signal), { name: 'AbortError' });
});
