/** @type {import('jest').Config} */
// Transpile only: type errors are the typecheck script's job, and one file's error must not fail others.
const tsJest = ['ts-jest', { tsconfig: '<rootDir>/tsconfig.json', isolatedModules: true }];
const moduleNameMapper = { '^@handover/shared$': '<rootDir>/shared/src/index.ts' };

module.exports = {
  projects: [
    {
      displayName: 'api',
      testEnvironment: 'node',
      rootDir: __dirname,
      testMatch: ['<rootDir>/tests/api/**/*.test.ts', '<rootDir>/tests/shared/**/*.test.ts'],
      transform: { '^.+\\.tsx?$': tsJest },
      moduleNameMapper,
    },
  ],
};
