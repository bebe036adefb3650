import { cancelMentorshipInput, feedbackInput, historyQuery, type FeedbackStatus } from '@mentorkit/contract';
import { Hono } from 'hono';
import { ApiError } from '../../http/errors.js';
import type { AppEnv } from '../../http/env.js';
import { validate } from '../../http/validate.js';
import { createOnce, idempotencyKeyFrom } from '../shared/idempotency.js';
import { record } from '../shared/record.js';
import { changeStatus, statusHistory, toFeedback } from './lifecycle.repository.js';
import { otherParty, partyMentorship, viewerRequired } from './workspace.js';

/**
 * Mounted at `/mentorships`: pause, resume, complete, cancel (either party), the history of
 * status changes, and feedback after completion.
 */
export const lifecycleRoutes = new Hono<AppEnv>()
  .use(viewerRequired)
  .post('/:id/pause', async (c) => {
    const { db, now } = c.get('deps');
    const viewer = c.get('viewer');
    return c.json(await changeStatus(db, { mentorshipId: c.req.param('id'), viewerId: viewer.id, viewerName: viewer.name, action: 'pause', now }), 200);
  })
  .post('/:id/resume', async (c) => {
    const { db, now } = c.get('deps');
    const viewer = c.get('viewer');
    return c.json(await changeStatus(db, { mentorshipId: c.req.param('id'), viewerId: viewer.id, viewerName: viewer.name, action: 'resume', now }), 200);
  })
  .post('/:id/complete', async (c) => {
    const { db, now } = c.get('deps');
    const viewer = c.get('viewer');
    return c.json(await changeStatus(db, { mentorshipId: c.req.param('id'), viewerId: viewer.id, viewerName: viewer.name, action: 'complete', now }), 200);
  })
  .post('/:id/cancel', validate('json', cancelMentorshipInput), async (c) => {
    const { db, now } = c.get('deps');
    const viewer = c.get('viewer');
    const { reason } = c.req.valid('json');
    return c.json(await changeStatus(db, { mentorshipId: c.req.param('id'), viewerId: viewer.id, viewerName: viewer.name, action: 'cancel', reason, now }), 200);
  })
  .get('/:id/history', validate('query', historyQuery), async (c) => {
    const { db } = c.get('deps');
    const row = await partyMentorship(db, c.req.param('id'), c.get('viewer').id);
    return c.json(await statusHistory(db, row.id, c.req.valid('query')), 200);
  })
  .get('/:id/feedback', async (c) => {
    const { db } = c.get('deps');
    const viewer = c.get('viewer');
    const row = await partyMentorship(db, c.req.param('id'), viewer.id);
    const given = await db.selectFrom('feedback').selectAll().where('mentorship_id', '=', row.id).execute();
    const mine = given.find((f) => f.author_id === viewer.id);
    const status: FeedbackStatus = {
      canLeaveFeedback: row.status === 'completed' && !mine,
      mine: mine ? toFeedback(mine) : null,
      otherPartySubmitted: given.some((f) => f.author_id === otherParty(row, viewer.id)),
    };
    return c.json(status, 200);
  })
  /** Once per party, only after completion; the subject is the other party (a mentee's rating feeds the mentor's stats). */
  .post('/:id/feedback', validate('json', feedbackInput), async (c) => {
    const { db, now } = c.get('deps');
    const viewer = c.get('viewer');
    const input = c.req.valid('json');
    const mentorshipId = c.req.param('id');
    const { resource } = await createOnce(
      db,
      { userId: viewer.id, scope: 'feedback', key: idempotencyKeyFrom(c.req.header('idempotency-key')) },
      async (trx, id) => {
        const row = await partyMentorship(trx, mentorshipId, viewer.id, true);
        if (row.status !== 'completed') {
          throw new ApiError('invalid_transition', 'Feedback opens once the mentorship is completed');
        }
        const earlier = await trx.selectFrom('feedback').select('id')
          .where('mentorship_id', '=', row.id).where('author_id', '=', viewer.id).executeTakeFirst();
        if (earlier) throw new ApiError('conflict', 'You already left feedback on this mentorship');
        const at = now();
        const subjectId = otherParty(row, viewer.id);
        const inserted = await trx.insertInto('feedback').values({
          id, mentorship_id: row.id, author_id: viewer.id, subject_id: subjectId, rating: input.rating, comment: input.comment, created_at: at,
        }).returningAll().executeTakeFirstOrThrow();
        await record(trx, {
          now: at,
          audit: { actorId: viewer.id, action: 'feedback.created', entityType: 'feedback', entityId: id, details: { mentorshipId: row.id, subjectId, rating: input.rating } },
          notices: [{ userId: subjectId, kind: 'feedback.received', data: { mentorshipId: row.id, feedbackId: id, byId: viewer.id, byName: viewer.name } }],
        });
        return toFeedback(inserted);
      },
      async (id) => toFeedback(await db.selectFrom('feedback').selectAll().where('id', '=', id).executeTakeFirstOrThrow()),
    );
    return c.json(resource, 201);
  });
