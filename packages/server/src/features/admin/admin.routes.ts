import {
  adminMentorQuery,
  applicationListQuery,
  applicationTransitions,
  approveInput,
  canTransition,
  decisionInput,
  suspendInput,
  type AdminMentor,
  type ApplicationStatus,
  type MentorApplication,
} from '@mentorkit/contract';
import { Hono, type Context } from 'hono';
import { sql } from 'kysely';
import { requireAdmin, requireViewer } from '../../auth/auth.middleware.js';
import { ApiError, notFound } from '../../http/errors.js';
import type { AppEnv } from '../../http/env.js';
import { validate } from '../../http/validate.js';
import { applicationById, toApplication, toApplications } from '../applications/applications.repository.js';
import { declineAllPending, roundHours } from '../requests/requests.repository.js';
import { loadPeople, personOrThrow } from '../shared/people.repository.js';
import { decodeTimeCursor, pageOf, UUID } from '../shared/paging.js';
import { record } from '../shared/record.js';
import { programmeStats } from './stats.repository.js';

const decisions = {
  approve: { to: 'approved', kind: 'application.approved' },
  reject: { to: 'rejected', kind: 'application.rejected' },
  'request-changes': { to: 'changes_requested', kind: 'application.changes_requested' },
} as const satisfies Record<string, { to: ApplicationStatus; kind: string }>;

/** One admin decision on an application, with its audit row and the applicant's notification. */
async function decide(c: Context<AppEnv>, which: keyof typeof decisions, notes: string): Promise<MentorApplication> {
  const { db, now } = c.get('deps');
  const viewer = c.get('viewer');
  const decision = decisions[which];
  const id = c.req.param('id') ?? '';
  if (!UUID.test(id)) throw notFound('Application');
  return db.transaction().execute(async (trx) => {
    const row = await applicationById(trx, id, true);
    if (!row) throw notFound('Application');
    // Four eyes: an admin who applies to mentor is an applicant like any other.
    if (row.user_id === viewer.id) throw new ApiError('forbidden', 'You cannot decide your own mentor application; another admin must decide it');
    if (!canTransition(applicationTransitions, row.status, decision.to)) {
      throw new ApiError('invalid_transition', `An application that is ${row.status} cannot be ${decision.to}`);
    }
    const at = now();
    const updated = await trx.updateTable('mentor_applications')
      .set({ status: decision.to, decision_notes: notes || null, decided_by: viewer.id, decided_at: at, updated_at: at })
      .where('id', '=', id).returningAll().executeTakeFirstOrThrow();
    if (decision.to === 'approved') {
      // The mentor profile starts from the application; the mentor refines it in settings.
      await trx.insertInto('mentors').values({
        user_id: row.user_id,
        application_id: row.id,
        expertise: row.expertise,
        years_of_experience: row.years_of_experience,
        mentoring_bio: row.statement,
        approved_at: at,
        updated_at: at,
      }).execute();
    }
    await record(trx, {
      now: at,
      audit: { actorId: viewer.id, action: `application.${decision.to}`, entityType: 'mentor_application', entityId: id, from: row.status, to: decision.to, details: { notes } },
      notices: [{ userId: row.user_id, kind: decision.kind, data: { applicationId: id, notes } }],
    });
    return toApplication(trx, updated);
  });
}

