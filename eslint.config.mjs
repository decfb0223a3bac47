// Lint rules that keep the architecture honest: the core in server/src/program/
// stays free of editor APIs and file-system access (file access is injected).
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import globals from 'globals';

export default tseslint.config(
  { ignores: ['dist/**', 'out/**', 'node_modules/**', '.cache/**', 'test-results/**', '**/*.d.ts'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    files: ['**/*.ts'],
    languageOptions: {
      parserOptions: { project: './tsconfig.json', tsconfigRootDir: import.meta.dirname },
      globals: { ...globals.node },
    },
    rules: {
      '@typescript-eslint/no-floating-promises': ['error', {
        // node:test's test()/describe() return promises the runner awaits itself.
        allowForKnownSafeCalls: [{ from: 'package', name: ['test', 'it', 'describe', 'suite', 'before', 'after'], package: 'node:test' }],
      }],
      '@typescript-eslint/consistent-type-imports': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      'no-template-curly-in-string': 'error',
    },
  },
  {
    files: ['server/src/program/**/*.ts'],
    rules: {
      'no-restricted-imports': ['error', {
        paths: [
          { name: 'vscode', message: 'The core is editor-free.' },
          { name: 'vscode-languageserver', message: 'The core is editor-free.' },
          { name: 'fs', message: 'The core reads files only through the injected FileReader.' },
          { name: 'node:fs', message: 'The core reads files only through the injected FileReader.' },
          { name: 'fs/promises', message: 'The core reads files only through the injected FileReader.' },
          { name: 'node:fs/promises', message: 'The core reads files only through the injected FileReader.' },
        ],
        patterns: ['vscode-languageserver/*', '../features/*', '../workspace/*', '../cli/*'],
      }],
    },
  },
  {
    files: ['**/*.mjs', '**/*.cjs', '**/*.js'],
    languageOptions: { globals: { ...globals.node } },
  },
);
