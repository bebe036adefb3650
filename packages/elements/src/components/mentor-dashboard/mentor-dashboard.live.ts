import { msg, str } from '@lit/localize';
import type { RealtimeEventType, TypedRealtimeEvent } from '@mentorkit/contract';
import type { MentorWorkload, WorkloadPart } from './mentor-workload.model.js';

/**
 * What changes the mentor dashboard live. Meetings count in the stats and, with milestones and
 * notes, change the cards' progress and next meeting; their details show inside an open
 * workspace, which follows them itself.
 */
export const mentorLiveTypes: readonly RealtimeEventType[] = [
  'request.created',
  'request.updated',
  'mentorship.updated',
  'meeting.created',
  'meeting.updated',
  'milestone.updated',
  'progress.created',
  'notification.created',
];

/**
 * The parts an event makes stale, for the viewer as a mentor (`viewerId`): requests and
 * mentorships where they are the mentee (they may be both) belong to the mentee dashboard.
 */
export function mentorLiveParts(event: TypedRealtimeEvent, viewerId: string | undefined): WorkloadPart[] | undefined {
  switch (event.type) {
    case 'request.created':
    case 'request.updated':
      if (event.data.mentor.id !== viewerId) return undefined;
      // An acceptance (perhaps in another tab) also starts a mentorship and takes a slot.
      return event.data.status === 'accepted' ? ['requests', 'mentorships'] : ['requests'];
    case 'mentorship.updated':
      return event.data.mentor.id === viewerId ? ['mentorships'] : undefined;
    case 'meeting.created':
    case 'meeting.updated':
      return event.data.mentorId === viewerId ? ['meetings'] : undefined;
    case 'milestone.updated':
    case 'progress.created':
      // Progress on the mentee's card (the element's summaries load it again).
      return ['extras'];
    case 'notification.created':
      return ['notifications'];
    default:
      return undefined;
  }
}

/**
 * What to tell a screen reader: news from the mentee's side (a new request, one withdrawn or
 * expired while waiting), never the mentor's own answers.
 */
export function describeMentorEvent(event: TypedRealtimeEvent, workload: MentorWorkload | undefined, viewerId: string | undefined): string | undefined {
  if ((event.type !== 'request.created' && event.type !== 'request.updated') || event.data.mentor.id !== viewerId) return undefined;
  const name = event.data.mentee.name;
  if (event.type === 'request.created') return msg(str`New mentorship request from ${name}.`);
  if (!workload?.waiting.some((r) => r.id === event.data.id)) return undefined;
  if (event.data.status === 'withdrawn') return msg(str`${name} withdrew their request.`);
  if (event.data.status === 'expired') return msg(str`${name}’s request expired.`);
  return undefined;
}
