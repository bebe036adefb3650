import { mentorApplicationInput, canTransition, applicationTransitions } from '@mentorkit/contract';
import { Hono } from 'hono';
import type { Transaction } from 'kysely';
import { requireViewer } from '../../auth/auth.middleware.js';
import { ApiError, notFound } from '../../http/errors.js';
import type { Database } from '../../db/schema.js';
import type { AppEnv } from '../../http/env.js';
import { validate } from '../../http/validate.js';
import { createOnce, idempotencyKeyFrom } from '../shared/idempotency.js';
import { record, type Notice } from '../shared/record.js';
import { applicationById, latestApplication, toApplication } from './applications.repository.js';

/**
 * Every admin hears of an application waiting for review (a new one or a resubmission), so the
 * review queue and the admin's notifications update live. An admin applying is not told of their own.
 */
async function reviewersNotice(trx: Transaction<Database>, applicant: { id: string; name: string }, applicationId: string, resubmitted: boolean): Promise<Notice[]> {
  const admins = await trx.selectFrom('users').select('id').where('is_admin', '=', true).where('deleted_at', 'is', null)
    .where('id', '<>', applicant.id).execute();
  return admins.map((admin) => ({
    userId: admin.id,
    kind: 'application.submitted',
    data: { applicationId, applicantName: applicant.name, resubmitted },
  }));
}

/** An alumnus applies for mentor status, reads the status, and resubmits after "changes requested". */
export const applicationRoutes = new Hono<AppEnv>()
  .use(requireViewer)
  .post('/', validate('json', mentorApplicationInput), async (c) => {
    const { db, now } = c.get('deps');
    const viewer = c.get('viewer');
    const input = c.req.valid('json');
    const { resource } = await createOnce(
      db,
      { userId: viewer.id, scope: 'mentor-application', key: idempotencyKeyFrom(c.req.header('idempotency-key')) },
      async (trx, id) => {
        // Serialize one person's applications: the unique partial index is the backstop.
        await trx.selectFrom('users').select('id').where('id', '=', viewer.id).forUpdate().execute();
        const mentor = await trx.selectFrom('mentors').select('user_id').where('user_id', '=', viewer.id).executeTakeFirst();
        if (mentor) throw new ApiError('conflict', 'You are already a mentor');
        const open = await trx.selectFrom('mentor_applications').select(['status']).where('user_id', '=', viewer.id)
          .where('status', 'in', ['pending', 'changes_requested', 'approved']).executeTakeFirst();
        if (open) {
          throw new ApiError('conflict', open.status === 'changes_requested'
            ? 'Your application awaits changes: resubmit it instead'
            : 'You already have an application in review');
        }
        const at = now();
        const row = await trx.insertInto('mentor_applications').values({
          id,
          user_id: viewer.id,
          expertise: input.expertise,
          years_of_experience: input.yearsOfExperience,
          statement: input.statement,
          links: input.links,
          created_at: at,
          updated_at: at,
        }).returningAll().executeTakeFirstOrThrow();
        await record(trx, {
          now: at,
          audit: { actorId: viewer.id, action: 'application.submitted', entityType: 'mentor_application', entityId: id, from: null, to: 'pending' },
          notices: await reviewersNotice(trx, viewer, id, false),
        });
        return toApplication(trx, row);
      },
      async (id) => toApplication(db, (await applicationById(db, id))!),
    );
    return c.json(resource, 201);
  })
  .get('/mine', async (c) => {
    const { db } = c.get('deps');
    const row = await latestApplication(db, c.get('viewer').id);
    // Never applied is an answer, not an error: every non-mentor's dashboard asks.
    return c.json({ application: row ? await toApplication(db, row) : null }, 200);
  })
  .put('/mine', validate('json', mentorApplicationInput), async (c) => {
    const { db, now } = c.get('deps');
    const viewer = c.get('viewer');
    const input = c.req.valid('json');
    const result = await db.transaction().execute(async (trx) => {
      const latest = await latestApplication(trx, viewer.id);
      if (!latest) throw notFound('Application');
      const current = await applicationById(trx, latest.id, true);
      if (!current || !canTransition(applicationTransitions, current.status, 'pending')) {
        throw new ApiError('invalid_transition', `An application that is ${current?.status ?? 'gone'} cannot be resubmitted`);
      }
      const at = now();
      const row = await trx.updateTable('mentor_applications').set({
        status: 'pending',
        expertise: input.expertise,
        years_of_experience: input.yearsOfExperience,
        statement: input.statement,
        links: input.links,
        updated_at: at,
      }).where('id', '=', current.id).returningAll().executeTakeFirstOrThrow();
      await record(trx, {
        now: at,
        audit: { actorId: viewer.id, action: 'application.resubmitted', entityType: 'mentor_application', entityId: row.id, from: current.status, to: 'pending' },
        notices: await reviewersNotice(trx, viewer, row.id, true),
      });
      return toApplication(trx, row);
    });
    return c.json(result, 200);
  });
