import { z } from 'zod';
import { id, isoDateTime } from './common.js';
import type { ConversationRead, Message } from './messages.js';
import type { Mentorship } from './mentorships.js';
import type { Notification } from './notifications.js';
import type { MentorshipRequest } from './requests.js';
import type { Meeting, Milestone, ProgressNote } from './workspace.js';

/**
 * The realtime protocol of `GET /api/v1/realtime` (a WebSocket):
 *
 * 1. The client's first message is `{"type":"auth","token":"<JWT>"}` within 5 s, or the server
 *    closes with 4401. Tokens never go in the URL.
 * 2. The server answers `{"type":"ready","cursor":N,"userId":…}`: N is the caller's latest event
 *    id at that moment; without a resume, live events after N follow.
 * 3. A client that saw events before sends `{"type":"resume","after":lastSeenId}` (best right
 *    after `auth`, in the same breath): it receives every kept event with a larger id, in order,
 *    then live ones — each exactly once per socket.
 * 4. Events are `{"type","id","at","data"}`; `id` grows strictly within one user's stream, so a
 *    client can drop anything at or below the last id it handled. Events are kept for 7 days.
 * 5. `{"type":"ping"}` is answered with `{"type":"pong"}` (for clients, such as browsers, that cannot
 *    see protocol pings). The server pings every 30 s and drops sockets that do not answer.
 */
export const realtimeEventTypes = [
  'request.created',
  'request.updated',
  'mentorship.updated',
  'meeting.created',
  'meeting.updated',
  'milestone.updated',
  'progress.created',
  'message.created',
  'conversation.read',
  'notification.created',
] as const;
export type RealtimeEventType = (typeof realtimeEventTypes)[number];

/** What each event's `data` is: the resource it is about. */
export interface RealtimeEventDataMap {
  'request.created': MentorshipRequest;
  'request.updated': MentorshipRequest;
  'mentorship.updated': Mentorship;
  'meeting.created': Meeting;
  'meeting.updated': Meeting;
  'milestone.updated': Milestone;
  'progress.created': ProgressNote;
  'message.created': Message;
  'conversation.read': ConversationRead;
  'notification.created': Notification;
}

/** A realtime event id: the per-user cursor. */
export const eventCursor = z.number().int().min(0);

/** A server event; `id` is the per-user cursor to resume after, `data` the resource it is about. */
export const realtimeEvent = z.object({
  type: z.enum(realtimeEventTypes),
  id: eventCursor,
  at: isoDateTime,
  data: z.unknown(),
});
/** The envelope as parsed, `data` not yet narrowed; see `RealtimeEventOf` / `TypedRealtimeEvent`. */
export type RealtimeEvent = z.infer<typeof realtimeEvent>;

/** One event type with its `data` typed. */
export interface RealtimeEventOf<T extends RealtimeEventType> {
  type: T;
  id: number;
  at: string;
  data: RealtimeEventDataMap[T];
}
/** Any event, discriminated on `type` so `switch (event.type)` narrows `data`. */
export type TypedRealtimeEvent = { [T in RealtimeEventType]: RealtimeEventOf<T> }[RealtimeEventType];

/** Largest message a client may send on the socket (bytes); larger ones close it with 1009. */
export const REALTIME_MAX_CLIENT_MESSAGE_BYTES = 16 * 1024;

export const realtimeAuthMessage = z.object({ type: z.literal('auth'), token: z.string().min(1).max(8192) }).strict();
export const realtimeResumeMessage = z.object({ type: z.literal('resume'), after: eventCursor }).strict();
export const realtimePingMessage = z.object({ type: z.literal('ping') }).strict();

/** What a client may send. */
export const realtimeClientMessage = z.discriminatedUnion('type', [realtimeAuthMessage, realtimeResumeMessage, realtimePingMessage]);
export type RealtimeClientMessage = z.infer<typeof realtimeClientMessage>;

export const realtimeReadyMessage = z.object({ type: z.literal('ready'), cursor: eventCursor, userId: id });
export type RealtimeReadyMessage = z.infer<typeof realtimeReadyMessage>;
export const realtimePongMessage = z.object({ type: z.literal('pong') });

/** What the server sends: control messages and events. */
export const realtimeServerMessage = z.union([realtimeReadyMessage, realtimePongMessage, realtimeEvent]);
export type RealtimeServerMessage = z.infer<typeof realtimeServerMessage>;

/**
 * Close codes. 4401: no valid `auth` first (bad or expired token, other message first, or none in
 * 5 s), the token expired, or the account was erased — get a fresh token before reconnecting. 4400: a message that is not valid protocol JSON.
 * 4408: the socket fell too far behind (send buffer full) — reconnect and resume. 4429: the user
 * opened more sockets than allowed; the oldest is closed. 1001: the server is shutting down.
 * 1009: a client message over the size limit.
 */
export const realtimeCloseCodes = {
  goingAway: 1001,
  messageTooBig: 1009,
  badMessage: 4400,
  unauthenticated: 4401,
  slowConsumer: 4408,
  tooManySockets: 4429,
} as const;
export type RealtimeCloseCode = (typeof realtimeCloseCodes)[keyof typeof realtimeCloseCodes];

// The client side of the stream, as the SDK's `client.realtime.subscribe(handler, options)` offers it.

/** The state of a subscription: the SDK reconnects by itself until it is closed. */
export type RealtimeStatus = 'connecting' | 'open' | 'reconnecting' | 'closed';

export interface RealtimeStatusInfo {
  /** Consecutive failed attempts so far (0 once a connection is ready). */
  attempt: number;
  /** With `reconnecting`: how long until the next attempt, in ms. */
  delayMs?: number;
  /** The close code of the socket that went away (see `realtimeCloseCodes`; 4429 with `closed`: too many tabs). */
  code?: number;
}

export type RealtimeHandler = (event: TypedRealtimeEvent) => void;

export interface RealtimeSubscribeOptions {
  onStatus?: (status: RealtimeStatus, info: RealtimeStatusInfo) => void;
  /** Start after this event id (e.g. kept from an earlier page); by default, only what happens from now on. */
  after?: number;
  /** Only these event types reach the handler (all by default). */
  types?: readonly RealtimeEventType[];
  /** Ends the subscription when aborted (an `AbortSignal`). */
  signal?: { readonly aborted: boolean; addEventListener(type: 'abort', listener: () => void, options?: { once?: boolean }): void };
}
