// The calculator process the training pipeline samples through (src/core/host/calculatorProcess.ts):
// over JSON lines it answers what the search's own forcer and calculatorResult answer, lists the
// tokens containing "=" and the tokens the verifiers read as certain, reports a bad request without dying, and exits when its input closes.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { createInterface } from 'node:readline';
import { join } from 'node:path';
import { BundleTokenizer } from '../../../src/core/tokenizer.js';
import { exactSearch } from '../../../src/core/search/exactSearch.js';
import { calculatorResult } from '../../../src/core/exact/index.js';
import { calculatedPositions } from '../../../src/core/runtime/certainCalculations.js';
import { stepEndFlags } from '../../../src/core/stepEnds.js';

const TOKENIZER = join('models', 'default', 'tokenizer.json');
const EOS = '<|eos|>';

test('the calculator process answers as the engine forces, and exits when its input closes', async () => {
  const child = spawn(process.execPath, ['--import', 'tsx', 'src/core/host/calculatorProcess.ts', TOKENIZER, EOS], { stdio: ['pipe', 'pipe', 'inherit'] });
  const replies = createInterface({ input: child.stdout })[Symbol.asyncIterator]();
  const next = async (): Promise<unknown> => JSON.parse(((await replies.next()).value as string) ?? 'null');
  const ask = async (request: unknown): Promise<unknown> => {
    child.stdin.write(`${typeof request === 'string' ? request : JSON.stringify(request)}\n`);
    return next();
  };

  const codec = BundleTokenizer.fromFile(TOKENIZER, EOS);
  const ready = (await next()) as { ready: boolean; triggers: number[] };
  assert.equal(ready.ready, true);
  const expectedTriggers = [...Array(codec.vocabSize).keys()].filter((id) => codec.decode([id]).includes('='));
  assert.deepEqual(ready.triggers, expectedTriggers);

  const { force } = exactSearch('', codec);
  const rows = ['$23 \\times 4 =', '$23 \\times 4 = 92$\n$92 - 100 =', '12 + 5 =', 'x + 3 =', '$1/2 + 1 ='].map((text) => codec.encode(text));
  const forced = (await ask({ force: rows })) as { forced: (number[] | null)[] };
  assert.deepEqual(forced.forced, rows.map((row) => force(0, row) ?? null));
  assert.equal(codec.decode(forced.forced[0] ?? []), ' 92');
  assert.equal(forced.forced[3], null);

  const lines = ['$23 \\times 4 =', '7*8=', 'x + 3 ='];
  assert.deepEqual(await ask({ lines }), { results: lines.map((line) => calculatorResult(line)) });
  const sequences = ['Q: What is 23 x 4?\n$23 \\times 4 = 92$\nThe answer is 92', 'Q: What is 23 x 4?\n$23 \\times 4 = 91$\n'].map((text) => codec.encode(text));
  const certain = (await ask({ certain: sequences })) as { certain: number[][] };
  assert.deepEqual(certain.certain, sequences.map((tokens) => calculatedPositions(codec, tokens, stepEndFlags(codec, '\n'))));
  assert.ok((certain.certain[0] ?? []).length > 0, 'the correct result 92 reads as certain');
  assert.deepEqual(certain.certain[1], [], 'a wrong result keeps its log-probability');
  assert.match(((await ask('not json')) as { error: string }).error, /bad request line/);
  assert.match(((await ask({ other: 1 })) as { error: string }).error, /"force"/);

  child.stdin.end();
  const [code] = await once(child, 'exit');
  assert.equal(code, 0);
});
