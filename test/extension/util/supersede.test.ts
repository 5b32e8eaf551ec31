import { test } from 'node:test';
import assert from 'node:assert/strict';
import { Debouncer, Supersede, type Timers } from '../../../src/extension/util/supersede.js';

test('a newer operation aborts the older one for the same key only', () => {
  const s = new Supersede<string>();
  const a1 = s.start('a');
  const b1 = s.start('b');
  const a2 = s.start('a');
  assert.equal(a1.signal.aborted, true);
  assert.equal(a1.isCurrent(), false);
  assert.equal(a2.isCurrent(), true);
  assert.equal(b1.isCurrent(), true);
  a1.done(); // a stale done must not clear the newer one
  assert.equal(a2.isCurrent(), true);
  a2.done();
  assert.equal(a2.signal.aborted, false, 'done is not abort');
  s.abortWhere((k) => k === 'b');
  assert.equal(b1.signal.aborted, true);
  const c = s.start('c');
  s.abortAll();
  assert.equal(c.isCurrent(), false);
});

function fakeTimers(): Timers & { fire(): void; pending(): number } {
  const timers = new Map<number, () => void>();
  let next = 0;
  return {
    setTimeout: (fn) => {
      timers.set(++next, fn);
      return next;
    },
    clearTimeout: (handle) => void timers.delete(handle as number),
    fire: () => {
      const fns = [...timers.values()];
      timers.clear();
      fns.forEach((fn) => fn());
    },
    pending: () => timers.size,
  };
}

test('debouncer: only the last scheduled call per key runs', () => {
  const timers = fakeTimers();
  const d = new Debouncer<string>(500, timers);
  const calls: string[] = [];
  d.schedule('x', () => calls.push('x1'));
  d.schedule('x', () => calls.push('x2'));
  d.schedule('y', () => calls.push('y1'));
  assert.equal(timers.pending(), 2);
  timers.fire();
  assert.deepEqual(calls, ['x2', 'y1']);
  d.schedule('x', () => calls.push('x3'));
  d.cancel('x');
  d.schedule('y', () => calls.push('y2'));
  d.dispose();
  timers.fire();
  assert.deepEqual(calls, ['x2', 'y1']);
});
