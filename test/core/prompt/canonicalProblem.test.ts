// The engine's canonical problem statement on the table the Python original
// (training/tvm_training/curriculum/prompt.py) is tested on too, and its idempotence on any text.
// Python against TypeScript on random text: training/tests/test_prompt_canonical.py.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { canonicalProblem } from '../../../src/core/prompt/canonicalProblem.js';

interface PromptCase {
  input: string;
  canonical: string;
  why: string;
}

const cases = JSON.parse(readFileSync(join(__dirname, '..', '..', '..', 'training', 'tests', 'fixtures', 'prompt_cases.json'), 'utf8')) as PromptCase[];

for (const c of cases) {
  test(`shared prompt case: ${c.why}`, () => {
    assert.equal(canonicalProblem(c.input), c.canonical);
    assert.equal(canonicalProblem(c.canonical), c.canonical, 'idempotent');
  });
}

/** Characters where Python and JavaScript, or the rules, could disagree, among ordinary ones. */
const TRICKY = [...'ab1 .?!;,:$\\()[]{}\'"\n\t\r\v\f', '\u0085', '\ufeff', '\u2019', '\u00a0', '\u001c', '\u0007', '\u0000', '\u3000', '\u180e', '\u200b', '\u0080', '\u2028', '\u2212', '\u2014'];

test('canonicalProblem is idempotent and leaves no final punctuation or edge whitespace', () => {
  fc.assert(
    fc.property(fc.array(fc.constantFrom(...TRICKY), { maxLength: 24 }).map((chars) => chars.join('')), (text) => {
      const once = canonicalProblem(text);
      assert.equal(canonicalProblem(once), once);
      assert.doesNotMatch(once, /^ |[ .?!;,:]$|\s\s|\n/);
    }),
    { numRuns: 2000 },
  );
});

test('final punctuation and whitespace never change the canonical problem', () => {
  fc.assert(
    fc.property(fc.string({ maxLength: 30 }), fc.array(fc.constantFrom(' ', '.', '?', '!', '\n', '\t', ' .', ':'), { maxLength: 5 }), (text, tail) => {
      const bare = canonicalProblem(text);
      assert.equal(canonicalProblem(bare + tail.join('')), bare);
    }),
  );
});

test('a long run of final marks is stripped in linear time', () => {
  const started = performance.now();
  // The last " ." is followed by "x", not by a space: it keeps its space.
  assert.ok(canonicalProblem(`Solve 5x = 35${' .'.repeat(100_000)}x`) === `Solve 5x = 35${'.'.repeat(99_999)} .x`);
  assert.equal(canonicalProblem(`Solve 5x = 35${' ?'.repeat(100_000)}`), 'Solve 5x = 35');
  assert.ok(performance.now() - started < 2000, 'no quadratic backtracking');
});
