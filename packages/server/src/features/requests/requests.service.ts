import {
  canTransition,
  requestTransitions,
  REQUESTS_PER_DAY,
  REQUESTS_PER_HOUR,
  type AcceptResult,
  type declineInput,
  type MentorshipRequest,
  type mentorshipRequestInput,
  type mentorshipRequestPage,
  type RequestStatus,
  type requestListQuery,
} from '@mentorkit/contract';
import type { z } from 'zod';
import type { Db } from '../../db/schema.js';
import { ApiError, notFound } from '../../http/errors.js';
import type { ServiceContext, Viewer } from '../../http/env.js';
import { isoDay } from '../mentors/availability.js';
import { toMentorship } from '../mentorships/mentorships.repository.js';
import { applyTimeline } from '../milestones/milestones.service.js';
import { createOnce, idempotencyKeyFrom } from '../shared/idempotency.js';
import { decodeTimeCursor, pageOf, UUID } from '../shared/paging.js';
import { enforceRateLimits, type RateLimit } from '../shared/rate-limit.js';
import { record } from '../activity/record.js';
import type { Notice } from '../shared/activity.js';
import { isEnrolled, programmeById } from '../programmes/programmes.repository.js';
import {
  declinePendingOf,
  hasOpenMentorship,
  insertRequest,
  lockMentorSlots,
  lockUser,
  markAccepted,
  markDeclined,
  markWithdrawn,
  mentorForRequest,
  mentorshipOfRequest,
  pendingRequestsOf,
  refreshMedianResponse,
  requestById,
  requestEvents,
  requestPage,
  startMentorship,
  toRequest,
  toRequests,
} from './requests.repository.js';

export const MAX_PENDING_PER_MENTEE = 5;
const DAY_MS = 86_400_000;
const REQUEST_RATE_LIMITS: RateLimit[] = [
  { max: REQUESTS_PER_HOUR, windowMs: DAY_MS / 24, label: 'mentorship requests an hour' },
  { max: REQUESTS_PER_DAY, windowMs: DAY_MS, label: 'mentorship requests a day' },
];

type Ctx = Pick<ServiceContext, 'db' | 'now'>;

const isConstraint = (err: unknown, name: string) => (err as { constraint?: string })?.constraint === name;

/** The request if the viewer is one of its two parties; outsiders get a 404. */
async function visibleRequest(db: Db, id: string, viewer: Pick<Viewer, 'id'>, lock = false) {
  const row = UUID.test(id) ? await requestById(db, id, lock) : undefined;
  if (!row || (row.mentee_id !== viewer.id && row.mentor_id !== viewer.id)) throw notFound('Request');
  return row;
}

function assertTransition(from: RequestStatus, to: RequestStatus) {
  if (!canTransition(requestTransitions, from, to)) {
    throw new ApiError('invalid_transition', `A ${from} request cannot become ${to}`);
  }
}

/** A new pending request, as `openRequest` writes it. */
export interface NewRequest {
  id: string;
  menteeId: string;
  mentorId: string;
  goals: string;
  skillsSeeking: string[];
  message: string;
  /** The programme it is made in (null in the open marketplace). */
  programmeId: string | null;
  /** Made by a programme's admin on the mentee's behalf. */
  introduced: boolean;
}

/**
 * Writes a new pending request and what it leaves behind: the audit row (by `actorId`: the mentee,
 * or the admin who introduced them), the mentor's `request.received`, both parties' realtime
 * events, and `moreNotices` about the request made. Every request is made here, asked by a mentee
 * (`createRequest`) or introduced by a programme's admin; the caller has taken the locks (mentor
 * row, then mentee row) and checked its own rules.
 */
