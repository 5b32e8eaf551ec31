// Bad input to the CLI, run as users run it (a separate process): exit code 2 with a message that
// says what is wrong, or exit 0 with a best effort — never a crash (exit 1, a signal) or a hang.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { copyFixture, FIXTURE_BUNDLES, skipUnlessFixture } from '../helpers/bundles.js';
import { cli, repeatTo, type CliResult } from './helpers.js';

const BUNDLE = FIXTURE_BUNDLES.mqa;
const fixture = skipUnlessFixture('mqa');
const temp = mkdtempSync(join(tmpdir(), 'tvm-robust-cli-'));
const file = (name: string, content: string | Buffer): string => {
  const path = join(temp, name);
  writeFileSync(path, content);
  return path;
};
const QUICK = ['--bundle', BUNDLE, '--device', 'cpu', '--strategy', 'greedy', '--max-steps', '2'];
const CHECK = ['check', '--bundle', BUNDLE, '--device', 'cpu', '-k', '2', '--problem', 'What is 2 + 3?'];

interface Case {
  label: string;
  args: () => string[];
  stdin?: Buffer;
  /** Exit codes allowed (2 = bad input with a message, 0 = best effort). */
  status: readonly number[];
  stderr?: RegExp;
}

const CASES: readonly Case[] = [
  { label: 'empty problem', args: () => ['solve', ''], status: [2], stderr: /solve needs the problem text/ },
  { label: 'whitespace problem', args: () => ['solve', ' \t '], status: [2], stderr: /solve needs the problem text/ },
  {
    label: '1 MB problem (over several arguments)',
    args: () => ['solve', ...QUICK, ...Array.from({ length: 10 }, () => repeatTo('apples and pears ', 100_000))],
    status: [2],
    stderr: /the command line is \d+ bytes long, more than the 16000 the CLI accepts/,
  },
  { label: '12 kB problem', args: () => ['solve', ...QUICK, repeatTo('apples and pears ', 12_000)], status: [2], stderr: / \d+ tokens.*at most 256.*shorten the problem/ },
  { label: 'non-math prose', args: () => ['solve', ...QUICK, 'Please summarise the plot of Hamlet in the style of a limerick.'], status: [0] },
  { label: 'unbalanced $ and markup', args: () => ['solve', ...QUICK, 'What is $2 + $3 $$ <script>alert(1)</script> \\$?'], status: [0] },
  {
    label: 'random bytes on standard input as steps',
    args: () => [...CHECK, '--steps-file', '-'],
    stdin: randomBytes(64 * 1024),
    status: [2],
    stderr: /tokens, more than the model's 256: check fewer steps at a time/,
  },
  { label: 'invalid UTF-8 steps file', args: () => [...CHECK, '--steps-file', file('bad-utf8.txt', Buffer.from([0xff, 0xfe, 0x32, 0x2b, 0x33, 0x0a, 0xc3, 0x28, 0x0a, 0xed, 0xa0, 0x80]))], status: [0] },
  { label: 'a folder as steps file', args: () => [...CHECK, '--steps-file', temp], status: [2], stderr: /cannot read --steps-file .*EISDIR/ },
  { label: 'random bytes as eval input', args: () => ['eval', ...QUICK, '--input', file('random.jsonl', randomBytes(4096))], status: [2], stderr: /line \d+ is not JSON/ },
  {
    label: 'a 1 MB reference answer in eval input',
    args: () => ['eval', ...QUICK, '--input', file('huge.jsonl', `${JSON.stringify({ question: 'What is 2 + 3?', answer: `5${'.'.repeat(1_000_000)}x` })}\n`)],
    status: [0],
  },
  { label: 'k far over the memory budget', args: () => ['solve', '--bundle', BUNDLE, '--device', 'cpu', '-k', '1000000', '-b', '1', 'What is 2 + 3?'], status: [2], stderr: /over the engine's budget of 2\.0 GiB: ask for at most 65536 candidates/ },
];

/** Runs the cases two at a time (the CLI is one Node process each). */
async function runAll(cases: readonly Case[]): Promise<Array<[Case, CliResult]>> {
  const results: Array<[Case, CliResult]> = [];
  for (let i = 0; i < cases.length; i += 2) {
    const pair = cases.slice(i, i + 2);
    const done = await Promise.all(pair.map((c) => cli(c.args(), { ...(c.stdin && { stdin: c.stdin }), timeoutMs: 90_000 })));
    pair.forEach((c, j) => results.push([c, done[j]!]));
  }
  return results;
}

test(`CLI: ${CASES.length} kinds of bad input exit 2 with a message or 0 with a best effort, never crash or hang`, fixture, async (t) => {
  try {
    for (const [c, result] of await runAll(CASES)) {
      await t.test(c.label, () => {
        assert.equal(result.signal, null, `${c.label}: killed by ${result.signal} after ${Math.round(result.ms)} ms`);
        assert.ok(c.status.includes(result.status ?? -1), `${c.label}: exit ${result.status}, stderr: ${result.stderr.slice(0, 500)}`);
        assert.doesNotMatch(result.stderr, /internal error/);
        if (c.stderr) assert.match(result.stderr, c.stderr);
        if (result.status === 2) assert.match(result.stderr, /^tvm-tutor: \S/, 'one message line');
      });
    }
  } finally {
    rmSync(temp, { recursive: true, force: true });
  }
});

test('CLI: a corrupt model file and CUDA without CUDA are bad input with the reason', fixture, async () => {
  const broken = copyFixture('mqa');
  try {
    writeFileSync(join(broken.dir, 'tvm.onnx'), randomBytes(50_000));
    const [corrupt, cuda] = await Promise.all([
      cli(['solve', '--bundle', broken.dir, '--device', 'cpu', 'What is 2 + 3?']),
      cli(['solve', ...QUICK.filter((a) => a !== 'cpu' && a !== '--device'), '--device', 'cuda', 'What is 2 + 3?']),
    ]);
    assert.equal(corrupt.status, 2, corrupt.stderr);
    assert.match(corrupt.stderr, /tvm\.onnx: could not be opened as an ONNX model .*truncated or corrupt/);
    // Where a CUDA-enabled onnxruntime and a GPU exist this runs; everywhere else it must say why not.
    if (cuda.status !== 0) {
      assert.equal(cuda.status, 2, cuda.stderr);
      assert.match(cuda.stderr, /CUDA was requested but/);
    }
  } finally {
    broken.cleanup();
  }
});
