/*
 * Two projects: `unit` (tests beside the code, fakes allowed) and `integration` (real servers, real stores).
 * TypeScript is transpiled by SWC; type checking is a separate step (`npm run typecheck`), run by `npm test`.
 */
const transform = {
  '^.+\\.(t|j)sx?$': [
    '@swc/jest',
    {
      jsc: {
        parser: { syntax: 'typescript', tsx: true },
        target: 'es2022',
        transform: { react: { runtime: 'classic' } },
      },
      module: { type: 'commonjs' },
    },
  ],
};

const common = {
  rootDir: __dirname,
  transform,
  testEnvironment: 'node',
  moduleFileExtensions: ['ts', 'tsx', 'js', 'json'],
  testPathIgnorePatterns: ['/node_modules/', '/data/', '/test-output/', '/bench/results/'],
  // jose ships ESM only: Node loads it with require(esm), Jest's module system needs it transpiled.
  transformIgnorePatterns: ['/node_modules/(?!jose/)'],
};

module.exports = {
  // Integration suites start real servers; a project-level timeout is not supported, so it is set here.
  testTimeout: 120000,
  projects: [
    {
      ...common,
      displayName: 'unit',
      testMatch: ['<rootDir>/{src,packages,scripts,bench}/**/*.test.{ts,tsx,js}'],
      testPathIgnorePatterns: [...common.testPathIgnorePatterns, '/integration_tests/'],
    },
    {
      ...common,
      displayName: 'integration',
      testMatch: ['<rootDir>/{src,packages,test}/**/integration_tests/**/*.test.{ts,tsx,js}'],
    },
  ],
};
