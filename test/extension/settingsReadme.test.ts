// The README's Settings table is what a user reads before opening the settings editor: it must
// name every setting the extension contributes, and nothing it does not.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';

test('README "Settings" lists exactly the settings in package.json', () => {
  const pkg = JSON.parse(readFileSync('package.json', 'utf8')) as { contributes: { configuration: { properties: Record<string, unknown> } } };
  const readme = readFileSync('README.md', 'utf8');
  const section = /^## Settings\n([\s\S]*?)(?=^## )/m.exec(readme)?.[1];
  assert.ok(section, 'README has a "## Settings" section');
  const rows = [...section.matchAll(/^\| `(tvmTutor\.[\w.]+)` \|/gm)].map((m) => m[1]);
  assert.deepEqual([...rows].sort(), Object.keys(pkg.contributes.configuration.properties).sort());
});
