import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { BundleTokenizer } from '../../../src/core/tokenizer.js';
import type { TextCodec } from '../../../src/core/lm.js';
import { splitWords } from '../../../src/core/familiarity/splitWords.js';

/** A codec whose whole-word tokens are `known`; any other word costs one token per letter. */
function wordCodec(known: readonly string[]): TextCodec {
  const words = new Set(known);
  return {
    eosId: 0,
    vocabSize: 1,
    encode: (text: string) => text.trim().split(/\s+/).flatMap((w: string) => (words.has(w) ? [1] : [...w].map(() => 2))),
    decode: () => '',
    tokenText: () => '',
    idText: () => '',
  } as unknown as TextCodec;
}

test('words without a whole-word token are split words; math, names and one-letter words are not words here', () => {
  const codec = wordCodec(['has', 'apples', 'how', 'many']);
  const problem = 'Janet has $3$ apples and ruddy $x + frob = 2$ a ruddy pear. How many? $$\\frac{qq}{zz}$$';
  assert.deepEqual(splitWords(codec, problem), ['and', 'ruddy', 'pear']);
  assert.deepEqual(splitWords(codec, 'Janet has apples'), []);
});

test('every problem of the bundled splits is familiar to the bundled tokenizer', () => {
  const tokenizer = BundleTokenizer.fromFile('models/default/tokenizer.json', '<|eos|>');
  for (const split of ['val', 'test', 'hard']) {
    const problems = readFileSync(`models/default/splits/${split}.jsonl`, 'utf8').trim().split('\n').map((line) => JSON.parse(line).question as string);
    const flagged = problems.filter((p) => splitWords(tokenizer, p).length > 0);
    assert.deepEqual(flagged, [], `${split}: curriculum problems have no split word`);
  }
  assert.deepEqual(splitWords(tokenizer, 'Sam has 60 zorbly apples. How many are left?'), ['zorbly']);
});
