import { msg, str } from '@lit/localize';
import type { RealtimeEventType, TypedRealtimeEvent } from '@mentorkit/contract';
import type { MenteeDashboardController, MenteeDashboardPart } from './mentee-dashboard.controller.js';

/**
 * What changes the mentee dashboard live. Meetings, milestones and notes change the cards' extras
 * and "Next up" (`extras`); their details show inside an open workspace, which follows them itself.
 */
export const menteeLiveTypes: readonly RealtimeEventType[] = [
  'request.created',
  'request.updated',
  'mentorship.updated',
  'meeting.created',
  'meeting.updated',
  'milestone.updated',
  'progress.created',
];

/** The lists an event makes stale: an answered request also starts (or not) a mentorship. */
export function menteeLiveParts(event: TypedRealtimeEvent): MenteeDashboardPart[] | undefined {
  switch (event.type) {
    case 'request.created':
      return ['requests'];
    case 'request.updated':
      return event.data.status === 'accepted' ? ['requests', 'mentorships'] : ['requests'];
    case 'mentorship.updated':
      return ['mentorships'];
    case 'meeting.created':
    case 'meeting.updated':
    case 'milestone.updated':
    case 'progress.created':
      return ['extras'];
    default:
      return undefined;
  }
}

/**
 * What to tell a screen reader: only news from the mentor's side about a request the dashboard
 * shows as pending (so never the viewer's own withdrawal, nor a request the viewer answered as a
 * mentor in another view).
 */
export function describeMenteeEvent(event: TypedRealtimeEvent, dashboard: MenteeDashboardController): string | undefined {
  if (event.type !== 'request.updated' || !dashboard.pending.some((r) => r.id === event.data.id)) return undefined;
  const name = event.data.mentor.name;
  switch (event.data.status) {
    case 'accepted':
      return msg(str`${name} accepted your request and is now your mentor.`);
    case 'declined':
      return msg(str`${name} declined your request.`);
    case 'expired':
      return msg(str`Your request to ${name} expired without an answer.`);
    default:
      return undefined;
  }
}