export async function openRequest(
  trx: Db,
  values: NewRequest,
  options: { actorId: string; now: Date; ttlDays: number; moreNotices?: (request: MentorshipRequest) => Notice[] },
): Promise<MentorshipRequest> {
  const { actorId, now: at, ttlDays } = options;
  const row = await insertRequest(trx, {
    id: values.id,
    mentee_id: values.menteeId,
    mentor_id: values.mentorId,
    goals: values.goals,
    skills_seeking: values.skillsSeeking,
    message: values.message,
    programme_id: values.programmeId,
    introduced: values.introduced,
    created_at: at,
    expires_at: new Date(at.getTime() + ttlDays * DAY_MS),
  });
  const request = await toRequest(trx, row);
  await record(trx, {
    now: at,
    audit: {
      actorId, action: 'request.created', entityType: 'mentorship_request', entityId: row.id, from: null, to: 'pending',
      ...(values.programmeId ? { details: { programmeId: values.programmeId, introduced: values.introduced } } : {}),
    },
    notices: [
      { userId: values.mentorId, kind: 'request.received', data: { requestId: row.id, menteeId: values.menteeId, menteeName: request.mentee.name } },
      ...(options.moreNotices?.(request) ?? []),
    ],
    events: requestEvents(request, 'request.created'),
  });
  return request;
}

/**
 * Inside a programme: it exists (404), has not ended, lets mentees choose (an `admin_matched`
 * one pairs people by introductions only), and both people are enrolled, each in their role.
 * The programme row is share-locked first, so an edit of its dates or mode waits for the request.
 */
async function checkProgrammeRequest(trx: Db, programmeId: string, menteeId: string, mentorId: string, today: string) {
  const programme = await programmeById(trx, programmeId, 'share');
  if (!programme) throw notFound('Programme');
  if (programme.ends_on < today) throw new ApiError('programme_ended', `${programme.name} has ended: requests in it are closed`);
  if (programme.matching === 'admin_matched') {
    throw new ApiError('conflict', `In ${programme.name} the organisers introduce mentees to mentors: requests cannot be sent in it, wait for your introduction`);
  }
  if (!(await isEnrolled(trx, programme.id, menteeId, 'mentee'))) {
    throw new ApiError('not_enrolled', `Enrol in ${programme.name} as a mentee before asking a mentor in it`);
  }
  if (!(await isEnrolled(trx, programme.id, mentorId, 'mentor'))) {
    throw new ApiError('not_enrolled', `This mentor is not enrolled in ${programme.name}`);
  }
}

/**
 * A mentee asks a mentor, in the open marketplace or inside a programme (`programmeId`). With an
 * `Idempotency-Key`, a repeat answers with the request the first one made.
 */
export async function createRequest(
  { db, now, config }: Pick<ServiceContext, 'db' | 'now' | 'config'>,
  viewer: Pick<Viewer, 'id'>,
  input: z.output<typeof mentorshipRequestInput>,
  idempotencyKeyHeader: string | undefined,
): Promise<MentorshipRequest> {
  if (input.mentorId === viewer.id) {
    throw new ApiError('validation_failed', 'You cannot request yourself as a mentor', [{ path: ['mentorId'], message: 'Choose another mentor' }]);
  }
  try {
    const { resource } = await createOnce(
      db,
      { userId: viewer.id, scope: 'mentorship-request', key: idempotencyKeyFrom(idempotencyKeyHeader) },
      async (trx, id) => {
        const at = now();
        // Lock order everywhere: the programme row (shared), the mentor row, then the mentee row, then requests.
        if (input.programmeId) await checkProgrammeRequest(trx, input.programmeId, viewer.id, input.mentorId, isoDay(at));
        const mentor = await mentorForRequest(trx, input.mentorId);
        if (!mentor || mentor.deleted_at !== null || mentor.status !== 'active') throw notFound('Mentor');
        await lockUser(trx, viewer.id);
        // Counted under the mentee's row lock, so concurrent sends of one person count one by one.
        await enforceRateLimits(trx, 'mentorship_requests', viewer.id, REQUEST_RATE_LIMITS, at);
        const pending = await pendingRequestsOf(trx, viewer.id);
        if (pending.some((r) => r.mentor_id === input.mentorId)) {
          throw new ApiError('duplicate_request', 'You already have a pending request to this mentor');
        }
        if (await hasOpenMentorship(trx, input.mentorId, viewer.id)) throw new ApiError('conflict', 'This mentor is already mentoring you');
        // Introductions are the programme's doing, not the mentee's: they do not use up the mentee's allowance.
        if (pending.filter((r) => !r.introduced).length >= MAX_PENDING_PER_MENTEE) {
          throw new ApiError('too_many_pending_requests', `You can have at most ${MAX_PENDING_PER_MENTEE} pending requests; withdraw one or wait for answers`);
        }
        const away = mentor.away_until !== null && mentor.away_until >= isoDay(at);
        if (!mentor.accepting_mentees || away || mentor.open_mentorships >= mentor.capacity) {
          throw new ApiError('mentor_unavailable', 'This mentor is not taking new mentees right now');
        }
        return openRequest(trx, {
          id,
          menteeId: viewer.id,
          mentorId: input.mentorId,
          goals: input.goals,
          skillsSeeking: input.skillsSeeking,
          message: input.message,
          programmeId: input.programmeId ?? null,
          introduced: false,
        }, { actorId: viewer.id, now: at, ttlDays: config.MENTORSHIP_REQUEST_TTL_DAYS });
      },
      async (id) => toRequest(db, (await requestById(db, id))!),
    );
    return resource;
  } catch (err) {
    if (isConstraint(err, 'requests_one_pending_per_pair')) {
      throw new ApiError('duplicate_request', 'You already have a pending request to this mentor');
    }
    throw err;
  }
}

