import { sql } from 'kysely';
import { ApiError } from '../../http/errors.js';
import type { Db } from '../lifecycle/workspace.js';

/** At most `max` writes in any rolling `windowMs`; `label` completes "You can send at most 5 …". */
export interface RateLimit {
  max: number;
  windowMs: number;
  label: string;
}

export interface RecentWrites {
  count: number;
  oldest: Date | null;
}

/**
 * Answers 429 `rate_limited` once `recent` has reached the limit, with `Retry-After` in seconds
 * until the oldest write in the window leaves it.
 */
export function assertUnderLimit(limit: RateLimit, recent: RecentWrites, at: Date): void {
  if (recent.count < limit.max) return;
  const oldest = recent.oldest?.getTime() ?? at.getTime();
  const wait = Math.max(1, Math.ceil((oldest + limit.windowMs - at.getTime()) / 1000));
  throw new ApiError('rate_limited', `You can send at most ${limit.max} ${limit.label}; try again in ${wait} s`, undefined, { 'Retry-After': String(wait) });
}

/** Tables whose rows count towards a limit, with the column naming who wrote them. */
const actorColumns = { messages: 'sender_id', mentorship_requests: 'mentee_id' } as const;

/**
 * The limits are counted in the database from the rows themselves (no counter to drift, shared
 * by every server instance). Call inside the writing transaction, after a lock that serializes
 * this actor's writes, so two concurrent writes of one person cannot both pass the last slot.
 * Throws at the first limit reached.
 */
export async function enforceRateLimits(
  trx: Db,
  table: keyof typeof actorColumns,
  actorId: string,
  limits: readonly RateLimit[],
  at: Date,
): Promise<void> {
  const widest = Math.max(...limits.map((l) => l.windowMs));
  const since = (l: RateLimit) => new Date(at.getTime() - l.windowMs);
  const { rows: [row] } = await sql<Record<string, number | string | Date | null>>`
    SELECT ${sql.join(limits.map((l, i) => sql`
      count(*) FILTER (WHERE created_at > ${since(l)}) AS ${sql.ref(`n${i}`)},
      min(created_at) FILTER (WHERE created_at > ${since(l)}) AS ${sql.ref(`oldest${i}`)}`))}
    FROM ${sql.table(table)}
    WHERE ${sql.ref(actorColumns[table])} = ${actorId} AND created_at > ${new Date(at.getTime() - widest)}`.execute(trx);
  limits.forEach((limit, i) => {
    const oldest = row?.[`oldest${i}`];
    assertUnderLimit(limit, { count: Number(row?.[`n${i}`] ?? 0), oldest: oldest ? new Date(oldest) : null }, at);
  });
}
