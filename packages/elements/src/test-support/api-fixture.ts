/**
 * Test helpers for element tests that run against the real API started by
 * web-test-runner.config.mjs (same origin, `api="/"`).
 */
import type { DemoPersona } from '@mentorkit/contract/values';
import { waitUntil } from '@open-wc/testing';
import type { MentorSearch } from '../components/mentor-search/mentor-search.component.js';

/** What the test config created through the API (see `startApi` there). */
export interface Fixture {
  /** An expertise only the fixture mentors have: searching it finds exactly them. */
  marker: string;
  mentors: { id: string; name: string; accepting: boolean }[];
  /** A mentor with a pending request from the requester. */
  pendingMentorId: string;
  /** A mentor in an active mentorship with the requester. */
  activeMentorId: string;
  /** A token of the fixture's requesting mentee. */
  requesterToken: string;
}

let fixture: Promise<Fixture> | undefined;
export function loadFixture(): Promise<Fixture> {
  fixture ??= fetch('/__fixture.json').then((r) => r.json() as Promise<Fixture>);
  return fixture;
}

const tokens = new Map<DemoPersona, Promise<string>>();
/** A demo token from `POST /api/v1/dev/token`, one per persona per test file. */
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

let freshCount = 0;
/**
 * A token for a new person no other test knows (created on first request), so a test can own its
 * state. `sub` gets a unique suffix per call. Without `email` the person has no address (and so
 * no email settings to change).
 */
export async function freshToken(name: string, roles: string[] = [], email?: string): Promise<{ token: string; sub: string }> {
  const sub = `test-${Date.now().toString(36)}-${++freshCount}-${Math.random().toString(36).slice(2, 8)}`;
  const r = await fetch('/__token', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ sub, name, roles, email }) });
  if (!r.ok) throw new Error(`fresh token: ${r.status}`);
  return { token: ((await r.json()) as { token: string }).token, sub };
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
