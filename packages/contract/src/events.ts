/**
 * The realtime event types, the notification kinds and the socket's close codes as plain values,
 * with the light check the SDK runs on every event frame — without zod, so browser code can
 * import them. The schemas of each event's and each notification's `data` are in `realtime.ts`
 * and `notifications.ts`; `events.test.ts` checks that this module agrees with them.
 */
import type { RealtimeEventDataMap, TypedRealtimeEvent } from './realtime.js';

/** What a realtime event is about; its `data` is `RealtimeEventDataMap[type]`. */
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

/**
 * What happened, for whom: the element words it; `data` (`NotificationDataMap[kind]`) holds the
 * ids and names it needs. The workspace's kinds each go to the other party of the change;
 * `application.submitted` goes to every admin.
 */
export const notificationKinds = [
  'request.received',
  'request.accepted',
  'request.declined',
  'request.withdrawn',
  'request.expired',
  'request.reminder',
  'application.approved',
  'application.rejected',
  'application.changes_requested',
  'application.submitted',
  'mentor.suspended',
  'mentor.reactivated',
  'mentorship.paused',
  'mentorship.resumed',
  'mentorship.completed',
  'mentorship.cancelled',
  'feedback.received',
  'timeline.updated',
  'milestone.added',
  'milestone.updated',
  'milestone.removed',
  'progress.note_added',
  'meeting.scheduled',
  'meeting.updated',
  'meeting.completed',
  'meeting.cancelled',
  'programme.enrolled',
  'programme.introduced',
] as const;
export type NotificationKind = (typeof notificationKinds)[number];

/**
 * Close codes. 4401: no valid `auth` first (bad or expired token, other message first, or none in
 * 5 s), the token expired, or the account was erased — get a fresh token before reconnecting.
 * 4400: a message that is not valid protocol JSON. 4408: the socket fell too far behind (send
 * buffer full) — reconnect and resume. 4429: the user opened more sockets than allowed; the oldest
 * is closed. 1001: the server is shutting down. 1009: a client message over the size limit.
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

/** For each event type, the fields of its `data` that clients rely on: an event whose `data` lacks one is malformed. */
export const realtimeEventRequiredFields = {
  'request.created': ['id', 'status', 'mentor', 'mentee'],
  'request.updated': ['id', 'status', 'mentor', 'mentee'],
  'mentorship.updated': ['id', 'status', 'mentor', 'mentee'],
  'meeting.created': ['id', 'mentorshipId', 'status'],
  'meeting.updated': ['id', 'mentorshipId', 'status'],
  'milestone.updated': ['id', 'mentorshipId', 'status'],
  'progress.created': ['id', 'mentorshipId'],
  'message.created': ['id', 'mentorshipId', 'conversationId'],
  'conversation.read': ['mentorshipId', 'conversationId'],
  'notification.created': ['id', 'kind', 'data'],
} as const satisfies { [T in RealtimeEventType]: readonly (keyof RealtimeEventDataMap[T])[] };

const isObject = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null;

/**
 * Reads one server frame as an event: the frame itself when its `type` is an event type, `id` a
 * cursor, `at` a string and `data` an object with the type's required fields; otherwise
 * `undefined` (a control message such as `ready`, an event type this version does not know, or a
 * malformed event). This is a light check — the zod schema `realtimeEvent` parses every field —
 * cheap enough for the browser bundle.
 */
export function readRealtimeEvent(frame: unknown): TypedRealtimeEvent | undefined {
  if (!isObject(frame) || typeof frame['type'] !== 'string' || !Object.hasOwn(realtimeEventRequiredFields, frame['type'])) return undefined;
  const { id, at, data } = frame;
  if (!Number.isInteger(id) || (id as number) < 0 || typeof at !== 'string' || !isObject(data)) return undefined;
  for (const key of realtimeEventRequiredFields[frame['type'] as RealtimeEventType]) if (data[key] === undefined) return undefined;
  return frame as unknown as TypedRealtimeEvent;
}
