import type { ApplicationStatus, MentorApplication } from '@mentorkit/contract';
import type { Kysely, Selectable, Transaction } from 'kysely';
import type { Database, MentorApplicationsTable } from '../../db/schema.js';
import { loadPeople, personOrThrow } from '../shared/people.repository.js';

type Row = Selectable<MentorApplicationsTable>;
type Db = Kysely<Database> | Transaction<Database>;

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
