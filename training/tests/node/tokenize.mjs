// For the Python suite (training/tests/test_tokenizer_parity.py): tokenizes texts with
// @huggingface/tokenizers, as the engine does, and compares with the Python tokenizer's ids.
// Usage: node training/tests/node/tokenize.mjs BUNDLE_DIR TEXTS.jsonl   (lines {"text", "ids"})
// Prints one JSON object: lines read, texts whose ids differ, texts that do not decode back exactly.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Tokenizer } from '@huggingface/tokenizers';

const [dir, texts] = process.argv.slice(2);
const tokenizer = new Tokenizer(JSON.parse(readFileSync(join(dir, 'tokenizer.json'), 'utf8')),
  JSON.parse(readFileSync(join(dir, 'tokenizer_config.json'), 'utf8')));
const lines = readFileSync(texts, 'utf8').trim().split('\n');
const mismatches = [];
const roundTrip = [];
for (const line of lines) {
  const { text, ids } = JSON.parse(line);
  const got = tokenizer.encode(text).ids;
  if (got.length !== ids.length || got.some((id, i) => id !== ids[i])) mismatches.push({ text, python: ids, js: got });
  const back = tokenizer.decode(got);
  if (back !== text) roundTrip.push({ text, decoded: back });
}
console.log(JSON.stringify({ lines: lines.length, mismatches: mismatches.length, firstMismatches: mismatches.slice(0, 3),
  roundTripFailures: roundTrip.length, firstRoundTripFailures: roundTrip.slice(0, 3) }));