export const adminRoutes = new Hono<AppEnv>()
  .use(requireViewer, requireAdmin)
  .get('/mentor-applications', validate('query', applicationListQuery), async (c) => {
    const { db } = c.get('deps');
    const query = c.req.valid('query');
    const after = decodeTimeCursor(query.cursor);
    let q = db.selectFrom('mentor_applications').selectAll().where('status', '=', query.status);
    if (after) q = q.where(sql<boolean>`(updated_at, id) > (${after.at}::timestamptz, ${after.id}::uuid)`);
    // The queue reads oldest first: whoever waited longest is answered first.
    const rows = await q.orderBy('updated_at', 'asc').orderBy('id', 'asc').limit(query.limit + 1).execute();
    return c.json(await pageOf(rows, query.limit, (r) => toApplications(db, r), (r) => ({ at: r.updated_at, id: r.id })), 200);
  })
  .post('/mentor-applications/:id/approve', validate('json', approveInput), async (c) =>
    c.json(await decide(c, 'approve', c.req.valid('json').notes), 200))
  .post('/mentor-applications/:id/reject', validate('json', decisionInput), async (c) =>
    c.json(await decide(c, 'reject', c.req.valid('json').notes), 200))
  .post('/mentor-applications/:id/request-changes', validate('json', decisionInput), async (c) =>
    c.json(await decide(c, 'request-changes', c.req.valid('json').notes), 200))
  .get('/mentors', validate('query', adminMentorQuery), async (c) => {
    const { db } = c.get('deps');
    const query = c.req.valid('query');
    const after = decodeTimeCursor(query.cursor);
    let q = db.selectFrom('mentors as m').innerJoin('users as u', 'u.id', 'm.user_id')
      .select([
        'm.user_id', 'm.status', 'm.accepting_mentees', 'm.capacity', 'm.open_mentorships', 'm.median_response_hours',
        'm.suspended_reason', 'm.approved_at',
        sql<number | null>`(SELECT avg(f.rating)::float8 FROM feedback f WHERE f.subject_id = m.user_id)`.as('average_rating'),
        sql<number>`(SELECT count(*) FROM mentorship_requests r WHERE r.mentor_id = m.user_id AND r.status = 'pending')::int`.as('pending_requests'),
      ])
      .where('u.deleted_at', 'is', null);
    if (query.status) q = q.where('m.status', '=', query.status);
    if (query.q?.trim()) q = q.where('u.name', 'ilike', `%${query.q.trim().replace(/[\\%_]/g, (ch) => `\\${ch}`)}%`);
    if (after) q = q.where(sql<boolean>`(m.approved_at, m.user_id) < (${after.at}::timestamptz, ${after.id}::uuid)`);
    const rows = await q.orderBy('m.approved_at', 'desc').orderBy('m.user_id', 'desc').limit(query.limit + 1).execute();
    const page = await pageOf(rows, query.limit, async (rs) => {
      const people = await loadPeople(db, rs.map((r) => r.user_id));
      return rs.map((r): AdminMentor => ({
        person: personOrThrow(people, r.user_id),
        status: r.status,
        acceptingMentees: r.accepting_mentees,
        capacity: r.capacity,
        openMentorships: r.open_mentorships,
        medianResponseHours: roundHours(r.median_response_hours),
        averageRating: r.average_rating === null ? null : Math.round(r.average_rating * 10) / 10,
        pendingRequests: r.pending_requests,
        suspendedReason: r.suspended_reason,
        approvedAt: r.approved_at.toISOString(),
      }));
    }, (r) => ({ at: r.approved_at, id: r.user_id }));
    return c.json(page, 200);
  })
  .post('/mentors/:id/suspend', validate('json', suspendInput), async (c) => {
    const { db, now } = c.get('deps');
    const viewer = c.get('viewer');
    const { reason } = c.req.valid('json');
    const id = c.req.param('id');
    if (!UUID.test(id)) throw notFound('Mentor');
    const result = await db.transaction().execute(async (trx) => {
      const mentor = await trx.selectFrom('mentors').select(['status']).where('user_id', '=', id).forUpdate().executeTakeFirst();
      if (!mentor) throw notFound('Mentor');
      if (mentor.status === 'suspended') throw new ApiError('invalid_transition', 'This mentor is already suspended');
      const at = now();
      await trx.updateTable('mentors').set({ status: 'suspended', suspended_at: at, suspended_reason: reason, updated_at: at }).where('user_id', '=', id).execute();
      // Running mentorships go on; waiting mentees are told at once instead of waiting for expiry.
      const declined = await declineAllPending(trx, id, viewer.id, at, null);
      await record(trx, {
        now: at,
        audit: { actorId: viewer.id, action: 'mentor.suspended', entityType: 'mentor', entityId: id, from: 'active', to: 'suspended', details: { reason, declinedRequests: declined } },
        notices: [{ userId: id, kind: 'mentor.suspended', data: { reason } }],
      });
      return { id, status: 'suspended' as const, declinedRequests: declined };
    });
    return c.json(result, 200);
  })
  .post('/mentors/:id/reactivate', async (c) => {
    const { db, now } = c.get('deps');
    const viewer = c.get('viewer');
    const id = c.req.param('id');
    if (!UUID.test(id)) throw notFound('Mentor');
    const result = await db.transaction().execute(async (trx) => {
      const mentor = await trx.selectFrom('mentors').select(['status']).where('user_id', '=', id).forUpdate().executeTakeFirst();
      if (!mentor) throw notFound('Mentor');
      if (mentor.status === 'active') throw new ApiError('invalid_transition', 'This mentor is already active');
      const at = now();
      await trx.updateTable('mentors').set({ status: 'active', suspended_at: null, suspended_reason: null, updated_at: at }).where('user_id', '=', id).execute();
      await record(trx, {
        now: at,
        audit: { actorId: viewer.id, action: 'mentor.reactivated', entityType: 'mentor', entityId: id, from: 'suspended', to: 'active' },
        notices: [{ userId: id, kind: 'mentor.reactivated', data: {} }],
      });
      return { id, status: 'active' as const, declinedRequests: 0 };
    });
    return c.json(result, 200);
  })
  .get('/stats', async (c) => {
    const { db, now } = c.get('deps');
    return c.json(await programmeStats(db, now()), 200);
  });
