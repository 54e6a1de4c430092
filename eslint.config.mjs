import tseslint from 'typescript-eslint';
import { boundaries } from './eslint/boundaries.mjs';

export default tseslint.config(
  { ignores: ['dist/**', 'node_modules/**', 'coverage/**', '.cache/**', '**/.tmp*', 'src/web/vendor/**', '**/*.js', '!src/web/**/*.js', '**/*.cjs', '**/*.mjs', 'test/artifacts/**'] },
  ...tseslint.configs.recommended,
  {
    languageOptions: { parserOptions: { project: './tsconfig.json', tsconfigRootDir: import.meta.dirname } },
    rules: {
      '@typescript-eslint/no-floating-promises': 'error',
      '@typescript-eslint/no-misused-promises': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_', caughtErrorsIgnorePattern: '^_' }],
      'no-console': 'error',
    },
  },
  { files: ['bench/**/*.ts'], rules: { 'no-console': 'off' } },
  // The page scripts are plain browser JavaScript, type-checked through JSDoc (tsconfig.browser.json).
  {
    files: ['src/web/**/*.js'],
    languageOptions: { sourceType: 'script', parserOptions: { project: './tsconfig.browser.json', tsconfigRootDir: import.meta.dirname } },
  },
  ...boundaries,
);
