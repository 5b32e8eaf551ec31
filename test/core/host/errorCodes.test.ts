// The one error classifier, and the two ways it is read: the engine's reply payload and the
// CLI's exit code.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { errorCode, errorPayload, NoBundleLoadedError } from '../../../src/core/host/errorCodes.js';
import { BundleError } from '../../../src/core/bundle/bundleError.js';
import { DeviceUnavailableError } from '../../../src/core/runtime/device.js';
import { BadRequestError } from '../../../src/core/search/models.js';
import { EXIT_BAD_INPUT, EXIT_INTERNAL, UsageError, exitCodeFor } from '../../../src/cli/errors.js';

const abort = Object.assign(new Error('aborted'), { name: 'AbortError' });

const cases: Array<[string, unknown, string, number]> = [
  ['bad request', new BadRequestError('k must be positive'), 'bad-input', EXIT_BAD_INPUT],
  ['no CUDA', new DeviceUnavailableError('CUDA requested but unavailable'), 'bad-input', EXIT_BAD_INPUT],
  ['no bundle loaded', new NoBundleLoadedError(), 'bad-input', EXIT_BAD_INPUT],
  ['input the runtime cannot take', new RangeError('problem too long'), 'bad-input', EXIT_BAD_INPUT],
  ['broken bundle', new BundleError('manifest.json', 'it is missing', 'export the bundle again'), 'bundle', EXIT_BAD_INPUT],
  ['cancelled', abort, 'cancelled', EXIT_INTERNAL],
  ['a bug', new TypeError('x is undefined'), 'internal', EXIT_INTERNAL],
  ['not an Error', 'thrown string', 'internal', EXIT_INTERNAL],
];

for (const [what, error, code, exit] of cases) {
  test(`${what}: engine code ${code}, CLI exit ${exit}`, () => {
    assert.equal(errorCode(error), code);
    assert.equal(exitCodeFor(error), exit);
  });
}

test("the CLI's own usage errors are bad input", () => {
  assert.equal(exitCodeFor(new UsageError('--k must be a number')), EXIT_BAD_INPUT);
});

test('payload: the message for expected errors, the stack for bugs', () => {
  assert.deepEqual(errorPayload(new BadRequestError('k must be positive')), { code: 'bad-input', message: 'k must be positive' });
  const bug = new TypeError('x is undefined');
  assert.deepEqual(errorPayload(bug), { code: 'internal', message: bug.stack });
  assert.deepEqual(errorPayload('thrown string'), { code: 'internal', message: 'thrown string' });
});
