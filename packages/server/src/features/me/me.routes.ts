import { profileInput } from '@mentorkit/contract';
import { Hono } from 'hono';
import { requireViewer } from '../../auth/auth.middleware.js';
import type { AppEnv } from '../../http/env.js';
import { validate } from '../../http/validate.js';
import { getMe, replaceProfile } from './me.repository.js';

export const meRoutes = new Hono<AppEnv>()
  .use(requireViewer)
  .get('/', async (c) => {
    const { db, now } = c.get('deps');
    return c.json(await getMe(db, c.get('viewer').id, now()), 200);
  })
  .put('/profile', validate('json', profileInput), async (c) => {
    const { db, now } = c.get('deps');
    const input = c.req.valid('json');
    return c.json(await replaceProfile(db, c.get('viewer').id, input, now()), 200);
  });
