/**
 * Test data for `<message-thread>` and `<notification-list>`, made through the real API of
 * web-test-runner.config.mjs: two brand-new people (fresh tokens), the mentor approved by the demo
 * admin, a request, an acceptance — and so a mentorship with its conversation.
 *
 * The dev server proxies HTTP only, so the real realtime socket cannot reach the in-process API;
 * tests feed live events through `FakeRealtime` (the elements' `realtimeSource` seam).
 */
import type { RealtimeSubscribeOptions, TypedRealtimeEvent, Mentorship } from '@mentorkit/contract';
import { createClient, type MentorkitClient } from '@mentorkit/sdk';
import { fixture, html, waitUntil } from '@open-wc/testing';
import '../../define/message-thread.js';
import type { RealtimeSource } from '../../controllers/realtime.controller.js';
import { devToken, freshToken } from '../../test-support/api-fixture.js';
import type { MessageThread } from './message-thread.component.js';

export interface Person {
  id: string;
  name: string;
  token: string;
  client: MentorkitClient;
}

async function person(name: string): Promise<Person> {
  const { token } = await freshToken(name);
  const client = createClient({ baseUrl: '/', token });
  return { id: (await client.me.get()).user.id, name, token, client };
}

export interface Pair {
  mentor: Person;
  mentee: Person;
  mentorship: Mentorship;
  conversationId: string;
}

/** Two new people and an active mentorship (and conversation) between them. */
export async function freshPair(): Promise<Pair> {
  const tag = Math.random().toString(36).slice(2, 6);
  const mentor = await person(`Ana Mentor${tag}`);
  const application = await mentor.client.mentorApplications.submit({
    expertise: ['Leadership'],
    yearsOfExperience: 8,
    statement: 'I have led teams for years and want to help alumni grow into their first lead roles.',
    links: [],
  });
  await createClient({ baseUrl: '/', token: await devToken('admin') }).admin.approve(application.id);
  await mentor.client.mentors.updateMine({ acceptingMentees: true, capacity: 3 });
  const mentee = await person(`Maria Mentee${tag}`);
  const request = await mentee.client.requests.create({ mentorId: mentor.id, goals: 'I want to grow into a team lead role within a year.', skillsSeeking: ['Leadership'] });
  const { mentorship } = await mentor.client.requests.accept(request.id);
  if (!mentorship.conversationId) throw new Error('the mentorship has no conversation');
  return { mentor, mentee, mentorship, conversationId: mentorship.conversationId };
}

/** A realtime source the test drives: `emit` delivers an event to every current subscriber. */
export class FakeRealtime implements RealtimeSource {
  readonly subscribers = new Set<{ handler: (e: TypedRealtimeEvent) => void; options: RealtimeSubscribeOptions }>();
  subscribeCalls = 0;
  #id = 1000;

  subscribe(handler: (e: TypedRealtimeEvent) => void, options: RealtimeSubscribeOptions = {}): () => void {
    this.subscribeCalls++;
    const entry = { handler, options };
    this.subscribers.add(entry);
    options.onStatus?.('open', { attempt: 0 });
    return () => {
      this.subscribers.delete(entry);
      options.onStatus?.('closed', { attempt: 0 });
    };
  }

