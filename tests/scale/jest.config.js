/** @type {import('jest').Config} */
// `npm run test:scale`: API processes started from api/dist on a throwaway PostgreSQL database.
// Kept out of `npm test`, which needs no database server and no build.
const path = require('node:path');

const root = path.resolve(__dirname, '../..');
module.exports = {
  rootDir: root,
  displayName: 'scale',
  testEnvironment: 'node',
  testMatch: ['<rootDir>/tests/scale/**/*.test.ts'],
  transform: { '^.+\\.tsx?$': ['ts-jest', { tsconfig: '<rootDir>/tsconfig.json', isolatedModules: true }] },
  moduleNameMapper: { '^@handover/shared$': '<rootDir>/shared/src/index.ts' },
  testTimeout: 180_000,
};
