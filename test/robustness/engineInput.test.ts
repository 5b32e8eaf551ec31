// Bad input to the engine, driven in-process through EngineService (the code behind the child
// process's IPC): every request gets exactly one reply — a result, or an error whose code says
// whose fault it is and whose message says what to change — within a time limit, and the engine
// keeps serving afterwards. Also the memory budget that refuses oversized requests up front.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { EngineService } from '../../src/core/host/engineService.js';
import { loadBundle, type LoadedBundle } from '../../src/core/bundle/loadBundle.js';
import { createEngineModels } from '../../src/core/runtime/engineModels.js';
import { solve } from '../../src/core/solve.js';
import type { EngineErrorCode, EngineMethod, EngineParams, EngineReplyMessage, EngineToHostMessage, HostToEngineMessage } from '../../src/shared/engineProtocol.js';
import { FIXTURE_BUNDLES, skipUnlessFixture } from '../helpers/bundles.js';
import { MB, loneSurrogates, randomLatin1, randomUtf8, repeatTo } from './helpers.js';

const fixture = skipUnlessFixture('mqa');
const PROBLEM = 'Tom has 3 apples and buys 4 more. How many apples does he have?';
const QUICK = { strategy: 'greedy' as const, maxSteps: 2, maxStepTokens: 8 };
/** Control characters are refused (src/core/problemText.ts); what is left of random bytes is best-effort input. */
const withoutControls = (text: string): string => text.replace(/[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F]/gu, '');

/** An in-process engine: `call` sends one request and resolves with its reply. */
function harness() {
  const sent: EngineToHostMessage[] = [];
  const waiters: Array<() => void> = [];
  const service = new EngineService((message) => {
    sent.push(message);
    waiters.splice(0).forEach((wake) => wake());
  });
  let nextId = 1;
  const reply = async (id: number): Promise<EngineReplyMessage> => {
    for (;;) {
      const found = sent.find((m): m is EngineReplyMessage => m.type === 'reply' && m.id === id);
      if (found) return found;
      await new Promise<void>((resolve) => waiters.push(resolve));
    }
  };
  const call = async <M extends EngineMethod>(method: M, params: EngineParams<M>, limitMs = 20_000) => {
    const id = nextId++;
    const start = performance.now();
    service.handle({ type: 'request', id, method, params } as HostToEngineMessage);
    const answer = await reply(id);
    const ms = performance.now() - start;
    assert.ok(ms < limitMs, `${method} took ${Math.round(ms)} ms, limit ${limitMs} ms`);
    assert.equal(sent.filter((m) => m.type === 'reply' && m.id === id).length, 1, 'exactly one reply');
    return answer;
  };
  return { service, sent, call };
}

function assertError(answer: EngineReplyMessage, code: EngineErrorCode, message: RegExp): void {
  assert.ok(!answer.ok, `expected a ${code} error, got a result`);
  assert.equal(answer.error.code, code, answer.error.message);
  assert.match(answer.error.message, message);
}

