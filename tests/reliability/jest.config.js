/** @type {import('jest').Config} */
// The reliability suites: real server processes, fuzzing, the role matrix, load and backups.
// `npm run test:reliability` (SQLite) and `npm run test:reliability:pg` (TEST_DB=postgres).
const path = require('node:path');

const root = path.resolve(__dirname, '../..');

module.exports = {
  displayName: 'reliability',
  rootDir: root,
  testEnvironment: 'node',
  testMatch: ['<rootDir>/tests/reliability/**/*.test.ts'],
  transform: { '^.+\\.tsx?$': ['ts-jest', { tsconfig: '<rootDir>/tsconfig.json', isolatedModules: true }] },
  moduleNameMapper: { '^@handover/shared$': '<rootDir>/shared/src/index.ts' },
  // The suites start real servers built from api/dist: build once before any of them runs.
  globalSetup: '<rootDir>/tests/reliability/global-setup.js',
  // Each suite bounds its own work; this only stops a hung one.
  testTimeout: 15 * 60_000,
  // Suites share two cores with the servers they start and measure: one at a time.
  maxWorkers: 1,
};