/** Requests the viewer sent or received. Waiting requests read oldest first (answer those first); history newest first. */
export async function listRequests({ db }: Pick<ServiceContext, 'db'>, viewer: Pick<Viewer, 'id'>, query: z.output<typeof requestListQuery>): Promise<z.output<typeof mentorshipRequestPage>> {
  const after = decodeTimeCursor(query.cursor);
  const ascending = query.status === 'pending';
  const rows = await requestPage(db, viewer.id, { role: query.role, status: query.status, after, limit: query.limit, ascending });
  return pageOf(rows, query.limit, (r) => toRequests(db, r), (r) => ({ at: r.created_at, id: r.id }));
}

export async function getRequest({ db }: Pick<ServiceContext, 'db'>, viewer: Pick<Viewer, 'id'>, id: string): Promise<MentorshipRequest> {
  return toRequest(db, await visibleRequest(db, id, viewer));
}

/**
 * The mentor accepts: the mentorship starts. Accepting an accepted request again answers with the
 * mentorship it made. The database has the last word on capacity and on one open mentorship per pair.
 */
export async function acceptRequest({ db, now }: Ctx, viewer: Pick<Viewer, 'id'>, id: string): Promise<AcceptResult> {
  if (!UUID.test(id)) throw notFound('Request');
  return db.transaction().execute(async (trx): Promise<AcceptResult> => {
    // Lock order everywhere: mentor row, then requests. The request names its mentor only once
    // read, so the caller's own mentor row is taken first; it is the one an accept needs.
    const mentor = await lockMentorSlots(trx, viewer.id);
    const row = await visibleRequest(trx, id, viewer, true);
    if (row.mentor_id !== viewer.id) throw new ApiError('forbidden', 'Only the mentor can accept a request');
    // A request's mentor_id references the mentor row, so the mentor's own is there.
    if (!mentor) throw new Error(`Mentor row of request ${row.id} not found`);
    if (row.status === 'accepted') {
      // Idempotent: the same accept again answers with what the first one made.
      const made = await mentorshipOfRequest(trx, row.id);
      return { ...(await toRequest(trx, row)), mentorship: await toMentorship(trx, made) };
    }
    assertTransition(row.status, 'accepted');
    const at = now();
    if (row.expires_at <= at) throw new ApiError('invalid_transition', 'This request has expired');
    if (mentor.status !== 'active') throw new ApiError('mentor_unavailable', 'A suspended mentor cannot accept requests');
    if (mentor.open_mentorships >= mentor.capacity) {
      throw new ApiError('capacity_reached', 'All your mentee slots are taken; raise your capacity or finish a mentorship first');
    }
    if (await hasOpenMentorship(trx, row.mentor_id, row.mentee_id)) throw new ApiError('conflict', 'You already mentor this person');
    const programme = row.programme_id ? await programmeById(trx, row.programme_id) : undefined;
    if (programme && programme.ends_on < isoDay(at)) throw new ApiError('programme_ended', `${programme.name} has ended: no new mentorships start in it`);
    let made = await startMentorship(trx, row, at);
    // A programme's mentorship ends with the programme and starts with its template's milestones.
    const plan = programme ? await applyTimeline(trx, made, { targetEndDate: programme.ends_on, template: programme.milestone_template }, at) : undefined;
    if (plan) made = plan.updated;
    const updated = await markAccepted(trx, row.id, at);
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
    await record(trx, {
      now: at,
      audit: {
        actorId: viewer.id, action: 'mentorship.started', entityType: 'mentorship', entityId: made.id, from: null, to: 'active',
        ...(programme ? { details: { programmeId: programme.id, targetEndDate: made.target_end_date, template: programme.milestone_template, milestonesAdded: plan?.created.length ?? 0 } } : {}),
      },
    });
    return { ...request, mentorship };
  }).catch((err: unknown) => {
    if (isConstraint(err, 'mentors_open_within_capacity')) throw new ApiError('capacity_reached', 'All your mentee slots are taken');
    if (isConstraint(err, 'mentorships_one_open_per_pair')) throw new ApiError('conflict', 'You already mentor this person');
    throw err;
  });
}