  emit<T extends TypedRealtimeEvent['type']>(type: T, data: Extract<TypedRealtimeEvent, { type: T }>['data']): void {
    const event = { type, id: ++this.#id, at: new Date().toISOString(), data } as TypedRealtimeEvent;
    for (const s of this.subscribers) if (!s.options.types || s.options.types.includes(type)) s.handler(event);
  }

  status(status: 'reconnecting' | 'open'): void {
    for (const s of this.subscribers) s.options.onStatus?.(status, { attempt: 1 });
  }
}

export interface ThreadOptions {
  token: string;
  conversationId: string;
  fetch?: typeof fetch;
  realtime?: RealtimeSource;
  width?: string;
}

/** The thread under a provider (so a test can pass its own `fetch`). */
export async function renderThread(options: ThreadOptions): Promise<MessageThread> {
  const wrapper = await fixture(html`
    <div style="width: ${options.width ?? '640px'}">
      <mentorship-provider api="/" .token=${options.token} .fetch=${options.fetch}>
        <message-thread conversation-id=${options.conversationId} .realtimeSource=${options.realtime ?? new FakeRealtime()}></message-thread>
      </mentorship-provider>
    </div>
  `);
  const el = wrapper.querySelector('message-thread')!;
  await el.updateComplete;
  return el;
}

export async function settled(el: MessageThread): Promise<void> {
  await el.updateComplete;
  await waitUntil(() => el.thread.status === 'ready' || el.thread.status === 'error', 'the thread did not load', { timeout: 8000 });
  await el.updateComplete;
}

export async function until(el: { updateComplete: Promise<unknown> }, ready: () => unknown, message: string): Promise<void> {
  await el.updateComplete;
  await waitUntil(ready, message, { timeout: 8000 });
  await el.updateComplete;
}

export const $ = <E extends Element = HTMLElement>(el: Element, selector: string) => el.shadowRoot!.querySelector<E>(selector);
export const $$ = <E extends Element = HTMLElement>(el: Element, selector: string) => [...el.shadowRoot!.querySelectorAll<E>(selector)];
export const text = (node: Element | null | undefined) => (node?.textContent ?? '').replace(/\s+/g, ' ').trim();

export function button(root: ParentNode, label: string | RegExp): HTMLButtonElement {
  const all = [...root.querySelectorAll('button')];
  const found = all.find((b) => (typeof label === 'string' ? text(b) === label : label.test(text(b))));
  if (!found) throw new Error(`no button ${String(label)}; have: ${all.map((b) => text(b)).join(' | ')}`);
  return found;
}

/** The bubbles' visible text, oldest first (without the hidden "You:" prefix). */
export const bubbles = (el: MessageThread) =>
  $$(el, '[part~="bubble"]').map((b) => text(b).replace(/^(You|[^:]+): /, ''));

/** A `fetch` that answers the requests `matches` picks with `status` (500 by default) `times` times. */
export function failingFetch(matches: (url: string, method: string) => boolean, options: { status?: number; times?: number; headers?: Record<string, string>; code?: string } = {}) {
  let left = options.times ?? Infinity;
  const calls: { url: string; method: string; body: string | undefined }[] = [];
  const f: typeof fetch = async (input, init) => {
    const url = input instanceof Request ? input.url : String(input);
    const method = (init?.method ?? (input instanceof Request ? input.method : 'GET')).toUpperCase();
    if (matches(url, method)) calls.push({ url, method, body: typeof init?.body === 'string' ? init.body : undefined });
    if (!matches(url, method) || left <= 0) return fetch(input, init);
    left--;
    const status = options.status ?? 500;
    return new Response(JSON.stringify({ error: { code: options.code ?? 'internal', message: 'Refused by the test', requestId: 'test' } }), {
      status,
      headers: { 'content-type': 'application/json', ...options.headers },
    });
  };
  return { fetch: f, calls };
}

/** A `fetch` that never answers (until aborted). */
export const hangingFetch: typeof fetch = (_input, init) =>
  new Promise((_resolve, reject) => {
    init?.signal?.addEventListener('abort', () => reject(new DOMException('Aborted', 'AbortError')));
  });

/**
 * A fetch that reads the answers of paths ending in `suffix` at once but hands them over only on
 * `release()`: the page was read before anything that happens meanwhile. `read` resolves once it was.
 */
export function heldPage(suffix: string): { fetch: typeof fetch; read: Promise<void>; release: () => void } {
  let answered!: () => void;
  const read = new Promise<void>((resolve) => (answered = resolve));
  let release!: () => void;
  const held = new Promise<void>((resolve) => (release = resolve));
  const heldFetch: typeof fetch = async (input, init) => {
    const res = await fetch(input, init);
    if (new URL(input instanceof Request ? input.url : String(input), location.href).pathname.endsWith(suffix)) {
      answered();
      await held;
    }
    return res;
  };
  return { fetch: heldFetch, read, release };
}
