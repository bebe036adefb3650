import { sql, type Kysely } from 'kysely';

/**
 * Programmes (DESIGN §3b): cohorts with dates that people enrol in as mentor or mentee.
 * Requests and mentorships made inside one name it; an admin's introduction is a request marked
 * `introduced` (it does not count against the mentee's pending limit). Enrolments change what
 * `GET /mentors?programme=` answers, so they move the search generation like mentor rows do.
 */
const statements = [
  `CREATE TABLE programmes (
    id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
    slug text NOT NULL CHECK (slug ~ '^[a-z0-9]+(-[a-z0-9]+)*$' AND length(slug) BETWEEN 3 AND 80),
    name text NOT NULL CHECK (length(name) BETWEEN 3 AND 120),
    description text NOT NULL DEFAULT '' CHECK (length(description) <= 4000),
    starts_on date NOT NULL,
    ends_on date NOT NULL,
    enrolment_closes_on date,
    matching text NOT NULL CHECK (matching IN ('mentee_choice', 'admin_matched')),
    milestone_template text,
    max_mentees_per_mentor int CHECK (max_mentees_per_mentor BETWEEN 1 AND 20),
    created_by uuid REFERENCES users(id) ON DELETE SET NULL,
    created_at timestamptz NOT NULL DEFAULT now(),
    updated_at timestamptz NOT NULL DEFAULT now(),
    CONSTRAINT programmes_dates_in_order CHECK (starts_on <= ends_on AND (enrolment_closes_on IS NULL OR enrolment_closes_on <= ends_on))
  )`,
  `CREATE UNIQUE INDEX programmes_slug ON programmes (slug)`,
  `CREATE INDEX programmes_by_start ON programmes (starts_on, id)`,
  // Erasing a user sets created_by to null: an index keeps that from scanning every programme.
  `CREATE INDEX programmes_by_creator ON programmes (created_by)`,
  `CREATE TABLE programme_enrolments (
    programme_id uuid NOT NULL REFERENCES programmes(id) ON DELETE CASCADE,
    user_id uuid NOT NULL REFERENCES users(id) ON DELETE CASCADE,
    role text NOT NULL CHECK (role IN ('mentor', 'mentee')),
    goals text NOT NULL DEFAULT '' CHECK (length(goals) <= 2000),
    enrolled_at timestamptz NOT NULL DEFAULT now(),
    CONSTRAINT programme_enrolments_once_per_role PRIMARY KEY (programme_id, role, user_id)
  )`,
  `CREATE INDEX programme_enrolments_by_user ON programme_enrolments (user_id)`,
  `CREATE TRIGGER programme_enrolments_search_generation AFTER INSERT OR UPDATE OR DELETE ON programme_enrolments
    FOR EACH STATEMENT EXECUTE FUNCTION search_generation_bump()`,
  `ALTER TABLE mentorship_requests ADD COLUMN programme_id uuid REFERENCES programmes(id) ON DELETE SET NULL,
    ADD COLUMN introduced boolean NOT NULL DEFAULT false`,
  `CREATE INDEX mentorship_requests_by_programme ON mentorship_requests (programme_id) WHERE programme_id IS NOT NULL`,
  `ALTER TABLE mentorships ADD COLUMN programme_id uuid REFERENCES programmes(id) ON DELETE SET NULL`,
  `CREATE INDEX mentorships_by_programme ON mentorships (programme_id) WHERE programme_id IS NOT NULL`,
];

export async function up(db: Kysely<any>): Promise<void> {
  for (const statement of statements) await sql.raw(statement).execute(db);
}

export async function down(db: Kysely<any>): Promise<void> {
  await sql.raw(`ALTER TABLE mentorships DROP COLUMN programme_id`).execute(db);
  await sql.raw(`ALTER TABLE mentorship_requests DROP COLUMN programme_id, DROP COLUMN introduced`).execute(db);
  await sql.raw(`DROP TABLE programme_enrolments`).execute(db);
  await sql.raw(`DROP TABLE programmes`).execute(db);
}
