import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Tokenizer } from '@huggingface/tokenizers';
import { BundleTokenizer } from '../../src/core/tokenizer.js';
import { FIXTURE_BUNDLES, skipUnlessFixture } from '../helpers/bundles.js';

const fixture = skipUnlessFixture('mqa');
const load = (): BundleTokenizer => BundleTokenizer.fromFile(join(FIXTURE_BUNDLES.mqa, 'tokenizer.json'), '<|eos|>');

test('decode(encode(text)) round-trips math text exactly', fixture, () => {
  const tokenizer = load();
  for (const text of ['Q: What is 12 + 30?\n', 'So $x = \\frac{3}{4}$ , then .\nThe answer is 7', '  two  spaces\n\nand a blank line', 'π ≈ 3.14 — ½ €']) {
    assert.equal(tokenizer.decode(tokenizer.encode(text)), text);
  }
});

test('the EOS token encodes to eosId and is dropped when decoding', fixture, () => {
  const tokenizer = load();
  const ids = tokenizer.encode('The answer is 4<|eos|>');
  assert.equal(ids.at(-1), tokenizer.eosId);
  assert.equal(tokenizer.decode(ids), 'The answer is 4');
  assert.ok(tokenizer.vocabSize > tokenizer.eosId);
  assert.deepEqual(tokenizer.encode(''), []);
  assert.equal(tokenizer.decode([]), '');
});

test('per-token texts concatenate to the decoded text and keep multi-byte characters whole', fixture, () => {
  const tokenizer = load();
  const text = 'x ≈ ½ + €5\n';
  const ids = tokenizer.encode(text);
  const texts = tokenizer.tokenTexts(ids);
  assert.equal(texts.length, ids.length);
  assert.equal(texts.join(''), text);
  for (const piece of texts) assert.ok(!piece.includes('\uFFFD'), `piece ${JSON.stringify(piece)} has a broken character`);
  assert.ok(texts.includes('€') || texts.some((t) => t.endsWith('€')), 'the euro sign appears whole on one token');
  if (ids.length > [...text].length) assert.ok(texts.includes(''), 'bytes of an unfinished character yield empty text');
});

test('a tokenizer.json without the EOS token throws', fixture, () => {
  assert.throws(() => BundleTokenizer.fromFile(join(FIXTURE_BUNDLES.mqa, 'tokenizer.json'), '<|nope|>'), /not in the vocabulary/);
});

// (That the bundles' tokenizers match the training tokenizer id for id over the curriculum is checked
// against Python in training/tests/test_tokenizer_parity.py.)
test('digits are one token each', () => {
  const dir = 'test/fixtures/bundle-mqa';
  const tokenizer = new Tokenizer(JSON.parse(readFileSync(`${dir}/tokenizer.json`, 'utf8')),
    JSON.parse(readFileSync(`${dir}/tokenizer_config.json`, 'utf8')));
  const ids: number[] = tokenizer.encode('12345').ids;
  assert.equal(ids.length, 5);
  assert.deepEqual(ids.map((id) => tokenizer.decode([id])), ['1', '2', '3', '4', '5']);
});
