import type { MentorCard } from '@mentorkit/contract';

/** The `detail` of every event Mentorkit elements fire, by event name. */
export interface MentorkitEventDetails {
  /** A mentor was chosen to look at more closely ("View profile"). Cancelable: prevent it to show your own page instead of the dialog. */
  'mentor-select': { mentorId: string; mentor: MentorCard };
  /** The viewer pressed "Request mentorship" for a mentor. */
  'mentorship-request-intent': { mentorId: string; mentor: MentorCard };
}

export type MentorSelectEvent = CustomEvent<MentorkitEventDetails['mentor-select']>;
export type MentorshipRequestIntentEvent = CustomEvent<MentorkitEventDetails['mentorship-request-intent']>;

declare global {
  interface HTMLElementEventMap {
    'mentor-select': MentorSelectEvent;
    'mentorship-request-intent': MentorshipRequestIntentEvent;
  }
}

/**
 * Fires a Mentorkit event from `target`. Every event bubbles and is composed, so the portal can
 * listen on any ancestor, across shadow roots.
 *
 * @returns false when a listener called `preventDefault()` on a cancelable event.
 */
export function emit<K extends keyof MentorkitEventDetails>(
  target: EventTarget,
  type: K,
  detail: MentorkitEventDetails[K],
  options: { cancelable?: boolean } = {},
): boolean {
  return target.dispatchEvent(new CustomEvent(type, { detail, bubbles: true, composed: true, cancelable: options.cancelable ?? false }));
}
