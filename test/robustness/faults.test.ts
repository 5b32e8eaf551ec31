// Faults around the engine: broken, foreign or unreadable bundle files, CUDA asked for where there
// is none, an engine process that dies mid-search or cannot start. Each gives a clear message; a
// failed load leaves the engine usable, and a dead engine is restarted (with its bundle) on the
// next request. Runs the real engine child process on the tiny fixture bundle.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { chmodSync, mkdirSync, readFileSync, rmSync, truncateSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { EngineClient, EngineError, type EngineEvent } from '../../src/core/host/engineClient.js';
import { copyFixture, FIXTURE_BUNDLES, skipUnlessFixture } from '../helpers/bundles.js';
import { isAlive, newEngineClient } from './helpers.js';

const fixture = skipUnlessFixture('mqa');
const PROBLEM = 'Tom has 3 apples and buys 4 more. How many apples does he have?';
const LONG_SOLVE = { problem: PROBLEM, strategy: 'beam' as const, k: 16, b: 4, maxSteps: 12, maxStepTokens: 64, temperature: 1 };

const engineError = (code: string, message: RegExp) => (error: unknown) => {
  assert.ok(error instanceof EngineError, `expected an EngineError, got ${String(error)}`);
  assert.equal(error.code, code, error.message);
  assert.match(error.message, message);
  return true;
};

