import { sql, type Kysely } from 'kysely';

/**
 * Search speed at 100,000 alumni (BENCHMARKS.md, "Mentor search"), and the foreign keys that
 * had no index.
 *
 * - `mentors_expertise_words`: the match score first keeps only the viewer's goal phrases that
 *   are somebody's expertise, one probe of this index per phrase (mentors/search-sql.ts,
 *   `knownPhrases`), instead of comparing a hundred phrases with every mentor's expertise.
 * - `fillfactor = 80` on mentors: the slot counter (`open_mentorships`) and the response-time
 *   statistic change often and are in no index, so with room left on the page those updates
 *   are HOT (no new index entries, no row moved to another page, less bloat for search to read).
 *   Applies to pages written from now on.
 * - A mentor row is written once per insert or settings change: the search document and the
 *   copies of users and profiles (migration 0004) are computed in the BEFORE trigger from the new
 *   values, instead of by an AFTER trigger that updated the row it had just written. Half the
 *   row versions, so search reads fewer, fuller pages. Profile and name changes still refresh
 *   mentors through `mentor_sync`. The document's recipe now lives in one function of values.
 *   Expertise is stored de-duplicated case-insensitively, as the API already sends it.
 * - Foreign keys without an index make every delete of the referenced user (account erasure,
 *   `ON DELETE CASCADE / SET NULL`) scan the whole referencing table; each one gets an index
 *   whose first column is the key. Keys already led by an index are left alone (profiles,
 *   mentors, requests' mentee, mentorships' mentee, feedback's subject, messages' sender,
 *   notifications, events, idempotency keys).
 */
const statements = [
  `CREATE INDEX mentors_expertise_words ON mentors USING gin (expertise_words)`,
  `ALTER TABLE mentors SET (fillfactor = 80)`,

  // Name (A), expertise (A), headline + position (B), company + industry (B), bios (C).
  `CREATE FUNCTION mentor_search_document_of(p_name text, p_expertise text[], p_headline text, p_position text,
     p_company text, p_industry text, p_mentoring_bio text, p_bio text) RETURNS tsvector LANGUAGE sql IMMUTABLE AS $$
    SELECT setweight(to_tsvector('simple', coalesce(p_name, '')), 'A')
        || setweight(to_tsvector('english', array_to_string(p_expertise, ' ')), 'A')
        || setweight(to_tsvector('english', coalesce(p_headline, '') || ' ' || coalesce(p_position, '')), 'B')
        || setweight(to_tsvector('english', coalesce(p_company, '') || ' ' || coalesce(p_industry, '')), 'B')
        || setweight(to_tsvector('english', coalesce(p_mentoring_bio, '') || ' ' || coalesce(p_bio, '')), 'C')
  $$`,
  `CREATE OR REPLACE FUNCTION mentor_search_document(p_user uuid) RETURNS tsvector LANGUAGE sql STABLE AS $$
    SELECT mentor_search_document_of(u.name, m.expertise, p.headline, p.position, p.company, p.industry, m.mentoring_bio, p.bio)
    FROM mentors m JOIN users u ON u.id = m.user_id LEFT JOIN profiles p ON p.user_id = m.user_id
    WHERE m.user_id = p_user
  $$`,
  // Everything mentor_sync (0004) copies, from NEW instead of from the stored row. Expertise is
  // de-duplicated case-insensitively, first spelling kept, as the API's tag lists already are
  // (contract tagList), so facets count a mentor once per expertise without DISTINCT.
  `CREATE OR REPLACE FUNCTION mentors_before_write() RETURNS trigger LANGUAGE plpgsql AS $$
  BEGIN
    NEW.expertise := ARRAY(SELECT d.e FROM (SELECT DISTINCT ON (lower(u.e)) u.e, u.i
      FROM unnest(NEW.expertise) WITH ORDINALITY AS u(e, i) ORDER BY lower(u.e), u.i) d ORDER BY d.i);
    NEW.expertise_keys := ARRAY(SELECT lower(e) FROM unnest(NEW.expertise) e);
    NEW.expertise_words := ARRAY(SELECT btrim(regexp_replace(lower(e), '[^[:alnum:]]+', ' ', 'g')) FROM unnest(NEW.expertise) e);
    SELECT mentor_search_document_of(u.name, NEW.expertise, p.headline, p.position, p.company, p.industry, NEW.mentoring_bio, p.bio),
        u.deleted_at IS NULL, coalesce(p.industry, ''), lower(coalesce(p.industry, '')),
        ARRAY(SELECT lower(l) FROM unnest(coalesce(p.languages, '{}')) l), coalesce(p.location, ''),
        p.graduation_year, p.time_zone, lower(coalesce(p.programme, ''))
      INTO NEW.search_vector, NEW.listed, NEW.industry, NEW.industry_key, NEW.language_keys, NEW.location,
        NEW.graduation_year, NEW.time_zone, NEW.programme_key
      FROM users u LEFT JOIN profiles p ON p.user_id = u.id
      WHERE u.id = NEW.user_id;
    RETURN NEW;
  END $$`,
  `DROP TRIGGER mentors_before_write ON mentors`,
  `CREATE TRIGGER mentors_before_write BEFORE INSERT OR UPDATE OF expertise, mentoring_bio ON mentors
    FOR EACH ROW EXECUTE FUNCTION mentors_before_write()`,
  `DROP TRIGGER mentors_refresh_search ON mentors`,
  // Rows written before this migration with an expertise spelled twice.
  `UPDATE mentors SET expertise = expertise
     WHERE cardinality(expertise) <> (SELECT count(DISTINCT lower(e)) FROM unnest(expertise) e)`,

  // users(id)
  // mentor_applications_one_open covers open applications only: rejected ones were unindexed.
  `CREATE INDEX mentor_applications_by_user ON mentor_applications (user_id)`,
  `CREATE INDEX mentor_applications_decided_by ON mentor_applications (decided_by) WHERE decided_by IS NOT NULL`,
  `CREATE INDEX meetings_created_by ON meetings (created_by) WHERE created_by IS NOT NULL`,
  `CREATE INDEX progress_notes_author ON progress_notes (author_id) WHERE author_id IS NOT NULL`,
  // feedback_once is (mentorship_id, author_id): the author is its second column.
  `CREATE INDEX feedback_author ON feedback (author_id) WHERE author_id IS NOT NULL`,
  // The primary key is (conversation_id, user_id).
  `CREATE INDEX conversation_reads_user ON conversation_reads (user_id)`,
  `CREATE INDEX audit_log_actor ON audit_log (actor_id) WHERE actor_id IS NOT NULL`,
  // mentor_applications(id): erasing a user deletes their applications, which sets this to NULL.
  `CREATE INDEX mentors_application ON mentors (application_id) WHERE application_id IS NOT NULL`,
];

