import { msg, str } from '@lit/localize';
import type { RealtimeEventType, TypedRealtimeEvent } from '@mentorkit/contract';
import { firstName } from '../../internal/format.js';
import type { WorkspaceController } from './workspace.controller.js';

/** The parts of a workspace that load separately for live updates. */
export type WorkspacePart = 'mentorship' | 'progress' | 'meetings' | 'conversation';

export const workspaceLiveTypes: readonly RealtimeEventType[] = [
  'mentorship.updated',
  'meeting.created',
  'meeting.updated',
  'milestone.updated',
  'progress.created',
  'message.created',
  'conversation.read',
];

/** The parts an event about this mentorship (`mentorshipId`) makes stale. */
export function workspaceLiveParts(event: TypedRealtimeEvent, mentorshipId: string): WorkspacePart[] | undefined {
  switch (event.type) {
    case 'mentorship.updated':
      // A lifecycle change also moves the plan's state (e.g. nothing more can change once completed).
      return event.data.id === mentorshipId ? ['mentorship', 'progress'] : undefined;
    case 'meeting.created':
    case 'meeting.updated':
      // Held meetings count towards progress.
      return event.data.mentorshipId === mentorshipId ? ['meetings', 'progress'] : undefined;
    case 'milestone.updated':
    case 'progress.created':
      return event.data.mentorshipId === mentorshipId ? ['progress'] : undefined;
    // The overview's latest messages and the Messages tab's unread count (the thread announces messages itself).
    case 'message.created':
    case 'conversation.read':
      return event.data.mentorshipId === mentorshipId ? ['conversation'] : undefined;
    default:
      return undefined;
  }
}

/** Words for what the other person did (the viewer's own actions are announced where they act). */
export function describeWorkspaceEvent(event: TypedRealtimeEvent, workspace: WorkspaceController): string | undefined {
  const { viewerId, other } = workspace;
  if (!viewerId || !other) return undefined;
  const name = firstName(other.name);
  if (event.type === 'meeting.created' && event.data.createdBy && event.data.createdBy !== viewerId) {
    const title = event.data.title;
    return msg(str`${name} scheduled a meeting: “${title}”.`);
  }
  if (event.type === 'progress.created' && event.data.authorId && event.data.authorId !== viewerId) {
    return msg(str`${name} added a progress note.`);
  }
  return undefined;
}
