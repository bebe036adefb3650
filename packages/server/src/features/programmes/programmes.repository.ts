import {
  openMentorshipStatuses, programmeStatus, type Enrolment, type EnrolmentRole, type Programme, type ProgrammeStatus, type RequestStatus,
} from '@mentorkit/contract';
import { sql, type Insertable, type Selectable, type Updateable } from 'kysely';
import type { Db, ProgrammeEnrolmentsTable, ProgrammesTable } from '../../db/schema.js';
import { freeSlots } from '../mentors/search-sql.js';
import type { TimeCursor } from '../shared/paging.js';
import { UUID } from '../shared/paging.js';
import { mentorCap } from './mentor-cap.js';
import { loadPeople, personOrThrow } from '../shared/people.repository.js';

export type ProgrammeRow = Selectable<ProgrammesTable>;

/** A programme by id, optionally locked (matching and enrolment take it to serialize against an edit). */
export function programmeById(db: Db, id: string, lock: 'update' | 'share' | false = false) {
  if (!UUID.test(id)) return Promise.resolve(undefined);
  let q = db.selectFrom('programmes').selectAll().where('id', '=', id);
  if (lock === 'update') q = q.forUpdate();
  if (lock === 'share') q = q.forShare();
  return q.executeTakeFirst();
}

/** A programme by id or by slug (portal pages address programmes by slug). */
export function programmeByIdOrSlug(db: Db, idOrSlug: string) {
  const q = db.selectFrom('programmes').selectAll();
  return (UUID.test(idOrSlug) ? q.where('id', '=', idOrSlug.toLowerCase()) : q.where('slug', '=', idOrSlug.toLowerCase())).executeTakeFirst();
}

export function insertProgramme(db: Db, values: Insertable<ProgrammesTable>) {
  return db.insertInto('programmes').values(values).returningAll().executeTakeFirstOrThrow();
}

export function updateProgramme(db: Db, id: string, values: Updateable<ProgrammesTable>) {
  return db.updateTable('programmes').set(values).where('id', '=', id).returningAll().executeTakeFirstOrThrow();
}

/** The SQL of a programme's status on `today`, the same rules as `programmeStatus` in the contract. */
function statusCondition(status: ProgrammeStatus, today: string) {
  const closes = sql`coalesce(enrolment_closes_on, ends_on)`;
  switch (status) {
    case 'ended':
      return sql<boolean>`ends_on < ${today}::date`;
    case 'running':
      return sql<boolean>`starts_on <= ${today}::date AND ends_on >= ${today}::date`;
    case 'enrolling':
      return sql<boolean>`starts_on > ${today}::date AND ${closes} >= ${today}::date`;
    case 'upcoming':
      return sql<boolean>`starts_on > ${today}::date AND ${closes} < ${today}::date`;
  }
}

/**
 * A page of programmes, soonest start first (one row more than `limit`): all of them, those of
 * one status, those not ended (`notEnded`), or only those `enrolledUserId` is enrolled in.
 */
export function programmePage(
  db: Db,
  { today, status, notEnded, enrolledUserId, after, limit }: {
    today: string; status?: ProgrammeStatus | undefined; notEnded?: boolean; enrolledUserId?: string | undefined; after?: TimeCursor | undefined; limit: number;
  },
) {
  let q = db.selectFrom('programmes').selectAll();
  if (status) q = q.where(statusCondition(status, today));
  if (notEnded) q = q.where('ends_on', '>=', today);
  if (enrolledUserId) {
    q = q.where(({ exists, selectFrom }) => exists(selectFrom('programme_enrolments as e').select('e.user_id')
      .whereRef('e.programme_id', '=', 'programmes.id').where('e.user_id', '=', enrolledUserId)));
  }
  if (after) q = q.where(sql<boolean>`(starts_on, id) > (${after.at.toISOString().slice(0, 10)}::date, ${after.id}::uuid)`);
  return q.orderBy('starts_on', 'asc').orderBy('id', 'asc').limit(limit + 1).execute();
}

/** The keyset position of a programme in `programmePage`'s order. */
export const programmeCursor = (r: ProgrammeRow): TimeCursor => ({ at: new Date(`${r.starts_on}T00:00:00.000Z`), id: r.id });

