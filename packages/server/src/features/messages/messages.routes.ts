import {
  conversationListQuery,
  markConversationReadInput,
  messageListQuery,
  MESSAGES_PER_MINUTE,
  sendMessageInput,
  type ConversationPage,
  type ConversationRead,
  type Message,
  type MessagePage,
  type MentorshipStatus,
} from '@mentorkit/contract';
import { Hono } from 'hono';
import { sql, type Selectable } from 'kysely';
import { requireViewer } from '../../auth/auth.middleware.js';
import { ApiError, notFound } from '../../http/errors.js';
import type { AppEnv, Viewer } from '../../http/env.js';
import { validate } from '../../http/validate.js';
import type { AppDeps } from '../../http/env.js';
import type { MessagesTable } from '../../db/schema.js';
import { decodeTimeCursor, encodeTimeCursor, UUID } from '../shared/paging.js';
import { assertUnderLimit, type RateLimit } from '../shared/rate-limit.js';
import { record } from '../shared/record.js';
import {
  canSendIn,
  conversationForParty,
  listConversations,
  messageByClientId,
  toMessage,
  totalUnread,
  unreadIn,
} from './messages.repository.js';

const MINUTE_MS = 60_000;
const MESSAGE_RATE_LIMIT: RateLimit = { max: MESSAGES_PER_MINUTE, windowMs: MINUTE_MS, label: 'messages a minute' };
type MessageRow = Selectable<MessagesTable>;
/** Advisory-lock namespace ("mksr") for one sender's sends; see `send`. */
const SEND_LOCK_NAMESPACE = 1835758450;

async function visibleConversation(db: AppDeps['db'], id: string, viewer: Viewer) {
  const conversation = UUID.test(id) ? await conversationForParty(db, id, viewer.id) : undefined;
  if (!conversation) throw notFound('Conversation');
  return conversation;
}

const isConstraint = (err: unknown, name: string) => (err as { constraint?: string })?.constraint === name;

/**
 * Sends a message, once per (conversation, sender, clientId).
 *
 * In one transaction: a per-sender advisory lock (so concurrent sends of one person — several
 * tabs, several server instances — count and de-duplicate one after the other), the clientId
 * replay check, the rate limit (counted in the database over the last minute, so every instance
 * shares it), the mentorship's state (row share-locked so it cannot end halfway), and the
 * conversation row lock, under which `seq` is taken: within a conversation, seq order is commit
 * order, so read markers never cover a message that committed later with a smaller seq.
 * Replays are answered 200 with the stored message, even once the limit is reached or the
 * mentorship has ended: they are not new messages.
 */
async function send(deps: AppDeps, conversationId: string, viewer: Viewer, input: { body: string; clientId: string }) {
  const { db, now } = deps;
  const conversation = await visibleConversation(db, conversationId, viewer);
  const replay = (row: MessageRow) => {
    if (row.body !== input.body) throw new ApiError('conflict', 'This clientId was already used for a different message');
    return { message: toMessage(row, conversation.mentorshipId), replayed: true };
  };
  try {
    return await db.transaction().execute(async (trx): Promise<{ message: Message; replayed: boolean }> => {
      // Its own statement: the next one's snapshot must be taken after the lock is granted.
      await sql`SELECT pg_advisory_xact_lock(${SEND_LOCK_NAMESPACE}::int, hashtext(${viewer.id}))`.execute(trx);
      const at = now();
      const { rows: [check] } = await sql<{ existing: string | null; n: number | string; oldest: Date | string | null }>`
        SELECT (SELECT id FROM messages WHERE conversation_id = ${conversation.id} AND sender_id = ${viewer.id} AND client_id = ${input.clientId}) AS existing,
          count(*) AS n, min(created_at) AS oldest
        FROM messages WHERE sender_id = ${viewer.id} AND created_at > ${new Date(at.getTime() - MINUTE_MS)}`.execute(trx);
      if (check?.existing) {
        return replay(await trx.selectFrom('messages').selectAll().where('id', '=', check.existing).executeTakeFirstOrThrow());
      }
      assertUnderLimit(MESSAGE_RATE_LIMIT, { count: Number(check?.n ?? 0), oldest: check?.oldest ? new Date(check.oldest) : null }, at);
      const { rows: [state] } = await sql<{ status: MentorshipStatus }>`
        SELECT m.status FROM conversations c JOIN mentorships m ON m.id = c.mentorship_id
        WHERE c.id = ${conversation.id}
        FOR NO KEY UPDATE OF c FOR SHARE OF m`.execute(trx);
      if (!state || !canSendIn(state.status)) {
        throw new ApiError('invalid_transition', `This mentorship is ${state?.status ?? 'gone'}; its messages stay readable but no new ones can be sent`);
      }
      // The message, the conversation's activity time, and the sender's own read marker (writing
      // implies having read what came before) in one statement.
      const { rows: [row] } = await sql<MessageRow>`
        WITH message AS (
          INSERT INTO messages (conversation_id, sender_id, body, client_id, created_at)
          VALUES (${conversation.id}, ${viewer.id}, ${input.body}, ${input.clientId}, ${at})
          RETURNING *
        ), touched AS (
          UPDATE conversations SET last_message_at = ${at} WHERE id = ${conversation.id}
        ), marker AS (
          INSERT INTO conversation_reads (conversation_id, user_id, last_read_seq, updated_at)
          SELECT conversation_id, sender_id, seq, created_at FROM message
          ON CONFLICT (conversation_id, user_id) DO UPDATE
            SET last_read_seq = greatest(conversation_reads.last_read_seq, excluded.last_read_seq), updated_at = excluded.updated_at
        )
        SELECT * FROM message`.execute(trx);
      const message = toMessage(row!, conversation.mentorshipId);
      await record(trx, {
        now: at,
        events: [
          { userId: viewer.id, type: 'message.created', data: message },
          { userId: conversation.otherId, type: 'message.created', data: message },
        ],
      });
      return { message, replayed: false };
    });
  } catch (err) {
    // Last line of defence: the unique (conversation, sender, clientId) constraint.
    if (isConstraint(err, 'messages_client_id_once')) {
      const row = await messageByClientId(db, conversation.id, viewer.id, input.clientId);
      if (row) return replay(row);
    }
    throw err;
  }
}

