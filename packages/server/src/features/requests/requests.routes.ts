import {
  canTransition,
  declineInput,
  mentorshipRequestInput,
  openMentorshipStatuses,
  requestListQuery,
  requestTransitions,
  REQUESTS_PER_DAY,
  REQUESTS_PER_HOUR,
  type AcceptResult,
  type RequestStatus,
} from '@mentorkit/contract';
import { Hono } from 'hono';
import { sql } from 'kysely';
import { requireViewer } from '../../auth/auth.middleware.js';
import type { Database } from '../../db/schema.js';
import { ApiError, notFound } from '../../http/errors.js';
import type { AppEnv, Viewer } from '../../http/env.js';
import { validate } from '../../http/validate.js';
import { isoDay } from '../mentors/availability.js';
import { toMentorship } from '../mentorships/mentorships.repository.js';
import { createOnce, idempotencyKeyFrom } from '../shared/idempotency.js';
import { decodeTimeCursor, pageOf, UUID } from '../shared/paging.js';
import { enforceRateLimits, type RateLimit } from '../shared/rate-limit.js';
import { record } from '../shared/record.js';
import type { Kysely, Transaction } from 'kysely';
import { refreshMedianResponse, requestById, requestEvents, toRequest, toRequests } from './requests.repository.js';

export const MAX_PENDING_PER_MENTEE = 5;
const DAY_MS = 86_400_000;
const REQUEST_RATE_LIMITS: RateLimit[] = [
  { max: REQUESTS_PER_HOUR, windowMs: DAY_MS / 24, label: 'mentorship requests an hour' },
  { max: REQUESTS_PER_DAY, windowMs: DAY_MS, label: 'mentorship requests a day' },
];

const isConstraint = (err: unknown, name: string) => (err as { constraint?: string })?.constraint === name;

/** The request if the viewer is one of its two parties; outsiders get a 404. */
async function visibleRequest(db: Kysely<Database> | Transaction<Database>, id: string, viewer: Viewer, lock = false) {
  const row = UUID.test(id) ? await requestById(db, id, lock) : undefined;
  if (!row || (row.mentee_id !== viewer.id && row.mentor_id !== viewer.id)) throw notFound('Request');
  return row;
}

function assertTransition(from: RequestStatus, to: RequestStatus) {
  if (!canTransition(requestTransitions, from, to)) {
    throw new ApiError('invalid_transition', `A ${from} request cannot become ${to}`);
  }
}

