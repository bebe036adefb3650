import type { AdminMentor, ApplicationStatus, MentorStatus } from '@mentorkit/contract';
import { sql, type Selectable, type Updateable } from 'kysely';
import type { Db, MentorApplicationsTable, MentorsTable } from '../../db/schema.js';
import { roundHours } from '../requests/requests.repository.js';
import { loadPeople, personOrThrow } from '../shared/people.repository.js';
import type { TimeCursor } from '../shared/paging.js';

type ApplicationRow = Selectable<MentorApplicationsTable>;

/** Applications in one status, longest waiting (least recently updated) first. */
export function applicationQueue(db: Db, status: ApplicationStatus, after: TimeCursor | undefined, limit: number): Promise<ApplicationRow[]> {
  let q = db.selectFrom('mentor_applications').selectAll().where('status', '=', status);
  if (after) q = q.where(sql<boolean>`(updated_at, id) > (${after.at}::timestamptz, ${after.id}::uuid)`);
  return q.orderBy('updated_at', 'asc').orderBy('id', 'asc').limit(limit).execute();
}

export function updateApplication(db: Db, id: string, set: Updateable<MentorApplicationsTable>): Promise<ApplicationRow> {
  return db.updateTable('mentor_applications').set(set).where('id', '=', id).returningAll().executeTakeFirstOrThrow();
}

/** The mentor profile of an approved application starts from the application. */
export async function insertMentorFromApplication(db: Db, application: ApplicationRow, at: Date): Promise<void> {
  await db.insertInto('mentors').values({
    user_id: application.user_id,
    application_id: application.id,
    expertise: application.expertise,
    years_of_experience: application.years_of_experience,
    mentoring_bio: application.statement,
    approved_at: at,
    updated_at: at,
  }).execute();
}

export interface AdminMentorFilter {
  status?: MentorStatus | undefined;
  /** Part of the name, matched case-insensitively and literally. */
  name?: string | undefined;
  after?: TimeCursor | undefined;
  limit: number;
}

/** Mentors of accounts not erased, most recently approved first, with rating and pending requests. */
export function adminMentorRows(db: Db, filter: AdminMentorFilter) {
  const { status, name, after } = filter;
  let q = db.selectFrom('mentors as m').innerJoin('users as u', 'u.id', 'm.user_id')
    .select([
      'm.user_id', 'm.status', 'm.accepting_mentees', 'm.capacity', 'm.open_mentorships', 'm.median_response_hours',
      'm.suspended_reason', 'm.approved_at',
      sql<number | null>`(SELECT avg(f.rating)::float8 FROM feedback f WHERE f.subject_id = m.user_id)`.as('average_rating'),
      sql<number>`(SELECT count(*) FROM mentorship_requests r WHERE r.mentor_id = m.user_id AND r.status = 'pending')::int`.as('pending_requests'),
    ])
    .where('u.deleted_at', 'is', null);
  if (status) q = q.where('m.status', '=', status);
  if (name) q = q.where('u.name', 'ilike', `%${name.replace(/[\\%_]/g, (ch) => `\\${ch}`)}%`);
  if (after) q = q.where(sql<boolean>`(m.approved_at, m.user_id) < (${after.at}::timestamptz, ${after.id}::uuid)`);
  return q.orderBy('m.approved_at', 'desc').orderBy('m.user_id', 'desc').limit(filter.limit).execute();
}

export type AdminMentorRow = Awaited<ReturnType<typeof adminMentorRows>>[number];

export async function toAdminMentors(db: Db, rows: AdminMentorRow[]): Promise<AdminMentor[]> {
  const people = await loadPeople(db, rows.map((r) => r.user_id));
  return rows.map((r): AdminMentor => ({
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
}

/** A mentor's status, the row locked for the rest of the transaction. */
export async function lockMentorStatus(db: Db, userId: string): Promise<MentorStatus | undefined> {
  const mentor = await db.selectFrom('mentors').select(['status']).where('user_id', '=', userId).forUpdate().executeTakeFirst();
  return mentor?.status;
}

export async function updateMentor(db: Db, userId: string, set: Updateable<MentorsTable>): Promise<void> {
  await db.updateTable('mentors').set(set).where('user_id', '=', userId).execute();
}
