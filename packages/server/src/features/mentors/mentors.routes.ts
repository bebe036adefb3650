import { mentorSearchQuery } from '@mentorkit/contract';
import { Hono } from 'hono';
import { requireViewer } from '../../auth/auth.middleware.js';
import { notFound } from '../../http/errors.js';
import type { AppEnv } from '../../http/env.js';
import { validate } from '../../http/validate.js';
import { mentorSettingsRoutes } from '../mentor-settings/mentor-settings.routes.js';
import { getMentorProfile } from './mentors.repository.js';
import { acceptsGzip } from '../../http/content-coding.js';
import { matchesEtag } from './search-answers.js';

export const mentorRoutes = new Hono<AppEnv>()
  .use(requireViewer)
  .route('/', mentorSettingsRoutes)
  .get('/', validate('query', mentorSearchQuery), async (c) => {
    const deps = c.get('deps');
    const viewer = c.get('viewer');
    const viewerId = viewer.id;
    const query = c.req.valid('query');
    const now = deps.now();
    const search = c.get('mentorSearch');
    const answers = search.answers;
    const version = await answers.version(deps.db, viewerId, query, now, viewer.searchGeneration);
    // Revalidated on every use, by this viewer only: the ETag names the viewer and everything shown.
    c.header('ETag', version.etag);
    c.header('Cache-Control', 'private, no-cache');
    c.header('Vary', 'Accept-Encoding', { append: true });
    if (matchesEtag(c.req.header('if-none-match'), version.etag)) return c.body(null, 304);
    const answer = await answers.answer(version, () => search.search(viewerId, query, now, version.generation));
    const gzip = acceptsGzip(c.req.header('accept-encoding')) ? answer.gzip : undefined;
    if (gzip) c.header('Content-Encoding', 'gzip');
    return c.body(gzip ?? answer.json, 200, { 'Content-Type': 'application/json' });
  })
  .get('/:id', async (c) => {
    const { db, now } = c.get('deps');
    const profile = await getMentorProfile(db, c.get('viewer').id, c.req.param('id'), now());
    if (!profile) throw notFound('Mentor');
    return c.json(profile, 200);
  });
