import { openMentorshipStatuses, type MentorshipStatus, type RealtimeEventDataMap, type RealtimeEventType } from '@mentorkit/contract';
import type { Selectable } from 'kysely';
import type { Db, MentorshipsTable } from '../../db/schema.js';
import { ApiError, notFound } from '../../http/errors.js';
import { mentorshipForParty } from '../mentorships/mentorships.repository.js';
import { UUID } from '../shared/paging.js';
import type { OutgoingEvent } from '../shared/activity.js';

/**
 * Helpers every workspace feature (lifecycle, meetings, milestones, progress) shares: who is a
 * party, who is the mentor, and the rule that an ended mentorship is read-only.
 */

export type MentorshipRow = Selectable<MentorshipsTable>;

/** Completed or cancelled: every status that no longer takes a mentor's slot. */
export const isEnded = (status: MentorshipStatus) => !(openMentorshipStatuses as readonly MentorshipStatus[]).includes(status);

/** A mentorship the viewer takes part in, optionally row-locked; 404 for anyone else. */
export async function partyMentorship(db: Db, id: string, viewerId: string, lock = false): Promise<MentorshipRow> {
  const row = UUID.test(id) ? await mentorshipForParty(db, id, viewerId, lock) : undefined;
  if (!row) throw notFound('Mentorship');
  return row;
}

/** Completed and cancelled mentorships are read-only. */
export function assertOpen(row: MentorshipRow): void {
  if (isEnded(row.status)) {
    throw new ApiError('invalid_transition', `This mentorship is ${row.status}; it can no longer be changed`);
  }
}

/** The plan (target date, milestones' content and order) is the mentor's. */
export function assertMentor(row: MentorshipRow, viewerId: string, what: string): void {
  if (row.mentor_id !== viewerId) throw new ApiError('forbidden', `Only the mentor can ${what}`);
}

/**
 * Inside a transaction: the viewer's mentorship, locked so it cannot end while the change is
 * written; 404 for outsiders, 409 `invalid_transition` once it has ended. Lock order everywhere
 * in the workspace: mentor row (lifecycle only), mentorship, then its meetings or milestones.
 */
export async function lockOpenMentorship(trx: Db, id: string, viewerId: string): Promise<MentorshipRow> {
  const row = await partyMentorship(trx, id, viewerId, true);
  assertOpen(row);
  return row;
}

export const otherParty = (row: { mentor_id: string; mentee_id: string }, viewerId: string) =>
  (row.mentor_id === viewerId ? row.mentee_id : row.mentor_id);

/** The same realtime event for both parties. */
export function bothParties<T extends RealtimeEventType>(row: { mentor_id: string; mentee_id: string }, type: T, data: RealtimeEventDataMap[T]) {
  return [
    { userId: row.mentor_id, type, data },
    { userId: row.mentee_id, type, data },
  ] as OutgoingEvent<T>[];
}

// Calendar days as `YYYY-MM-DD` strings, in UTC.
const DAY_MS = 86_400_000;
export const utcDay = (at: Date) => at.toISOString().slice(0, 10);
export const addDays = (day: string, days: number) => utcDay(new Date(Date.parse(`${day}T00:00:00Z`) + days * DAY_MS));
export const daysBetween = (from: string, to: string) => Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / DAY_MS);

/** Dates in the plan may not fall before the day the mentorship started (UTC). */
export function assertNotBeforeStart(row: MentorshipRow, day: string | null | undefined, field: string): void {
  if (day && day < utcDay(row.started_at)) {
    throw new ApiError('validation_failed', `Invalid json: ${field}`, [
      { path: [field], message: `Must not be before the mentorship started (${utcDay(row.started_at)})` },
    ]);
  }
}
