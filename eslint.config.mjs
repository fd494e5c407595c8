import js from '@eslint/js';
import globals from 'globals';
import tseslint from 'typescript-eslint';

export default tseslint.config(
  { ignores: ['dist/**', 'out/**', 'node_modules/**', 'test/fixtures/**', '**/*.js'] },
  ...tseslint.configs.recommendedTypeChecked,
  {
    languageOptions: { parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname } },
    rules: {
      '@typescript-eslint/no-floating-promises': 'error',
      '@typescript-eslint/no-misused-promises': 'error',
      eqeqeq: ['error', 'always'],
      curly: 'error',
      'no-console': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_' }],
      'no-restricted-imports': ['error', { patterns: [{ group: ['@aws-sdk/*', '@smithy/*'], message: 'Only src/aws/sdk may import the AWS SDK.' }] }],
    },
  },
  { files: ['src/aws/sdk/**/*.ts', 'test/**/*.ts'], rules: { 'no-restricted-imports': 'off' } },
  { files: ['test/**/*.ts'], rules: { 'no-console': 'off', '@typescript-eslint/no-unsafe-member-access': 'off', '@typescript-eslint/no-unsafe-assignment': 'off' } },
  { files: ['bench/**/*.ts'], rules: { 'no-restricted-imports': 'off', 'no-console': 'off' } },
  // Scripts, the sandbox and its tests, the end-to-end tests: plain ESM for Node, typed by JSDoc but not type-checked
  // (no checkJs), so no type-aware rules; one-line guard clauses (`if (!x) return;`) are their house style.
  {
    files: ['**/*.mjs'],
    extends: [js.configs.recommended, tseslint.configs.disableTypeChecked],
    languageOptions: { ecmaVersion: 'latest', sourceType: 'module', globals: globals.node },
    rules: {
      'no-console': 'off',
      'no-restricted-imports': 'off',
      // @typescript-eslint/no-unused-vars (above) covers these files too.
      'no-unused-vars': 'off',
      curly: ['error', 'multi-line'],
      'prefer-const': ['error', { ignoreReadBeforeAssign: true }],
      'no-var': 'error',
      'no-shadow': 'error',
      'no-throw-literal': 'error',
      'no-self-compare': 'error',
      'no-unreachable-loop': 'error',
      'object-shorthand': 'error',
    },
  },
  { files: ['test/sandbox/**/*.mjs'], languageOptions: { globals: globals.mocha } },
);
