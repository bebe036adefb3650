import { sql, type Kysely } from 'kysely';
import type { Database } from '../db/schema.js';

/** One stored event, ready to send: its stream position and the serialized envelope. */
export interface StreamEvent {
  position: number;
  frame: string;
}

/**
 * A user's events after `after` in stream order (see migration 0003: `position` is numbered in
 * commit order per user, so every read returns a gap-free continuation of the previous one).
 * The envelope is assembled from the stored JSON text, without parsing it.
 */
export async function readEventsAfter(db: Kysely<Database>, userId: string, after: number, limit: number): Promise<StreamEvent[]> {
  const { rows } = await sql<{ position: number | string; type: string; created_at: Date; data: string }>`
    SELECT position, type, created_at, data::text AS data FROM events
    WHERE user_id = ${userId} AND position > ${after}
    ORDER BY position
    LIMIT ${limit}`.execute(db);
  return rows.map((r) => {
    const position = Number(r.position);
    return { position, frame: `{"type":${JSON.stringify(r.type)},"id":${position},"at":"${new Date(r.created_at).toISOString()}","data":${r.data}}` };
  });
}

/** The user's latest event position (0 when none is kept). */
export async function latestPosition(db: Kysely<Database>, userId: string): Promise<number> {
  const { rows } = await sql<{ p: number | string | null }>`SELECT max(position) AS p FROM events WHERE user_id = ${userId}`.execute(db);
  return Number(rows[0]?.p ?? 0);
}

/** Latest positions of many users in one round trip (an index probe each). */
export async function latestPositions(db: Kysely<Database>, userIds: string[]): Promise<Map<string, number>> {
  const out = new Map<string, number>();
  if (userIds.length === 0) return out;
  const { rows } = await sql<{ user_id: string; p: number | string | null }>`
    SELECT u.id AS user_id, (SELECT max(e.position) FROM events e WHERE e.user_id = u.id) AS p
    FROM unnest(string_to_array(${userIds.join(',')}, ',')::uuid[]) AS u(id)`.execute(db);
  for (const r of rows) out.set(r.user_id, Number(r.p ?? 0));
  return out;
}

/** Deletes events older than `before`, in batches; returns how many went. */
export async function deleteEventsBefore(db: Kysely<Database>, before: Date, batch = 5000): Promise<number> {
  let total = 0;
  for (;;) {
    const result = await sql`
      DELETE FROM events WHERE id IN (SELECT id FROM events WHERE created_at < ${before} ORDER BY created_at LIMIT ${batch})`.execute(db);
    const n = Number(result.numAffectedRows ?? 0);
    total += n;
    if (n < batch) return total;
  }
}
