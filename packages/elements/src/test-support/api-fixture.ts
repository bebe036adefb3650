/**
 * Test helpers for element tests that run against the real API started by
 * web-test-runner.config.mjs (same origin, `api="/"`).
 */
import type { DemoPersona } from '@mentorkit/contract/values';
import { createClient, type MentorkitClient } from '@mentorkit/sdk';
// Types only: the shapes the test server answers with, declared once, on its side.
import type { Fixture, FixturePerson, PersonSpec } from '@mentorkit/server/test-support';

export type { Fixture, PersonSpec };
import { waitUntil } from '@open-wc/testing';
import type { MentorSearch } from '../components/mentor-search/mentor-search.component.js';

let fixture: Promise<Fixture> | undefined;
export function loadFixture(): Promise<Fixture> {
  fixture ??= fetch('/__fixture.json').then((r) => r.json() as Promise<Fixture>);
  return fixture;
}

const tokens = new Map<DemoPersona, Promise<string>>();
/**
 * A demo token from `POST /api/v1/dev/token`, one per persona per test file. For tests that only
 * read the demo data; a test that changes state uses `freshPeople` (the personas are shared by
 * every file, and files run in parallel).
 */
export function devToken(persona: DemoPersona = 'mentee'): Promise<string> {
  let token = tokens.get(persona);
  if (!token) {
    token = fetch('/api/v1/dev/token', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ persona }),
    }).then(async (r) => {
      if (!r.ok) throw new Error(`dev token for ${persona}: ${r.status}`);
      return ((await r.json()) as { token: string }).token;
    });
    tokens.set(persona, token);
  }
  return token;
}

/** A person no other test knows, with their own token and an SDK client signed in as them. */
export interface FreshPerson extends FixturePerson {
  client: MentorkitClient;
}

/**
 * New people for one test (or one file), made by the test server in one round trip: a test that
 * changes state (requests, mentorships, settings, applications) owns the people it changes,
 * instead of changing the shared demo personas, so files run in any order and in parallel.
 *
 *     const { ana, kwame } = await freshPeople({ ana: { like: 'mentor' }, kwame: { like: 'mentee2' } });
 */
export async function freshPeople<K extends string>(specs: Record<K, PersonSpec>): Promise<Record<K, FreshPerson>> {
  const keys = Object.keys(specs) as K[];
  const r = await fetch('/__fixture/people', {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ people: keys.map((k) => specs[k]) }),
  });
  if (!r.ok) throw new Error(`fresh people: ${r.status} ${await r.text()}`);
  const { people } = (await r.json()) as { people: FixturePerson[] };
  return Object.fromEntries(
    keys.map((k, i) => [k, { ...people[i]!, client: createClient({ baseUrl: '/', token: people[i]!.token }) }]),
  ) as Record<K, FreshPerson>;
}

/**
 * A token for a new person no other test knows (created on first request), so a test can own its
 * state. Without `email` the person has no address (and so no email settings to change).
 */
export async function freshToken(name: string, roles: string[] = [], email?: string): Promise<{ token: string; sub: string }> {
  const { person } = await freshPeople({ person: { name, roles, email: email ?? null } });
  return { token: person.token, sub: person.sub };
}

/** A `fetch` that records the search requests going through it. */
export function recordingFetch(): { fetch: typeof fetch; searches: URLSearchParams[] } {
  const searches: URLSearchParams[] = [];
  const recording: typeof fetch = (input, init) => {
    const url = new URL(input instanceof Request ? input.url : String(input), location.href);
    if (url.pathname === '/api/v1/mentors') searches.push(url.searchParams);
    return fetch(input, init);
  };
  return { fetch: recording, searches };
}

/** A `fetch` that never answers (until aborted): the element stays in its loading state. */
export const hangingFetch: typeof fetch = (_input, init) =>
  new Promise((_resolve, reject) => {
    init?.signal?.addEventListener('abort', () => reject(new DOMException('Aborted', 'AbortError')));
  });

/** Waits until the search has settled (results, empty or error), after any change just made. */
export async function settled(el: MentorSearch): Promise<void> {
  // A change made just before starts its search in the next update.
  await el.updateComplete;
  await waitUntil(() => el.search.status === 'ready' || el.search.status === 'error', 'the search did not settle', { timeout: 8000 });
  await el.updateComplete;
}

export const shadow = (el: Element) => el.shadowRoot!;
export const $ = <E extends Element = HTMLElement>(el: Element, selector: string) => shadow(el).querySelector<E>(selector);
export const $$ = <E extends Element = HTMLElement>(el: Element, selector: string) => [...shadow(el).querySelectorAll<E>(selector)];

export const cardNames = (el: MentorSearch) => $$(el, 'article.card .name').map((n) => n.textContent?.trim() ?? '');

export function cardByName(el: MentorSearch, name: string): HTMLElement {
  const card = $$(el, 'article.card').find((c) => c.querySelector('.name')?.textContent?.trim() === name);
  if (!card) throw new Error(`no card for ${name}; cards: ${cardNames(el).join(', ')}`);
  return card;
}

export function buttonIn(root: ParentNode, text: string | RegExp): HTMLButtonElement {
  const button = [...root.querySelectorAll('button')].find((b) => (typeof text === 'string' ? b.textContent?.trim() === text : text.test(b.textContent ?? '')));
  if (!button) throw new Error(`no button "${text}"`);
  return button;
}
