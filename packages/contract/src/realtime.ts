import { z } from 'zod';
import { isoDateTime } from './common.js';

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

/** A server event; `id` is the per-user cursor to resume after, `data` the resource it is about. */
export const realtimeEvent = z.object({
  type: z.enum(realtimeEventTypes),
  id: z.number().int(),
  at: isoDateTime,
  data: z.unknown(),
});
export type RealtimeEvent = z.infer<typeof realtimeEvent>;
