import type { NotificationDataMap, NotificationKind, RealtimeEventDataMap, RealtimeEventType } from '@mentorkit/contract';

/*
 * What a state change leaves behind, as the features describe it (`record()` in
 * features/activity writes it). Types only, so repositories that build events depend on nothing
 * that writes them.
 */

/** The channel on which committed events are announced to every server instance. */
export const EVENTS_CHANNEL = 'mentorkit_events';

export interface Transition {
  actorId: string | null;
  action: string;
  entityType: string;
  entityId: string;
  from?: string | null;
  to?: string | null;
  details?: Record<string, unknown>;
}

/** A notification to write: its `data` is the contract's for its kind (a wrong field does not compile). */
export type Notice<K extends NotificationKind = NotificationKind> = { [T in K]: { userId: string; kind: T; data: NotificationDataMap[T] } }[K];

/** A realtime event to write: its `data` is the contract's for its type. */
export type OutgoingEvent<T extends RealtimeEventType = RealtimeEventType> = { [E in T]: { userId: string; type: E; data: RealtimeEventDataMap[E] } }[T];
