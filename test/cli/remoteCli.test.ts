// The CLI's remote engine options as users run them: bad options exit 2; a server that is down or
// serves another model exits 3 with a message naming the server; the API key, taken from
// TVM_TUTOR_API_KEY, never shows in the output.
import { after, test } from 'node:test';
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { parseSolve } from '../../src/cli/args.js';
import { UsageError, exitCodeFor } from '../../src/cli/errors.js';
import { closedPort, json, scriptedServer, type ScriptedServer } from '../helpers/scriptedServer.js';

const KEY = 'sk-planted-cli-91c0-secret';
const servers: ScriptedServer[] = [];
after(() => Promise.all(servers.map((s) => s.close())));

/** Asynchronous (not spawnSync): the scripted server runs in this process's event loop. */
function cli(...args: string[]): Promise<{ status: number | null; output: string }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, ['--import', 'tsx', 'src/cli/main.ts', ...args], { env: { ...process.env, ORT_DISABLE_TELEMETRY: '1', TVM_TUTOR_API_KEY: KEY } });
    let output = '';
    child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
    const timer = setTimeout(() => child.kill('SIGKILL'), 60_000);
    child.on('close', (status) => {
      clearTimeout(timer);
      resolve({ status, output });
    });
  });
}

test('remote options: usage errors (exit 2) and the parsed settings', () => {
  const cases: Array<[string[], RegExp]> = [
    [['--server', 'http://127.0.0.1:9', 'x'], /--server needs --model NAME/],
    [['--model', 'm', 'x'], /--model and --timeout go with --server/],
    [['--server', 'http://127.0.0.1:9', '--model', 'm', '--timeout', '0', 'x'], /--timeout must be a number between 0 and 3600/],
  ];
  for (const [args, message] of cases) assert.throws(() => parseSolve(args), (e: unknown) => e instanceof UsageError && exitCodeFor(e) === 2 && message.test(e.message));
  assert.deepEqual(parseSolve(['--server', 'http://h:1', '--model', 'm', '--timeout', '2.5', 'x']).remote, { url: 'http://h:1', model: 'm', timeoutMs: 2500 });
});

test('a URL that is not http(s): exit 2', async () => {
  const { status, output } = await cli('solve', '--server', 'ftp://127.0.0.1', '--model', 'm', 'x');
  assert.equal(status, 2, output);
  assert.match(output, /must start with http:\/\/ or https:\/\//);
});

test('server down: exit 3 with a message naming the server, no key, no stack', async () => {
  const port = await closedPort();
  const { status, output } = await cli('solve', '--server', `http://127.0.0.1:${port}`, '--model', 'tvm-policy', '--timeout', '5', 'What is 2 + 2?');
  assert.equal(status, 3, output);
  assert.match(output, new RegExp(`tvm-tutor: cannot reach the model server at http://127.0.0.1:${port} \\(ECONNREFUSED\\)`));
  assert.ok(!output.includes(KEY) && !output.includes('    at '), output);
});

test('unknown model: exit 3 naming the served one; the key went only to the server', async () => {
  const server = await scriptedServer([json(200, { data: [{ id: 'tvm-policy' }] })]);
  servers.push(server);
  const { status, output } = await cli('check', '--server', server.url, '--model', 'qwen', '--problem', 'What is 2 + 2?', '--steps', '2 + 2 = 4');
  assert.equal(status, 3, output);
  assert.match(output, /has no model "qwen" \(it serves "tvm-policy"\): set tvmTutor.server.model \(--model\)/);
  assert.ok(!output.includes(KEY));
  assert.equal(server.seen[0]?.headers.authorization, `Bearer ${KEY}`);
});
