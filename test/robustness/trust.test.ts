// Workspace trust: in an untrusted workspace, a model folder chosen by the workspace (its
// settings, or a relative path that would land inside it) is never used — only the user's own
// setting or the bundled default — and the extension says so.
import './fakeVscode.js';
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { isAbsolute, join, relative } from 'node:path';
import fc from 'fast-check';
import { resolveConfig, type ConfigContext, type Inspect, type Inspected } from '../../src/extension/configModel.js';
import { EngineHost } from '../../src/extension/engineHost.js';
import { statusBarText } from '../../src/extension/statusModel.js';

const CTX: ConfigContext = { trusted: false, extensionPath: '/ext', workspaceFolder: '/repo', home: '/home/me' };
const inspector = (modelBundle: Inspected<unknown>): Inspect => <T>(key: string) => (key === 'modelBundle' ? (modelBundle as Inspected<T>) : undefined);
const inside = (path: string, folder: string) => !relative(folder, path).startsWith('..') && !isAbsolute(relative(folder, path));

const settingValue = fc.oneof(
  fc.constant(undefined),
  fc.constantFrom('', '  ', '/abs/models', '/repo/models/evil', 'models/evil', './x', '../../etc', '~/models', '~', '~user/x', 'C:\\models', '..', '.'),
  fc.string({ maxLength: 12 }),
  fc.constantFrom(42, null, true, ['/x']),
);

test('property: untrusted, the bundle comes only from the user setting or the default, never from the workspace', () => {
  fc.assert(
    fc.property(settingValue, settingValue, settingValue, (globalValue, workspaceValue, workspaceFolderValue) => {
      const inspected = { defaultValue: '', globalValue, workspaceValue, workspaceFolderValue };
      const untrusted = resolveConfig(inspector(inspected), CTX);
      const userOnly = resolveConfig(inspector({ defaultValue: '', globalValue }), CTX);
      assert.equal(untrusted.modelBundle, userOnly.modelBundle, 'workspace values change nothing');
      assert.equal(untrusted.ignoredWorkspaceBundle, workspaceFolderValue ?? workspaceValue, 'the ignored value is reported');
      const global = typeof globalValue === 'string' ? globalValue.trim() : '';
      // Only an absolute path the user wrote themselves may point into the workspace.
      if (!isAbsolute(global)) assert.ok(!inside(untrusted.modelBundle, '/repo'), `${JSON.stringify(globalValue)} → ${untrusted.modelBundle}`);
      assert.ok(isAbsolute(untrusted.modelBundle));
      if (global === '' || typeof globalValue !== 'string') assert.equal(untrusted.modelBundle, join('/ext', 'models', 'default'));

      const trusted = resolveConfig(inspector(inspected), { ...CTX, trusted: true });
      assert.equal(trusted.ignoredWorkspaceBundle, undefined);
    }),
    { numRuns: 3000 },
  );
});

test('untrusted: a relative user setting is not resolved inside the workspace; trusted, it is', () => {
  const inspect = inspector({ defaultValue: '', globalValue: 'models/mine' });
  assert.equal(resolveConfig(inspect, CTX).modelBundle, '/home/me/models/mine');
  assert.equal(resolveConfig(inspect, { ...CTX, trusted: true }).modelBundle, '/repo/models/mine');
});

test('the status bar says that the workspace setting is ignored, and which bundle is used', () => {
  const config = resolveConfig(inspector({ defaultValue: '', globalValue: '/mine', workspaceValue: '/repo/evil' }), CTX);
  const log = { info: () => undefined, warn: () => undefined, error: () => undefined, debug: () => undefined };
  const host = new EngineHost('dist/engine.js', () => config, log as never, async () => undefined);
  try {
    const snapshot = host.snapshot();
    assert.ok(snapshot.details.includes('Untrusted workspace: its modelBundle setting "/repo/evil" is ignored.'), snapshot.details.join('\n'));
    assert.ok(snapshot.details.includes('Bundle: /mine'));
    assert.match(statusBarText(snapshot).tooltip, /Untrusted workspace: its modelBundle setting "\/repo\/evil" is ignored\./);
  } finally {
    host.dispose();
  }
});

test('the manifest restricts the setting in untrusted workspaces, and the extension warns and re-reads on trust', () => {
  const pkg = JSON.parse(readFileSync('package.json', 'utf8'));
  assert.equal(pkg.capabilities.untrustedWorkspaces.supported, 'limited');
  assert.deepEqual(pkg.capabilities.untrustedWorkspaces.restrictedConfigurations, ['tvmTutor.modelBundle']);
  const extension = readFileSync('src/extension/extension.ts', 'utf8');
  assert.match(extension, /This workspace is not trusted, so its tvmTutor\.modelBundle setting .* is ignored/);
  assert.match(extension, /warnUntrusted\(\);\n/, 'warned at activation');
  assert.match(extension, /onConfigChange\(\(\) => \{[^}]*warnUntrusted\(\);/, 'and whenever settings or trust change');
  assert.match(readFileSync('src/extension/config.ts', 'utf8'), /onDidGrantWorkspaceTrust\(listener\)/);
});