/** The programmes as the API shows them to `viewerId` on `today`, with enrolment counts and the viewer's roles. */
export async function toProgrammes(db: Db, rows: ProgrammeRow[], viewerId: string, today: string): Promise<Programme[]> {
  if (rows.length === 0) return [];
  const ids = rows.map((r) => r.id);
  const counts = await db.selectFrom('programme_enrolments').select(['programme_id', 'role', (eb) => eb.fn.countAll<string>().as('n')])
    .where('programme_id', 'in', ids).groupBy(['programme_id', 'role']).execute();
  const mine = await db.selectFrom('programme_enrolments').select(['programme_id', 'role'])
    .where('programme_id', 'in', ids).where('user_id', '=', viewerId).execute();
  return rows.map((r) => {
    const count = (role: EnrolmentRole) => Number(counts.find((c) => c.programme_id === r.id && c.role === role)?.n ?? 0);
    return {
      id: r.id,
      slug: r.slug,
      name: r.name,
      description: r.description,
      startsOn: r.starts_on,
      endsOn: r.ends_on,
      enrolmentClosesOn: r.enrolment_closes_on,
      matching: r.matching,
      milestoneTemplate: r.milestone_template,
      maxMenteesPerMentor: r.max_mentees_per_mentor,
      ...programmeStatus({ startsOn: r.starts_on, endsOn: r.ends_on, enrolmentClosesOn: r.enrolment_closes_on }, today),
      enrolled: { mentors: count('mentor'), mentees: count('mentee') },
      viewerRoles: mine.filter((m) => m.programme_id === r.id).map((m) => m.role).sort(),
      createdAt: r.created_at.toISOString(),
      updatedAt: r.updated_at.toISOString(),
    };
  });
}

export async function toProgramme(db: Db, row: ProgrammeRow, viewerId: string, today: string): Promise<Programme> {
  return (await toProgrammes(db, [row], viewerId, today))[0]!;
}

/** Whether a person is enrolled in a programme in a role. */
export async function isEnrolled(db: Db, programmeId: string, userId: string, role: EnrolmentRole): Promise<boolean> {
  const row = await db.selectFrom('programme_enrolments').select('user_id')
    .where('programme_id', '=', programmeId).where('role', '=', role).where('user_id', '=', userId).executeTakeFirst();
  return row !== undefined;
}

/** The ids of the people enrolled in a programme in a role, in id order. */
export async function enrolledIds(db: Db, programmeId: string, role: EnrolmentRole): Promise<string[]> {
  const rows = await db.selectFrom('programme_enrolments').select('user_id')
    .where('programme_id', '=', programmeId).where('role', '=', role).orderBy('user_id').execute();
  return rows.map((r) => r.user_id);
}

export type EnrolmentRow = Selectable<ProgrammeEnrolmentsTable>;

/** Keyset position in `enrolmentPage`'s order: enrolled_at, then the person, then the role. */
export interface EnrolmentCursor {
  at: Date;
  userId: string;
  role: EnrolmentRole;
}

export function insertEnrolment(db: Db, values: Insertable<ProgrammeEnrolmentsTable>) {
  return db.insertInto('programme_enrolments').values(values).returningAll().executeTakeFirstOrThrow();
}

/** Removes a person's enrolments in a programme (in one role, or every role); the rows removed. */
export function deleteEnrolments(db: Db, programmeId: string, userId: string, role: EnrolmentRole | undefined) {
  let q = db.deleteFrom('programme_enrolments').where('programme_id', '=', programmeId).where('user_id', '=', userId);
  if (role) q = q.where('role', '=', role);
  return q.returningAll().execute();
}

/** A page of a programme's enrolments in enrolment order (one row more than `limit`). */
export function enrolmentPage(
  db: Db,
  { programmeId, role, after, limit }: { programmeId: string; role?: EnrolmentRole | undefined; after?: EnrolmentCursor | undefined; limit: number },
) {
  let q = db.selectFrom('programme_enrolments').selectAll().where('programme_id', '=', programmeId);
  if (role) q = q.where('role', '=', role);
  if (after) q = q.where(sql<boolean>`(enrolled_at, user_id, role) > (${after.at}::timestamptz, ${after.userId}::uuid, ${after.role}::text)`);
  return q.orderBy('enrolled_at', 'asc').orderBy('user_id', 'asc').orderBy('role', 'asc').limit(limit + 1).execute();
}

/** Whether a person may enrol as a mentor: an approved mentor whose mentor row is active. */
export async function isActiveMentor(db: Db, userId: string): Promise<boolean> {
  const row = await db.selectFrom('mentors').select('status').where('user_id', '=', userId).executeTakeFirst();
  return row?.status === 'active';
}

