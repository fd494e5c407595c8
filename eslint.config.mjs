import tseslint from 'typescript-eslint';

export default tseslint.config(
  { ignores: ['dist/**', 'out/**', 'node_modules/**', 'test/fixtures/**', '**/*.mjs', '**/*.js'] },
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
);
