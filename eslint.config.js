// Zero-warning lint gate. Module boundaries: a module is imported only through its index.ts.
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import reactHooks from 'eslint-plugin-react-hooks';
import i18next from 'eslint-plugin-i18next';

export default tseslint.config(
  { ignores: ['dist/**', 'node_modules/**', '.raaya*/**', 'coverage/**', '.scratch/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { ecmaVersion: 2023, sourceType: 'module' },
    rules: {
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/ban-ts-comment': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              regex: '^(\\.\\./)+modules/[^/]+/(?!index\\.ts$|contract\\.ts$|permissions\\.ts$|web/index\\.ts$).+',
              message: 'Import another module only through its index.ts (or its contract/permissions).',
            },
          ],
        },
      ],
    },
  },
  {
    // The public site's pages are server-rendered React: the same rule, no hooks.
    files: ['src/**/public/**/*.tsx'],
    plugins: { i18next },
    rules: { 'i18next/no-literal-string': ['error', { mode: 'jsx-only' }] },
  },
  {
    files: ['src/**/web/**/*.tsx', 'src/**/web/**/*.ts'],
    plugins: { 'react-hooks': reactHooks, i18next },
    rules: {
      ...reactHooks.configs.recommended.rules,
      // Every visible string comes from the ar/fr catalogs.
      'i18next/no-literal-string': ['error', { mode: 'jsx-only' }],
    },
  },
);
