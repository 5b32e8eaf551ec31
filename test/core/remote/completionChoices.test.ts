// The two reply shapes that carry token ids, an empty choice, and what is refused.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { completionChoices } from '../../../src/core/remote/completionChoices.js';

const ORIGIN = 'http://127.0.0.1:8080';

test('llama-server: ids and log-probabilities from logprobs.content', () => {
  const [choice] = completionChoices({ choices: [{ index: 0, text: '12', finish_reason: 'stop', logprobs: { content: [{ id: 5, logprob: -0.1, top_logprobs: [{ id: 5, logprob: -0.1 }] }, { id: 7, logprob: -2 }] } }] }, ORIGIN);
  assert.deepEqual(choice?.tokens, [5, 7]);
  assert.deepEqual(choice?.logprobs, [-0.1, -2]);
  assert.equal(choice?.top?.[0]?.get(5), -0.1);
});

test('llama-server: a choice that generated nothing (stop string first) has no tokens, not a malformed reply', () => {
  const [choice] = completionChoices({ choices: [{ text: '', index: 0, logprobs: null, finish_reason: 'stop' }] }, ORIGIN);
  assert.deepEqual(choice?.tokens, []);
  assert.deepEqual(choice?.logprobs, []);
  assert.equal(choice?.finishReason, 'stop');
});

test('vLLM with --return-tokens-as-token-ids', () => {
  const [choice] = completionChoices({ choices: [{ text: 'ab', logprobs: { tokens: ['token_id:3', 'token_id:9'], token_logprobs: [-1, null] } }] }, ORIGIN);
  assert.deepEqual(choice?.tokens, [3, 9]);
  assert.deepEqual(choice?.logprobs, [-1, null]);
});

test('text without log-probabilities, or tokens as text, is refused with what to do', () => {
  assert.throws(() => completionChoices({ choices: [{ text: '12', logprobs: null, finish_reason: 'stop' }] }, ORIGIN), /no token log-probabilities with token ids/);
  assert.throws(() => completionChoices({ choices: [{ text: 'a', logprobs: { tokens: ['a'], token_logprobs: [-1] } }] }, ORIGIN), /--return-tokens-as-token-ids/);
  assert.throws(() => completionChoices({}, ORIGIN), /no "choices" list/);
});
