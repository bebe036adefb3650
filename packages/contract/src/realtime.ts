import { z } from 'zod';
import { id, isoDateTime } from './common.js';
import { conversationRead, message } from './messages.js';
import { mentorship } from './mentorships.js';
import { notification } from './notifications.js';
import { mentorshipRequest } from './requests.js';
import { realtimeEventTypes, type RealtimeEventType } from './values.js';
import { meeting, milestone, progressNote } from './workspace.js';

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
 *
 * The event types and close codes are in `events.ts` (plain values, for browsers); here, what each
 * event's `data` is: the resource it is about, as the REST API answers it.
 */
export const realtimeEventData = {
  'request.created': mentorshipRequest,
  'request.updated': mentorshipRequest,
  'mentorship.updated': mentorship,
  'meeting.created': meeting,
  'meeting.updated': meeting,
  'milestone.updated': milestone,
  'progress.created': progressNote,
  'message.created': message,
  'conversation.read': conversationRead,
  'notification.created': notification,
} as const satisfies Record<RealtimeEventType, z.ZodType>;

/** Each event type's `data`, e.g. `RealtimeEventDataMap['meeting.created']` is a `Meeting`. */
export type RealtimeEventDataMap = { [T in RealtimeEventType]: z.infer<(typeof realtimeEventData)[T]> };

/** A realtime event id: the per-user cursor. */
export const eventCursor = z.number().int().min(0);

/** One event type with its `data` typed. */
export interface RealtimeEventOf<T extends RealtimeEventType> {
  type: T;
  id: number;
  at: string;
  data: RealtimeEventDataMap[T];
}
/** Any event, discriminated on `type` so `switch (event.type)` narrows `data`. */
export type TypedRealtimeEvent = { [T in RealtimeEventType]: RealtimeEventOf<T> }[RealtimeEventType];
/** A server event (the same as `TypedRealtimeEvent`); `id` is the per-user cursor to resume after. */
export type RealtimeEvent = TypedRealtimeEvent;

const realtimeEventOf = <T extends RealtimeEventType>(type: T) =>
  z.object({ type: z.literal(type), id: eventCursor, at: isoDateTime, data: realtimeEventData[type] as z.ZodType<RealtimeEventDataMap[T]> });

/** A server event, every field of its `data` checked (the SDK runs the lighter `readRealtimeEvent`). */
export const realtimeEvent = z.discriminatedUnion(
  'type',
  realtimeEventTypes.map(realtimeEventOf) as unknown as [ReturnType<typeof realtimeEventOf>, ...ReturnType<typeof realtimeEventOf>[]],
) as unknown as z.ZodType<TypedRealtimeEvent>;

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

// The client side of the stream, as the SDK's `client.realtime.subscribe(handler, options)` offers it.

/** The state of a subscription: the SDK reconnects by itself until it is closed. */
export type RealtimeStatus = 'connecting' | 'open' | 'reconnecting' | 'closed';

export interface RealtimeStatusInfo {
  /** Consecutive failed attempts so far (0 once a connection is ready). */
  attempt: number;
  /** With `reconnecting`: how long until the next attempt, in ms. */
  delayMs?: number;
  /** The close code of the socket that went away (see `realtimeCloseCodes`; `tooManySockets` with `closed`: too many tabs). */
  code?: number;
}

export type RealtimeHandler = (event: TypedRealtimeEvent) => void;

export interface RealtimeSubscribeOptions {
  onStatus?: (status: RealtimeStatus, info: RealtimeStatusInfo) => void;
  /** Start after this event id (e.g. kept from an earlier page); by default, only what happens from now on. */
  after?: number;
  /**
   * Called with each frame that carries an event id but is not an event this version can read: an
   * unknown type (from a newer server) or a malformed event (see `readRealtimeEvent`). Such frames
   * never reach the handler; their ids still count as seen.
   */
  onInvalid?: (frame: unknown) => void;
  /** Only these event types reach the handler (all by default). */
  types?: readonly RealtimeEventType[];
  /** Ends the subscription when aborted (an `AbortSignal`). */
  signal?: { readonly aborted: boolean; addEventListener(type: 'abort', listener: () => void, options?: { once?: boolean }): void };
}