export const conversationRoutes = new Hono<AppEnv>()
  .use(requireViewer)
  .get('/', validate('query', conversationListQuery), async (c) => {
    const { db } = c.get('deps');
    const viewer = c.get('viewer');
    const query = c.req.valid('query');
    const [{ rows, items }, unread] = await Promise.all([
      listConversations(db, viewer.id, { limit: query.limit + 1, after: decodeTimeCursor(query.cursor) }),
      totalUnread(db, viewer.id),
    ]);
    const more = rows.length > query.limit;
    const last = rows[Math.min(rows.length, query.limit) - 1];
    const body: ConversationPage = {
      items: items.slice(0, query.limit),
      nextCursor: more && last ? encodeTimeCursor({ at: last.activity_at, id: last.id }) : null,
      totalUnread: unread,
    };
    return c.json(body, 200);
  })
  .get('/:id', async (c) => {
    const { db } = c.get('deps');
    const viewer = c.get('viewer');
    const conversation = await visibleConversation(db, c.req.param('id'), viewer);
    const { items } = await listConversations(db, viewer.id, { limit: 1, only: conversation.id });
    if (!items[0]) throw notFound('Conversation');
    return c.json(items[0], 200);
  })
  .get('/:id/messages', validate('query', messageListQuery), async (c) => {
    const { db } = c.get('deps');
    const query = c.req.valid('query');
    const conversation = await visibleConversation(db, c.req.param('id'), c.get('viewer'));
    let q = db.selectFrom('messages').selectAll().where('conversation_id', '=', conversation.id);
    if (query.before !== undefined) q = q.where('seq', '<', String(query.before));
    const rows = await q.orderBy('seq', 'desc').limit(query.limit + 1).execute();
    const kept = rows.slice(0, query.limit);
    const last = kept.at(-1);
    const body: MessagePage = {
      items: kept.map((r) => toMessage(r, conversation.mentorshipId)),
      nextCursor: rows.length > query.limit && last ? String(Number(last.seq)) : null,
    };
    return c.json(body, 200);
  })
  .post('/:id/messages', validate('json', sendMessageInput), async (c) => {
    const { message, replayed } = await send(c.get('deps'), c.req.param('id'), c.get('viewer'), c.req.valid('json'));
    // 201 when this call stored the message; 200 when it is a replay of an earlier send with the same clientId.
    return c.json(message, replayed ? 200 : 201);
  })
  .post('/:id/read', validate('json', markConversationReadInput), async (c) => {
    const { db, now } = c.get('deps');
    const viewer = c.get('viewer');
    const { upTo } = c.req.valid('json');
    const conversation = await visibleConversation(db, c.req.param('id'), viewer);
    const target = await db.selectFrom('messages').select('seq')
      .where('conversation_id', '=', conversation.id)
      .where(typeof upTo === 'number' ? 'seq' : 'id', '=', (typeof upTo === 'number' ? String(upTo) : upTo) as never)
      .executeTakeFirst();
    if (!target) throw notFound('Message');
    const seq = Number(target.seq);
    const result = await db.transaction().execute(async (trx): Promise<ConversationRead> => {
      const at = now();
      const before = await trx.selectFrom('conversation_reads').select('last_read_seq')
        .where('conversation_id', '=', conversation.id).where('user_id', '=', viewer.id).forUpdate().executeTakeFirst();
      const previous = Number(before?.last_read_seq ?? 0);
      // Markers only move forward: a late request from another device cannot un-read messages.
      const lastReadSeq = Math.max(previous, seq);
      if (lastReadSeq !== previous) {
        await trx.insertInto('conversation_reads')
          .values({ conversation_id: conversation.id, user_id: viewer.id, last_read_seq: lastReadSeq, updated_at: at })
          .onConflict((oc) => oc.columns(['conversation_id', 'user_id']).doUpdateSet({ last_read_seq: lastReadSeq, updated_at: at }))
          .execute();
      }
      const shared = { conversationId: conversation.id, mentorshipId: conversation.mentorshipId, userId: viewer.id, lastReadSeq, readAt: at.toISOString() };
      const own: ConversationRead = { ...shared, unreadCount: await unreadIn(trx, conversation.id, viewer.id), totalUnread: await totalUnread(trx, viewer.id) };
      if (lastReadSeq !== previous) {
        await record(trx, {
          now: at,
          events: [
            { userId: viewer.id, type: 'conversation.read', data: own },
            { userId: conversation.otherId, type: 'conversation.read', data: shared },
          ],
        });
      }
      return own;
    });
    return c.json(result, 200);
  });
