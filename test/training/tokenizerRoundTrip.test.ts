// The JS tokenizer (what the engine uses) must reproduce the Python tokenizer (what the models were
// trained with) id for id, and decode(encode(x)) must give x back, over every curriculum family.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { execFileSync } from 'node:child_process';
import { Tokenizer } from '@huggingface/tokenizers';

const bundles = ['models/default', 'test/fixtures/bundle-mqa'];

for (const dir of bundles) {
  test(`tokenizer in ${dir} matches the training tokenizer and round-trips the curriculum exactly`, () => {
    const json = JSON.parse(readFileSync(`${dir}/tokenizer.json`, 'utf8'));
    const config = JSON.parse(readFileSync(`${dir}/tokenizer_config.json`, 'utf8'));
    const tokenizer = new Tokenizer(json, config);
    const lines = execFileSync('/usr/bin/python3', ['training/dump_curriculum.py', '--tokenizer', `${dir}/tokenizer.json`,
      '--per-family', '250'], { encoding: 'utf8', maxBuffer: 256 * 1024 * 1024 }).trim().split('\n');
    assert.ok(lines.length >= 8 * 2 * 250);
    let mismatches = 0;
    for (const line of lines) {
      const { text, ids } = JSON.parse(line) as { text: string; ids: number[] };
      const got: number[] = tokenizer.encode(text).ids;
      if (got.length !== ids.length || got.some((id, i) => id !== ids[i])) mismatches++;
      assert.equal(tokenizer.decode(got), text);
    }
    assert.equal(mismatches, 0, `${mismatches} of ${lines.length} texts tokenized differently in JS and Python`);
  });
}

test('digits are one token each', () => {
  const dir = 'test/fixtures/bundle-mqa';
  const tokenizer = new Tokenizer(JSON.parse(readFileSync(`${dir}/tokenizer.json`, 'utf8')),
    JSON.parse(readFileSync(`${dir}/tokenizer_config.json`, 'utf8')));
  const ids: number[] = tokenizer.encode('12345').ids;
  assert.equal(ids.length, 5);
  assert.deepEqual(ids.map((id) => tokenizer.decode([id])), ['1', '2', '3', '4', '5']);
});
