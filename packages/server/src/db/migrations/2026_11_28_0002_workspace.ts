import { sql, type Kysely } from 'kysely';

/**
 * The mentorship workspace. Its audit rows about meetings, milestones and progress
 * notes carry `details.mentorshipId`; the progress timeline reads them by that id — including
 * rows of milestones since deleted — so it gets an index instead of a scan of the whole log.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await sql`CREATE INDEX audit_by_mentorship ON audit_log ((details->>'mentorshipId'), id)
    WHERE (details->>'mentorshipId') IS NOT NULL`.execute(db);
}

export async function down(db: Kysely<any>): Promise<void> {
  await sql`DROP INDEX IF EXISTS audit_by_mentorship`.execute(db);
}
