// Minimal lint: TypeScript's recommended rules plus the one architectural rule that matters —
// only src/extension may import the VS Code API, so the engine, the CLI, the shared protocol and
// the webview run (and are tested) outside VS Code.
import tseslint from 'typescript-eslint';

const noVscode = {
  'no-restricted-imports': [
    'error',
    {
      paths: [{ name: 'vscode', message: 'Only src/extension may use the VS Code API; keep this code host-independent.' }],
    },
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
  { files: ['src/core/**', 'src/shared/**', 'src/cli/**', 'media/**'], rules: noVscode },
  // Tests poke at JSON fixtures and private seams.
  { files: ['test/**'], rules: { '@typescript-eslint/no-explicit-any': 'off' } },
);
