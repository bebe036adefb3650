import type { Conversation, Message, MentorshipStatus } from '@mentorkit/contract';
import { sql, type Selectable } from 'kysely';
import type { Db, MessagesTable } from '../../db/schema.js';
import { loadPeople, personOrThrow } from '../shared/people.repository.js';
import type { TimeCursor } from '../shared/paging.js';

export type MessageRow = Selectable<MessagesTable>;
/** Advisory-lock namespace ("mksr") for one sender's sends; see `lockSender`. */
const SEND_LOCK_NAMESPACE = 1835758450;

/** Sending stays open while the mentorship runs (active or paused); history stays readable after. */
export const canSendIn = (status: MentorshipStatus) => status === 'active' || status === 'paused';

export function toMessage(row: MessageRow, mentorshipId: string): Message {
  return {
    id: row.id,
    conversationId: row.conversation_id,
    mentorshipId,
    seq: Number(row.seq),
    senderId: row.sender_id,
    body: row.body,
    clientId: row.client_id,
    createdAt: row.created_at.toISOString(),
  };
}

export interface VisibleConversation {
  id: string;
  mentorshipId: string;
  status: MentorshipStatus;
  mentorId: string;
  menteeId: string;
  /** The other participant. */
  otherId: string;
}

/** A conversation the viewer takes part in; undefined for anyone else (who then gets a 404). */
export async function conversationForParty(db: Db, id: string, viewerId: string): Promise<VisibleConversation | undefined> {
  const row = await db.selectFrom('conversations as c').innerJoin('mentorships as m', 'm.id', 'c.mentorship_id')
    .select(['c.id', 'c.mentorship_id', 'm.status', 'm.mentor_id', 'm.mentee_id'])
    .where('c.id', '=', id)
    .where((eb) => eb.or([eb('m.mentor_id', '=', viewerId), eb('m.mentee_id', '=', viewerId)]))
    .executeTakeFirst();
  if (!row) return undefined;
  return {
    id: row.id,
    mentorshipId: row.mentorship_id,
    status: row.status,
    mentorId: row.mentor_id,
    menteeId: row.mentee_id,
    otherId: row.mentor_id === viewerId ? row.mentee_id : row.mentor_id,
  };
}

export function messageByClientId(db: Db, conversationId: string, senderId: string, clientId: string) {
  return db.selectFrom('messages').selectAll()
    .where('conversation_id', '=', conversationId).where('sender_id', '=', senderId).where('client_id', '=', clientId)
    .executeTakeFirst();
}

export function messageById(db: Db, id: string) {
  return db.selectFrom('messages').selectAll().where('id', '=', id).executeTakeFirstOrThrow();
}

/**
 * Serializes one sender's sends until the transaction ends. Its own statement: the next one's
 * snapshot must be taken after the lock is granted.
 */
export async function lockSender(trx: Db, senderId: string): Promise<void> {
  await sql`SELECT pg_advisory_xact_lock(${SEND_LOCK_NAMESPACE}::int, hashtext(${senderId}))`.execute(trx);
}

/**
 * In one statement: the id of the sender's earlier message with this clientId in the
 * conversation (if any), and the sender's messages since `since` over all conversations.
 */
export async function sendHistory(db: Db, conversationId: string, senderId: string, clientId: string, since: Date): Promise<{ existing: string | null; count: number; oldest: Date | null }> {
  const { rows: [check] } = await sql<{ existing: string | null; n: number | string; oldest: Date | string | null }>`
    SELECT (SELECT id FROM messages WHERE conversation_id = ${conversationId} AND sender_id = ${senderId} AND client_id = ${clientId}) AS existing,
      count(*) AS n, min(created_at) AS oldest
    FROM messages WHERE sender_id = ${senderId} AND created_at > ${since}`.execute(db);
  return { existing: check?.existing ?? null, count: Number(check?.n ?? 0), oldest: check?.oldest ? new Date(check.oldest) : null };
}

/**
 * The status of the conversation's mentorship, with the conversation row locked (under which
 * `seq` is taken) and the mentorship share-locked so it cannot end halfway.
 */
