import tseslint from 'typescript-eslint';

/**
 * Layering (architecture.md): shared/ imports nothing from electron/ or
 * renderer/; renderer/ imports only shared/; electron/ imports only shared/;
 * only the main-process entry and the preload may load the `electron` module,
 * so the store, crypto and CLI keep running under plain Node.
 */
const noElectronModule = { name: 'electron', message: 'Only electron/main and electron/preload may import electron.' };

export default tseslint.config(
  { ignores: ['out/**', 'dist/**', 'release/**', 'node_modules/**', 'docs/**', 'tests/.tmp/**'] },
  ...tseslint.configs.recommended,
  {
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      'no-console': 'off',
    },
  },
  {
    files: ['shared/**/*.{ts,tsx}'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: [noElectronModule],
          patterns: [
            { group: ['**/electron/**', '**/renderer/**'], message: 'shared/ must not import from electron/ or renderer/.' },
            { group: ['node:*', 'fs', 'path', 'os', 'child_process'], message: 'shared/ is pure: no Node modules.' },
          ],
        },
      ],
    },
  },
  {
    files: ['renderer/**/*.{ts,tsx}'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: [noElectronModule],
          patterns: [{ group: ['**/electron/**', 'node:*'], message: 'renderer/ may import only shared/.' }],
        },
      ],
    },
  },
  {
    files: ['electron/**/*.{ts,tsx}'],
    ignores: ['electron/main/**', 'electron/preload/**'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: [noElectronModule],
          patterns: [{ group: ['**/renderer/**'], message: 'electron/ may import only shared/.' }],
        },
      ],
    },
  },
  {
    files: ['electron/main/**/*.ts', 'electron/preload/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        { patterns: [{ group: ['**/renderer/**'], message: 'electron/ may import only shared/.' }] },
      ],
    },
  },
);