export const requestRoutes = new Hono<AppEnv>()
  .use(requireViewer)
  .post('/', validate('json', mentorshipRequestInput), async (c) => {
    const { db, now, config } = c.get('deps');
    const viewer = c.get('viewer');
    const input = c.req.valid('json');
    if (input.mentorId === viewer.id) {
      throw new ApiError('validation_failed', 'You cannot request yourself as a mentor', [{ path: ['mentorId'], message: 'Choose another mentor' }]);
    }
    try {
      const { resource } = await createOnce(
        db,
        { userId: viewer.id, scope: 'mentorship-request', key: idempotencyKeyFrom(c.req.header('idempotency-key')) },
        async (trx, id) => {
          const at = now();
          // Lock order everywhere: mentor row, then mentee row, then requests.
          const mentor = await trx.selectFrom('mentors').innerJoin('users', 'users.id', 'mentors.user_id')
            .select(['mentors.status', 'mentors.accepting_mentees', 'mentors.away_until', 'mentors.capacity', 'mentors.open_mentorships', 'users.deleted_at'])
            .where('mentors.user_id', '=', input.mentorId).forShare('mentors').executeTakeFirst();
          if (!mentor || mentor.deleted_at !== null || mentor.status !== 'active') throw notFound('Mentor');
          await trx.selectFrom('users').select('id').where('id', '=', viewer.id).forUpdate().execute();
          // Counted under the mentee's row lock, so concurrent sends of one person count one by one.
          await enforceRateLimits(trx, 'mentorship_requests', viewer.id, REQUEST_RATE_LIMITS, at);
          const pending = await trx.selectFrom('mentorship_requests').select(['mentor_id'])
            .where('mentee_id', '=', viewer.id).where('status', '=', 'pending').execute();
          if (pending.some((p) => p.mentor_id === input.mentorId)) {
            throw new ApiError('duplicate_request', 'You already have a pending request to this mentor');
          }
          const open = await trx.selectFrom('mentorships').select('id').where('mentor_id', '=', input.mentorId)
            .where('mentee_id', '=', viewer.id).where('status', 'in', openMentorshipStatuses).executeTakeFirst();
          if (open) throw new ApiError('conflict', 'This mentor is already mentoring you');
          if (pending.length >= MAX_PENDING_PER_MENTEE) {
            throw new ApiError('too_many_pending_requests', `You can have at most ${MAX_PENDING_PER_MENTEE} pending requests; withdraw one or wait for answers`);
          }
          const away = mentor.away_until !== null && mentor.away_until >= isoDay(at);
          if (!mentor.accepting_mentees || away || mentor.open_mentorships >= mentor.capacity) {
            throw new ApiError('mentor_unavailable', 'This mentor is not taking new mentees right now');
          }
          const row = await trx.insertInto('mentorship_requests').values({
            id,
            mentee_id: viewer.id,
            mentor_id: input.mentorId,
            goals: input.goals,
            skills_seeking: input.skillsSeeking,
            message: input.message,
            created_at: at,
            expires_at: new Date(at.getTime() + config.MENTORSHIP_REQUEST_TTL_DAYS * DAY_MS),
          }).returningAll().executeTakeFirstOrThrow();
          const request = await toRequest(trx, row);
          await record(trx, {
            now: at,
            audit: { actorId: viewer.id, action: 'request.created', entityType: 'mentorship_request', entityId: id, from: null, to: 'pending' },
            notices: [{ userId: input.mentorId, kind: 'request.received', data: { requestId: id, menteeId: viewer.id, menteeName: request.mentee.name } }],
            events: requestEvents(request, 'request.created'),
          });
          return request;
        },
        async (id) => toRequest(db, (await requestById(db, id))!),
      );
      return c.json(resource, 201);
    } catch (err) {
      if (isConstraint(err, 'requests_one_pending_per_pair')) {
        throw new ApiError('duplicate_request', 'You already have a pending request to this mentor');
      }
      throw err;
    }
  })
  .get('/', validate('query', requestListQuery), async (c) => {
    const { db } = c.get('deps');
    const viewer = c.get('viewer');
    const query = c.req.valid('query');
    const after = decodeTimeCursor(query.cursor);
    // Waiting requests read oldest first (answer those first); history newest first.
    const ascending = query.status === 'pending';
    let q = db.selectFrom('mentorship_requests').selectAll()
      .where(query.role === 'mentor' ? 'mentor_id' : 'mentee_id', '=', viewer.id);
    if (query.status) q = q.where('status', '=', query.status);
    if (after) {
      q = ascending
        ? q.where(sql<boolean>`(created_at, id) > (${after.at}::timestamptz, ${after.id}::uuid)`)
        : q.where(sql<boolean>`(created_at, id) < (${after.at}::timestamptz, ${after.id}::uuid)`);
    }
    const dir = ascending ? 'asc' : 'desc';
    const rows = await q.orderBy('created_at', dir).orderBy('id', dir).limit(query.limit + 1).execute();
    return c.json(await pageOf(rows, query.limit, (r) => toRequests(db, r), (r) => ({ at: r.created_at, id: r.id })), 200);
  })
  .get('/:id', async (c) => {
    const { db } = c.get('deps');
    return c.json(await toRequest(db, await visibleRequest(db, c.req.param('id'), c.get('viewer'))), 200);
  })
  .post('/:id/accept', async (c) => {
    const { db, now } = c.get('deps');
    const viewer = c.get('viewer');
    const seen = await visibleRequest(db, c.req.param('id'), viewer);
    if (seen.mentor_id !== viewer.id) throw new ApiError('forbidden', 'Only the mentor can accept a request');
    const result = await db.transaction().execute(async (trx): Promise<AcceptResult> => {
      const mentor = await trx.selectFrom('mentors').select(['capacity', 'open_mentorships', 'status'])
        .where('user_id', '=', viewer.id).forUpdate().executeTakeFirstOrThrow();
      const row = (await requestById(trx, seen.id, true))!;
      if (row.status === 'accepted') {
        // Idempotent: the same accept again answers with what the first one made.
        const made = await trx.selectFrom('mentorships').selectAll().where('request_id', '=', row.id).executeTakeFirstOrThrow();
        return { ...(await toRequest(trx, row)), mentorship: await toMentorship(trx, made) };
      }
      assertTransition(row.status, 'accepted');
      const at = now();
      if (row.expires_at <= at) throw new ApiError('invalid_transition', 'This request has expired');
      if (mentor.status !== 'active') throw new ApiError('mentor_unavailable', 'A suspended mentor cannot accept requests');
      if (mentor.open_mentorships >= mentor.capacity) {
        throw new ApiError('capacity_reached', 'All your mentee slots are taken; raise your capacity or finish a mentorship first');
      }
      const open = await trx.selectFrom('mentorships').select('id').where('mentor_id', '=', row.mentor_id)
        .where('mentee_id', '=', row.mentee_id).where('status', 'in', openMentorshipStatuses).executeTakeFirst();
      if (open) throw new ApiError('conflict', 'You already mentor this person');
      const made = await trx.insertInto('mentorships').values({
        request_id: row.id, mentor_id: row.mentor_id, mentee_id: row.mentee_id, started_at: at, updated_at: at,
      }).returningAll().executeTakeFirstOrThrow();
      await trx.insertInto('conversations').values({ mentorship_id: made.id, created_at: at }).execute();
      const updated = await trx.updateTable('mentorship_requests').set({ status: 'accepted', responded_at: at })
        .where('id', '=', row.id).returningAll().executeTakeFirstOrThrow();
      await refreshMedianResponse(trx, row.mentor_id, at);
      const request = await toRequest(trx, updated);
      const mentorship = await toMentorship(trx, made);
      await record(trx, {
        now: at,
        audit: { actorId: viewer.id, action: 'request.accepted', entityType: 'mentorship_request', entityId: row.id, from: 'pending', to: 'accepted', details: { mentorshipId: made.id } },
        notices: [{ userId: row.mentee_id, kind: 'request.accepted', data: { requestId: row.id, mentorshipId: made.id, mentorId: row.mentor_id, mentorName: request.mentor.name } }],
        events: [
          ...requestEvents(request, 'request.updated'),
          { userId: row.mentor_id, type: 'mentorship.updated', data: mentorship },
          { userId: row.mentee_id, type: 'mentorship.updated', data: mentorship },
        ],
      });
      await record(trx, { now: at, audit: { actorId: viewer.id, action: 'mentorship.started', entityType: 'mentorship', entityId: made.id, from: null, to: 'active' } });
      return { ...request, mentorship };
    }).catch((err: unknown) => {
      if (isConstraint(err, 'mentors_open_within_capacity')) throw new ApiError('capacity_reached', 'All your mentee slots are taken');
      if (isConstraint(err, 'mentorships_one_open_per_pair')) throw new ApiError('conflict', 'You already mentor this person');
      throw err;
    });
    return c.json(result, 200);
  })
  .post('/:id/decline', validate('json', declineInput), async (c) => {
    const { db, now } = c.get('deps');
    const viewer = c.get('viewer');
    const input = c.req.valid('json');
    const seen = await visibleRequest(db, c.req.param('id'), viewer);
    if (seen.mentor_id !== viewer.id) throw new ApiError('forbidden', 'Only the mentor can decline a request');
    const request = await db.transaction().execute(async (trx) => {
      const row = (await requestById(trx, seen.id, true))!;
      assertTransition(row.status, 'declined');
      const at = now();
      const updated = await trx.updateTable('mentorship_requests')
        .set({ status: 'declined', decline_reason: input.reason, decline_message: input.message || null, responded_at: at })
        .where('id', '=', row.id).returningAll().executeTakeFirstOrThrow();
      await refreshMedianResponse(trx, row.mentor_id, at);
      const request = await toRequest(trx, updated);
      await record(trx, {
        now: at,
        audit: { actorId: viewer.id, action: 'request.declined', entityType: 'mentorship_request', entityId: row.id, from: row.status, to: 'declined', details: { reason: input.reason } },
        notices: [{ userId: row.mentee_id, kind: 'request.declined', data: { requestId: row.id, mentorId: row.mentor_id, mentorName: request.mentor.name, reason: input.reason } }],
        events: requestEvents(request, 'request.updated'),
      });
      return request;
    });
    return c.json(request, 200);
  })
  .post('/:id/withdraw', async (c) => {
    const { db, now } = c.get('deps');
    const viewer = c.get('viewer');
    const seen = await visibleRequest(db, c.req.param('id'), viewer);
    if (seen.mentee_id !== viewer.id) throw new ApiError('forbidden', 'Only the person who sent a request can withdraw it');
    const request = await db.transaction().execute(async (trx) => {
      const row = (await requestById(trx, seen.id, true))!;
      assertTransition(row.status, 'withdrawn');
      const at = now();
      const updated = await trx.updateTable('mentorship_requests').set({ status: 'withdrawn', responded_at: null })
        .where('id', '=', row.id).returningAll().executeTakeFirstOrThrow();
      const request = await toRequest(trx, updated);
      await record(trx, {
        now: at,
        audit: { actorId: viewer.id, action: 'request.withdrawn', entityType: 'mentorship_request', entityId: row.id, from: row.status, to: 'withdrawn' },
        notices: [{ userId: row.mentor_id, kind: 'request.withdrawn', data: { requestId: row.id, menteeId: row.mentee_id, menteeName: request.mentee.name } }],
        events: requestEvents(request, 'request.updated'),
      });
      return request;
    });
    return c.json(request, 200);
  });
