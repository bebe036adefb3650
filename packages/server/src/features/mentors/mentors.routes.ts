import { mentorSearchQuery } from '@mentorkit/contract';
import { Hono } from 'hono';
import { requireViewer } from '../../auth/auth.middleware.js';
import { notFound } from '../../http/errors.js';
import type { AppEnv } from '../../http/env.js';
import { validate } from '../../http/validate.js';
import { mentorSettingsRoutes } from '../mentor-settings/mentor-settings.routes.js';
import { getMentorProfile, searchMentors } from './mentors.repository.js';
import { searchCacheOf } from './search-cache.js';

export const mentorRoutes = new Hono<AppEnv>()
  .use(requireViewer)
  .route('/', mentorSettingsRoutes)
  .get('/', validate('query', mentorSearchQuery), async (c) => {
    const deps = c.get('deps');
    return c.json(await searchMentors(deps.db, c.get('viewer').id, c.req.valid('query'), deps.now(), searchCacheOf(deps)), 200);
  })
  .get('/:id', async (c) => {
    const { db, now } = c.get('deps');
    const profile = await getMentorProfile(db, c.get('viewer').id, c.req.param('id'), now());
    if (!profile) throw notFound('Mentor');
    return c.json(profile, 200);
  });
