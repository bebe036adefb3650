import { sql, type RawBuilder } from 'kysely';
import { ApiError } from '../../http/errors.js';
import type { Db } from '../../db/schema.js';

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
  await enforceOn(trx, sql`${sql.table(table)} WHERE ${sql.ref(actorColumns[table])} = ${actorId}`, limits, at);
}

const MINUTE_MS = 60_000;
const HOUR_MS = 60 * MINUTE_MS;
const DAY_MS = 24 * HOUR_MS;

/**
 * Writes inside a mentorship that reach the other party (a notification, and for meetings a
 * mail with an `.ics`), with the audit actions that count them: edits and cancellations leave no
 * row of their own, but every write leaves its audit row. A person planning in earnest stays far
 * below these; a script sending a meeting a second does not.
 */
export const workspaceLimits = {
  meetings: {
    actions: ['meeting.scheduled', 'meeting.updated', 'meeting.rescheduled', 'meeting.cancelled'],
    limits: [
      { max: 30, windowMs: HOUR_MS, label: 'meeting changes an hour' },
      { max: 100, windowMs: DAY_MS, label: 'meeting changes a day' },
    ],
  },
  milestones: {
    // A timeline from a template writes one row per milestone: the hourly budget allows several.
    actions: ['mentorship.timeline_set', 'milestone.created', 'milestone.edited', 'milestone.status_changed', 'milestone.moved', 'milestone.deleted'],
    limits: [
      { max: 120, windowMs: HOUR_MS, label: 'milestone changes an hour' },
      { max: 400, windowMs: DAY_MS, label: 'milestone changes a day' },
    ],
  },
  progressNotes: {
    actions: ['progress.noted'],
    limits: [
      { max: 20, windowMs: HOUR_MS, label: 'progress notes an hour' },
      { max: 60, windowMs: DAY_MS, label: 'progress notes a day' },
    ],
  },
} as const satisfies Record<string, { actions: readonly string[]; limits: readonly RateLimit[] }>;

/** Namespace of the per-person advisory lock that serializes the counting (see messages' own). */
const WORKSPACE_LOCK_NAMESPACE = 1835758451;

/**
 * `workspaceLimits[kind]` for `actorId`, counted from the audit log (shared by every instance)
 * under a per-person lock taken first, in its own statement so the count's snapshot follows it.
 * Call at the start of the writing transaction: 429 `rate_limited` with `Retry-After` beyond.
 */
export async function enforceWorkspaceLimits(trx: Db, kind: keyof typeof workspaceLimits, actorId: string, at: Date): Promise<void> {
  const { actions, limits } = workspaceLimits[kind];
  await sql`SELECT pg_advisory_xact_lock(${WORKSPACE_LOCK_NAMESPACE}::int, hashtext(${actorId}))`.execute(trx);
  await enforceOn(trx, sql`audit_log WHERE actor_id = ${actorId} AND action = ANY(${[...actions]}::text[])`, limits, at);
}

/** Counts the rows of `source` (a table and its WHERE) in each limit's window, and throws at the first limit reached. */
async function enforceOn(trx: Db, source: RawBuilder<unknown>, limits: readonly RateLimit[], at: Date): Promise<void> {
  const widest = Math.max(...limits.map((l) => l.windowMs));
  const since = (l: RateLimit) => new Date(at.getTime() - l.windowMs);
  const { rows: [row] } = await sql<Record<string, number | string | Date | null>>`
    SELECT ${sql.join(limits.map((l, i) => sql`
      count(*) FILTER (WHERE created_at > ${since(l)}) AS ${sql.ref(`n${i}`)},
      min(created_at) FILTER (WHERE created_at > ${since(l)}) AS ${sql.ref(`oldest${i}`)}`))}
    FROM ${source} AND created_at > ${new Date(at.getTime() - widest)}`.execute(trx);
  limits.forEach((limit, i) => {
    const oldest = row?.[`oldest${i}`];
    assertUnderLimit(limit, { count: Number(row?.[`n${i}`] ?? 0), oldest: oldest ? new Date(oldest) : null }, at);
  });
}
