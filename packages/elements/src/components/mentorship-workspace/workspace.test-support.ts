/**
 * Test data for `<mentorship-workspace>`, made through the real API of web-test-runner.config.mjs.
 *
 * Lifecycle actions cannot be undone (a completed mentorship stays completed) and other test files
 * share the server and the demo personas, so every test here makes its own two people — with the
 * time zones it needs — and a mentorship between them, with tokens from test-support's
 * `freshToken`; the admin persona only approves the fresh mentor's application.
 */
import type { Mentorship, ProfileInput } from '@mentorkit/contract';
import { createClient, type MentorkitClient } from '@mentorkit/sdk';
import { fixture, html, waitUntil } from '@open-wc/testing';
import '../../define/mentorship-workspace.js';
import { devToken, freshToken } from '../../test-support/api-fixture.js';
import type { MentorshipWorkspace } from './mentorship-workspace.component.js';

export interface Person {
  id: string;
  name: string;
  token: string;
  client: MentorkitClient;
}

async function freshPerson(name: string, profile: ProfileInput): Promise<Person> {
  const { token } = await freshToken(name);
  const client = createClient({ baseUrl: '/', token });
  await client.me.updateProfile(profile);
  return { id: (await client.me.get()).user.id, name, token, client };
}

export interface Pair {
  mentor: Person;
  mentee: Person;
  mentorship: Mentorship;
}

/** Two new people (mentor approved) and an active mentorship between them. */
export async function freshMentorship(zones: { mentor?: string; mentee?: string } = {}): Promise<Pair> {
  const tag = Math.random().toString(36).slice(2, 6);
  const mentor = await freshPerson(`Rhea Mentor${tag}`, { headline: 'Engineering manager who enjoys coaching', position: 'Engineering Manager', company: 'Lumen', timeZone: zones.mentor ?? 'Asia/Kolkata' });
  const application = await mentor.client.mentorApplications.submit({
    expertise: ['Leadership', 'Career Change'],
    yearsOfExperience: 12,
    statement: 'I have managed engineering teams for years and want to help alumni grow into leadership.',
    links: [],
  });
  const admin = createClient({ baseUrl: '/', token: await devToken('admin') });
  await admin.admin.approve(application.id);
  await mentor.client.mentors.updateMine({ acceptingMentees: true, capacity: 3 });
  const mentee = await freshPerson(`Theo Mentee${tag}`, { headline: 'Analyst moving into engineering', timeZone: zones.mentee ?? 'Europe/London' });
  const request = await mentee.client.requests.create({ mentorId: mentor.id, goals: 'I want to grow into a team lead role within a year.', skillsSeeking: ['Leadership'] });
  const { mentorship } = await mentor.client.requests.accept(request.id);
  return { mentor, mentee, mentorship };
}

export interface RenderOptions {
  token: string;
  mentorshipId: string;
  timeZone?: string;
  fetch?: typeof fetch;
  width?: string;
}

/** The element under a provider (so a test can pass its own `fetch`). */
export async function renderWorkspace(options: RenderOptions): Promise<MentorshipWorkspace> {
  const wrapper = await fixture(html`
    <div style="width: ${options.width ?? '900px'}">
      <mentorship-provider api="/" .token=${options.token} .fetch=${options.fetch}>
        <mentorship-workspace mentorship-id=${options.mentorshipId} time-zone=${options.timeZone ?? 'Asia/Manila'}></mentorship-workspace>
      </mentorship-provider>
    </div>
  `);
  const el = wrapper.querySelector('mentorship-workspace')!;
  await el.updateComplete;
  return el;
}

/** Waits until the workspace and its sections have loaded (or failed). */
export async function loaded(el: MentorshipWorkspace): Promise<void> {
  await el.updateComplete;
  await waitUntil(() => {
    const w = el.workspace;
    if (w.status === 'error') return true;
    return w.status === 'ready' && w.progressStatus !== 'loading' && w.meetingsStatus !== 'loading' && w.conversationStatus !== 'loading' && (w.mentorship?.status !== 'completed' || w.feedbackStatus !== 'loading');
  }, 'the workspace did not load', { timeout: 8000 });
  await el.updateComplete;
}

export const $ = <E extends Element = HTMLElement>(el: Element, selector: string) => el.shadowRoot!.querySelector<E>(selector);
export const $$ = <E extends Element = HTMLElement>(el: Element, selector: string) => [...el.shadowRoot!.querySelectorAll<E>(selector)];
export const text = (node: Element | null | undefined) => (node?.textContent ?? '').replace(/\s+/g, ' ').trim();

export function button(root: ParentNode, label: string | RegExp): HTMLButtonElement {
  const all = [...root.querySelectorAll('button')];
  // The accessible name: visible text plus any visually hidden context ("Edit: Résumé…").
  const found = all.find((b) => (typeof label === 'string' ? text(b) === label : label.test(text(b))));
  if (!found) throw new Error(`no button ${String(label)}; have: ${all.map((b) => text(b)).join(' | ')}`);
  return found;
}