describe('engine: bad requests', fixture, () => {
  const engine = harness();
  before(async () => {
    const loaded = await engine.call('load', { bundleDir: FIXTURE_BUNDLES.mqa, device: 'cpu' });
    assert.ok(loaded.ok);
  });
  after(() => engine.service.dispose());

  const badInput: ReadonlyArray<[string, () => [EngineMethod, unknown], RegExp]> = [
    ['solve: empty problem', () => ['solve', { problem: '', ...QUICK }], /problem is empty/],
    ['solve: whitespace problem', () => ['solve', { problem: ' \n\t\r ', ...QUICK }], /problem is empty/],
    ['solve: 1 MB problem', () => ['solve', { problem: repeatTo('apples and pears ', MB), ...QUICK }], / \d+ tokens.*at most 256.*shorten the problem/],
    ['solve: 256 kB of random bytes (control characters among them)', () => ['solve', { problem: randomUtf8(MB / 4), ...QUICK }], /control character U\+[0-9A-F]{4} at position \d+: remove it/],
    ['solve: 256 kB of random bytes without control characters', () => ['solve', { problem: withoutControls(randomUtf8(MB / 4)), ...QUICK }], / \d+ tokens.*at most 256.*shorten the problem/],
    ['solve: a bell and a terminal escape', () => ['solve', { problem: 'What is 2\u0007 + \u001b[31m3?', ...QUICK }], /control character U\+0007 at position 10: remove it/],
    ['check: NUL in the problem', () => ['check', { problem: 'What is 2 + 3?\u0000', steps: ['2 + 3 = 5'] }], /control character U\+0000 at position 15/],
    ['hint: random Latin-1 bytes (every control character)', () => ['hint', { problem: `x${randomLatin1(60)}\u0001`, steps: [] }], /control character U\+[0-9A-F]{4}/],
    ['solve: unknown strategy', () => ['solve', { problem: PROBLEM, strategy: 'mcts' }], /unknown strategy "mcts"/],
    ['solve: unknown verifier', () => ['solve', { problem: PROBLEM, verifier: 'oracle' }], /unknown verifier/],
    ['solve: verifier the bundle lacks', () => ['solve', { problem: PROBLEM, verifier: 'prm' }], /has no prm verifier/],
    ['solve: k = 0', () => ['solve', { problem: PROBLEM, k: 0 }], /k must be a positive integer/],
    ['solve: k not an integer', () => ['solve', { problem: PROBLEM, k: 2.5, b: 1 }], /k must be a positive integer/],
    ['solve: b > k', () => ['solve', { problem: PROBLEM, k: 2, b: 4 }], /cannot exceed k/],
    ['solve: negative temperature', () => ['solve', { problem: PROBLEM, temperature: -1 }], /temperature must be >= 0/],
    ['solve: NaN temperature', () => ['solve', { problem: PROBLEM, temperature: Number.NaN }], /temperature must be >= 0/],
    ['solve: negative seed', () => ['solve', { problem: PROBLEM, seed: -1 }], /seed must be a non-negative integer/],
    ['solve: zero steps', () => ['solve', { problem: PROBLEM, maxSteps: 0 }], /maxSteps must be a positive integer/],
    ['check: no steps', () => ['check', { problem: PROBLEM, steps: [] }], /no steps to check/],
    ['check: a blank step', () => ['check', { problem: PROBLEM, steps: ['3 + 4 = 7', '  '] }], /step 2 is empty/],
    ['check: 256 kB of steps', () => ['check', { problem: PROBLEM, steps: [repeatTo('3 + 4 = 7 ', MB / 4)] }], /more than the model's 256: check fewer steps/],
    ['check: 10 000 steps', () => ['check', { problem: PROBLEM, steps: Array.from({ length: 10_000 }, (_, i) => `${i} + 1 = ${i + 1}`) }], /check fewer steps/],
    ['check: threshold out of range', () => ['check', { problem: PROBLEM, steps: ['x'], options: { threshold: 2 } }], /threshold must be between 0 and 1/],
    ['hint: 256 kB problem', () => ['hint', { problem: repeatTo('pears ', MB / 4), steps: [] }], / \d+ tokens.*at most 256.*shorten the problem/],
    ['hint: k = 0', () => ['hint', { problem: PROBLEM, steps: [], options: { k: 0 } }], /k must be a positive integer/],
  ];
  for (const [label, make, message] of badInput) {
    test(`${label} → bad-input saying what to change`, async () => {
      const [method, params] = make();
      assertError(await engine.call(method, params as EngineParams<typeof method>), 'bad-input', message);
    });
  }

  const bestEffort: ReadonlyArray<[string, string]> = [
    ['non-math prose', 'The mitochondria is the powerhouse of the cell; discuss its role in Victorian poetry.'],
    ['random bytes as UTF-8, control characters removed', withoutControls(randomUtf8(60))],
    ['lone surrogates', loneSurrogates(20)],
    ['unbalanced $', 'What is $2 + $3 $$ \\$ $ ?'],
    ['markup and script', '<script>alert(1)</script> **Problem:** $\\href{javascript:x}{y}$'],
  ];
  for (const [label, problem] of bestEffort) {
    test(`${label}: solve, check and hint answer with a bounded best effort`, async () => {
      const solved = await engine.call('solve', { problem, ...QUICK });
      assert.ok(solved.ok && solved.method === 'solve', solved.ok ? '' : solved.error.message);
      assert.ok(solved.result.steps.length <= QUICK.maxSteps);
      const checked = await engine.call('check', { problem, steps: [problem.slice(0, 20) || 'x', 'The answer is 7'] });
      assert.ok(checked.ok, checked.ok ? '' : checked.error.message);
      const hint = await engine.call('hint', { problem, steps: ['x'], options: { k: 2, maxStepTokens: 8 } });
      assert.ok(hint.ok, hint.ok ? '' : hint.error.message);
    });
  }

  test('malformed IPC messages are dropped or answered, never crash the engine', async () => {
    for (const garbage of [null, undefined, 42, 'solve', [], {}, { type: 'request' }, { type: 'request', id: 1.5, method: 'solve' }, { type: 'cancel', id: 'x' }]) {
      assert.doesNotThrow(() => engine.service.handle(garbage as unknown as HostToEngineMessage), JSON.stringify(garbage));
    }
    for (const method of ['solve', 'check', 'hint'] as const) {
      const answer = await engine.call(method, null as unknown as EngineParams<typeof method>);
      assert.ok(!answer.ok, `${method} with null params must fail`);
    }
    const still = await engine.call('check', { problem: PROBLEM, steps: ['3 + 4 = 7'] });
    assert.ok(still.ok, 'the engine still serves');
  });

  test('a request over the memory budget is refused before any work', async () => {
    const start = performance.now();
    for (const params of [
      { problem: PROBLEM, strategy: 'beam' as const, k: 1_000_000, b: 1 },
      { problem: PROBLEM, strategy: 'vote' as const, k: 10_000_000 },
    ]) {
      assertError(await engine.call('solve', params), 'bad-input', /would need [\d.]+ GiB of KV cache, over the engine's budget of 2\.0 GiB: ask for at most 65536 candidates/);
    }
    assertError(await engine.call('hint', { problem: PROBLEM, steps: [], options: { k: 5_000_000 } }), 'bad-input', /over the engine's budget/);
    assert.ok(performance.now() - start < 5000, 'refused at once');
  });
});

describe('memory budget', fixture, () => {
  let bundle: LoadedBundle;
  before(async () => {
    bundle = await loadBundle(FIXTURE_BUNDLES.mqa, { device: 'cpu' });
  });
  after(() => bundle.release());

  test('is K × maxPositions × KV bytes per position: the largest K that fits runs, one more is refused', async () => {
    const kv = bundle.manifest.models.policy.kv;
    const rowBytes = bundle.info.maxPositions * 2 * kv.layers * kv.kvHeads * kv.headDim * 4;
    const fits = 24;
    const models = createEngineModels(bundle, { requestBudgetBytes: fits * rowBytes });
    const request = { problem: PROBLEM, strategy: 'vote' as const, maxSteps: 1, maxStepTokens: 2 };
    const solved = await solve(models, { ...request, k: fits });
    assert.equal(solved.trace.paths.length, fits);
    await assert.rejects(solve(models, { ...request, k: fits + 1 }), (error: unknown) => {
      return error instanceof RangeError && new RegExp(`^${fits + 1} sequences of up to 256 tokens .* ask for at most ${fits} candidates`).test(error.message);
    });
  });
});
