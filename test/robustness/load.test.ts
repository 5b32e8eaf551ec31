// Load: a burst of live checks while the user types (only the latest one is shown, the others are
// cancelled, mostly before the engine ever sees them), and many solve/cancel cycles against the
// engine process without its resident memory growing (no leaked sessions, tensors or requests).
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { EngineError, type EngineClient } from '../../src/core/host/engineClient.js';
import { parseNotebook } from '../../src/core/notebook/index.js';
import type { CheckResult } from '../../src/core/check/index.js';
import { CheckStore } from '../../src/extension/check/checkStore.js';
import { Debouncer, Supersede, type Timers } from '../../src/extension/util/supersede.js';
import { FIXTURE_BUNDLES, skipUnlessFixture } from '../helpers/bundles.js';
import { newEngineClient, residentBytes } from './helpers.js';
import { FAMILIAR } from '../fixtures/familiarity.js';

const fixture = skipUnlessFixture('mqa');
const PROBLEM = 'Tom has 3 apples and buys 4 more. How many apples does he have?';
const KEY = 'file:///notebook.md#problem-1';

function manualTimers(): Timers & { fire(): void; pending(): number } {
  const timers = new Map<number, () => void>();
  let next = 0;
  return {
    setTimeout: (fn) => (timers.set(++next, fn), next),
    clearTimeout: (handle) => void timers.delete(handle as number),
    fire: () => {
      const due = [...timers.values()];
      timers.clear();
      due.forEach((fn) => fn());
    },
    pending: () => timers.size,
  };
}

test('typing 100 keystrokes schedules one live check; 100 started checks leave only the latest current', () => {
  const timers = manualTimers();
  const debounce = new Debouncer<string>(700, timers);
  const ran: number[] = [];
  for (let keystroke = 0; keystroke < 100; keystroke++) debounce.schedule(KEY, () => ran.push(keystroke));
  assert.equal(timers.pending(), 1);
  timers.fire();
  assert.deepEqual(ran, [99]);

  const running = new Supersede<string>();
  const tickets = Array.from({ length: 100 }, () => running.start(KEY));
  assert.equal(tickets.filter((t) => t.signal.aborted).length, 99, 'every older check is aborted');
  assert.deepEqual(tickets.map((t, i) => (t.isCurrent() ? i : -1)).filter((i) => i >= 0), [99]);
  tickets.slice(0, 99).forEach((t) => t.done()); // late finishers must not release the latest
  assert.equal(tickets[99]!.isCurrent(), true);
});

test('a result computed for older text is never shown, only the one for the current text', () => {
  const store = new CheckStore();
  const uri = 'file:///notebook.md';
  store.watch(uri, 'problem-1');
  const version = (i: number) => parseNotebook(`## Problem 1\n${PROBLEM}\n**Solution:**\n- 3 + 4 = ${i}\n`);
  const result = (i: number): CheckResult => ({
    verifier: 'tvm',
    problemValue: 0.5,
    steps: [{ text: `3 + 4 = ${i}`, value: 0.5, before: 0.5, tokens: [{ id: 1, text: `3 + 4 = ${i}\n`, value: 0.5 }], exact: null }],
    firstSuspicious: null,
    firstFalse: null,
    warningStands: false,
    firstFlagged: null,
    verified: null,
    suspiciousToken: null,
    suspiciousDrop: null,
    reason: '',
    finished: false,
    familiarity: FAMILIAR,
  });
  // Results arrive out of order for versions 0..99 of the text; the document now holds version 99.
  for (const i of [5, 99, 42, 7]) store.record(uri, version(i)[0]!, result(i));
  const { checks, outdated } = store.current(uri, version(99));
  assert.equal(checks.length, 0, 'the last result recorded (for version 7) is not for the current text');
  assert.equal(outdated.length, 1, 'so the problem needs a check');
  store.record(uri, version(99)[0]!, result(99));
  const now = store.current(uri, version(99));
  assert.deepEqual(now.checks.map((c) => c.result.steps[0]!.text), ['3 + 4 = 99']);
});

