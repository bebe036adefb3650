import { sql, type Kysely } from 'kysely';

/**
 * Which mentors changed, and in which transaction, so every server instance can keep an index of
 * what search filters and scores by (features/mentors/search-index.ts) current by reading only
 * what changed since its last read.
 *
 * Every insert or update of a mentor row records the writing transaction's id (`xid8`, which
 * never wraps around) for that mentor. A reader remembers the oldest transaction still running
 * when it last read (`pg_snapshot_xmin(pg_current_snapshot())`): whatever that read could not see
 * was written by a transaction with an id at least that old, so the next read asks for the rows
 * recorded with an id from there on, and misses nothing, whatever order transactions commit in.
 *
 * A table beside `mentors`, not a column of it: a column in an index would make every update of
 * the slot counter a non-HOT update of mentors (migration 0006 keeps those HOT). One row per
 * mentor (mentors are never deleted; erasure empties the row), so it stays small.
 */
const statements = [
  `CREATE TABLE mentor_search_changes (user_id uuid PRIMARY KEY, xid xid8 NOT NULL)`,
  `CREATE INDEX mentor_search_changes_by_xid ON mentor_search_changes (xid)`,
  `CREATE FUNCTION mentor_search_changed() RETURNS trigger LANGUAGE plpgsql AS $$
  BEGIN
    INSERT INTO mentor_search_changes (user_id, xid) VALUES (NEW.user_id, pg_current_xact_id())
      ON CONFLICT (user_id) DO UPDATE SET xid = EXCLUDED.xid WHERE mentor_search_changes.xid <> EXCLUDED.xid;
    RETURN NULL;
  END $$`,
  `CREATE TRIGGER mentors_search_changes AFTER INSERT OR UPDATE ON mentors
    FOR EACH ROW EXECUTE FUNCTION mentor_search_changed()`,
];

export async function up(db: Kysely<any>): Promise<void> {
  for (const statement of statements) await sql.raw(statement).execute(db);
}

export async function down(db: Kysely<any>): Promise<void> {
  await sql.raw(`DROP TRIGGER IF EXISTS mentors_search_changes ON mentors`).execute(db);
  await sql.raw(`DROP FUNCTION IF EXISTS mentor_search_changed()`).execute(db);
  await sql.raw(`DROP TABLE IF EXISTS mentor_search_changes`).execute(db);
}
