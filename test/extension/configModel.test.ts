import { test } from 'node:test';
import assert from 'node:assert/strict';
import { engineKey, resolveConfig, type ConfigContext, type Inspect, type Inspected } from '../../src/extension/configModel.js';

const ctx: ConfigContext = { trusted: true, extensionPath: '/ext', workspaceFolder: '/ws', home: '/home/me' };

function inspector(values: Record<string, Inspected<unknown>>): Inspect {
  return <T>(key: string) => values[key] as Inspected<T> | undefined;
}

test('defaults: bundled model, auto device, auto weights, beam search K=16 b=4', () => {
  const c = resolveConfig(inspector({}), ctx);
  assert.deepEqual(c, {
    modelBundle: '/ext/models/default',
    ignoredWorkspaceBundle: undefined,
    device: 'auto',
    modelWeights: 'auto',
    strategy: 'beam',
    k: 16,
    b: 4,
    temperature: 0.7,
    maxSteps: 12,
    checkThreshold: 0.5,
    liveCheck: true,
    exactMath: true,
    engine: 'local',
    server: { url: '', model: '', timeoutSeconds: 30 },
  });
});

test('remote engine settings: a remote engine restarts on a server change, a local one ignores server settings', () => {
  const remote = (url: string) => resolveConfig(inspector({ engine: { globalValue: 'remote' }, 'server.url': { globalValue: url }, 'server.model': { globalValue: 'p' }, 'server.timeoutSeconds': { globalValue: 0 } }), ctx);
  assert.deepEqual(remote(' http://h:1 ').server, { url: 'http://h:1', model: 'p', timeoutSeconds: 30 });
  assert.notEqual(engineKey(remote('http://h:1')), engineKey(remote('http://h:2')));
  const local = (url: string) => resolveConfig(inspector({ 'server.url': { globalValue: url } }), ctx);
  assert.equal(engineKey(local('http://h:1')), engineKey(local('http://h:2')));
});

test('most specific value wins; invalid values fall back; b never exceeds K', () => {
  const c = resolveConfig(
    inspector({
      device: { defaultValue: 'auto', globalValue: 'cpu', workspaceValue: 'cuda' },
      strategy: { globalValue: 'nonsense' },
      k: { globalValue: 3 },
      b: { globalValue: 8 },
      temperature: { globalValue: -1 },
      maxSteps: { workspaceFolderValue: 5, workspaceValue: 9 },
      liveCheck: { globalValue: false },
      exactMath: { defaultValue: true, globalValue: false },
    }),
    ctx,
  );
  assert.deepEqual([c.device, c.strategy, c.k, c.b, c.temperature, c.maxSteps, c.liveCheck, c.exactMath], ['cuda', 'beam', 3, 3, 0.7, 5, false, false]);
});

test('bundle paths: absolute, home-relative, workspace-relative', () => {
  const bundle = (value: string) => resolveConfig(inspector({ modelBundle: { globalValue: value } }), ctx).modelBundle;
  assert.equal(bundle('/models/x'), '/models/x');
  assert.equal(bundle('~/models/x'), '/home/me/models/x');
  assert.equal(bundle('models/x'), '/ws/models/x');
  assert.equal(bundle('  '), '/ext/models/default');
});

test('untrusted workspace: a workspace modelBundle is ignored and reported', () => {
  const inspect = inspector({ modelBundle: { defaultValue: '', globalValue: '/mine', workspaceValue: '/repo/evil' } });
  const trusted = resolveConfig(inspect, ctx);
  assert.equal(trusted.modelBundle, '/repo/evil');
  const untrusted = resolveConfig(inspect, { ...ctx, trusted: false });
  assert.equal(untrusted.modelBundle, '/mine');
  assert.equal(untrusted.ignoredWorkspaceBundle, '/repo/evil');
  const folderOnly = resolveConfig(inspector({ modelBundle: { workspaceFolderValue: 'x' } }), { ...ctx, trusted: false });
  assert.deepEqual([folderOnly.modelBundle, folderOnly.ignoredWorkspaceBundle], ['/ext/models/default', 'x']);
});

test('the engine restarts only for bundle, weights or device changes', () => {
  const base = resolveConfig(inspector({}), ctx);
  assert.equal(engineKey(base), engineKey({ ...base, k: 4, strategy: 'vote' }));
  assert.notEqual(engineKey(base), engineKey({ ...base, device: 'cpu' }));
  assert.notEqual(engineKey(base), engineKey({ ...base, modelBundle: '/other' }));
  assert.notEqual(engineKey(base), engineKey({ ...base, modelWeights: 'int8' }));
  assert.equal(resolveConfig(inspector({ modelWeights: { globalValue: 'fp16' } }), ctx).modelWeights, 'fp16');
  assert.equal(resolveConfig(inspector({ modelWeights: { globalValue: 'int4' } }), ctx).modelWeights, 'auto', 'an unknown value falls back');
});
