import { sql, type Kysely } from 'kysely';
import type { Database } from '../../db/schema.js';
import type { Logger } from '../../http/logger.js';
import { insertOutbox, type OutboxInsert } from './enqueue.js';
import type { TemplateData } from './templates.js';

const DAY_MS = 86_400_000;
/** A message gets this long to be read in the portal before a digest mentions it. */
export const DIGEST_QUIET_MS = 3_600_000;

interface Row {
  user_id: string;
  mentorship_id: string;
  other_name: string;
  unread: number | string;
}

/**
 * Writes today's digest of unread messages for everyone who has some, once per person per UTC
 * day: the outbox's unique `digest:<user>:<day>` key makes a second run (here or on another
 * instance) a no-op. A digest covers messages since the person's previous digest (at most a
 * day back) that are at least an hour old and still unread, so no message is announced twice.
 * People who switched the digest off are left out entirely: there is no event to record.
 */
export async function writeDigests(db: Kysely<Database>, now: Date): Promise<number> {
  const day = now.toISOString().slice(0, 10);
  const dayAgo = new Date(now.getTime() - DAY_MS);
  const quiet = new Date(now.getTime() - DIGEST_QUIET_MS);
  const { rows } = await sql<Row>`
    WITH parties AS (
      SELECT c.id AS conversation_id, ms.id AS mentorship_id, p.user_id, p.other_id
      FROM conversations c
      JOIN mentorships ms ON ms.id = c.mentorship_id
      CROSS JOIN LATERAL (VALUES (ms.mentor_id, ms.mentee_id), (ms.mentee_id, ms.mentor_id)) AS p(user_id, other_id)
      WHERE c.last_message_at > ${dayAgo}
    )
    SELECT pa.user_id, pa.mentorship_id,
      CASE WHEN o.deleted_at IS NULL THEN o.name ELSE 'Deleted user' END AS other_name,
      count(*) AS unread
    FROM parties pa
    JOIN users u ON u.id = pa.user_id AND u.deleted_at IS NULL AND u.email IS NOT NULL
    JOIN users o ON o.id = pa.other_id
    LEFT JOIN notification_preferences np ON np.user_id = pa.user_id
    LEFT JOIN conversation_reads r ON r.conversation_id = pa.conversation_id AND r.user_id = pa.user_id
    JOIN messages m ON m.conversation_id = pa.conversation_id AND m.sender_id IS DISTINCT FROM pa.user_id
    WHERE NOT ('message_digest' = ANY(coalesce(np.disabled_kinds, '{}')))
      AND m.seq > coalesce(r.last_read_seq, 0)
      AND m.created_at <= ${quiet}
      AND m.created_at > greatest(${dayAgo}::timestamptz, coalesce(
        (SELECT max(e.created_at) FROM email_outbox e WHERE e.user_id = pa.user_id AND e.template = 'messages.digest'), ${dayAgo}::timestamptz))
      AND NOT EXISTS (SELECT 1 FROM email_outbox e WHERE e.dedupe_key = 'digest:' || pa.user_id || ':' || ${day})
    GROUP BY pa.user_id, pa.mentorship_id, o.name, o.deleted_at
    ORDER BY pa.user_id, o.name
  `.execute(db);
  const byUser = new Map<string, TemplateData['messages.digest']['conversations']>();
  for (const r of rows) {
    const list = byUser.get(r.user_id) ?? [];
    list.push({ mentorshipId: r.mentorship_id, otherName: r.other_name, unread: Number(r.unread) });
    byUser.set(r.user_id, list);
  }
  const mails: OutboxInsert[] = [...byUser].map(([userId, conversations]) => ({
    userId,
    kind: 'message_digest',
    template: 'messages.digest',
    data: { day, conversations } satisfies TemplateData['messages.digest'],
    dedupeKey: `digest:${userId}:${day}`,
  }));
  await db.transaction().execute((trx) => insertOutbox(trx, mails, now));
  return mails.length;
}

/** Runs now and then hourly: the first run of a UTC day that finds unread messages writes the digest. */
export function startDigestJob(db: Kysely<Database>, options: { now: () => Date; logger: Logger; intervalMs?: number }) {
  let running: Promise<void> | undefined;
  const tick = () => {
    running ??= (async () => {
      try {
        const written = await writeDigests(db, options.now());
        if (written) options.logger.info('message digests written', { count: written });
      } catch (err) {
        options.logger.error('digest job failed', { error: err instanceof Error ? err.message : String(err) });
      } finally {
        running = undefined;
      }
    })();
    return running;
  };
  const first = tick();
  const timer = setInterval(tick, options.intervalMs ?? 3_600_000);
  timer.unref();
  return { first, stop: async () => { clearInterval(timer); await running; } };
}
