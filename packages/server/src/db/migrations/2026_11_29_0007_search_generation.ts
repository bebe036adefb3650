import { sql, type Kysely } from 'kysely';

/**
 * A counter that changes whenever `mentors` does, so search can cache what does not depend on
 * the viewer (totals, facets, the order of a text search) and know exactly when it went stale.
 *
 * The generation is `sum(n)` over the rows of `search_generation`. A statement that writes
 * `mentors` adds 1 to one row, in its own transaction, so the sum a reader sees grows exactly
 * when such a transaction commits: a reader that saw generation g and then read the mentors
 * (in a later snapshot) holds data at least as new as g, and anything committed afterwards
 * shows as a new generation. A single counter row would make every writer of `mentors` wait for
 * the others until they commit (and could deadlock with the row locks they take later). Here a
 * writer takes a row nobody else holds (`SKIP LOCKED`), or adds a new one when all are taken,
 * so no writer ever waits for another; the table holds about as many rows as writers ever ran
 * at once. A transaction adds 1 once, whatever number of statements it runs.
 */
const statements = [
  `CREATE TABLE search_generation (shard bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY, n bigint NOT NULL DEFAULT 0)`,
  `INSERT INTO search_generation DEFAULT VALUES`,
  `CREATE FUNCTION search_generation_bump() RETURNS trigger LANGUAGE plpgsql AS $$
  BEGIN
    IF current_setting('mentorkit.search_bumped', true) IS NOT DISTINCT FROM txid_current()::text THEN
      RETURN NULL;
    END IF;
    UPDATE search_generation SET n = n + 1
      WHERE shard = (SELECT shard FROM search_generation ORDER BY shard LIMIT 1 FOR UPDATE SKIP LOCKED);
    IF NOT FOUND THEN
      INSERT INTO search_generation (n) VALUES (1);
    END IF;
    PERFORM set_config('mentorkit.search_bumped', txid_current()::text, true);
    RETURN NULL;
  END $$`,
  `CREATE TRIGGER mentors_search_generation AFTER INSERT OR UPDATE OR DELETE ON mentors
    FOR EACH STATEMENT EXECUTE FUNCTION search_generation_bump()`,
];

export async function up(db: Kysely<any>): Promise<void> {
  for (const statement of statements) await sql.raw(statement).execute(db);
}

export async function down(db: Kysely<any>): Promise<void> {
  await sql.raw(`DROP TRIGGER IF EXISTS mentors_search_generation ON mentors`).execute(db);
  await sql.raw(`DROP FUNCTION IF EXISTS search_generation_bump()`).execute(db);
  await sql.raw(`DROP TABLE IF EXISTS search_generation`).execute(db);
}
