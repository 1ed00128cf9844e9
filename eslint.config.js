// @ts-check
import js from '@eslint/js';
import globals from 'globals';
import tseslint from 'typescript-eslint';

export default tseslint.config(
  { ignores: ['dist/**', 'dist-action/**', 'node_modules/**', 'bench/.work/**', 'coverage/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: globals.node },
    rules: {
      // stdout is the report and stderr goes through the CLI's io: the core never prints
      'no-console': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_', destructuredArrayIgnorePattern: '^_' }],
      '@typescript-eslint/consistent-type-imports': ['error', { fixStyle: 'inline-type-imports' }],
      'no-control-regex': 'off',
      eqeqeq: ['error', 'always', { null: 'ignore' }],
    },
  },
  // a list as long as the input spread into a call's arguments overflows the stack past ~125,000 items (issue 41):
  // src/lists.ts has the loops (largest, smallest, append)
  {
    files: ['src/**'],
    rules: {
      'no-restricted-syntax': [
        'error',
        {
          selector: "CallExpression[callee.property.name=/^(max|min|push|unshift|fromCharCode|fromCodePoint|apply)$/] > SpreadElement",
          message: 'A spread list may be longer than a call takes arguments: use largest, smallest or append (src/lists.ts), or a loop.',
        },
      ],
    },
  },
  // the CLI shell and the renderers are where output is made; tests, benchmarks and fixtures are tools
  { files: ['src/cli.ts', 'src/render/**', 'bin/**', 'bench/**', 'test/**', 'fixtures/**'], rules: { 'no-console': 'off' } },
  // test doubles of raw API payloads are loosely typed on purpose
  { files: ['test/**', 'fixtures/**'], rules: { '@typescript-eslint/no-explicit-any': 'off' } },
);
