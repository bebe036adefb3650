import { sql, type Kysely } from 'kysely';

/**
 * Erasing an account empties the texts the person wrote that stay in other people's history
 * (request goals, progress-note bodies), where the rows themselves must stay. The API
 * still refuses empty goals and notes: only erasure writes them.
 */
const statements = [
  `ALTER TABLE mentorship_requests DROP CONSTRAINT mentorship_requests_goals_check`,
  `ALTER TABLE mentorship_requests ADD CONSTRAINT mentorship_requests_goals_check CHECK (length(goals) <= 2000)`,
  `ALTER TABLE progress_notes DROP CONSTRAINT progress_notes_body_check`,
  `ALTER TABLE progress_notes ADD CONSTRAINT progress_notes_body_check CHECK (length(body) <= 4000)`,
];

export async function up(db: Kysely<any>): Promise<void> {
  for (const statement of statements) await sql.raw(statement).execute(db);
}

export async function down(db: Kysely<any>): Promise<void> {
  await sql.raw(`ALTER TABLE mentorship_requests DROP CONSTRAINT mentorship_requests_goals_check`).execute(db);
  await sql.raw(`ALTER TABLE mentorship_requests ADD CONSTRAINT mentorship_requests_goals_check CHECK (length(goals) BETWEEN 1 AND 2000) NOT VALID`).execute(db);
  await sql.raw(`ALTER TABLE progress_notes DROP CONSTRAINT progress_notes_body_check`).execute(db);
  await sql.raw(`ALTER TABLE progress_notes ADD CONSTRAINT progress_notes_body_check CHECK (length(body) BETWEEN 1 AND 4000) NOT VALID`).execute(db);
}
