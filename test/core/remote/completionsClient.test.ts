import { after, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { CompletionsClient } from '../../../src/core/remote/completionsClient.js';
import { remoteServer, type RemoteServerOptions } from '../../../src/core/remote/remoteServer.js';
import { RemoteServerError } from '../../../src/core/remote/remoteServerError.js';
import { BadRequestError } from '../../../src/core/search/models.js';
import { errorCode, errorPayload } from '../../../src/core/host/errorCodes.js';
import { closedPort, json, scriptedServer, type ScriptedServer } from '../../helpers/scriptedServer.js';

/** Planted in every request; no message may ever contain it. */
const KEY = 'sk-planted-4f1b9c2e-secret';
const OK = { choices: [{ index: 0, text: '4', finish_reason: 'stop', logprobs: { content: [{ id: 7, logprob: -0.5, top_logprobs: [] }] } }] };

const servers: ScriptedServer[] = [];
after(() => Promise.all(servers.map((s) => s.close())));

async function clientFor(script: Parameters<typeof scriptedServer>[0], options: Partial<RemoteServerOptions> = {}): Promise<{ client: CompletionsClient; server: ScriptedServer }> {
  const server = await scriptedServer(script);
  servers.push(server);
  return { client: new CompletionsClient(remoteServer({ url: server.url, model: 'policy', apiKey: KEY, backoffMs: 20, timeoutMs: 2000, ...options })), server };
}

/** Rejects with a RemoteServerError of `failure` whose message (and error payload) never holds the key. */
async function rejectsWith(promise: Promise<unknown>, failure: RemoteServerError['failure'], pattern: RegExp): Promise<RemoteServerError> {
  const error = await promise.then(
    () => assert.fail('expected a rejection'),
    (e: unknown) => e,
  );
  assert.ok(error instanceof RemoteServerError, `expected a RemoteServerError, got ${String(error)}`);
  assert.equal(error.failure, failure);
  assert.match(error.message, pattern);
  assert.equal(errorCode(error), 'server');
  assert.ok(!JSON.stringify(errorPayload(error)).includes(KEY) && !String(error.stack).includes(KEY), 'the API key leaked into the error');
  return error;
}

describe('remote server settings', () => {
  test('only http(s) URLs without credentials; /v1 is added once', () => {
    assert.throws(() => remoteServer({ url: 'ftp://127.0.0.1:21', model: 'm' }), (e: unknown) => e instanceof BadRequestError && /http:\/\/ or https:\/\//.test(e.message));
    assert.throws(() => remoteServer({ url: 'file:///etc/passwd', model: 'm' }), BadRequestError);
    assert.throws(() => remoteServer({ url: 'not a url', model: 'm' }), /is not a URL/);
    assert.throws(() => remoteServer({ url: `http://user:${KEY}@127.0.0.1`, model: 'm' }), (e: unknown) => e instanceof BadRequestError && !e.message.includes(KEY));
    assert.throws(() => remoteServer({ url: 'http://127.0.0.1', model: ' ' }), /model name/);
    assert.equal(remoteServer({ url: 'http://127.0.0.1:8080/', model: 'm' }).apiBase, 'http://127.0.0.1:8080/v1');
    assert.equal(remoteServer({ url: 'https://host/v1/', model: 'm' }).apiBase, 'https://host/v1');
  });
});

describe('completions client faults (scripted loopback server)', () => {
  test('sends the key only as a Bearer header, and the model name in the body', async () => {
    const { client, server } = await clientFor([json(200, OK)]);
    await client.completions({ prompt: [1, 2] });
    const [request] = server.seen;
    assert.equal(request?.headers.authorization, `Bearer ${KEY}`);
    assert.deepEqual(JSON.parse(request?.body ?? ''), { model: 'policy', prompt: [1, 2] });
    assert.equal(request?.url, '/v1/completions');
  });

  test('server down: a clear message after the retries, quickly', async () => {
    const port = await closedPort();
    const client = new CompletionsClient(remoteServer({ url: `http://127.0.0.1:${port}`, model: 'policy', apiKey: KEY, backoffMs: 10, retries: 2 }));
    const started = performance.now();
    await rejectsWith(client.completions({ prompt: [1] }), 'unreachable', new RegExp(`cannot reach the model server at http://127.0.0.1:${port} \\(ECONNREFUSED\\): is it running`));
    assert.ok(performance.now() - started < 2000);
  });

  test('slow server: times out within the configured timeout', async () => {
    const { client } = await clientFor([(_req, res) => setTimeout(() => json(200, OK)(_req, res), 3000)], { timeoutMs: 300, retries: 0 });
    const started = performance.now();
    await rejectsWith(client.completions({ prompt: [1] }), 'timeout', /did not answer within 0.3 s/);
    const elapsed = performance.now() - started;
    assert.ok(elapsed >= 280 && elapsed < 1500, `took ${elapsed} ms`);
  });

  test('429 and 500 are retried with backoff (Retry-After honoured), then succeed', async () => {
    const { client, server } = await clientFor([json(429, { error: { message: 'slow down' } }, { 'retry-after': '0.2' }), json(500, { error: 'busy' }), json(200, OK)]);
    const started = performance.now();
    assert.deepEqual(await client.completions({ prompt: [1] }), OK);
    assert.equal(server.seen.length, 3);
    assert.ok(performance.now() - started >= 200, 'waited the Retry-After');
  });

  test('500 every time: the last HTTP error, with the server\'s message', async () => {
    const { client, server } = await clientFor([json(500, { error: { message: `failed with key ${KEY}` } })], { retries: 2 });
    await rejectsWith(client.completions({ prompt: [1] }), 'http', /answered HTTP 500: failed with key \[API key\]/);
    assert.equal(server.seen.length, 3);
  });

  test('400 is not retried', async () => {
    const { client, server } = await clientFor([json(400, { error: { message: 'prompt too long' } })]);
    await rejectsWith(client.completions({ prompt: [1] }), 'http', /HTTP 400: prompt too long/);
    assert.equal(server.seen.length, 1);
  });

  test('401: says to set the API key', async () => {
    const { client } = await clientFor([json(401, { error: 'bad key' })]);
    await rejectsWith(client.completions({ prompt: [1] }), 'auth', /Set model server API key/);
  });

  test('malformed JSON', async () => {
    const { client } = await clientFor([(_req, res) => { res.writeHead(200, { 'content-type': 'application/json' }); res.end(`{"choices": [ ${KEY}`); }]);
    const error = await rejectsWith(client.completions({ prompt: [1] }), 'malformed', /not valid JSON/);
    assert.ok(!error.message.includes(KEY));
  });

  test('a body cut short: a clear message, no hang', async () => {
    const { client } = await clientFor([(_req, res) => {
      res.writeHead(200, { 'content-type': 'application/json', 'content-length': '5000' });
      res.write('{"choices": [');
      setTimeout(() => res.socket?.destroy(), 20);
    }], { retries: 0 });
    await rejectsWith(client.completions({ prompt: [1] }), 'unreachable', /cannot reach the model server/);
  });

  test('unknown model: names what the server serves', async () => {
    const { client } = await clientFor([json(200, { object: 'list', data: [{ id: 'tvm-policy' }] })]);
    await rejectsWith(client.checkModel(), 'unknown-model', /has no model "policy" \(it serves "tvm-policy"\): set tvmTutor.server.model/);
  });

  test('cancel: an abort ends a slow request at once with an AbortError', async () => {
    const { client } = await clientFor([(_req, res) => setTimeout(() => json(200, OK)(_req, res), 5000)], { timeoutMs: 10_000 });
    const controller = new AbortController();
    setTimeout(() => controller.abort(), 100);
    const started = performance.now();
    await assert.rejects(client.completions({ prompt: [1] }, controller.signal), (e: unknown) => e instanceof Error && e.name === 'AbortError' && errorCode(e) === 'cancelled');
    assert.ok(performance.now() - started < 1000);
  });

  test('cancel during a backoff wait', async () => {
    const { client } = await clientFor([json(503, { error: 'down' }, { 'retry-after': '5' })]);
    const controller = new AbortController();
    setTimeout(() => controller.abort(), 100);
    await assert.rejects(client.completions({ prompt: [1] }, controller.signal), { name: 'AbortError' });
  });
});
