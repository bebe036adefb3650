import { sql, type Kysely } from 'kysely';

/**
 * Search reads one table. Every filter and every part of the match score comes from columns on
 * `mentors`, copied from `users` and `profiles` by triggers, so counting, faceting and scoring
 * thousands of mentors never joins; the page's 20 rows join for display only.
 */
const statements = [
  `ALTER TABLE mentors
     ADD COLUMN listed boolean NOT NULL DEFAULT true,
     ADD COLUMN industry text NOT NULL DEFAULT '',
     ADD COLUMN industry_key text NOT NULL DEFAULT '',
     ADD COLUMN language_keys text[] NOT NULL DEFAULT '{}',
     ADD COLUMN location text NOT NULL DEFAULT '',
     ADD COLUMN graduation_year integer,
     ADD COLUMN time_zone text,
     ADD COLUMN programme_key text NOT NULL DEFAULT '',
     ADD COLUMN expertise_words text[] NOT NULL DEFAULT '{}'`,

  // expertise_words: each expertise as lower-case words joined by single spaces, for whole-word
  // matching against the viewer's goals ("Data-Engineering" matches "... data engineering ...").
  `CREATE OR REPLACE FUNCTION mentors_before_write() RETURNS trigger LANGUAGE plpgsql AS $$
  BEGIN
    NEW.expertise_keys := ARRAY(SELECT lower(e) FROM unnest(NEW.expertise) e);
    NEW.expertise_words := ARRAY(SELECT btrim(regexp_replace(lower(e), '[^[:alnum:]]+', ' ', 'g')) FROM unnest(NEW.expertise) e);
    RETURN NEW;
  END $$`,

  `CREATE FUNCTION mentor_sync(target uuid) RETURNS void LANGUAGE sql AS $$
    UPDATE mentors m SET
      search_vector = mentor_search_document(target),
      listed = (u.deleted_at IS NULL),
      industry = coalesce(p.industry, ''),
      industry_key = lower(coalesce(p.industry, '')),
      language_keys = ARRAY(SELECT lower(l) FROM unnest(coalesce(p.languages, '{}')) l),
      location = coalesce(p.location, ''),
      graduation_year = p.graduation_year,
      time_zone = p.time_zone,
      programme_key = lower(coalesce(p.programme, ''))
    FROM users u LEFT JOIN profiles p ON p.user_id = u.id
    WHERE u.id = target AND m.user_id = target
  $$`,

  `CREATE OR REPLACE FUNCTION mentors_refresh_search() RETURNS trigger LANGUAGE plpgsql AS $$
  DECLARE target uuid;
  BEGIN
    -- NEW.id exists only on users, NEW.user_id only on mentors and profiles: branch, never mix.
    IF TG_TABLE_NAME = 'users' THEN
      target := NEW.id;
    ELSE
      target := NEW.user_id;
    END IF;
    PERFORM mentor_sync(target);
    RETURN NULL;
  END $$`,

  `DROP TRIGGER profiles_refresh_search ON profiles`,
  `CREATE TRIGGER profiles_refresh_search
     AFTER INSERT OR UPDATE OF headline, position, company, industry, bio, languages, location, graduation_year, time_zone, programme
     ON profiles FOR EACH ROW EXECUTE FUNCTION mentors_refresh_search()`,
  `DROP TRIGGER users_refresh_search ON users`,
  `CREATE TRIGGER users_refresh_search AFTER UPDATE OF name, deleted_at ON users
     FOR EACH ROW EXECUTE FUNCTION mentors_refresh_search()`,

  // Backfill: rewriting expertise runs both mentor triggers for every row.
  `UPDATE mentors SET expertise = expertise`,

  `CREATE INDEX mentors_language_keys ON mentors USING gin (language_keys)`,
  `CREATE INDEX mentors_industry_key ON mentors (industry_key)`,
];

export async function up(db: Kysely<any>): Promise<void> {
  for (const statement of statements) await sql.raw(statement).execute(db);
}

export async function down(db: Kysely<any>): Promise<void> {
  await sql.raw('DROP INDEX IF EXISTS mentors_language_keys').execute(db);
  await sql.raw('DROP INDEX IF EXISTS mentors_industry_key').execute(db);
  await sql.raw('DROP FUNCTION IF EXISTS mentor_sync(uuid) CASCADE').execute(db);
  await sql.raw(`ALTER TABLE mentors DROP COLUMN listed, DROP COLUMN industry, DROP COLUMN industry_key,
    DROP COLUMN language_keys, DROP COLUMN location, DROP COLUMN graduation_year, DROP COLUMN time_zone,
    DROP COLUMN programme_key, DROP COLUMN expertise_words`).execute(db);
}