describe('against the engine process', fixture, () => {
  let client: EngineClient;
  before(async () => {
    client = newEngineClient();
    await client.load({ bundleDir: FIXTURE_BUNDLES.mqa, device: 'cpu' });
  });
  after(() => client.dispose());

  /** Starts check `i` as a live check does: a ticket that aborts the previous one. */
  function fire(running: Supersede<string>, i: number, outcomes: Map<number, string>, shown: string[]): Promise<void> {
    const ticket = running.start(KEY);
    return client.check({ problem: PROBLEM, steps: [`3 + 4 = ${i}`] }, { signal: ticket.signal }).then(
      (result) => {
        outcomes.set(i, 'result');
        if (ticket.isCurrent()) shown.push(result.steps[0]!.text);
        ticket.done();
      },
      (error: unknown) => {
        outcomes.set(i, error instanceof EngineError ? error.code : String(error));
        ticket.done();
      },
    );
  }

  test('100 checks fired in one burst: 99 cancelled before reaching the engine, only the latest shown', async () => {
    const running = new Supersede<string>();
    const outcomes = new Map<number, string>();
    const shown: string[] = [];
    await Promise.all(Array.from({ length: 100 }, (_, i) => fire(running, i, outcomes, shown)));
    assert.deepEqual(shown, ['3 + 4 = 99']);
    assert.equal([...outcomes.values()].filter((o) => o === 'cancelled').length, 99);
  });

  test('100 checks fired while typing (one every 2 ms): no older result replaces a newer one; the latest is what stays shown', async (t) => {
    const running = new Supersede<string>();
    const outcomes = new Map<number, string>();
    const shown: string[] = [];
    const start = performance.now();
    const pending: Promise<void>[] = [];
    for (let i = 0; i < 100; i++) {
      pending.push(fire(running, i, outcomes, shown));
      await new Promise((resolve) => setTimeout(resolve, 2));
    }
    await Promise.all(pending);
    // A check that finishes before the next keystroke is shown until then (and hidden by the
    // edit: see the CheckStore test); a superseded one is never shown.
    const order = shown.map((text) => Number(text.split('= ')[1]));
    assert.deepEqual(order, [...order].sort((a, b) => a - b), `shown in typing order: ${order.join(',')}`);
    assert.equal(order.at(-1), 99, 'the latest result is the one left on screen');
    assert.equal(outcomes.get(99), 'result');
    const cancelled = [...outcomes.values()].filter((o) => o === 'cancelled').length;
    t.diagnostic(`${cancelled} of 100 cancelled, ${shown.length} shown in turn`);
    assert.ok([...outcomes.values()].every((o) => o === 'result' || o === 'cancelled'), [...outcomes.values()].join(','));
    assert.ok(performance.now() - start < 30_000);
    // The engine is idle again and answers at once.
    const idle = performance.now();
    await client.check({ problem: PROBLEM, steps: ['3 + 4 = 7'] });
    assert.ok(performance.now() - idle < 5000);
  });

  test('200 solve/cancel cycles: the engine stays up and its resident memory stays flat', async (t) => {
    const pid = client.pid as number;
    if (residentBytes(pid) === undefined) {
      t.skip('no /proc on this system');
      return;
    }
    const problems = [PROBLEM, 'What is 12 + 30?', 'A train goes 60 km in 1.5 hours. What is its speed?', 'Sam has 5 pens and loses 2. How many are left?', 'What is 7 * 8?'];
    // A fixed seed: the engine's LRU caches (bounded, up to 384 MiB) then hold the same entries
    // every round, so any growth left is a leak rather than a cache filling up.
    const cycle = async (i: number): Promise<string> => {
      const controller = new AbortController();
      let progress = 0;
      const request = { problem: problems[i % problems.length]!, strategy: 'beam' as const, k: 16, b: 4, maxSteps: 12, maxStepTokens: 64, temperature: 1, seed: 7 };
      try {
        await client.solve(request, { signal: controller.signal, onProgress: () => ++progress === 2 && controller.abort() });
        return 'finished';
      } catch (error) {
        return error instanceof EngineError ? error.code : String(error);
      }
    };
    for (let i = 0; i < 30; i++) await cycle(i); // warm-up: caches, JIT, heap
    const before = residentBytes(pid) as number;
    const outcomes: Record<string, number> = {};
    for (let i = 0; i < 200; i++) {
      const outcome = await cycle(i);
      outcomes[outcome] = (outcomes[outcome] ?? 0) + 1;
    }
    const afterBytes = residentBytes(pid) as number;
    assert.equal(client.pid, pid, 'the same engine process throughout');
    assert.equal((outcomes.cancelled ?? 0) + (outcomes.finished ?? 0), 200, JSON.stringify(outcomes));
    assert.ok((outcomes.cancelled ?? 0) >= 150, `most cycles are cancelled mid-search: ${JSON.stringify(outcomes)}`);
    const growth = afterBytes - before;
    const mib = (bytes: number) => `${(bytes / 2 ** 20).toFixed(1)} MiB`;
    t.diagnostic(`engine RSS ${mib(before)} → ${mib(afterBytes)} over 200 cycles`);
    assert.ok(growth < 32 * 2 ** 20, `engine RSS grew by ${mib(growth)} (${mib(before)} → ${mib(afterBytes)}); tolerance 32 MiB`);
    const checked = await client.check({ problem: PROBLEM, steps: ['3 + 4 = 7'] });
    assert.equal(checked.steps.length, 1);
  });
});
