// The prompt text for v1 and v2 bundles on the table the Python side (training/tvm_training/data.py
// prompt_text) is tested on too, and TextFormat writing it for the bundle's prompt format.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { promptText } from '../../../src/core/prompt/promptText.js';
import { TextFormat } from '../../../src/core/search/format.js';
import { charCodec, fakeInfo } from '../fakes.js';

interface PromptTextCase {
  problem: string;
  v1: string;
  v2: string;
  why: string;
}

const cases = JSON.parse(readFileSync(join(__dirname, '..', '..', '..', 'training', 'tests', 'fixtures', 'prompt_text_cases.json'), 'utf8')) as PromptTextCase[];
const TEMPLATE = 'Q: {problem}\n';

for (const c of cases) {
  test(`shared prompt text case: ${c.why}`, () => {
    assert.equal(promptText(TEMPLATE, c.problem, 'v1'), c.v1);
    assert.equal(promptText(TEMPLATE, c.problem, 'v2'), c.v2);
  });
}

test('TextFormat writes the problem as the bundle prompt format says, in prompts and encoded prefixes', () => {
  const v1 = new TextFormat(fakeInfo, charCodec);
  const v2 = new TextFormat({ ...fakeInfo, promptFormat: 'v2' }, charCodec);
  assert.equal(v1.prompt('Solve 5x = 35.'), 'Q: Solve 5x = 35.\n');
  for (const problem of ['Solve 5x = 35', 'Solve 5x = 35.', '  Solve 5x = 35 ?\n']) {
    assert.equal(v2.prompt(problem), 'Q: Solve 5x = 35\n');
    assert.deepEqual(v2.encodePrefix(problem, ['$x = 7$']).tokens, charCodec.encode('Q: Solve 5x = 35\n$x = 7$\n'));
  }
});
