// Element tests in Debian's Chromium against the real Mentorkit API.
//
// The API runs in this process and the dev server routes `/api/*` to it, so tests use a
// same-origin `api="/"`. The API, its fixture (`GET /__fixture.json`) and fresh people for a test
// file (`POST /__fixture/people`) come from `@mentorkit/server/test-support`, which is built by
// `tsc -b` (npm test does that first).
import { fileURLToPath } from 'node:url';
import { esbuildPlugin } from '@web/dev-server-esbuild';
import { playwrightLauncher } from '@web/test-runner-playwright';
import { mentorkitTestApi } from '@mentorkit/server/test-support';

const api = mentorkitTestApi();

export default {
  files: ['packages/elements/src/**/*.test.ts'],
  nodeResolve: true,
  concurrency: 2,
  testsFinishTimeout: 300_000,
  testFramework: { config: { timeout: 15000 } },
  // Test pages declare their language, as a portal's pages do; the tests of the fallback to the
  // signed-in user's language (which asks the server for it) remove it.
  testRunnerHtml: (testFramework) =>
    `<!DOCTYPE html><html lang="en"><head></head><body><script type="module" src="${testFramework}"></script></body></html>`,
  middleware: [api.middleware],
  plugins: [
    api.plugin,
    esbuildPlugin({ ts: true, target: 'es2022', tsconfig: fileURLToPath(new URL('./packages/elements/tsconfig.json', import.meta.url)) }),
  ],
  browsers: [
    playwrightLauncher({
      product: 'chromium',
      launchOptions: {
        executablePath: process.env.CHROME_PATH || '/usr/bin/chromium',
        headless: true,
        args: [
          '--no-sandbox',
          '--disable-gpu',
          '--disable-dev-shm-usage',
          '--disable-background-networking',
          '--disable-component-update',
          '--disable-sync',
          '--no-first-run',
        ],
      },
    }),
  ],
};