const indexes = [
  'mentors_expertise_words', 'mentor_applications_by_user', 'mentor_applications_decided_by', 'meetings_created_by',
  'progress_notes_author', 'feedback_author', 'conversation_reads_user', 'audit_log_actor', 'mentors_application',
];

export async function up(db: Kysely<any>): Promise<void> {
  for (const statement of statements) await sql.raw(statement).execute(db);
}

export async function down(db: Kysely<any>): Promise<void> {
  for (const index of indexes) await sql.raw(`DROP INDEX IF EXISTS ${index}`).execute(db);
  await sql.raw(`ALTER TABLE mentors RESET (fillfactor)`).execute(db);
  // Back to 0004: the BEFORE trigger fills the keys, the AFTER trigger syncs the rest.
  await sql.raw(`CREATE OR REPLACE FUNCTION mentors_before_write() RETURNS trigger LANGUAGE plpgsql AS $$
  BEGIN
    NEW.expertise_keys := ARRAY(SELECT lower(e) FROM unnest(NEW.expertise) e);
    NEW.expertise_words := ARRAY(SELECT btrim(regexp_replace(lower(e), '[^[:alnum:]]+', ' ', 'g')) FROM unnest(NEW.expertise) e);
    RETURN NEW;
  END $$`).execute(db);
  await sql.raw(`DROP TRIGGER mentors_before_write ON mentors`).execute(db);
  await sql.raw(`CREATE TRIGGER mentors_before_write BEFORE INSERT OR UPDATE OF expertise ON mentors
    FOR EACH ROW EXECUTE FUNCTION mentors_before_write()`).execute(db);
  await sql.raw(`CREATE TRIGGER mentors_refresh_search AFTER INSERT OR UPDATE OF expertise, mentoring_bio ON mentors
    FOR EACH ROW EXECUTE FUNCTION mentors_refresh_search()`).execute(db);
  await sql.raw(`CREATE OR REPLACE FUNCTION mentor_search_document(p_user uuid) RETURNS tsvector LANGUAGE sql STABLE AS $$
    SELECT setweight(to_tsvector('simple', coalesce(u.name, '')), 'A')
        || setweight(to_tsvector('english', array_to_string(m.expertise, ' ')), 'A')
        || setweight(to_tsvector('english', coalesce(p.headline, '') || ' ' || coalesce(p.position, '')), 'B')
        || setweight(to_tsvector('english', coalesce(p.company, '') || ' ' || coalesce(p.industry, '')), 'B')
        || setweight(to_tsvector('english', m.mentoring_bio || ' ' || coalesce(p.bio, '')), 'C')
    FROM mentors m JOIN users u ON u.id = m.user_id LEFT JOIN profiles p ON p.user_id = m.user_id
    WHERE m.user_id = p_user
  $$`).execute(db);
  await sql.raw(`DROP FUNCTION IF EXISTS mentor_search_document_of(text, text[], text, text, text, text, text, text)`).execute(db);
}
