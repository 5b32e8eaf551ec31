// The import rules of eslint.config.mjs, run on snippets placed where they would live: above
// src/core (src/extension, the webview) no type is imported from src/core, while engine code the
// extension calls (the parser, the engine client) may still be imported as values.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { ESLint } from 'eslint';

const eslint = new ESLint({ cwd: process.cwd() });

/** "rule: message" for each problem eslint reports on `code` as the file `filePath`. */
async function lint(filePath: string, code: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath });
  assert.ok(result, filePath);
  return result.messages.map((m) => `${m.ruleId}: ${m.message}`);
}

const CORE_TYPE = /^no-restricted-syntax: Name this type from src\/shared/;

test('an import type from src/core in src/extension fails lint', async () => {
  const found = await lint('src/extension/x.ts', "import type { Problem } from '../core/notebook/index.js';\nexport const key = (p: Problem): string => p.key;\n");
  assert.equal(found.length, 1, found.join('\n'));
  assert.match(found[0]!, CORE_TYPE);
});

test('a type specifier beside a value import from src/core fails lint, the value does not', async () => {
  const found = await lint(
    'src/extension/check/x.ts',
    "import { parseNotebook, type Problem } from '../../core/notebook/index.js';\nexport const first = (text: string): Problem | undefined => parseNotebook(text)[0];\n",
  );
  assert.equal(found.length, 1, found.join('\n'));
  assert.match(found[0]!, CORE_TYPE);
});

test('a type imported from src/core without `type` fails lint too (consistent-type-imports)', async () => {
  const found = await lint('src/extension/x.ts', "import { Problem } from '../core/notebook/index.js';\nexport const key = (p: Problem): string => p.key;\n");
  assert.deepEqual(
    found.map((m) => m.split(':')[0]),
    ['@typescript-eslint/consistent-type-imports'],
    found.join('\n'),
  );
});

test('re-exporting a type from src/core and an import() type fail lint', async () => {
  const reexport = await lint('src/extension/x.ts', "export type { Problem } from '../core/notebook/index.js';\n");
  assert.equal(reexport.length, 1, reexport.join('\n'));
  assert.match(reexport[0]!, CORE_TYPE);
  const inline = await lint('src/extension/x.ts', "export const key = (p: import('../core/notebook/index.js').Problem): string => p.key;\n");
  assert.deepEqual(inline.map((m) => m.split(':')[0]), ['@typescript-eslint/consistent-type-imports'], inline.join('\n'));
});

test('the webview cannot import a type from src/core either', async () => {
  const found = await lint('media/src/x.ts', "import type { Problem } from '../../src/core/notebook/index.js';\nexport const key = (p: Problem): string => p.key;\n");
  assert.ok(found.some((m) => CORE_TYPE.test(m)), found.join('\n'));
});

test('values from src/core and types from src/shared pass; src/core itself is not restricted', async () => {
  const extension = await lint(
    'src/extension/check/x.ts',
    "import { parseNotebook } from '../../core/notebook/index.js';\nimport type { Problem } from '../../shared/notebookTypes.js';\nexport const first = (text: string): Problem | undefined => parseNotebook(text)[0];\n",
  );
  assert.deepEqual(extension, []);
  const core = await lint('src/core/check/x.ts', "import type { Hint } from './hint.js';\nexport const text = (h: Hint): string => h.text;\n");
  assert.deepEqual(core, []);
});
