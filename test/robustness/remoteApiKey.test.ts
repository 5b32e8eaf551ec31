// The remote engine's settings and API key: an untrusted workspace cannot point the engine at a
// server of its choosing, and a planted key reaches the server's Authorization header but never
// the log, an error message or the status details (the engine runs as a real child process).
import './fakeVscode.js';
import { after, test } from 'node:test';
import assert from 'node:assert/strict';
import { resolveConfig, type ConfigContext, type Inspect, type Inspected } from '../../src/extension/configModel.js';
import { EngineHost } from '../../src/extension/engineHost.js';
import { json, scriptedServer, type ScriptedServer } from '../helpers/scriptedServer.js';

const KEY = 'sk-planted-7d3e-secret-key';
const CTX: ConfigContext = { trusted: false, extensionPath: '/ext', workspaceFolder: '/repo', home: '/home/me' };
const settings = (values: Record<string, Inspected<unknown>>): Inspect => <T>(key: string) => values[key] as Inspected<T> | undefined;

const servers: ScriptedServer[] = [];
after(() => Promise.all(servers.map((s) => s.close())));

test('untrusted: the workspace cannot choose the engine or the server; trusted, it can', () => {
  const inspect = settings({
    engine: { defaultValue: 'local', workspaceValue: 'remote' },
    'server.url': { defaultValue: '', globalValue: 'http://127.0.0.1:8080', workspaceValue: 'https://evil.example' },
    'server.model': { defaultValue: '', globalValue: 'tvm-policy', workspaceValue: 'other' },
  });
  const untrusted = resolveConfig(inspect, CTX);
  assert.equal(untrusted.engine, 'local');
  assert.deepEqual(untrusted.server, { url: 'http://127.0.0.1:8080', model: 'tvm-policy', timeoutSeconds: 30 });
  const trusted = resolveConfig(inspect, { ...CTX, trusted: true });
  assert.equal(trusted.engine, 'remote');
  assert.equal(trusted.server.url, 'https://evil.example');
});

test('a planted API key reaches the server and nothing else', async () => {
  const server = await scriptedServer([json(500, { error: { message: `internal failure; you sent ${KEY}` } })]);
  servers.push(server);
  const config = resolveConfig(
    settings({
      modelBundle: { defaultValue: '', globalValue: `${process.cwd()}/test/fixtures/bundle-mqa` },
      device: { defaultValue: 'cpu' },
      engine: { defaultValue: 'local', globalValue: 'remote' },
      'server.url': { defaultValue: '', globalValue: server.url },
      'server.model': { defaultValue: '', globalValue: 'tvm-policy' },
      'server.timeoutSeconds': { defaultValue: 30, globalValue: 5 },
    }),
    CTX,
  );
  const lines: string[] = [];
  const record = (...parts: unknown[]) => lines.push(parts.map(String).join(' '));
  const log = { info: record, warn: record, error: record, debug: record, trace: record };
  const host = new EngineHost('dist/engine.js', () => config, log as never, async () => KEY);
  try {
    const error = await host.run('checking', (client) => client.check({ problem: 'What is 2 + 2?', steps: ['2 + 2 = 4'] })).then(
      () => assert.fail('the server only fails'),
      (e: unknown) => e as Error,
    );
    assert.match(error.message, /answered HTTP 500: internal failure; you sent \[API key\]/);
    assert.ok(server.seen.length >= 1 && server.seen.every((r) => r.headers.authorization === `Bearer ${KEY}`), 'the key went to the server');
    const everything = [error.message, String(error.stack), ...lines, ...host.snapshot().details].join('\n');
    assert.ok(!everything.includes(KEY), `the key leaked:\n${everything}`);
    assert.ok(lines.some((line) => line.includes(server.url)), 'the log names the server');
  } finally {
    host.dispose();
  }
});
