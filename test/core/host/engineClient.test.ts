import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { EngineClient, EngineError, type EngineEvent } from '../../../src/core/host/engineClient.js';
import { FIXTURE_BUNDLES, skipUnlessFixture } from '../../helpers/bundles.js';

/** The engine straight from source: tests need no build. */
const newClient = (): EngineClient => new EngineClient({ enginePath: 'src/core/host/engineProcess.ts', execArgv: ['--import', 'tsx'] });

const PROBLEM = 'Tom has 3 apples and buys 4 more. How many apples does he have?';
/** A search long enough to be interrupted. */
const LONG_SOLVE = { problem: PROBLEM, strategy: 'beam' as const, k: 16, b: 4, maxSteps: 12, maxStepTokens: 64, temperature: 1 };

function isEngineError(code: string) {
  return (error: unknown) => error instanceof EngineError && error.code === code;
}

describe('engine child process', skipUnlessFixture('mqa'), () => {
  let client: EngineClient;
  const events: EngineEvent[] = [];
  before(() => {
    client = newClient();
    client.onEvent((event) => events.push(event));
  });
  after(() => client.dispose());

  test('requests before a bundle is loaded are bad input', async () => {
    await assert.rejects(client.check({ problem: PROBLEM, steps: ['3 + 4 = 7'] }), isEngineError('bad-input'));
    assert.ok(events.some((event) => event.type === 'started'), 'the engine announced itself with ready');
  });

  test('a broken bundle folder is a bundle error naming the problem', async () => {
    await assert.rejects(client.load({ bundleDir: '/nonexistent/bundle', device: 'cpu' }), (error: unknown) => {
      return error instanceof EngineError && error.code === 'bundle' && /is not a folder/.test(error.message);
    });
  });

  test('load reports the bundle, its verifiers and the device', async () => {
    const loaded = await client.load({ bundleDir: FIXTURE_BUNDLES.mqa, device: 'cpu' });
    assert.equal(loaded.device, 'cpu');
    assert.ok(loaded.verifiers.includes('tvm'));
    assert.equal(loaded.info.promptTemplate.includes('{problem}'), true);
  });

  test('check and solve run in the engine and return plain data', async () => {
    const checked = await client.check({ problem: PROBLEM, steps: ['3 + 4 = 7', 'The answer is 7'] });
    assert.equal(checked.steps.length, 2);
    const progress: string[] = [];
    const solved = await client.solve({ problem: PROBLEM, strategy: 'greedy', maxSteps: 2, maxStepTokens: 8 }, { onProgress: (p) => progress.push(p.stage) });
    assert.equal(solved.strategy, 'greedy');
    assert.ok(progress.includes('done'), `progress stages: ${progress.join(',')}`);
  });

  test('aborting a request cancels it in the engine, which stays usable', async () => {
    const pid = client.pid;
    const controller = new AbortController();
    const solving = client.solve(LONG_SOLVE, { signal: controller.signal, onProgress: () => controller.abort() });
    await assert.rejects(solving, isEngineError('cancelled'));
    // The engine finished the cancelled search early: the next request is answered promptly.
    const started = Date.now();
    await client.check({ problem: PROBLEM, steps: ['3 + 4 = 7'] });
    assert.ok(Date.now() - started < 5000);
    assert.equal(client.pid, pid);
  });

  test('a crashed engine fails its pending requests, reports it, and restarts with the bundle on the next request', async () => {
    const before = client.pid as number;
    const solving = client.solve(LONG_SOLVE);
    setTimeout(() => process.kill(before, 'SIGKILL'), 200);
    await assert.rejects(solving, (error: unknown) => error instanceof EngineError && error.code === 'internal' && /SIGKILL/.test(error.message));
    assert.ok(events.some((event) => event.type === 'crash'));
    const checked = await client.check({ problem: PROBLEM, steps: ['3 + 4 = 7'] });
    assert.equal(checked.steps.length, 1);
    assert.notEqual(client.pid, before);
  });
});

test('dispose cancels pending requests and stops the engine', skipUnlessFixture('mqa'), async () => {
  const client = newClient();
  await client.load({ bundleDir: FIXTURE_BUNDLES.mqa, device: 'cpu' });
  const pid = client.pid as number;
  const solving = client.solve(LONG_SOLVE);
  client.dispose();
  await assert.rejects(solving, isEngineError('cancelled'));
  await assert.rejects(client.check({ problem: PROBLEM, steps: [] }), isEngineError('cancelled'));
  for (let i = 0; i < 50 && isAlive(pid); i++) await new Promise((resolve) => setTimeout(resolve, 100));
  assert.equal(isAlive(pid), false);
});

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}
