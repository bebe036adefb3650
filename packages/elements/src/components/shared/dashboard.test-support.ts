/**
 * Helpers for the dashboard tests: they build the state a test needs through the real API (as
 * the demo personas) and clean it up, so no test depends on another having run before it.
 *
 * Persona roles in these tests (each pair is owned by one test file, because files run in
 * parallel against one server):
 * - mentee-dashboard: Maria (`mentee`) requests Rahul (`mentor2`); Kwame (`mentee2`) is Rahul's
 *   mentee; Ana (`mentor`) as a mentee has nothing at all (the empty state, as the demo seed
 *   leaves every persona as a mentee); the styling tests only read the fixture's requester.
 * - mentor-dashboard: Ana (`mentor`) is the mentor; Kwame sends the requests she answers or
 *   declines, Grace (`admin`) the one she accepts, Rahul and Maria are her mentees. Grace has
 *   never applied to mentor; Maria's application goes through review.
 */
import type { DemoPersona } from '@mentorkit/contract/values';
import type { Mentorship, MentorshipRequest, MentorSettings } from '@mentorkit/contract';
import { createClient, type MentorkitClient } from '@mentorkit/sdk';
import { waitUntil } from '@open-wc/testing';
import { devToken } from '../../test-support/api-fixture.js';

export async function clientAs(persona: DemoPersona): Promise<MentorkitClient> {
  return createClient({ baseUrl: '/', token: await devToken(persona) });
}

const ids = new Map<DemoPersona, Promise<string>>();
export function userIdOf(persona: DemoPersona): Promise<string> {
  let id = ids.get(persona);
  if (!id) {
    id = clientAs(persona).then(async (c) => (await c.me.get()).user.id);
    ids.set(persona, id);
  }
  return id;
}

/** Goals text that is unique per call, so a test finds its own request among others. */
export const uniqueGoals = (label: string) =>
  `${label} ${Math.random().toString(36).slice(2, 8)}: I want to plan my move into data engineering.`;

export async function pendingBetween(mentee: DemoPersona, mentor: DemoPersona): Promise<MentorshipRequest[]> {
  const client = await clientAs(mentee);
  const mentorId = await userIdOf(mentor);
  const page = await client.requests.list({ role: 'mentee', status: 'pending', limit: 100 });
  return page.items.filter((r) => r.mentor.id === mentorId);
}

/** Withdraws whatever `mentee` still has pending with `mentor` (test clean-up). */
export async function withdrawPending(mentee: DemoPersona, mentor: DemoPersona): Promise<void> {
  const client = await clientAs(mentee);
  for (const r of await pendingBetween(mentee, mentor)) await client.requests.withdraw(r.id);
}

/** A fresh pending request (an older pending one between the two is withdrawn first). */
export async function sendRequest(
  mentee: DemoPersona,
  mentor: DemoPersona,
  input: { goals?: string; skillsSeeking?: string[]; message?: string } = {},
): Promise<MentorshipRequest> {
  await withdrawPending(mentee, mentor);
  const client = await clientAs(mentee);
  return client.requests.create({
    mentorId: await userIdOf(mentor),
    goals: input.goals ?? uniqueGoals('Test request'),
    skillsSeeking: input.skillsSeeking ?? ['Data Engineering', 'SQL'],
    message: input.message ?? 'Hello! I found your profile through the alumni portal.',
  });
}

/** An open mentorship between the two, made through request + accept when there is none yet. */
export async function ensureMentorship(mentee: DemoPersona, mentor: DemoPersona): Promise<Mentorship> {
  const mentorClient = await clientAs(mentor);
  const menteeId = await userIdOf(mentee);
  const open = (await mentorClient.mentorships.list({ role: 'mentor', limit: 100 })).items.find(
    (m) => m.mentee.id === menteeId && (m.status === 'active' || m.status === 'paused'),
  );
  if (open) return open;
  await makeRoom(mentor);
  const request = await sendRequest(mentee, mentor, { goals: uniqueGoals('Mentorship') });
  return (await mentorClient.requests.accept(request.id)).mentorship;
}

/** Raises a mentor's capacity so one more mentee fits, keeping them accepting. */
async function makeRoom(mentor: DemoPersona): Promise<void> {
  const client = await clientAs(mentor);
  const settings = (await client.me.get()).mentor!;
  if (settings.openMentorships < settings.capacity && settings.acceptingMentees && !settings.awayUntil) return;
  await client.mentors.updateMine({ acceptingMentees: true, awayUntil: null, capacity: Math.min(20, Math.max(settings.capacity, settings.openMentorships + 3)) });
}

/** A mentor ready for a test: accepting, not away, with free slots. */
export async function resetMentor(persona: DemoPersona): Promise<MentorSettings> {
  const client = await clientAs(persona);
  const settings = (await client.me.get()).mentor!;
  return client.mentors.updateMine({
    acceptingMentees: true,
    awayUntil: null,
    capacity: Math.min(20, Math.max(5, settings.openMentorships + 3)),
  });
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
