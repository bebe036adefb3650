import { progressNoteInput } from '@mentorkit/contract';
import { Hono } from 'hono';
import type { AppEnv } from '../../http/env.js';
import { validate } from '../../http/validate.js';
import { bothParties, lockOpenMentorship, otherParty, partyMentorship, viewerRequired } from '../lifecycle/workspace.js';
import { createOnce, idempotencyKeyFrom } from '../shared/idempotency.js';
import { record } from '../shared/record.js';
import { enforceWorkspaceLimits } from '../shared/rate-limit.js';
import { progressOf, toProgressNote } from './progress.repository.js';

/** Mounted at `/mentorships`: progress notes (either party) and the computed progress with its timeline. */
export const progressRoutes = new Hono<AppEnv>()
  .use(viewerRequired)
  .post('/:id/progress-notes', validate('json', progressNoteInput), async (c) => {
    const { db, now } = c.get('deps');
    const viewer = c.get('viewer');
    const input = c.req.valid('json');
    const { resource } = await createOnce(
      db,
      { userId: viewer.id, scope: 'progress-note', key: idempotencyKeyFrom(c.req.header('idempotency-key')) },
      async (trx, id) => {
        const mentorship = await lockOpenMentorship(trx, c.req.param('id'), viewer.id);
        const at = now();
        await enforceWorkspaceLimits(trx, 'progressNotes', viewer.id, at);
        const inserted = await trx.insertInto('progress_notes').values({
          id, mentorship_id: mentorship.id, author_id: viewer.id, body: input.body, progress_percent: input.progressPercent ?? null, created_at: at,
        }).returningAll().executeTakeFirstOrThrow();
        const note = toProgressNote(inserted);
        await record(trx, {
          now: at,
          audit: { actorId: viewer.id, action: 'progress.noted', entityType: 'progress_note', entityId: id, details: { mentorshipId: mentorship.id, progressPercent: note.progressPercent } },
          notices: [{ userId: otherParty(mentorship, viewer.id), kind: 'progress.note_added', data: { mentorshipId: mentorship.id, noteId: id, progressPercent: note.progressPercent, byId: viewer.id, byName: viewer.name } }],
          events: bothParties(mentorship, 'progress.created', note),
        });
        return note;
      },
      async (id) => toProgressNote(await db.selectFrom('progress_notes').selectAll().where('id', '=', id).executeTakeFirstOrThrow()),
    );
    return c.json(resource, 201);
  })
  .get('/:id/progress', async (c) => {
    const { db, now } = c.get('deps');
    const mentorship = await partyMentorship(db, c.req.param('id'), c.get('viewer').id);
    return c.json(await progressOf(db, mentorship, now()), 200);
  });