/** Lets the opening fade of the dialog finish: axe measures colours. */
export async function dialogOpen(el: MentorshipWorkspace): Promise<HTMLDialogElement> {
  await waitUntil(() => $<HTMLDialogElement>(el, '#workspace-dialog')?.open, 'the dialog did not open', { timeout: 4000 });
  const dialog = $<HTMLDialogElement>(el, '#workspace-dialog')!;
  await el.updateComplete;
  await Promise.all(dialog.getAnimations({ subtree: true }).map((a) => a.finished));
  return dialog;
}

/** Waits until the dialog has closed and let go of its content (its `close` event comes a task later). */
export async function dialogClosed(el: MentorshipWorkspace): Promise<void> {
  await waitUntil(() => {
    const dialog = $<HTMLDialogElement>(el, '#workspace-dialog');
    return dialog && !dialog.open && !dialog.querySelector('h2');
  }, 'the dialog did not close', { timeout: 4000 });
  await el.updateComplete;
  await settled(el);
}

export async function until(el: MentorshipWorkspace, ready: () => unknown, message: string): Promise<void> {
  await el.updateComplete;
  await waitUntil(ready, message, { timeout: 8000 });
  await el.updateComplete;
  await settled(el);
}

/** Lets entrances (a toast's fade-in) finish: axe measures colours. */
export async function settled(el: MentorshipWorkspace): Promise<void> {
  await Promise.all(el.shadowRoot!.getAnimations().map((a) => a.finished.catch(() => undefined)));
}

/** A `fetch` that answers the requests `matches` picks with a server error. */
export function failingFetch(matches: (url: string, method: string) => boolean, status = 500): typeof fetch {
  return async (input, init) => {
    const url = input instanceof Request ? input.url : String(input);
    const method = (init?.method ?? (input instanceof Request ? input.method : 'GET')).toUpperCase();
    if (!matches(url, method)) return fetch(input, init);
    return new Response(JSON.stringify({ error: { code: status === 500 ? 'internal' : 'conflict', message: 'Refused by the test', requestId: 'test' } }), {
      status,
      headers: { 'content-type': 'application/json' },
    });
  };
}

/** A `fetch` that holds back the requests `matches` picks until `release()`. */
export function gatedFetch(matches: (url: string, method: string) => boolean) {
  let open: ((outcome: 'pass' | 'fail') => void) | undefined;
  const waiting = new Promise<'pass' | 'fail'>((resolve) => (open = resolve));
  let held = 0;
  const gated: typeof fetch = async (input, init) => {
    const url = input instanceof Request ? input.url : String(input);
    const method = (init?.method ?? (input instanceof Request ? input.method : 'GET')).toUpperCase();
    if (!matches(url, method)) return fetch(input, init);
    held++;
    if ((await waiting) === 'fail') {
      return new Response(JSON.stringify({ error: { code: 'internal', message: 'Refused by the test', requestId: 'test' } }), { status: 500, headers: { 'content-type': 'application/json' } });
    }
    return fetch(input, init);
  };
  return {
    fetch: gated,
    release: (outcome: 'pass' | 'fail' = 'pass') => open?.(outcome),
    get held() {
      return held;
    },
  };
}

/** A `fetch` that never answers (until aborted). */
export const hangingFetch: typeof fetch = (_input, init) =>
  new Promise((_resolve, reject) => {
    init?.signal?.addEventListener('abort', () => reject(new DOMException('Aborted', 'AbortError')));
  });

/** The text of every toast on screen, oldest first. */
export const toasts = (el: MentorshipWorkspace) => $$(el, '[part~="toast"] .toast-message').map((t) => text(t));

/** Waits for a toast containing `words`; answers the toast element. */
export async function toast(el: MentorshipWorkspace, words: string): Promise<HTMLElement> {
  await until(el, () => toasts(el).some((t) => t.includes(words)), `no toast "${words}"; have: ${toasts(el).join(' | ')}`);
  const found = $$(el, '[part~="toast"]').find((t) => text(t).includes(words))!;
  // Let its entrance finish: axe measures colours.
  await Promise.all(found.getAnimations({ subtree: true }).map((a) => a.finished));
  return found;
}

/** Opens the header's Actions menu and chooses an item (the dialog it opens is then awaited by the test). */
export async function chooseAction(el: MentorshipWorkspace, label: string): Promise<void> {
  const menuButton = $<HTMLButtonElement>(el, '#actions-button')!;
  if (menuButton.getAttribute('aria-expanded') !== 'true') menuButton.click();
  await el.updateComplete;
  button($(el, '#actions-menu')!, label).click();
  await el.updateComplete;
}

/** Selects a tab as the viewer would (a click). */
export async function openTab(el: MentorshipWorkspace, tab: string): Promise<void> {
  $(el, `#tab-${tab}`)!.click();
  await el.updateComplete;
}

/** Presses the button with `label` in the selected tab's panel and waits for the dialog. */
export async function openDialog(el: MentorshipWorkspace, tab: string, label: string | RegExp): Promise<HTMLDialogElement> {
  await openTab(el, tab);
  button($(el, `#panel-${tab}`)!, label).click();
  return dialogOpen(el);
}