export async function lockConversationForSend(trx: Db, conversationId: string): Promise<MentorshipStatus | undefined> {
  const { rows: [state] } = await sql<{ status: MentorshipStatus }>`
    SELECT m.status FROM conversations c JOIN mentorships m ON m.id = c.mentorship_id
    WHERE c.id = ${conversationId}
    FOR NO KEY UPDATE OF c FOR SHARE OF m`.execute(trx);
  return state?.status;
}

/**
 * The message, the conversation's activity time, and the sender's own read marker (writing
 * implies having read what came before) in one statement.
 */
export async function insertMessage(trx: Db, message: { conversationId: string; senderId: string; body: string; clientId: string; at: Date }): Promise<MessageRow> {
  const { conversationId, senderId, body, clientId, at } = message;
  const { rows: [row] } = await sql<MessageRow>`
    WITH message AS (
      INSERT INTO messages (conversation_id, sender_id, body, client_id, created_at)
      VALUES (${conversationId}, ${senderId}, ${body}, ${clientId}, ${at})
      RETURNING *
    ), touched AS (
      UPDATE conversations SET last_message_at = ${at} WHERE id = ${conversationId}
    ), marker AS (
      INSERT INTO conversation_reads (conversation_id, user_id, last_read_seq, updated_at)
      SELECT conversation_id, sender_id, seq, created_at FROM message
      ON CONFLICT (conversation_id, user_id) DO UPDATE
        SET last_read_seq = greatest(conversation_reads.last_read_seq, excluded.last_read_seq), updated_at = excluded.updated_at
    )
    SELECT * FROM message`.execute(trx);
  return row!;
}

/** A page of a conversation's messages, newest first, before `before` (a seq) when given. */
export function messagesBefore(db: Db, conversationId: string, before: number | undefined, limit: number): Promise<MessageRow[]> {
  let q = db.selectFrom('messages').selectAll().where('conversation_id', '=', conversationId);
  if (before !== undefined) q = q.where('seq', '<', String(before));
  return q.orderBy('seq', 'desc').limit(limit).execute();
}

/** The seq of a message of the conversation, named by its seq or its id. */
export async function seqOf(db: Db, conversationId: string, upTo: number | string): Promise<number | undefined> {
  const target = await db.selectFrom('messages').select('seq')
    .where('conversation_id', '=', conversationId)
    .where(typeof upTo === 'number' ? 'seq' : 'id', '=', (typeof upTo === 'number' ? String(upTo) : upTo) as never)
    .executeTakeFirst();
  return target ? Number(target.seq) : undefined;
}

/** The user's read marker in the conversation (0 when none), locked for the rest of the transaction. */
export async function lockReadMarker(trx: Db, conversationId: string, userId: string): Promise<number> {
  const before = await trx.selectFrom('conversation_reads').select('last_read_seq')
    .where('conversation_id', '=', conversationId).where('user_id', '=', userId).forUpdate().executeTakeFirst();
  return Number(before?.last_read_seq ?? 0);
}

export async function setReadMarker(trx: Db, conversationId: string, userId: string, lastReadSeq: number, at: Date): Promise<void> {
  await trx.insertInto('conversation_reads')
    .values({ conversation_id: conversationId, user_id: userId, last_read_seq: lastReadSeq, updated_at: at })
    .onConflict((oc) => oc.columns(['conversation_id', 'user_id']).doUpdateSet({ last_read_seq: lastReadSeq, updated_at: at }))
    .execute();
}

/** Messages from the other party after the viewer's read marker, in one conversation. */
export async function unreadIn(db: Db, conversationId: string, viewerId: string): Promise<number> {
  const { rows } = await sql<{ n: number | string }>`
    SELECT count(*) AS n FROM messages x
    WHERE x.conversation_id = ${conversationId}
      AND x.seq > coalesce((SELECT r.last_read_seq FROM conversation_reads r WHERE r.conversation_id = ${conversationId} AND r.user_id = ${viewerId}), 0)
      AND x.sender_id IS DISTINCT FROM ${viewerId}`.execute(db);
  return Number(rows[0]?.n ?? 0);
}

