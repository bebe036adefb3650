import { sql, type Kysely } from 'kysely';
import type { Database } from '../../db/schema.js';

interface OffsetTable {
  at: number;
  offsets: Map<string, number>;
}

const REFRESH_MS = 60 * 60_000;
const tables = new WeakMap<object, Promise<OffsetTable>>();

/**
 * Current UTC offsets (hours) of every zone name the database knows, aliases included, read once
 * an hour. Both sides of the time-zone part of the match score use this one table, so a viewer
 * and a mentor in the same zone always compare equal, and the query itself only tests
 * `time_zone = ANY(close zones)`.
 */
export async function zoneOffsets(db: Kysely<Database>, now: Date): Promise<Map<string, number>> {
  let table = tables.get(db);
  const current = table ? await table : undefined;
  if (!current || now.getTime() - current.at > REFRESH_MS || now.getTime() < current.at) {
    table = sql<{ name: string; hours: number }>`
      SELECT name, extract(epoch FROM utc_offset)::float8 / 3600 AS hours FROM pg_timezone_names`
      .execute(db)
      .then((r) => ({ at: now.getTime(), offsets: new Map(r.rows.map((z) => [z.name, z.hours])) }));
    tables.set(db, table);
    table.catch(() => tables.delete(db));
  }
  return (await table!).offsets;
}

const nearby = new WeakMap<Map<string, number>, Map<string, string[]>>();

/**
 * Zones within `hours` of `zone` right now (empty for an unknown zone); the same for everyone in
 * one zone until the offsets are read again, so worked out once per zone and table.
 */
export function zonesNear(offsets: Map<string, number>, zone: string | null, hours: number): string[] {
  const mine = zone ? offsets.get(zone) : undefined;
  if (mine === undefined) return [];
  let known = nearby.get(offsets);
  if (!known) nearby.set(offsets, (known = new Map()));
  const key = `${zone} ${hours}`;
  let near = known.get(key);
  if (!near) known.set(key, (near = [...offsets].filter(([, h]) => Math.abs(h - mine) <= hours).map(([name]) => name)));
  return near;
}

export function zoneGap(offsets: Map<string, number>, a: string | null, b: string | null): number | null {
  const x = a ? offsets.get(a) : undefined;
  const y = b ? offsets.get(b) : undefined;
  return x === undefined || y === undefined ? null : Math.abs(x - y);
}
