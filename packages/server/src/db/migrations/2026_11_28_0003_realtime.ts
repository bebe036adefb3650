import { sql, type Kysely } from 'kysely';

/**
 * Realtime streams and messaging limits.
 *
 * `events.position` is the cursor clients see as an event's `id`. The identity `events.id` is
 * handed out at INSERT, but transactions commit in another order: a reader that saw id 11 and
 * moved its cursor past it would never see id 10 if that transaction committed a moment later.
 * So the stream does not use `id`. A deferred constraint trigger runs at COMMIT, takes a
 * transaction-scoped advisory lock per affected user (in sorted order, so two committers can
 * never deadlock on them) and only then numbers the transaction's events from a sequence. The
 * lock is released after the commit is visible, so for any one user positions are assigned in
 * commit order and every snapshot sees a gap-free prefix of that user's stream: "position >
 * cursor" never skips an event and never returns one twice. The locks are held only between
 * the trigger and the end of COMMIT, never while the transaction does its work, and only
 * transactions touching the same user wait for each other.
 * (Positions may have holes when a transaction fails after numbering; readers do not care.)
 */
const statements = [
  `ALTER TABLE events ADD COLUMN position bigint`,
  `CREATE SEQUENCE events_position_seq AS bigint`,
  // Events written before this migration keep their order.
  `UPDATE events SET position = id`,
  `SELECT setval('events_position_seq', (SELECT coalesce(max(id), 0) + 1 FROM events), false)`,
  `CREATE UNIQUE INDEX events_stream ON events (user_id, position)`,
  `CREATE INDEX events_unpositioned ON events (id) WHERE position IS NULL`,
  `CREATE INDEX events_created_at ON events (created_at)`,

  `CREATE FUNCTION events_assign_positions() RETURNS trigger LANGUAGE plpgsql AS $$
  DECLARE r record;
  BEGIN
    -- The first event of the transaction numbers them all; the other rows' triggers find it done.
    IF (SELECT e.position FROM events e WHERE e.id = NEW.id) IS NOT NULL THEN
      RETURN NULL;
    END IF;
    -- Rows without a position that this transaction can see are its own (others' are invisible
    -- until they commit, and they commit numbered).
    FOR r IN SELECT DISTINCT hashtext(user_id::text) AS k FROM events WHERE position IS NULL ORDER BY 1 LOOP
      PERFORM pg_advisory_xact_lock(1835101041, r.k);
    END LOOP;
    FOR r IN SELECT id FROM events WHERE position IS NULL ORDER BY id LOOP
      UPDATE events SET position = nextval('events_position_seq') WHERE id = r.id;
    END LOOP;
    RETURN NULL;
  END $$`,
  `CREATE CONSTRAINT TRIGGER events_assign_positions AFTER INSERT ON events
    DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION events_assign_positions()`,

  // The per-user send limit counts the sender's messages of the last minute.
  `CREATE INDEX messages_by_sender ON messages (sender_id, created_at)`,
];

export async function up(db: Kysely<any>): Promise<void> {
  for (const statement of statements) await sql.raw(statement).execute(db);
}

export async function down(db: Kysely<any>): Promise<void> {
  await sql.raw(`DROP INDEX IF EXISTS messages_by_sender`).execute(db);
  await sql.raw(`DROP TRIGGER IF EXISTS events_assign_positions ON events`).execute(db);
  await sql.raw(`DROP FUNCTION IF EXISTS events_assign_positions()`).execute(db);
  await sql.raw(`DROP INDEX IF EXISTS events_created_at`).execute(db);
  await sql.raw(`DROP INDEX IF EXISTS events_unpositioned`).execute(db);
  await sql.raw(`DROP INDEX IF EXISTS events_stream`).execute(db);
  await sql.raw(`ALTER TABLE events DROP COLUMN IF EXISTS position`).execute(db);
  await sql.raw(`DROP SEQUENCE IF EXISTS events_position_seq`).execute(db);
}