/** Unread messages over all of the viewer's conversations. */
export async function totalUnread(db: Db, viewerId: string): Promise<number> {
  const { rows } = await sql<{ n: number | string | null }>`
    SELECT sum((
      SELECT count(*) FROM messages x
      WHERE x.conversation_id = c.id AND x.seq > coalesce(r.last_read_seq, 0) AND x.sender_id IS DISTINCT FROM ${viewerId}
    )) AS n
    FROM conversations c
    JOIN mentorships m ON m.id = c.mentorship_id
    LEFT JOIN conversation_reads r ON r.conversation_id = c.id AND r.user_id = ${viewerId}
    WHERE m.mentor_id = ${viewerId} OR m.mentee_id = ${viewerId}`.execute(db);
  return Number(rows[0]?.n ?? 0);
}

interface ConversationRow {
  id: string;
  mentorship_id: string;
  created_at: Date;
  last_message_at: Date | null;
  activity_at: Date;
  status: MentorshipStatus;
  mentor_id: string;
  mentee_id: string;
  last_read_seq: number | string;
  other_last_read_seq: number | string;
  unread: number | string;
}

/**
 * The viewer's conversations, most recent activity (last message, else creation) first, each with
 * the other person, the last message and the viewer's unread count. `only` restricts to one id.
 */
export async function listConversations(
  db: Db,
  viewerId: string,
  options: { limit: number; after?: TimeCursor | undefined; only?: string },
): Promise<{ rows: ConversationRow[]; items: Conversation[] }> {
  const { after, only } = options;
  const { rows } = await sql<ConversationRow>`
    SELECT c.id, c.mentorship_id, c.created_at, c.last_message_at, coalesce(c.last_message_at, c.created_at) AS activity_at,
      m.status, m.mentor_id, m.mentee_id,
      coalesce(r.last_read_seq, 0) AS last_read_seq,
      coalesce(o.last_read_seq, 0) AS other_last_read_seq,
      (SELECT count(*) FROM messages x
        WHERE x.conversation_id = c.id AND x.seq > coalesce(r.last_read_seq, 0) AND x.sender_id IS DISTINCT FROM ${viewerId}) AS unread
    FROM conversations c
    JOIN mentorships m ON m.id = c.mentorship_id
    LEFT JOIN conversation_reads r ON r.conversation_id = c.id AND r.user_id = ${viewerId}
    LEFT JOIN conversation_reads o ON o.conversation_id = c.id
      AND o.user_id = (CASE WHEN m.mentor_id = ${viewerId} THEN m.mentee_id ELSE m.mentor_id END)
    WHERE (m.mentor_id = ${viewerId} OR m.mentee_id = ${viewerId})
      ${only ? sql`AND c.id = ${only}` : sql``}
      ${after ? sql`AND (coalesce(c.last_message_at, c.created_at), c.id) < (${after.at}::timestamptz, ${after.id}::uuid)` : sql``}
    ORDER BY activity_at DESC, c.id DESC
    LIMIT ${options.limit}`.execute(db);
  if (rows.length === 0) return { rows, items: [] };
  const ids = rows.map((r) => r.id);
  const lastRows = await db.selectFrom('messages').selectAll()
    .distinctOn('conversation_id')
    .where('conversation_id', 'in', ids)
    .orderBy('conversation_id').orderBy('seq', 'desc')
    .execute();
  const last = new Map(lastRows.map((m) => [m.conversation_id, m]));
  const people = await loadPeople(db, rows.map((r) => (r.mentor_id === viewerId ? r.mentee_id : r.mentor_id)));
  const items = rows.map((r): Conversation => {
    const lastRow = last.get(r.id);
    const role = r.mentor_id === viewerId ? 'mentor' : 'mentee';
    return {
      id: r.id,
      mentorshipId: r.mentorship_id,
      mentorshipStatus: r.status,
      canSend: canSendIn(r.status),
      otherParty: personOrThrow(people, role === 'mentor' ? r.mentee_id : r.mentor_id),
      role,
      lastMessage: lastRow ? toMessage(lastRow, r.mentorship_id) : null,
      unreadCount: Number(r.unread),
      lastReadSeq: Number(r.last_read_seq),
      otherLastReadSeq: Number(r.other_last_read_seq),
      createdAt: r.created_at.toISOString(),
      lastMessageAt: r.last_message_at?.toISOString() ?? null,
    };
  });
  return { rows, items };
}
