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

test('the bundled splits stay within the bundle\'s split-word bound; an invented word is a split word', () => {
  const tokenizer = BundleTokenizer.fromFile('models/default/tokenizer.json', '<|eos|>');
  const manifest = JSON.parse(readFileSync('models/default/tutor.json', 'utf8')) as { calibration: { unfamiliarAbove: { splitWords: number } } };
  // The bound is the most split words a val problem has (bench/calibration.ts): curriculum problems
  // of the other splits, drawn from the same generator, must not be flagged by it either.
  const bound = manifest.calibration.unfamiliarAbove.splitWords;
  for (const split of ['val', 'test', 'hard']) {
    const problems = readFileSync(`models/default/splits/${split}.jsonl`, 'utf8').trim().split('\n').map((line) => JSON.parse(line).question as string);
    const flagged = problems.filter((p) => splitWords(tokenizer, p).length > bound);
    assert.deepEqual(flagged, [], `${split}: no curriculum problem has more than ${bound} split words`);
  }
  assert.deepEqual(splitWords(tokenizer, 'Sam has 60 zorbly apples. How many are left?'), ['zorbly']);
});
