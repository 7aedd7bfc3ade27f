import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import reactHooks from 'eslint-plugin-react-hooks';
import fs from 'node:fs';
import { URL } from 'node:url';

// Dashboard layers import one way: lib ← components ← api ← features ← app (main.tsx belongs to
// app). A layer may import only the layers before it; feature folders do not import each other.
// Imports are relative, so a rule names the top-level folders a file may not climb into
// (`../../app/x`); no folder below src/ reuses those names.
const DASHBOARD_LAYERS = ['lib', 'components', 'api', 'features', 'app'];
const featuresDir = new URL('./dashboard/src/features/', import.meta.url);
const dashboardFeatures = fs.existsSync(featuresDir)
  ? fs.readdirSync(featuresDir, { withFileTypes: true }).filter((d) => d.isDirectory()).map((d) => d.name)
  : [];
const layerImportRule = (layer, extraPatterns = []) => {
  const above = DASHBOARD_LAYERS.slice(DASHBOARD_LAYERS.indexOf(layer) + 1);
  return [
    'error',
    {
      patterns: [
        { regex: `^(\\.\\./)+(${above.join('|')})(/|$)`, message: `${layer}/ may import only ${DASHBOARD_LAYERS.slice(0, DASHBOARD_LAYERS.indexOf(layer) + 1).join(', ')} (lib ← components ← api ← features ← app).` },
        ...extraPatterns,
      ],
    },
  ];
};
const dashboardLayerRules = [
  ...['lib', 'components', 'api'].map((layer) => ({
    files: [`dashboard/src/${layer}/**/*.{ts,tsx}`],
    rules: { 'no-restricted-imports': layerImportRule(layer) },
  })),
  // A file k folders below features/<feature>/ reaches a sibling feature with k + 1 `../`.
  ...dashboardFeatures.flatMap((feature) =>
    [0, 1, 2, 3].map((k) => ({
      files: [`dashboard/src/features/${feature}/${'*/'.repeat(k)}*.{ts,tsx}`],
      rules: {
        'no-restricted-imports': layerImportRule('features', [
          { regex: `^(\\.\\./){${k + 1}}(?!${feature}/)[^./][^/]*(/|$)`, message: 'Features do not import each other; compose them in app/.' },
        ]),
      },
    })),
  ),
];

// API layers (docs/architecture.md#layers): core ← db ← modules ← http ← app. Each layer imports
// only the ones to its left; the composition root (app.ts, server.ts, cli/, demo) imports them all.
const upward = (names, message) => ({ regex: `^(\\.\\./)+(${names})(/|$)`, message });
const apiLayers = [
  {
    files: ['api/src/core/**/*.ts'],
    patterns: [upward('db|modules|http|app|server|config|cli|demo', 'core/ imports nothing else of the API.')],
    paths: ['express', 'typeorm', 'pino'],
    why: 'core/ is plain TypeScript: no Express, no TypeORM.',
  },
  {
    files: ['api/src/db/**/*.ts'],
    patterns: [upward('modules|http|app|server|cli|demo', 'db/ may import core/ only: services call repositories, never the other way.')],
    paths: ['express'],
    why: 'db/ knows nothing of HTTP.',
  },
  {
    files: ['api/src/modules/**/*.ts'],
    patterns: [
      upward('http|app|server|cli|demo', 'Services never import http/ or the app: the edge calls them.'),
      { regex: '^(\\.\\./)+db/entities(/|$)', message: 'Services read and write tables through db/repositories, never entities.' },
    ],
    paths: ['express', 'typeorm'],
    why: 'Services see parsed input and a Tx, never Express or TypeORM.',
  },
  {
    files: ['api/src/http/**/*.ts'],
    patterns: [
      upward('app|server|cli|demo', 'http/ is composed by app.ts, it does not import it.'),
      { regex: '^(\\.\\./)+db/entities(/|$)', message: 'The edge reads through db/repositories or services.' },
    ],
    paths: ['typeorm'],
    why: 'The edge never queries TypeORM itself.',
  },
];

export default tseslint.config(
  { ignores: ['**/dist/**', '**/node_modules/**', 'coverage/**', 'data/**', 'docs/**', 'bench/results.json', 'bench/web-results.json'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { parserOptions: { ecmaVersion: 2023, sourceType: 'module' } },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_', destructuredArrayIgnorePattern: '^_' }],
      '@typescript-eslint/no-unsafe-function-type': 'off',
      'no-console': 'off',
    },
  },
  {
    files: ['**/*.js', '**/*.cjs'],
    languageOptions: { globals: { module: 'writable', require: 'readonly', __dirname: 'readonly', process: 'readonly', console: 'readonly' } },
    rules: { '@typescript-eslint/no-require-imports': 'off' },
  },
  {
    files: ['dashboard/src/**/*.{ts,tsx}', 'tests/dashboard/**/*.{ts,tsx}', 'tests/e2e/**/*.ts'],
    plugins: { 'react-hooks': reactHooks },
    languageOptions: { parserOptions: { ecmaFeatures: { jsx: true } } },
    rules: {
      'react-hooks/rules-of-hooks': 'error',
      'react-hooks/exhaustive-deps': 'warn',
    },
  },
  ...dashboardLayerRules,
  ...apiLayers.map(({ files, patterns, paths, why }) => ({
    files,
    rules: {
      'no-restricted-imports': ['error', { patterns, paths: paths.map((name) => ({ name, message: why })) }],
    },
  })),
  {
    // No `!`: a query's data is reached through QueryState, an element through a check.
    files: ['dashboard/src/**/*.{ts,tsx}'],
    rules: {
      '@typescript-eslint/no-non-null-assertion': 'error',
      'max-lines': ['error', { max: 300 }],
    },
  },
);
