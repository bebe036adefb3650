import {
  MESSAGES_PER_MINUTE,
  type Conversation,
  type conversationListQuery,
  type ConversationPage,
  type ConversationRead,
  type markConversationReadInput,
  type Message,
  type messageListQuery,
  type MessagePage,
  type sendMessageInput,
} from '@mentorkit/contract';
import type { z } from 'zod';
import type { Db } from '../../db/schema.js';
import { ApiError, notFound } from '../../http/errors.js';
import type { ServiceContext, Viewer } from '../../http/env.js';
import { decodeTimeCursor, encodeTimeCursor, UUID } from '../shared/paging.js';
import { assertUnderLimit, type RateLimit } from '../shared/rate-limit.js';
import { record } from '../activity/record.js';
import {
  canSendIn,
  conversationForParty,
  insertMessage,
  listConversations as conversationRows,
  lockConversationForSend,
  lockReadMarker,
  lockSender,
  messageByClientId,
  messageById,
  messagesBefore,
  sendHistory,
  seqOf,
  setReadMarker,
  toMessage,
  totalUnread,
  unreadIn,
  type MessageRow,
  type VisibleConversation,
} from './messages.repository.js';

type Ctx = Pick<ServiceContext, 'db' | 'now'>;
type Reader = Pick<Viewer, 'id'>;

const MINUTE_MS = 60_000;
const MESSAGE_RATE_LIMIT: RateLimit = { max: MESSAGES_PER_MINUTE, windowMs: MINUTE_MS, label: 'messages a minute' };

/** A conversation the viewer takes part in; 404 for anyone else and for ids that are not UUIDs. */
async function visibleConversation(db: Db, id: string, viewer: Reader): Promise<VisibleConversation> {
  const conversation = UUID.test(id) ? await conversationForParty(db, id, viewer.id) : undefined;
  if (!conversation) throw notFound('Conversation');
  return conversation;
}

const isConstraint = (err: unknown, name: string) => (err as { constraint?: string })?.constraint === name;

/** The viewer's conversations, latest activity first, with their total unread count. */
export async function listConversations({ db }: Pick<ServiceContext, 'db'>, viewer: Reader, query: z.output<typeof conversationListQuery>): Promise<ConversationPage> {
  const [{ rows, items }, unread] = await Promise.all([
    conversationRows(db, viewer.id, { limit: query.limit + 1, after: decodeTimeCursor(query.cursor) }),
    totalUnread(db, viewer.id),
  ]);
  const more = rows.length > query.limit;
  const last = rows[Math.min(rows.length, query.limit) - 1];
  return {
    items: items.slice(0, query.limit),
    nextCursor: more && last ? encodeTimeCursor({ at: last.activity_at, id: last.id }) : null,
    totalUnread: unread,
  };
}

export async function getConversation({ db }: Pick<ServiceContext, 'db'>, viewer: Reader, id: string): Promise<Conversation> {
  const conversation = await visibleConversation(db, id, viewer);
  const { items } = await conversationRows(db, viewer.id, { limit: 1, only: conversation.id });
  if (!items[0]) throw notFound('Conversation');
  return items[0];
}

/** A conversation's messages, newest first, by seq. */
export async function listMessages({ db }: Pick<ServiceContext, 'db'>, viewer: Reader, id: string, query: z.output<typeof messageListQuery>): Promise<MessagePage> {
  const conversation = await visibleConversation(db, id, viewer);
  const rows = await messagesBefore(db, conversation.id, query.before, query.limit + 1);
  const kept = rows.slice(0, query.limit);
  const last = kept.at(-1);
  return {
    items: kept.map((r) => toMessage(r, conversation.mentorshipId)),
    nextCursor: rows.length > query.limit && last ? String(Number(last.seq)) : null,
  };
}

/**
 * Sends a message, once per (conversation, sender, clientId).
 *
 * In one transaction: a per-sender advisory lock (so concurrent sends of one person — several
 * tabs, several server instances — count and de-duplicate one after the other), the clientId
 * replay check, the rate limit (counted in the database over the last minute, so every instance
 * shares it), the mentorship's state (row share-locked so it cannot end halfway), and the
 * conversation row lock, under which `seq` is taken: within a conversation, seq order is commit
 * order, so read markers never cover a message that committed later with a smaller seq.
 * Replays are answered with the stored message (`replayed`), even once the limit is reached or
 * the mentorship has ended: they are not new messages.
 */
export async function sendMessage(
  { db, now }: Ctx,
  viewer: Reader,
  conversationId: string,
  input: z.output<typeof sendMessageInput>,
): Promise<{ message: Message; replayed: boolean }> {
  const conversation = await visibleConversation(db, conversationId, viewer);
  const replay = (row: MessageRow) => {
    if (row.body !== input.body) throw new ApiError('conflict', 'This clientId was already used for a different message');
    return { message: toMessage(row, conversation.mentorshipId), replayed: true };
  };
  try {
    return await db.transaction().execute(async (trx): Promise<{ message: Message; replayed: boolean }> => {
      await lockSender(trx, viewer.id);
      const at = now();
      const history = await sendHistory(trx, conversation.id, viewer.id, input.clientId, new Date(at.getTime() - MINUTE_MS));
      if (history.existing) return replay(await messageById(trx, history.existing));
      assertUnderLimit(MESSAGE_RATE_LIMIT, history, at);
      const status = await lockConversationForSend(trx, conversation.id);
      if (!status || !canSendIn(status)) {
        throw new ApiError('invalid_transition', `This mentorship is ${status ?? 'gone'}; its messages stay readable but no new ones can be sent`);
      }
      const row = await insertMessage(trx, { conversationId: conversation.id, senderId: viewer.id, body: input.body, clientId: input.clientId, at });
      const message = toMessage(row, conversation.mentorshipId);
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

/** Moves the viewer's read marker up to a message (by id or seq); markers only move forward. */
export async function markRead({ db, now }: Ctx, viewer: Reader, conversationId: string, { upTo }: z.output<typeof markConversationReadInput>): Promise<ConversationRead> {
  const conversation = await visibleConversation(db, conversationId, viewer);
  const seq = await seqOf(db, conversation.id, upTo);
  if (seq === undefined) throw notFound('Message');
  return db.transaction().execute(async (trx): Promise<ConversationRead> => {
    const at = now();
    const previous = await lockReadMarker(trx, conversation.id, viewer.id);
    // A late request from another device cannot un-read messages.
    const lastReadSeq = Math.max(previous, seq);
    if (lastReadSeq !== previous) await setReadMarker(trx, conversation.id, viewer.id, lastReadSeq, at);
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
}
