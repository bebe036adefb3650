import { openMentorshipStatuses } from '@mentorkit/contract';
import { sql } from 'kysely';
import type { Db } from '../../db/schema.js';
import type { ViewerProfileRow } from '../mentors/mentors.repository.js';
import { roomCounts } from './programmes.repository.js';

/** A mentor's row as an introduction needs it, with how much of it pending introductions already hold. */
export interface MentorForMatch {
  user_id: string;
  status: string;
  deleted_at: Date | null;
  accepting_mentees: boolean;
  away_until: string | null;
  capacity: number;
  open_mentorships: number;
  /** Pending introductions to the mentor in any programme: each holds a slot once accepted. */
  pending_introductions: number;
  /** The programme's mentees the mentor has: pending introductions in it and open mentorships of it. */
  programme_mentees: number;
}

/**
 * The mentors' rows, locked FOR UPDATE in mentor id order (the executor locks rows as the sort
 * hands them over), with the counts that decide how many more introductions each can take.
 * The order makes two confirmations over overlapping mentors queue instead of deadlocking, and
 * the exclusive lock makes the second count what the first made.
 */
export async function lockMentorsForMatches(trx: Db, programmeId: string, mentorIds: string[]): Promise<Map<string, MentorForMatch>> {
  if (mentorIds.length === 0) return new Map();
  const locked = await trx.selectFrom('mentors').innerJoin('users', 'users.id', 'mentors.user_id')
    .select(['mentors.user_id', 'mentors.status', 'users.deleted_at', 'mentors.accepting_mentees', 'mentors.away_until', 'mentors.capacity', 'mentors.open_mentorships'])
    .where('mentors.user_id', 'in', mentorIds).orderBy('mentors.user_id').forUpdate('mentors').execute();
  if (locked.length === 0) return new Map();
  const ids = locked.map((m) => m.user_id);
  // Read after the locks, so a confirmation that held them first is counted.
  const counts = (await sql<{ mentor_id: string; pending_introductions: number; programme_mentees: number }>`
    SELECT m.user_id::text AS mentor_id, ${roomCounts(programmeId)} FROM mentors m WHERE m.user_id = ANY(${ids}::uuid[])`.execute(trx)).rows;
  const byMentor = new Map(counts.map((c) => [c.mentor_id, c]));
  return new Map(locked.map((m) => [m.user_id, {
    ...m,
    pending_introductions: byMentor.get(m.user_id)?.pending_introductions ?? 0,
    programme_mentees: byMentor.get(m.user_id)?.programme_mentees ?? 0,
  }]));
}

/** Locks the mentees' user rows in id order (after the mentors': the lock order of requests). */
export async function lockMentees(trx: Db, menteeIds: string[]): Promise<void> {
  if (menteeIds.length === 0) return;
  await trx.selectFrom('users').select('id').where('id', 'in', menteeIds).orderBy('id').forUpdate().execute();
}

/** Of these mentees and mentors, the pairs with a pending request, and those with an open mentorship (`menteeId mentorId` keys). */
export async function pairsTaken(trx: Db, menteeIds: string[], mentorIds: string[]): Promise<{ pending: Set<string>; open: Set<string> }> {
  if (menteeIds.length === 0 || mentorIds.length === 0) return { pending: new Set(), open: new Set() };
  const pending = await trx.selectFrom('mentorship_requests').select(['mentee_id', 'mentor_id'])
    .where('mentee_id', 'in', menteeIds).where('mentor_id', 'in', mentorIds).where('status', '=', 'pending').execute();
  const open = await trx.selectFrom('mentorships').select(['mentee_id', 'mentor_id'])
    .where('mentee_id', 'in', menteeIds).where('mentor_id', 'in', mentorIds).where('status', 'in', openMentorshipStatuses).execute();
  const key = (r: { mentee_id: string; mentor_id: string }) => `${r.mentee_id} ${r.mentor_id}`;
  return { pending: new Set(pending.map(key)), open: new Set(open.map(key)) };
}

/** Of these mentees, those already under way in the programme: a pending request or an open mentorship in it. */
export async function menteesUnderWay(trx: Db, programmeId: string, menteeIds: string[]): Promise<Set<string>> {
  if (menteeIds.length === 0) return new Set();
  const pending = await trx.selectFrom('mentorship_requests').select('mentee_id')
    .where('programme_id', '=', programmeId).where('mentee_id', 'in', menteeIds).where('status', '=', 'pending').execute();
  const open = await trx.selectFrom('mentorships').select('mentee_id')
    .where('programme_id', '=', programmeId).where('mentee_id', 'in', menteeIds).where('status', 'in', openMentorshipStatuses).execute();
  return new Set([...pending, ...open].map((r) => r.mentee_id));
}

/**
 * Each mentee's enrolment goals in the programme and their profile: what an introduction's
 * request says (the goals, the skills) and what the match score reads of them as a viewer.
 */
export async function menteesForIntroduction(db: Db, programmeId: string, menteeIds: string[]): Promise<Map<string, MenteeForIntroduction>> {
  if (menteeIds.length === 0) return new Map();
  const rows = await db.selectFrom('users as u')
    .leftJoin('programme_enrolments as e', (j) => j.onRef('e.user_id', '=', 'u.id').on('e.programme_id', '=', programmeId).on('e.role', '=', 'mentee'))
    .leftJoin('profiles as p', 'p.user_id', 'u.id')
    .select(['u.id', 'e.goals as enrolment_goals', 'p.skills', 'p.goals', 'p.industry', 'p.languages', 'p.programme', 'p.time_zone'])
    .where('u.id', 'in', menteeIds).execute();
  return new Map(rows.map(({ id, enrolment_goals, ...profile }) => [id, { enrolmentGoals: enrolment_goals ?? '', profile }]));
}

export interface MenteeForIntroduction {
  enrolmentGoals: string;
  /** The profile's columns (each null without a profile). */
  profile: ViewerProfileRow;
}
