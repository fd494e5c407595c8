import js from '@eslint/js';
import globals from 'globals';
import tseslint from 'typescript-eslint';

// The layers, enforced: the AWS SDK only under src/aws/sdk; no action reaches into another action or the explorer;
// the code features and the shared helpers know no feature; pure modules (and all of src/aws) import no `vscode`.
const sdk = { group: ['@aws-sdk/*', '@smithy/*'], message: 'Only src/aws/sdk may import the AWS SDK.' };
const features = (...folders) => ({
  group: folders.flatMap((f) => [`**/${f}/*`, `**/${f}/**`]),
  message: `This layer must not depend on ${folders.join(', ')}: put what both need in a lower layer (src/shared, src/settings, src/aws).`,
});
const otherAction = {
  regex: '^\\.\\./(?!common/)[^./][^/]*/',
  message: 'An action imports only actions/common, never another action\'s files: move what both need to actions/common.',
};
const noVscode = { name: 'vscode', message: 'A pure module imports no vscode, so it is unit-tested in plain Node.' };
const restrict = ({ patterns = [], paths = [] }) => ({ 'no-restricted-imports': ['error', { patterns: [sdk, ...patterns], paths }] });

const pure = [
  'src/actions/*/request.ts', 'src/actions/*/{launchChoices,imageVersion,tagChanges,deprecationDates,retirementPlan,recycleBinRetention,cleanupPlan,planDocument,usageNote,usageList,summary,instanceFacts}.ts',
  'src/actions/common/invocation.ts',
  'src/shared/{format,options,summaryText,validation,plainObject,emitter,imageMarkdown,imageSnapshots,views,retirementText,usageText,poll}.ts',
  'src/shared/{awsLinks,html,imageLabels,lastLaunched,snapshotCost,noiseRules}.ts',
  'src/details/{imagePage,lineage,loadImagePage,pageActions,pageHtml,pageSections,pageScript,pageStyle}.ts',
  'src/shared/wizard/{flow,backStack,numbering,steps,prompts}.ts',
  'src/explorer/nodes/keptAnswer.ts',
  'src/code/{amiIdScanner,amiIdText,imageResolver,regionContext,persistedAnswers,mentionText}.ts', 'src/explorer/pagedList.ts',
];

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
      ...restrict({}),
    },
  },
  { files: ['src/actions/**/*.ts'], rules: restrict({ patterns: [otherAction, features('explorer', 'commands', 'code', 'details')] }) },
  { files: ['src/details/**/*.ts'], rules: restrict({ patterns: [features('actions', 'commands', 'explorer', 'code')] }) },
  { files: ['src/code/**/*.ts'], rules: restrict({ patterns: [features('actions', 'commands', 'explorer')] }) },
  { files: ['src/shared/**/*.ts', 'src/settings/**/*.ts'], rules: restrict({ patterns: [features('actions', 'commands', 'explorer', 'code', 'details')] }) },
  { files: ['src/aws/**/*.ts'], rules: restrict({ patterns: [features('actions', 'commands', 'explorer', 'code', 'settings')], paths: [noVscode] }) },
  { files: pure.filter((f) => f.startsWith('src/actions/')), rules: restrict({ patterns: [otherAction, features('explorer', 'commands', 'code', 'details')], paths: [noVscode] }) },
  { files: pure.filter((f) => f.startsWith('src/details/')), rules: restrict({ patterns: [features('actions', 'commands', 'explorer', 'code')], paths: [noVscode] }) },
  { files: pure.filter((f) => f.startsWith('src/code/')), rules: restrict({ patterns: [features('actions', 'commands', 'explorer')], paths: [noVscode] }) },
  { files: pure.filter((f) => f.startsWith('src/shared/') || f.startsWith('src/explorer/')), rules: restrict({ patterns: [features('actions', 'commands', 'code', 'details')], paths: [noVscode] }) },
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
  // The few CommonJS scripts (code-server 4.90's entry shim): the same rules, as CommonJS.
  {
    files: ['**/*.cjs'],
    extends: [js.configs.recommended, tseslint.configs.disableTypeChecked],
    languageOptions: { ecmaVersion: 'latest', sourceType: 'commonjs', globals: globals.node },
    rules: { 'no-console': 'off', '@typescript-eslint/no-require-imports': 'off', curly: ['error', 'multi-line'] },
  },
);
