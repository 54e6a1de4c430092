/** @type {import('jest').Config} */
module.exports = {
  testEnvironment: 'node',
  roots: ['<rootDir>/test'],
  testMatch: ['**/*.test.ts'],
  transform: { '^.+\\.ts$': ['ts-jest', { tsconfig: 'tsconfig.json' }] },
  setupFiles: ['<rootDir>/test/setupEnv.ts'],
  globalSetup: '<rootDir>/test/support/redisGlobalSetup.ts',
  testTimeout: 30000,
  maxWorkers: 2,
};
