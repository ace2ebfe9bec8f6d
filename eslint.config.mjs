// Lint rules that keep the architecture honest (run by `npm run lint`, part of `npm test`):
// the core stays free of the editor, the protocol and Node's I/O; no module imports itself in a
// circle; the client reaches the server only through what is shared with it (the wire protocol).
import importPlugin from 'eslint-plugin-import';
import tseslint from 'typescript-eslint';

const NODE_IO = ['fs', 'fs/promises', 'worker_threads', 'child_process'].flatMap((m) => [m, `node:${m}`]);

export default tseslint.config(
  { ignores: ['node_modules/**', 'dist/**', 'out/**', 'bench-out/**', 'test-results/**', '**/*.js', '**/*.mjs'] },
  {
    files: ['**/*.ts'],
    extends: [tseslint.configs.recommended],
    plugins: { import: importPlugin },
    settings: {
      'import/resolver': { node: { extensions: ['.ts', '.js', '.json'] } },
      // Imported TypeScript files are parsed too, so that cycles through them are seen.
      'import/extensions': ['.ts', '.js'],
      'import/parsers': { '@typescript-eslint/parser': ['.ts'] },
    },
    rules: {
      'import/no-cycle': ['error', { ignoreExternal: true }],
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/no-non-null-assertion': 'off',
    },
  },
  {
    files: ['server/src/core/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: NODE_IO.map((name) => ({ name, message: 'The core reads nothing itself: reads go through the injected CorpusHost.' })),
          patterns: [
            { group: ['vscode', 'vscode-languageserver', 'vscode-languageserver/*', 'vscode-languageserver-*'], message: 'The core speaks plain data: no editor or LSP types.' },
            { group: ['**/node/*', '**/features/*', '**/protocol', '**/server'], message: 'The core does not know who hosts it.' },
          ],
        },
      ],
    },
  },
  {
    files: ['client/src/**/*.ts'],
    rules: {
      'no-restricted-imports': ['error', { patterns: [{ regex: 'server/src/(?!shared/)', message: 'The client talks to the server only through what is shared with it (server/src/shared/: the wire protocol).' }] }],
    },
  },
);
