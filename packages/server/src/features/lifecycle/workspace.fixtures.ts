import type { MentorshipStatus, NotificationKind } from '@mentorkit/contract';
import { expect } from 'vitest';
import { becomeMentor, person, sendRequest, userId } from '../../test/flows.js';
import { json, type TestContext, type TestUser } from '../../test/harness.js';

/**
 * Test set-up for the workspace features: mentorships made through the real API (apply,
 * approve, request, accept), and a count of every table a workspace change writes to.
 */

export interface Pair {
  mentor: TestUser;
  mentee: TestUser;
  mentorId: string;
  menteeId: string;
  mentorshipId: string;
}

let made = 0;

/** A new mentor (capacity 20) and a new mentee with an active mentorship between them. */
export async function newPair(t: TestContext, label: string, people: { mentor?: TestUser; mentorId?: string; mentee?: TestUser } = {}): Promise<Pair> {
  const n = ++made;
  const mentor = people.mentor ?? { ...person(`${label}-mentor-${n}`, `Mentor ${label} ${n}`), email: `mentor-${n}@alumni.example.edu` };
  const mentee = people.mentee ?? { ...person(`${label}-mentee-${n}`, `Mentee ${label} ${n}`), email: `mentee-${n}@alumni.example.edu` };
  const mentorId = people.mentorId ?? await becomeMentor(t, mentor, { capacity: 20 });
  const requestId = await sendRequest(t, mentee, mentorId);
  const accepted = await t.call('POST', `/api/v1/mentorship-requests/${requestId}/accept`, { as: mentor });
  expect(accepted.status, await accepted.clone().text()).toBe(200);
  return { mentor, mentee, mentorId, menteeId: await userId(t, mentee), mentorshipId: (await json(accepted)).mentorship.id };
}

/** Puts an active mentorship into `status` through the API. */
export async function moveTo(t: TestContext, pair: Pair, status: MentorshipStatus): Promise<void> {
  if (status === 'active') return;
  const path = { paused: 'pause', completed: 'complete', cancelled: 'cancel' }[status];
  const res = await t.call('POST', `/api/v1/mentorships/${pair.mentorshipId}/${path}`, {
    as: pair.mentor,
    ...(status === 'cancelled' ? { body: { reason: 'Set up for a test' } } : {}),
  });
  expect(res.status, await res.clone().text()).toBe(200);
}

const written = ['mentorships', 'meetings', 'milestones', 'progress_notes', 'feedback', 'audit_log', 'notifications', 'events', 'idempotency_keys', 'users'] as const;

/** Row counts plus the mentorships' and meetings' updated_at: equal snapshots mean nothing was written. */
export async function snapshot(t: TestContext): Promise<Record<string, unknown>> {
  const db = t.handle.db;
  const out: Record<string, unknown> = {};
  for (const table of written) {
    const row = await db.selectFrom(table).select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
    out[table] = Number(row.n);
  }
  out['mentorshipsUpdated'] = (await db.selectFrom('mentorships').select(['id', 'status', 'updated_at', 'target_end_date']).orderBy('id').execute())
    .map((r) => `${r.id}:${r.status}:${r.updated_at.toISOString()}:${r.target_end_date}`);
  out['meetingsUpdated'] = (await db.selectFrom('meetings').select(['id', 'status', 'sequence', 'updated_at']).orderBy('id').execute())
    .map((r) => `${r.id}:${r.status}:${r.sequence}:${r.updated_at.toISOString()}`);
  out['milestonesUpdated'] = (await db.selectFrom('milestones').select(['id', 'status', 'position', 'updated_at']).orderBy('id').execute())
    .map((r) => `${r.id}:${r.status}:${r.position}:${r.updated_at.toISOString()}`);
  out['feedTokens'] = (await db.selectFrom('users').select(['id', 'calendar_feed_token']).orderBy('id').execute())
    .map((r) => `${r.id}:${r.calendar_feed_token}`);
  return out;
}

/** Asserts an error answer with its code, and returns the body. */
export async function expectError(res: Response, status: number, code: string) {
  const body = await json(res);
  expect(res.status, JSON.stringify(body)).toBe(status);
  expect(body.error.code).toBe(code);
  return body;
}

/** The events of a type written for a user, oldest first. */
export async function eventsFor(t: TestContext, userIdValue: string, type: string) {
  return t.handle.db.selectFrom('events').select(['type', 'data']).where('user_id', '=', userIdValue).where('type', '=', type).orderBy('id').execute();
}

/** The notifications of a kind written for a user, oldest first. */
export async function noticesFor(t: TestContext, userIdValue: string, kind: NotificationKind) {
  return t.handle.db.selectFrom('notifications').select(['kind', 'data']).where('user_id', '=', userIdValue).where('kind', '=', kind).orderBy('created_at').execute();
}

export const HOUR = 3_600_000;
export const DAY = 24 * HOUR;
/** The harness clock starts at 2026-11-28T09:00:00Z. */
export const START = '2026-11-28T09:00:00Z';
