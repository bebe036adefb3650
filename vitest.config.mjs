import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['packages/{contract,server,sdk}/src/**/*.test.ts', 'packages/elements/test/**/*.test.ts', 'examples/**/src/**/*.test.ts'],
    testTimeout: 30_000,
    hookTimeout: 60_000,
    pool: 'forks',
  },
});
