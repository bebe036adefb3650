import { z } from 'zod';
import { id, isoDateTime, page, text } from './common.js';
import { personSummary } from './people.js';
import { mentorshipStatuses } from './values.js';

/** The longest message body, in characters, after trimming. */
export const MESSAGE_MAX_LENGTH = 4000;
/** How many messages one person may send per rolling minute (answered with 429 beyond). */
export const MESSAGES_PER_MINUTE = 20;

/**
 * A direct message. `body` is plain text exactly as sent (trimmed); clients must render it as
 * text, never as HTML. `seq` orders messages within a conversation (and across, globally), and is
 * what read markers point at.
 */
export const message = z.object({
  id,
  conversationId: id,
  mentorshipId: id,
  seq: z.number().int().positive(),
  /** null once the sender erased their account; shown as "Deleted user". */
  senderId: id.nullable(),
  body: z.string(),
  /** The sender's own id for this send, so an optimistic bubble can be matched to the stored message. */
  clientId: z.string(),
  createdAt: isoDateTime,
});
export type Message = z.infer<typeof message>;

/** `POST /conversations/:id/messages`. A retry with the same `clientId` returns the first message. */
export const sendMessageInput = z.object({
  body: text(MESSAGE_MAX_LENGTH, 1),
  clientId: z.string().min(1).max(100).regex(/^[\x21-\x7e]+$/, 'Must be 1–100 visible ASCII characters, e.g. a UUID'),
}).strict();
export type SendMessageInput = z.input<typeof sendMessageInput>;

/** `GET /conversations/:id/messages`: newest first; `before` is a `seq` (the previous page's `nextCursor`). */
export const messageListQuery = z.object({
  before: z.coerce.number().int().positive().optional(),
  limit: z.coerce.number().int().min(1).max(100).default(50),
});
export type MessageListParams = { before?: number | string; limit?: number };

export const messagePage = page(message);
export type MessagePage = z.infer<typeof messagePage>;

/** `POST /conversations/:id/read`: everything up to and including this message (its id or its `seq`). */
export const markConversationReadInput = z.object({
  upTo: z.union([id, z.number().int().positive()]),
}).strict();
export type MarkConversationReadInput = z.input<typeof markConversationReadInput>;

/**
 * A read marker moved: the answer of `POST /conversations/:id/read` and the data of a
 * `conversation.read` event. `userId` is who read. `unreadCount` and `totalUnread` are the
 * reader's own counts and are present only on the reader's copy (the answer and the reader's own
 * event), never on the copy sent to the other party.
 */
export const conversationRead = z.object({
  conversationId: id,
  mentorshipId: id,
  userId: id,
  lastReadSeq: z.number().int().min(0),
  readAt: isoDateTime,
  unreadCount: z.number().int().min(0).optional(),
  totalUnread: z.number().int().min(0).optional(),
});
export type ConversationRead = z.infer<typeof conversationRead>;

/** One conversation as its participant sees it: the other person, the last message, unread state. */
export const conversation = z.object({
  id,
  mentorshipId: id,
  mentorshipStatus: z.enum(mentorshipStatuses),
  /** false once the mentorship has completed or been cancelled: history stays, sending answers 409. */
  canSend: z.boolean(),
  otherParty: personSummary,
  /** The viewer's role in the mentorship. */
  role: z.enum(['mentor', 'mentee']),
  lastMessage: message.nullable(),
  unreadCount: z.number().int().min(0),
  /** The viewer's read marker. */
  lastReadSeq: z.number().int().min(0),
  /** The other party's read marker, for read receipts. */
  otherLastReadSeq: z.number().int().min(0),
  createdAt: isoDateTime,
  lastMessageAt: isoDateTime.nullable(),
});
export type Conversation = z.infer<typeof conversation>;

/** `GET /conversations`: most recent activity first, plus the unread total over all of them. */
export const conversationPage = page(conversation).extend({ totalUnread: z.number().int().min(0) });
export type ConversationPage = z.infer<typeof conversationPage>;

export const conversationListQuery = z.object({
  limit: z.coerce.number().int().min(1).max(100).default(20),
  cursor: z.string().min(1).max(512).optional(),
});
export type ConversationListParams = { limit?: number; cursor?: string };