/** The mentor declines with a reason, which the mentee is told. */
export async function declineRequest({ db, now }: Ctx, viewer: Pick<Viewer, 'id'>, id: string, input: z.output<typeof declineInput>): Promise<MentorshipRequest> {
  return db.transaction().execute(async (trx) => {
    const row = await visibleRequest(trx, id, viewer, true);
    if (row.mentor_id !== viewer.id) throw new ApiError('forbidden', 'Only the mentor can decline a request');
    assertTransition(row.status, 'declined');
    const at = now();
    const updated = await markDeclined(trx, row.id, input.reason, input.message || null, at);
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
}

/** The mentee withdraws a pending request. */
export async function withdrawRequest({ db, now }: Ctx, viewer: Pick<Viewer, 'id'>, id: string): Promise<MentorshipRequest> {
  return db.transaction().execute(async (trx) => {
    const row = await visibleRequest(trx, id, viewer, true);
    if (row.mentee_id !== viewer.id) throw new ApiError('forbidden', 'Only the person who sent a request can withdraw it');
    assertTransition(row.status, 'withdrawn');
    const at = now();
    const updated = await markWithdrawn(trx, row.id);
    const request = await toRequest(trx, updated);
    await record(trx, {
      now: at,
      audit: { actorId: viewer.id, action: 'request.withdrawn', entityType: 'mentorship_request', entityId: row.id, from: row.status, to: 'withdrawn' },
      notices: [{ userId: row.mentor_id, kind: 'request.withdrawn', data: { requestId: row.id, menteeId: row.mentee_id, menteeName: request.mentee.name } }],
      events: requestEvents(request, 'request.updated'),
    });
    return request;
  });
}

/**
 * Declines every pending request of a mentor (turning "accepting" off with that option, a
 * suspension, an erasure), telling each mentee. Runs inside the caller's transaction.
 */
export async function declineAllPending(trx: Db, mentorId: string, actorId: string, now: Date, message: string | null): Promise<number> {
  const requests = await toRequests(trx, await declinePendingOf(trx, mentorId, now, message));
  for (const request of requests) {
    await record(trx, {
      now,
      audit: { actorId, action: 'request.declined', entityType: 'mentorship_request', entityId: request.id, from: 'pending', to: 'declined', details: { reason: 'mentor_unavailable' } },
      notices: [{ userId: request.mentee.id, kind: 'request.declined', data: { requestId: request.id, mentorId, mentorName: request.mentor.name, reason: 'mentor_unavailable' } }],
      events: requestEvents(request, 'request.updated'),
    });
  }
  return requests.length;
}
