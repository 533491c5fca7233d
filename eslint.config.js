import js from '@eslint/js';
import prettier from 'eslint-config-prettier';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';
import tseslint from 'typescript-eslint';

// Feature folders import schemas/ and themselves, never each other: src/app and src/cli compose them.
const FEATURES = [
  'form',
  'onnx',
  'map',
  'preview',
  'lint',
  'export',
  'import',
  'drafts',
  'jsonview',
];
const COMPOSERS = ['app', 'cli'];
const UI = [
  'react',
  'react-dom',
  'react-dom/*',
  '@mui/*',
  '@emotion/*',
  'maplibre-gl',
  'terra-draw*',
];

const featureBoundary = (feature) => ({
  files: [`src/${feature}/**/*.{ts,tsx}`],
  rules: {
    'no-restricted-imports': [
      'error',
      {
        patterns: [
          {
            group: [...FEATURES, ...COMPOSERS]
              .filter((f) => f !== feature)
              .flatMap((f) => [`**/${f}/*`, `**/${f}/**`]),
            message: `src/${feature} may import schemas/ and its own files only; wire features together in src/app.`,
          },
          ...(['onnx', 'lint', 'export', 'import', 'drafts'].includes(feature)
            ? [
                {
                  group: UI,
                  message: `src/${feature} stays UI-free: it runs in node tests and workers.`,
                },
              ]
            : []),
        ],
      },
    ],
  },
});

export default tseslint.config(
  { ignores: ['dist', 'coverage', 'playwright-report', 'test-results', 'schemas/generated'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.browser, ...globals.node } },
    plugins: { 'react-hooks': reactHooks },
    rules: {
      'react-hooks/rules-of-hooks': 'error',
      'react-hooks/exhaustive-deps': 'error',
      '@typescript-eslint/consistent-type-imports': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_' }],
      'no-console': ['error', { allow: ['warn', 'error'] }],
      eqeqeq: 'error',
      curly: 'error',
    },
  },
  ...FEATURES.map(featureBoundary),
  {
    files: ['schemas/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: ['**/src/*', '**/src/**'],
              message: 'schemas/ is the source of truth and imports nothing from src/.',
            },
            { group: UI, message: 'schemas/ stays UI-free: it runs in node, the CLI and workers.' },
          ],
        },
      ],
    },
  },
  {
    files: ['src/cli/**/*.ts'],
    rules: {
      'no-console': 'off',
      'no-restricted-imports': [
        'error',
        { patterns: [{ group: UI, message: 'The CLI runs in node without a DOM.' }] },
      ],
    },
  },
  {
    files: ['bench/**/*.ts', 'tests/**/*.ts', 'e2e/**/*.ts', 'scripts/**/*.ts'],
    rules: { 'no-console': 'off' },
  },
  prettier,
);
