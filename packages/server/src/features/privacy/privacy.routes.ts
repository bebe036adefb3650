import type { AccountErasure, AccountExport } from '@mentorkit/contract';
import { Hono } from 'hono';
import type { AppEnv } from '../../http/env.js';
import { viewerRequired } from '../lifecycle/workspace.js';
import { eraseAccount } from './erase.repository.js';
import { exportAccount } from './export.repository.js';

/**
 * Mounted at `/me` beside the profile routes: `GET /me/export` (the caller's data as one JSON
 * document, offered as a download) and `DELETE /me` (erase the account). Both only ever act on
 * the caller, so there is no one else's id to guess.
 */
export const privacyRoutes = new Hono<AppEnv>()
  .use('/export', viewerRequired)
  .get('/export', async (c) => {
    const { db, now } = c.get('deps');
    const body: AccountExport = await exportAccount(db, c.get('viewer').id, now());
    c.header('content-disposition', 'attachment; filename="mentorkit-export.json"');
    c.header('cache-control', 'private, no-store');
    return c.json(body, 200);
  })
  .delete('/', viewerRequired, async (c) => {
    const { db, now } = c.get('deps');
    const body: AccountErasure = await eraseAccount(db, c.get('viewer').id, now);
    return c.json(body, 200);
  });
