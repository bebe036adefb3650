import type { EnrolmentRole, MentorshipStatus, RequestStatus } from '@mentorkit/contract';
import { sql } from 'kysely';
import type { Db } from '../../db/schema.js';

/*
 * The numbers of a programme's report, each set in one statement whatever the programme's size:
 * the per-mentorship figures (meetings held, milestones, last activity) come from one grouped
 * pass over the programme's mentorships, never a query per mentorship.
 */

/**
 * One row per mentorship of the programme with its own figures. A meeting counts as activity
 * from when it was scheduled, and again from its start once that has passed (unless it was
 * cancelled); a message from when it was sent; the mentorship itself from its start.
 */
const mentorshipFigures = (programmeId: string, now: Date) => sql`
  SELECT s.id, s.mentor_id, s.mentee_id, s.status, s.started_at,
         coalesce(mt.held, 0)::int AS meetings_held,
         mt.first_held_at,
         coalesce(ms.done, 0)::int AS milestones_done,
         coalesce(ms.total, 0)::int AS milestones_total,
         greatest(s.started_at, c.last_message_at, mt.last_activity_at) AS last_activity_at
  FROM mentorships s
  LEFT JOIN conversations c ON c.mentorship_id = s.id
  LEFT JOIN (
    SELECT m.mentorship_id,
           count(*) FILTER (WHERE m.status = 'completed') AS held,
           min(m.starts_at) FILTER (WHERE m.status = 'completed') AS first_held_at,
           max(greatest(m.created_at, CASE WHEN m.status <> 'cancelled' AND m.starts_at <= ${now}::timestamptz THEN m.starts_at END)) AS last_activity_at
    FROM meetings m JOIN mentorships p ON p.id = m.mentorship_id
    WHERE p.programme_id = ${programmeId}
    GROUP BY m.mentorship_id
  ) mt ON mt.mentorship_id = s.id
  LEFT JOIN (
    SELECT x.mentorship_id, count(*) FILTER (WHERE x.status = 'completed') AS done, count(*) AS total
    FROM milestones x JOIN mentorships p ON p.id = x.mentorship_id
    WHERE p.programme_id = ${programmeId}
    GROUP BY x.mentorship_id
  ) ms ON ms.mentorship_id = s.id
  WHERE s.programme_id = ${programmeId}`;

interface FigureRow {
  id: string;
  mentor_id: string;
  mentee_id: string;
  status: MentorshipStatus;
  started_at: Date | string;
  meetings_held: number;
  milestones_done: number;
  milestones_total: number;
  last_activity_at: Date | string;
}

export interface MentorshipFigures {
  id: string;
  mentorId: string;
  menteeId: string;
  status: MentorshipStatus;
  startedAt: Date;
  meetingsHeld: number;
  milestonesDone: number;
  milestonesTotal: number;
  lastActivityAt: Date;
}

const toFigures = (r: FigureRow): MentorshipFigures => ({
  id: r.id,
  mentorId: r.mentor_id,
  menteeId: r.mentee_id,
  status: r.status,
  startedAt: new Date(r.started_at),
  meetingsHeld: Number(r.meetings_held),
  milestonesDone: Number(r.milestones_done),
  milestonesTotal: Number(r.milestones_total),
  lastActivityAt: new Date(r.last_activity_at),
});

/** Every mentorship of the programme with its figures, oldest first (the CSV's rows). */
export async function programmeMentorshipFigures(db: Db, programmeId: string, now: Date): Promise<MentorshipFigures[]> {
  const { rows } = await sql<FigureRow>`
    SELECT * FROM (${mentorshipFigures(programmeId, now)}) f ORDER BY f.started_at, f.id`.execute(db);
  return rows.map(toFigures);
}

/** The active mentorships quiet since `quietSince` or earlier, the longest quiet first. */
export async function quietMentorships(db: Db, programmeId: string, now: Date, quietSince: Date): Promise<MentorshipFigures[]> {
  const { rows } = await sql<FigureRow>`
    SELECT * FROM (${mentorshipFigures(programmeId, now)}) f
    WHERE f.status = 'active' AND f.last_activity_at <= ${quietSince}::timestamptz
    ORDER BY f.last_activity_at, f.id`.execute(db);
  return rows.map(toFigures);
}

export interface MentorshipTotals {
  byStatus: Partial<Record<MentorshipStatus, number>>;
  meetingsHeld: number;
  milestonesDone: number;
  milestonesTotal: number;
  /** Median over the mentorships with a held meeting, unrounded; null when none has one. */
  medianDaysToFirstMeeting: number | null;
}

/** The programme's mentorships summed up: by status, meetings held, milestones, time to a first meeting. */
export async function mentorshipTotals(db: Db, programmeId: string, now: Date): Promise<MentorshipTotals> {
  const { rows } = await sql<{ status: MentorshipStatus; n: number; held: number; done: number; total: number }>`
    SELECT f.status, count(*)::int AS n, sum(f.meetings_held)::int AS held, sum(f.milestones_done)::int AS done, sum(f.milestones_total)::int AS total
    FROM (${mentorshipFigures(programmeId, now)}) f GROUP BY f.status`.execute(db);
  const { rows: [median] } = await sql<{ days: number | string | null }>`
    SELECT percentile_cont(0.5) WITHIN GROUP (ORDER BY extract(epoch FROM f.first_held_at - f.started_at) / 86400.0)::float8 AS days
    FROM (${mentorshipFigures(programmeId, now)}) f WHERE f.first_held_at IS NOT NULL`.execute(db);
  const sum = (pick: (r: (typeof rows)[number]) => number) => rows.reduce((s, r) => s + Number(pick(r)), 0);
  return {
    byStatus: Object.fromEntries(rows.map((r) => [r.status, Number(r.n)])),
    meetingsHeld: sum((r) => r.held),
    milestonesDone: sum((r) => r.done),
    milestonesTotal: sum((r) => r.total),
    medianDaysToFirstMeeting: median?.days === null || median?.days === undefined ? null : Number(median.days),
  };
}

/** The programme's requests by status. */
export async function requestCounts(db: Db, programmeId: string): Promise<Partial<Record<RequestStatus, number>>> {
  const rows = await db.selectFrom('mentorship_requests').select(['status', (eb) => eb.fn.countAll<string>().as('n')])
    .where('programme_id', '=', programmeId).groupBy('status').execute();
  return Object.fromEntries(rows.map((r) => [r.status, Number(r.n)]));
}

/**
 * Enrolled people per role, and how many of them are matched: a mentee with a mentorship in the
 * programme, a mentor with at least one of its mentorships (whatever its status).
 */
export async function enrolmentCounts(db: Db, programmeId: string): Promise<Record<EnrolmentRole, { enrolled: number; matched: number }>> {
  const { rows } = await sql<{ role: EnrolmentRole; enrolled: number; matched: number }>`
    SELECT e.role, count(*)::int AS enrolled,
           count(*) FILTER (WHERE EXISTS (
             SELECT 1 FROM mentorships s
             WHERE s.programme_id = e.programme_id AND (CASE e.role WHEN 'mentee' THEN s.mentee_id ELSE s.mentor_id END) = e.user_id
           ))::int AS matched
    FROM programme_enrolments e WHERE e.programme_id = ${programmeId}
    GROUP BY e.role`.execute(db);
  const of = (role: EnrolmentRole) => {
    const r = rows.find((x) => x.role === role);
    return { enrolled: Number(r?.enrolled ?? 0), matched: Number(r?.matched ?? 0) };
  };
  return { mentor: of('mentor'), mentee: of('mentee') };
}
