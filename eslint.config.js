import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import reactHooks from 'eslint-plugin-react-hooks';

export default tseslint.config(
  { ignores: ['node_modules/', 'dist/', 'out/', 'test-results/', 'playwright-report/', 'test/fixtures/', '.data/'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    files: ['**/*.{ts,tsx}'],
    rules: {
      '@typescript-eslint/consistent-type-imports': ['error', { fixStyle: 'inline-type-imports' }],
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      'no-console': ['error', { allow: ['warn', 'error'] }],
    },
  },
  {
    // Log messages are fixed sentences; data goes in allow-listed fields (src-main/logs/fields.ts).
    files: ['src-main/**/*.ts', 'drivers/**/*.ts'],
    rules: {
      'no-restricted-syntax': [
        'error',
        {
          selector: "CallExpression[callee.property.name=/^(debug|info|warn|error|fatal)$/][callee.object.name=/^(log|logger)$/] > :matches(TemplateLiteral[expressions.length>0], BinaryExpression).arguments:first-child",
          message: 'Log messages are fixed strings; put data in declared fields.',
        },
        {
          selector: "CallExpression[callee.property.name=/^(debug|info|warn|error|fatal)$/][callee.object.property.name=/^(log|logger)$/] > :matches(TemplateLiteral[expressions.length>0], BinaryExpression).arguments:first-child",
          message: 'Log messages are fixed strings; put data in declared fields.',
        },
      ],
    },
  },
  {
    files: ['src-renderer/**/*.{ts,tsx}'],
    plugins: { 'react-hooks': reactHooks },
    rules: {
      'react-hooks/rules-of-hooks': 'error',
      'react-hooks/exhaustive-deps': 'warn',
      // Defence in depth; scripts/check-boundaries.ts is the authoritative check.
      'no-restricted-imports': [
        'error',
        { patterns: [{ group: ['**/src-main/**', '!**/src-main/contract/**'], message: 'The renderer talks to the core through the contract only.', allowTypeImports: true }] },
      ],
    },
  },
  {
    files: ['scripts/**/*.{ts,mjs,js}', 'test/**/*.{ts,tsx}'],
    rules: { 'no-console': 'off' },
  },
  {
    files: ['**/*.{js,mjs,cjs}'],
    languageOptions: { globals: { process: 'readonly', console: 'readonly', URL: 'readonly', setTimeout: 'readonly', clearTimeout: 'readonly', Buffer: 'readonly' } },
  },
);
