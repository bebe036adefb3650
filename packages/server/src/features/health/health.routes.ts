import { sql } from 'kysely';
import { Hono } from 'hono';
import type { AppEnv } from '../../http/env.js';

export const healthRoutes = new Hono<AppEnv>()
  .get('/healthz', (c) => c.json({ status: 'ok' }, 200))
  .get('/readyz', async (c) => {
    try {
      await sql`SELECT 1`.execute(c.get('deps').db);
      return c.json({ status: 'ready', database: 'ok' }, 200);
    } catch {
      return c.json({ status: 'unavailable', database: 'unreachable' }, 503);
    }
  });
