import type { Kysely } from 'kysely';
import { describe, expect, it } from 'vitest';
import { createApp } from '../app.js';
import { createVerifier } from '../auth/verify.js';
import { loadConfig } from '../config.js';
import type { Database } from '../db/schema.js';
import { TEST_SECRET } from '../test/harness.js';
import { serveDemoPortal } from './demo-portal.js';
import { createLogger } from './logger.js';

/** The app as `npm start` serves it, with no database: no route here queries. */
function demoApp() {
  const config = loadConfig({ MENTORSHIP_JWT_SECRET: TEST_SECRET, MENTORSHIP_DEMO: '1' });
  const app = createApp({ config, db: {} as Kysely<Database>, verifier: createVerifier(config), logger: createLogger('error', () => {}), now: () => new Date() });
  expect(serveDemoPortal(app)).toBe(true);
  return app;
}

describe('demo portals', () => {
  const app = demoApp();

  it('serves the plain portal at /', async () => {
    const res = await app.request('/');
    expect(res.status).toBe(200);
    expect(await res.text()).toContain('Northbridge University');
  });

  it('serves the themed portal at /themed/ with its own CSS, and the shared files from the plain portal', async () => {
    const page = await app.request('/themed/');
    expect(page.status).toBe(200);
    const text = await page.text();
    expect(text).toContain('Harbourview University');
    for (const src of ['./themed.css', './themed.js', './portal.js', './mentorkit.js']) expect(text).toContain(src);

    const css = await app.request('/themed/themed.css');
    expect(css.status).toBe(200);
    expect(await css.text()).toContain('--mentorship-color-accent');
    const script = await app.request('/themed/portal.js');
    expect(script.status).toBe(200);
    expect(await script.text()).toContain('persona');
    expect((await app.request('/themed/no-such-file.js')).status).toBe(404);
  });

  it('redirects /themed to /themed/ so the page\'s relative links resolve', async () => {
    const res = await app.request('/themed');
    expect(res.status).toBe(302);
    expect(res.headers.get('location')).toBe('/themed/');
  });
});
