import { test } from 'node:test';
import assert from 'node:assert/strict';
import { EngineService } from '../../../src/core/host/engineService.js';
import type { EngineToHostMessage, HostToEngineMessage } from '../../../src/shared/engineProtocol.js';
import { FIXTURE_BUNDLES, skipUnlessFixture } from '../../helpers/bundles.js';

/** Drives an EngineService in-process, collecting what it would send over IPC. */
function harness() {
  const sent: EngineToHostMessage[] = [];
  const waiters: Array<() => void> = [];
  const service = new EngineService((message) => {
    sent.push(message);
    waiters.splice(0).forEach((wake) => wake());
  });
  const reply = async (id: number) => {
    for (;;) {
      const found = sent.find((m) => m.type === 'reply' && m.id === id);
      if (found) return found;
      await new Promise<void>((resolve) => waiters.push(resolve));
    }
  };
  return { service, sent, reply, handle: (message: HostToEngineMessage) => service.handle(message) };
}

test('cancel stops a running search inside the engine with a cancelled reply', skipUnlessFixture('mqa'), async () => {
  const { service, sent, reply, handle } = harness();
  handle({ type: 'request', id: 1, method: 'load', params: { bundleDir: FIXTURE_BUNDLES.mqa, device: 'cpu' } });
  assert.equal(((await reply(1)) as { ok: boolean }).ok, true);

  const problem = 'Tom has 3 apples and buys 4 more. How many?';
  handle({ type: 'request', id: 2, method: 'solve', params: { problem, strategy: 'beam', k: 16, b: 4, maxSteps: 12, maxStepTokens: 64, temperature: 1 } });
  // Queued behind it, and cancelled before it starts.
  handle({ type: 'request', id: 3, method: 'check', params: { problem, steps: ['3 + 4 = 7'] } });
  handle({ type: 'cancel', id: 3 });
  while (!sent.some((m) => m.type === 'progress' && m.id === 2)) await new Promise((resolve) => setImmediate(resolve));
  handle({ type: 'cancel', id: 2 });

  for (const id of [2, 3]) {
    const answer = await reply(id);
    assert.ok(answer.type === 'reply' && !answer.ok, `request ${id} was not cancelled`);
    assert.equal(answer.error.code, 'cancelled');
  }
  const progressAfterCancel = sent.findIndex((m) => m.type === 'reply' && m.id === 2);
  assert.ok(!sent.slice(progressAfterCancel).some((m) => m.type === 'progress' && m.id === 2), 'no progress after the cancelled reply');

  handle({ type: 'request', id: 4, method: 'check', params: { problem, steps: ['3 + 4 = 7'] } });
  assert.equal(((await reply(4)) as { ok: boolean }).ok, true);
  await service.dispose();
});

test('an unknown method is answered with bad-input, not dropped', async () => {
  const { reply, handle } = harness();
  handle({ type: 'request', id: 9, method: 'explode', params: {} } as unknown as HostToEngineMessage);
  const answer = await reply(9);
  assert.ok(answer.type === 'reply' && !answer.ok);
  assert.equal(answer.error.code, 'bad-input');
});