/**
 * Of these people, those with something under way in the programme as `role`: a mentee with a
 * pending or accepted request or a mentorship in it; a mentor with a mentorship or a pending
 * request in it.
 */
export async function matchedIds(db: Db, programmeId: string, role: EnrolmentRole, userIds: string[]): Promise<Set<string>> {
  if (userIds.length === 0) return new Set();
  const column = role === 'mentee' ? 'mentee_id' : 'mentor_id';
  const requestStatuses: RequestStatus[] = role === 'mentee' ? ['pending', 'accepted'] : ['pending'];
  const requests = await db.selectFrom('mentorship_requests').select(`${column} as id`).distinct()
    .where('programme_id', '=', programmeId).where(column, 'in', userIds).where('status', 'in', requestStatuses).execute();
  const mentorships = await db.selectFrom('mentorships').select(`${column} as id`).distinct()
    .where('programme_id', '=', programmeId).where(column, 'in', userIds).execute();
  return new Set([...requests, ...mentorships].map((r) => r.id));
}

/**
 * The counts `mentorCap` reads, as columns for mentor rows `m`: the pending introductions to the
 * mentor in any programme, and the programme's mentees the mentor has (its pending introductions
 * and open mentorships). The one place this is counted: the enrolments list, the suggestions and
 * the confirmation all select it.
 */
export function roomCounts(programmeId: string) {
  return sql`(SELECT count(*) FROM mentorship_requests r WHERE r.mentor_id = m.user_id AND r.status = 'pending' AND r.introduced)::int
      AS pending_introductions,
    ((SELECT count(*) FROM mentorship_requests r WHERE r.mentor_id = m.user_id AND r.programme_id = ${programmeId}::uuid
        AND r.status = 'pending' AND r.introduced)
      + (SELECT count(*) FROM mentorships ms WHERE ms.mentor_id = m.user_id AND ms.programme_id = ${programmeId}::uuid
        AND ms.status = ANY(${[...openMentorshipStatuses]}::text[])))::int AS programme_mentees`;
}

/**
 * How many more of the programme's mentees each of these mentors can take on `today`, by
 * `mentorCap` (the rule suggestions and confirmations apply); a person without a mentor row has none.
 */
export async function programmeMentorSlots(
  db: Db,
  programme: Pick<ProgrammeRow, 'id' | 'max_mentees_per_mentor'>,
  mentorIds: string[],
  today: string,
): Promise<Map<string, number>> {
  const slots = new Map<string, number>(mentorIds.map((id) => [id, 0]));
  if (mentorIds.length === 0) return slots;
  const rows = (await sql<{ user_id: string; free_slots: number; pending_introductions: number; programme_mentees: number }>`
    SELECT m.user_id::text AS user_id, ${freeSlots(today)} AS free_slots, ${roomCounts(programme.id)}
    FROM mentors m WHERE m.user_id = ANY(${mentorIds}::uuid[])`.execute(db)).rows;
  for (const r of rows) slots.set(r.user_id, mentorCap(r, programme.max_mentees_per_mentor));
  return slots;
}

/** Enrolments as the API shows them: the person, whether they are matched, a mentor's free slots. */
export async function toEnrolments(db: Db, programme: ProgrammeRow, rows: EnrolmentRow[], today: string): Promise<Enrolment[]> {
  if (rows.length === 0) return [];
  const idsOf = (role: EnrolmentRole) => rows.filter((r) => r.role === role).map((r) => r.user_id);
  const [people, matchedMentees, matchedMentors, slots] = await Promise.all([
    loadPeople(db, rows.map((r) => r.user_id)),
    matchedIds(db, programme.id, 'mentee', idsOf('mentee')),
    matchedIds(db, programme.id, 'mentor', idsOf('mentor')),
    programmeMentorSlots(db, programme, idsOf('mentor'), today),
  ]);
  return rows.map((r) => ({
    programmeId: r.programme_id,
    role: r.role,
    goals: r.goals,
    enrolledAt: r.enrolled_at.toISOString(),
    person: personOrThrow(people, r.user_id),
    matched: (r.role === 'mentee' ? matchedMentees : matchedMentors).has(r.user_id),
    freeSlots: r.role === 'mentor' ? (slots.get(r.user_id) ?? 0) : null,
  }));
}
