// Minimal lint: TypeScript's recommended rules plus the architectural rules that matter —
// only src/extension may import the VS Code API, so the engine, the CLI, the shared protocols and
// the webview run (and are tested) outside VS Code; src/shared imports nothing outside src/shared
// (it defines the wire types; everything else imports them from it); the webview imports nothing
// from src/core or src/extension (docs/CONTRACTS.md, "Wire types").
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
  // Tests poke at JSON fixtures and private seams.
  { files: ['test/**'], rules: { '@typescript-eslint/no-explicit-any': 'off' } },
);
