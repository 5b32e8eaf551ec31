// npm run lint (src, test, media, bench): TypeScript's recommended rules plus the architectural rules that matter —
// only src/extension may import the VS Code API, so the engine, the CLI, the shared protocols and
// the webview run (and are tested) outside VS Code; src/shared imports nothing outside src/shared
// (it defines the wire types; everything else imports them from it); the webview imports nothing
// from src/core or src/extension; nothing above src/core (the extension, the webview) imports a
// type from src/core (docs/CONTRACTS.md, "Wire types").
import tseslint from 'typescript-eslint';

const vscodePath = { name: 'vscode', message: 'Only src/extension may use the VS Code API; keep this code host-independent.' };

// One no-restricted-imports per file group: a later entry for the same files replaces an earlier one.
const restrictImports = (patterns = []) => ({ 'no-restricted-imports': ['error', { paths: [vscodePath], patterns }] });

const noVscode = restrictImports();

const sharedSelfContained = restrictImports([
  { group: ['../*', '**/src/*'], message: 'src/shared imports nothing outside src/shared: define the type here and import it from src/core, not the other way round.' },
]);

const webviewOwnImports = restrictImports([
  { group: ['**/src/core/*', '**/src/core/**', '**/src/extension/*', '**/src/extension/**'], message: 'The webview imports only src/shared (wire types, validation) from the host side.' },
]);

// A path into src/core from src/extension ('../core/…', '../../core/…') or media/src ('../../src/core/…').
const coreSource = String.raw`/^(\.\.\/)+(src\/)?core(\/|$)/`;
const coreTypeMessage = 'Name this type from src/shared (define it there if it is not), never from src/core: the extension and the webview may call engine code, not import its types.';

// Types only, so the extension can still call the notebook parser, the engine client and the check
// rule. consistent-type-imports makes every type-only import say so (and bans `import('…')` types),
// so the selectors below see it.
const noCoreTypes = {
  '@typescript-eslint/consistent-type-imports': 'error',
  'no-restricted-syntax': [
    'error',
    ...[
      `ImportDeclaration[importKind='type'][source.value=${coreSource}]`,
      `ImportDeclaration[source.value=${coreSource}] > ImportSpecifier[importKind='type']`,
      `ExportNamedDeclaration[exportKind='type'][source.value=${coreSource}]`,
      `ExportNamedDeclaration[source.value=${coreSource}] > ExportSpecifier[exportKind='type']`,
    ].map((selector) => ({ selector, message: coreTypeMessage })),
  ],
};

export default tseslint.config(
  { ignores: ['dist/**', 'media/dist/**', 'node_modules/**', 'training/**', '.vscode-test/**'] },
  ...tseslint.configs.recommended,
  {
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
    },
  },
  { files: ['src/core/**', 'src/cli/**'], rules: noVscode },
  { files: ['src/shared/**'], rules: sharedSelfContained },
  { files: ['media/**'], rules: webviewOwnImports },
  { files: ['src/extension/**', 'media/**'], rules: noCoreTypes },
  // Tests poke at JSON fixtures and private seams.
  { files: ['test/**'], rules: { '@typescript-eslint/no-explicit-any': 'off' } },
);
