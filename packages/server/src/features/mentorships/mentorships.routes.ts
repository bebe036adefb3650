import { mentorshipListQuery } from '@mentorkit/contract';
import { Hono } from 'hono';
import { sql } from 'kysely';
import { requireViewer } from '../../auth/auth.middleware.js';
import { notFound } from '../../http/errors.js';
import type { AppEnv } from '../../http/env.js';
import { validate } from '../../http/validate.js';
import { decodeTimeCursor, pageOf, UUID } from '../shared/paging.js';
import { mentorshipForParty, toMentorship, toMentorships } from './mentorships.repository.js';

export const mentorshipRoutes = new Hono<AppEnv>()
  .use(requireViewer)
  .get('/', validate('query', mentorshipListQuery), async (c) => {
    const { db } = c.get('deps');
    const viewer = c.get('viewer');
    const query = c.req.valid('query');
    const after = decodeTimeCursor(query.cursor);
    let q = db.selectFrom('mentorships').selectAll();
    q = query.role === 'mentor' ? q.where('mentor_id', '=', viewer.id)
      : query.role === 'mentee' ? q.where('mentee_id', '=', viewer.id)
      : q.where((eb) => eb.or([eb('mentor_id', '=', viewer.id), eb('mentee_id', '=', viewer.id)]));
    if (query.status) q = q.where('status', '=', query.status);
    if (after) q = q.where(sql<boolean>`(started_at, id) < (${after.at}::timestamptz, ${after.id}::uuid)`);
    const rows = await q.orderBy('started_at', 'desc').orderBy('id', 'desc').limit(query.limit + 1).execute();
    return c.json(await pageOf(rows, query.limit, (r) => toMentorships(db, r), (r) => ({ at: r.started_at, id: r.id })), 200);
  })
  .get('/:id', async (c) => {
    const { db } = c.get('deps');
    const id = c.req.param('id');
    const row = UUID.test(id) ? await mentorshipForParty(db, id, c.get('viewer').id) : undefined;
    if (!row) throw notFound('Mentorship');
    return c.json(await toMentorship(db, row), 200);
  });
