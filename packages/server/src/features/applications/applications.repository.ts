import type { ApplicationStatus, MentorApplication, mentorApplicationInput } from '@mentorkit/contract';
import type { Selectable } from 'kysely';
import type { z } from 'zod';
import type { Db, MentorApplicationsTable } from '../../db/schema.js';
import { loadPeople, personOrThrow } from '../shared/people.repository.js';

type Row = Selectable<MentorApplicationsTable>;
type Input = z.output<typeof mentorApplicationInput>;

export async function toApplications(db: Db, rows: Row[]): Promise<MentorApplication[]> {
  const people = await loadPeople(db, rows.map((r) => r.user_id));
  return rows.map((r) => ({
    id: r.id,
    userId: r.user_id,
    status: r.status,
    expertise: r.expertise,
    yearsOfExperience: r.years_of_experience,
    statement: r.statement,
    links: r.links,
    decisionNotes: r.decision_notes,
    decidedAt: r.decided_at?.toISOString() ?? null,
    createdAt: r.created_at.toISOString(),
    updatedAt: r.updated_at.toISOString(),
    applicant: personOrThrow(people, r.user_id),
  }));
}

export async function toApplication(db: Db, row: Row): Promise<MentorApplication> {
  const [app] = await toApplications(db, [row]);
  return app!;
}

/** The caller's latest application, whatever its status. */
export function latestApplication(db: Db, userId: string) {
  return db.selectFrom('mentor_applications').selectAll().where('user_id', '=', userId)
    .orderBy('created_at', 'desc').orderBy('id', 'desc').limit(1).executeTakeFirst();
}

export function applicationById(db: Db, id: string, lock = false) {
  let q = db.selectFrom('mentor_applications').selectAll().where('id', '=', id);
  if (lock) q = q.forUpdate();
  return q.executeTakeFirst();
}

export const openStatuses: ApplicationStatus[] = ['pending', 'changes_requested', 'approved'];

/** Locks the applicant's user row: one person's applications are written one at a time. */
export async function lockApplicant(db: Db, userId: string): Promise<void> {
  await db.selectFrom('users').select('id').where('id', '=', userId).forUpdate().execute();
}

export async function isMentor(db: Db, userId: string): Promise<boolean> {
  return (await db.selectFrom('mentors').select('user_id').where('user_id', '=', userId).executeTakeFirst()) !== undefined;
}

/** The person's application that is pending, awaiting changes or approved, if any. */
export async function openApplicationStatus(db: Db, userId: string): Promise<ApplicationStatus | undefined> {
  const open = await db.selectFrom('mentor_applications').select(['status']).where('user_id', '=', userId)
    .where('status', 'in', openStatuses).executeTakeFirst();
  return open?.status;
}

export function insertApplication(db: Db, id: string, userId: string, input: Input, at: Date) {
  return db.insertInto('mentor_applications').values({
    id,
    user_id: userId,
    expertise: input.expertise,
    years_of_experience: input.yearsOfExperience,
    statement: input.statement,
    links: input.links,
    created_at: at,
    updated_at: at,
  }).returningAll().executeTakeFirstOrThrow();
}

/** Replaces the application's content and puts it back in review. */
export function resubmit(db: Db, id: string, input: Input, at: Date) {
  return db.updateTable('mentor_applications').set({
    status: 'pending',
    expertise: input.expertise,
    years_of_experience: input.yearsOfExperience,
    statement: input.statement,
    links: input.links,
    updated_at: at,
  }).where('id', '=', id).returningAll().executeTakeFirstOrThrow();
}

/** Admins who are not deleted, other than `exceptId`. */
export async function reviewerIds(db: Db, exceptId: string): Promise<string[]> {
  const admins = await db.selectFrom('users').select('id').where('is_admin', '=', true).where('deleted_at', 'is', null)
    .where('id', '<>', exceptId).execute();
  return admins.map((a) => a.id);
}
