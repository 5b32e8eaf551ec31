import { test } from 'node:test';
import assert from 'node:assert/strict';
import { problemSurprise, problemTokenIndexes, surpriseOver } from '../../../src/core/familiarity/problemSurprise.js';
import { TextFormat } from '../../../src/core/search/format.js';
import { BundleTokenizer } from '../../../src/core/tokenizer.js';
import { ScriptedPolicy, charCodec, fakeInfo } from '../fakes.js';

const format = new TextFormat(fakeInfo, charCodec);

test('problem tokens: the problem text only, not the template around it ("Q: " and the line end)', () => {
  const prompt = charCodec.encode(format.prompt('ab c'));
  assert.deepEqual(problemTokenIndexes(format, 'ab c', prompt), [3, 4, 5, 6]);
  // Line breaks in a problem become spaces in the prompt; the range follows the prompt's text.
  assert.deepEqual(problemTokenIndexes(format, 'a\nb', charCodec.encode(format.prompt('a\nb'))), [3, 4, 5]);
});

test('problem tokens with the bundled BPE tokenizer: a token merging the template space with the first word counts', () => {
  const tokenizer = BundleTokenizer.fromFile('models/default/tokenizer.json', '<|eos|>');
  const bpe = new TextFormat({ ...fakeInfo, promptTemplate: 'Q: {problem}\n' }, tokenizer);
  const problem = 'Calculate 1198 - 60.';
  const prompt = tokenizer.encode(bpe.prompt(problem));
  const indexes = problemTokenIndexes(bpe, problem, prompt);
  const texts = tokenizer.tokenTexts(prompt);
  assert.equal(indexes.map((k) => texts[k]).join(''), ' Calculate 1198 - 60.');
  assert.ok(!indexes.includes(0) && !indexes.includes(prompt.length - 1), 'not "Q" nor the line end');
});

test('surprise: mean and max negative log-probability over the problem tokens; the first token (no log-probability) is skipped', () => {
  const logprobs = Float32Array.from([Number.NaN, -1, -3, -2, -10]);
  assert.deepEqual(surpriseOver(logprobs, [0, 1, 2, 3]), { meanNats: 2, maxNats: 3, tokens: 3 });
  assert.deepEqual(surpriseOver(logprobs, []), { meanNats: 0, maxNats: 0, tokens: 0 });
});

test('problemSurprise asks the policy for the prompt\'s log-probabilities; a policy that cannot give them gives null', async () => {
  const plain = new ScriptedPolicy(() => '');
  assert.equal(await problemSurprise(plain, format, 'ab'), null);
  const asked: number[][] = [];
  const reporting = Object.assign(new ScriptedPolicy(() => ''), {
    promptLogprobs: async (prompt: readonly number[]) => {
      asked.push([...prompt]);
      // Problem characters "a" cost 1 nat, "b" 3; template characters 100.
      return Float32Array.from(prompt, (id, k) => (k === 0 ? Number.NaN : id === 97 ? -1 : id === 98 ? -3 : -100));
    },
  });
  assert.deepEqual(await problemSurprise(reporting, format, 'ab'), { meanNats: 2, maxNats: 3, tokens: 2 });
  assert.deepEqual(asked, [charCodec.encode('Q: ab\n')]);
});