/** A broken copy of the fixture bundle for each case. */
const BROKEN_BUNDLES: ReadonlyArray<[string, (dir: string) => void, RegExp]> = [
  ['a missing policy.onnx', (dir) => rmSync(join(dir, 'policy.onnx')), /policy\.onnx: is missing \(named by manifest\.json\)\. Re-export/],
  ['a truncated policy.onnx', (dir) => truncateSync(join(dir, 'policy.onnx'), 100_000), /policy\.onnx: could not be opened as an ONNX model .*truncated or corrupt/],
  ['an empty tvm.onnx', (dir) => truncateSync(join(dir, 'tvm.onnx'), 0), /tvm\.onnx: could not be opened as an ONNX model/],
  ['a tvm.onnx of random bytes', (dir) => writeFileSync(join(dir, 'tvm.onnx'), randomBytes(200_000)), /tvm\.onnx: could not be opened as an ONNX model .*truncated or corrupt/],
  ['the policy swapped for the verifier', (dir) => writeFileSync(join(dir, 'policy.onnx'), readFileSync(join(dir, 'tvm.onnx'))), /policy\.onnx: .*(does not list|lacks)/],
  [
    'a tokenizer larger than the model',
    (dir) => {
      const path = join(dir, 'tokenizer.json');
      const tokenizer = JSON.parse(readFileSync(path, 'utf8'));
      tokenizer.added_tokens.push({ id: 5000, content: '<|foreign|>', single_word: false, lstrip: false, rstrip: false, normalized: false, special: true });
      writeFileSync(path, JSON.stringify(tokenizer));
    },
    /tokenizer\.json: has \d+ tokens but .*policy\.onnx predicts only \d+, so they do not belong together/,
  ],
  ['a tokenizer.json that is not a tokenizer', (dir) => writeFileSync(join(dir, 'tokenizer.json'), '{"model": {}}'), /tokenizer\.json: could not be loaded as a Hugging Face tokenizer\.json/],
  ['a truncated tokenizer.json', (dir) => truncateSync(join(dir, 'tokenizer.json'), 1000), /tokenizer\.json: could not be loaded as a Hugging Face tokenizer\.json/],
  ['a truncated manifest.json', (dir) => truncateSync(join(dir, 'manifest.json'), 200), /manifest\.json: is not valid JSON/],
  [
    'a folder where manifest.json should be',
    (dir) => {
      rmSync(join(dir, 'manifest.json'));
      mkdirSync(join(dir, 'manifest.json'));
    },
    /manifest\.json: is not valid JSON \(EISDIR/,
  ],
];

describe('engine faults', fixture, () => {
  let client: EngineClient;
  const events: EngineEvent[] = [];
  before(() => {
    client = newEngineClient();
    client.onEvent((event) => events.push(event));
  });
  after(() => client.dispose());

  for (const [label, breakIt, message] of BROKEN_BUNDLES) {
    test(`${label}: a bundle error naming the file, and the engine stays up`, async () => {
      const copy = copyFixture('mqa');
      try {
        breakIt(copy.dir);
        const pid = client.pid;
        await assert.rejects(client.load({ bundleDir: copy.dir, device: 'cpu' }), engineError('bundle', message));
        if (pid !== undefined) assert.equal(client.pid, pid, 'no restart: the engine did not crash');
      } finally {
        copy.cleanup();
      }
    });
  }

  test('CUDA requested but absent: bad input saying why; the same engine then loads on CPU', async () => {
    const pid = client.pid;
    let cuda: Awaited<ReturnType<EngineClient['load']>> | undefined;
    try {
      cuda = await client.load({ bundleDir: FIXTURE_BUNDLES.mqa, device: 'cuda' });
    } catch (error) {
      engineError('bad-input', /CUDA was requested but (CUDA provider libraries are not installed|the CUDA execution provider failed)/)(error);
    }
    // A machine with a CUDA-enabled onnxruntime and a GPU loads it there, and says so.
    if (cuda) assert.equal(cuda.device, 'cuda');
    const cpu = await client.load({ bundleDir: FIXTURE_BUNDLES.mqa, device: 'cpu' });
    assert.equal(cpu.device, 'cpu');
    if (pid !== undefined) assert.equal(client.pid, pid);
  });

  test('the engine killed mid-search: the request fails saying so, the next one restarts it with the bundle', async () => {
    await client.load({ bundleDir: FIXTURE_BUNDLES.mqa, device: 'cpu' });
    const before = client.pid as number;
    const solving = client.solve(LONG_SOLVE, { onProgress: () => process.kill(before, 'SIGKILL') });
    await assert.rejects(solving, engineError('internal', /the engine process stopped unexpectedly \(signal SIGKILL\); it restarts on the next request/));
    assert.ok(events.some((event) => event.type === 'crash'), 'a crash event for the log');
    const checked = await client.check({ problem: PROBLEM, steps: ['3 + 4 = 7'] });
    assert.equal(checked.steps.length, 1, 'the restarted engine has the bundle back');
    assert.notEqual(client.pid, before);
    assert.equal(isAlive(before), false);
  });

  test('the engine killed while idle, twice in a row: each next request restarts it', async () => {
    for (let i = 0; i < 2; i++) {
      const pid = client.pid as number;
      process.kill(pid, 'SIGKILL');
      while (isAlive(pid)) await new Promise((resolve) => setTimeout(resolve, 20));
      const solved = await client.solve({ problem: PROBLEM, strategy: 'greedy', maxSteps: 1, maxStepTokens: 4 });
      assert.equal(solved.strategy, 'greedy');
      assert.notEqual(client.pid, pid);
    }
  });
});

test('an engine script that cannot start fails its request with the reason, not a hang', async () => {
  const client = new EngineClient({ enginePath: join(tmpdir(), 'no-such-engine.js'), readyTimeoutMs: 20_000 });
  try {
    await assert.rejects(client.check({ problem: PROBLEM, steps: ['x'] }), engineError('internal', /stopped unexpectedly \(exit code 1\)[\s\S]*Cannot find module/));
  } finally {
    client.dispose();
  }
});

/**
 * Unreadable bundle files. Permission bits do not stop root, and tests often run as root: then
 * the load runs in a child process without the capabilities that bypass them (setpriv drops
 * CAP_DAC_OVERRIDE and CAP_DAC_READ_SEARCH). It stays root, so it can still read the repository
 * wherever the clone lies, while chmod 000 applies to it.
 */
test('an unreadable bundle folder, manifest or model file is reported as unreadable', fixture, () => {
  const cases: Array<[string, (dir: string) => void, RegExp]> = [
    ['folder', (dir) => chmodSync(dir, 0o000), /tvm-bundle-mqa-\w+: cannot be read \(EACCES: permission denied/],
    ['manifest', (dir) => chmodSync(join(dir, 'manifest.json'), 0o000), /manifest\.json: cannot be read \(EACCES/],
    ['tokenizer', (dir) => chmodSync(join(dir, 'tokenizer.json'), 0o000), /tokenizer\.json: cannot be read \(EACCES/],
    ['model file', (dir) => chmodSync(join(dir, 'policy.onnx'), 0o000), /policy\.onnx: cannot be read \(EACCES/],
  ];
  const asRoot = process.getuid?.() === 0;
  const copies: Array<{ cleanup(): void; dir: string }> = [];
  try {
    for (const [label, lock, message] of cases) {
      const copy = copyFixture('mqa');
      copies.push(copy);
      lock(copy.dir);
      const script =
        "const { loadBundle } = require('./src/core/bundle/loadBundle.ts');" +
        `loadBundle(${JSON.stringify(copy.dir)}, { device: 'cpu' }).then(` +
        "() => console.log(JSON.stringify({ loaded: true })), (e) => console.log(JSON.stringify({ name: e.name, message: e.message })));";
      const node = [process.execPath, '--import', 'tsx', '-e', script];
      const command = asRoot ? ['setpriv', '--bounding-set', '-dac_override,-dac_read_search', ...node] : node;
      const run = spawnSync(command[0]!, command.slice(1), {
        encoding: 'utf8',
        env: { ...process.env, ORT_DISABLE_TELEMETRY: '1' },
        timeout: 60_000,
      });
      assert.equal(run.status, 0, `${label}: ${run.stderr}`);
      const outcome = JSON.parse(run.stdout.trim().split('\n').at(-1) ?? '{}') as { name?: string; message?: string };
      assert.equal(outcome.name, 'BundleError', `${label}: ${run.stdout}`);
      assert.match(outcome.message ?? '', message);
      assert.match(outcome.message ?? '', /Give your user read access/);
    }
  } finally {
    for (const copy of copies) {
      spawnSync('chmod', ['-R', 'u+rwX', copy.dir]);
      copy.cleanup();
    }
  }
});
