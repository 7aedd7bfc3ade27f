/** @type {import('jest').Config} */
// Transpile only: type errors are the typecheck script's job, and one file's error must not fail others.
const tsJest = ['ts-jest', { tsconfig: '<rootDir>/tsconfig.json', isolatedModules: true }];
const moduleNameMapper = { '^@handover/shared$': '<rootDir>/shared/src/index.ts' };
// The dashboard compiles with its own settings (JSX, DOM); CommonJS here because Jest runs CommonJS,
// so a lazy `import()` (the chart drawing) becomes a `require` Jest can load.
const tsJestDashboard = [
  'ts-jest',
  {
    tsconfig: { isolatedModules: true, jsx: 'react-jsx', module: 'commonjs', esModuleInterop: true, target: 'ES2022', lib: ['ES2023', 'DOM', 'DOM.Iterable'] },
  },
];

module.exports = {
  // A hang guard, not a speed check. Jest reads testTimeout from the top level when it runs several
  // projects (a project's own value is a hint for runs of that project alone), so it is set here too:
  // starting an app on a fresh PostgreSQL schema takes seconds on a busy two-core machine.
  testTimeout: 30_000,
  projects: [
    {
      displayName: 'api',
      testEnvironment: 'node',
      rootDir: __dirname,
      testMatch: ['<rootDir>/tests/api/**/*.test.ts'],
      transform: { '^.+\\.tsx?$': tsJest },
      moduleNameMapper,
      // A hang guard, not a speed check: some tests start a second app on a fresh database, which
      // takes seconds on a busy two-core machine (PostgreSQL especially).
      testTimeout: 30_000,
    },
    {
      // Types generated from the OpenAPI document carry a small client: `npm run test:contract`.
      displayName: 'contract',
      testEnvironment: 'node',
      rootDir: __dirname,
      testMatch: ['<rootDir>/tests/contract/**/*.test.ts'],
      transform: { '^.+\\.tsx?$': tsJest },
      moduleNameMapper,
      testTimeout: 120_000,
    },
    {
      // Dashboard units and components in jsdom: no browser, no server.
      displayName: 'dashboard',
      testEnvironment: 'jsdom',
      rootDir: __dirname,
      testMatch: ['<rootDir>/tests/dashboard/**/*.test.ts?(x)'],
      transform: { '^.+\\.tsx?$': tsJestDashboard },
      moduleNameMapper: { ...moduleNameMapper, '\\.css$': '<rootDir>/tests/dashboard/support/style-stub.js' },
      setupFilesAfterEnv: ['<rootDir>/tests/dashboard/support/setup.ts'],
    },
    {
      // Browser tests against the built app and a real server: `npm run test:e2e` (needs /usr/bin/chromium).
      displayName: 'e2e',
      testEnvironment: 'node',
      rootDir: __dirname,
      testMatch: ['<rootDir>/tests/e2e/**/*.e2e.ts'],
      transform: { '^.+\\.tsx?$': tsJest },
      moduleNameMapper,
      setupFilesAfterEnv: ['<rootDir>/tests/e2e/support/matchers.ts'],
      testTimeout: 120_000,
    },
  ],
};
