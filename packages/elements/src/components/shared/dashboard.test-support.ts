/**
 * Helpers for the dashboard tests: they build the state a test needs through the real API, between
 * people the test made for itself (`freshPeople`, often as copies of the demo personas, so names
 * and profiles read as in the demo), so no test depends on another having run before it, and no
 * file changes what another file reads.
 */
import type { Mentorship, MentorshipRequest } from '@mentorkit/contract';
import { waitUntil } from '@open-wc/testing';
import type { FreshPerson } from '../../test-support/api-fixture.js';

/** Goals text that is unique per call, so a test finds its own request among others. */
export const uniqueGoals = (label: string) =>
  `${label} ${Math.random().toString(36).slice(2, 8)}: I want to plan my move into data engineering.`;

/** A pending request from `mentee` to `mentor`. */
export function sendRequest(
  mentee: FreshPerson,
  mentor: FreshPerson,
  input: { goals?: string; skillsSeeking?: string[]; message?: string } = {},
): Promise<MentorshipRequest> {
  return mentee.client.requests.create({
    mentorId: mentor.id,
    goals: input.goals ?? uniqueGoals('Test request'),
    skillsSeeking: input.skillsSeeking ?? ['Data Engineering', 'SQL'],
    message: input.message ?? 'Hello! I found your profile through the alumni portal.',
  });
}

/** An active mentorship between the two, made through request + accept. */
export async function mentorshipBetween(mentee: FreshPerson, mentor: FreshPerson): Promise<Mentorship> {
  const request = await sendRequest(mentee, mentor, { goals: uniqueGoals('Mentorship') });
  return (await mentor.client.requests.accept(request.id)).mentorship;
}

export interface Gate {
  fetch: typeof fetch;
  /** Lets the held requests through (or fails them with a network error). */
  release(outcome?: 'pass' | 'network-error'): void;
  /** How many requests matched so far. */
  readonly held: number;
}

/**
 * A `fetch` that holds back the requests `matches` picks until `release()`, so a test can see
 * the optimistic state before the server answers.
 */
export function gatedFetch(matches: (url: string, method: string) => boolean): Gate {
  let held = 0;
  let open: ((outcome: 'pass' | 'network-error') => void) | undefined;
  const waiting = new Promise<'pass' | 'network-error'>((resolve) => (open = resolve));
  return {
    fetch: async (input, init) => {
      const url = input instanceof Request ? input.url : String(input);
      if (!matches(url, (init?.method ?? 'GET').toUpperCase())) return fetch(input, init);
      held++;
      if ((await waiting) === 'network-error') throw new TypeError('Failed to fetch');
      return fetch(input, init);
    },
    release: (outcome = 'pass') => open?.(outcome),
    get held() {
      return held;
    },
  };
}

/** Waits for an element's state (as read by `ready`) and its render. */
export async function until(el: { updateComplete: Promise<unknown> }, ready: () => unknown, message: string): Promise<void> {
  await el.updateComplete;
  await waitUntil(ready, message, { timeout: 8000 });
  await el.updateComplete;
}

/** Lets the opening fade of a dialog finish: axe measures colours. */
export async function dialogSettled(dialog: HTMLDialogElement): Promise<void> {
  await Promise.all(dialog.getAnimations().map((a) => a.finished));
}

export const text = (el: Element | null | undefined) => (el?.textContent ?? '').replace(/\s+/g, ' ').trim();

/** Lets the toasts' entry animation finish: axe measures colours. */
export async function toastsSettled(el: Element): Promise<void> {
  const toasts = [...el.shadowRoot!.querySelectorAll('.toast')];
  await Promise.all(toasts.flatMap((t) => t.getAnimations({ subtree: true }).map((a) => a.finished)));
}
