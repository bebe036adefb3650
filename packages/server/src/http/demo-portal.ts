import { existsSync } from 'node:fs';
import { relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { serveStatic } from '@hono/node-server/serve-static';
import type { Hono } from 'hono';
import type { AppEnv } from './env.js';

const PORTAL_DIR = fileURLToPath(new URL('../../../../examples/portal/', import.meta.url));
const THEMED_DIR = fileURLToPath(new URL('../../../../examples/portal-themed/', import.meta.url));

/**
 * The demo portal (examples/portal): a plain alumni site embedding the elements, served at `/`
 * (and its themed twin at `/themed/`) behind the app's middleware, so it carries the page
 * security headers. Returns false when the directory is not there (an installed package
 * without the examples).
 */
export function serveDemoPortal(app: Hono<AppEnv>): boolean {
  if (!existsSync(PORTAL_DIR)) return false;
  const portal = relative(process.cwd(), PORTAL_DIR);
  // The themed example (examples/portal-themed) at /themed/: its own page, CSS and colour-mode
  // script; what it does not have (the demo's portal.js, the bundle) falls through to the plain
  // portal's folder, so both pages load the same files.
  if (existsSync(THEMED_DIR)) {
    const underThemed = (path: string) => path.replace(/^\/themed/, '');
    app.get('/themed', (c) => c.redirect('/themed/'));
    app.use('/themed/*', serveStatic({ root: relative(process.cwd(), THEMED_DIR), rewriteRequestPath: underThemed }));
    app.use('/themed/*', serveStatic({ root: portal, rewriteRequestPath: underThemed }));
  }
  app.use('/*', serveStatic({ root: portal }));
  return true;
}
