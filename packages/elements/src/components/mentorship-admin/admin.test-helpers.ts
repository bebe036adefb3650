/** Element helpers shared by the `<mentorship-admin>` test files. */
import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import { ifDefined } from 'lit/directives/if-defined.js';
import '../../define/mentorship-admin.js';
import { $, $$, devToken, hangingFetch } from '../../test-support/api-fixture.js';
import type { AdminTab } from './admin-tabs.js';
import type { MentorshipAdmin } from './mentorship-admin.component.js';

export interface RenderOptions {
  token?: string;
  fetch?: typeof fetch;
  tab?: AdminTab;
  pageSize?: number;
  /** CSS for a wrapper around the element (e.g. its width). */
  wrapperStyle?: string;
  theme?: 'light' | 'dark';
  /** Return before the viewer's roles are known (they are awaited by default). */
  rolesPending?: boolean;
}

/** The element under a provider (so a test can pass its own `fetch`), signed in as the admin persona by default. */
export async function renderAdmin(options: RenderOptions = {}): Promise<MentorshipAdmin> {
  const token = options.token ?? (await devToken('admin'));
  const wrapper = await fixture(html`
    <div style=${options.wrapperStyle ?? ''}>
      <mentorship-provider api="/" .token=${token} .fetch=${options.fetch}>
        <mentorship-admin tab=${options.tab ?? 'applications'} page-size=${options.pageSize ?? 100} theme=${ifDefined(options.theme)}></mentorship-admin>
      </mentorship-provider>
    </div>
  `);
  const el = wrapper.querySelector('mentorship-admin')!;
  await el.updateComplete;
  if (!options.rolesPending) await waitUntil(() => !$(el, '[part="checking"]'), 'the roles were not read', { timeout: 8000 });
  await el.updateComplete;
  return el;
}

const settledStatus = (s: string) => s === 'ready' || s === 'error';

/** Waits until the selected tab has finished loading (content, empty state, error or the 403 notice). */
export async function settled(el: MentorshipAdmin): Promise<void> {
  await el.updateComplete;
  await waitUntil(
    () => {
      if ($(el, '[part="forbidden"]')) return true;
      if ($(el, '[part="checking"]')) return false;
      switch (el.tab) {
        case 'applications':
          return settledStatus(el.applications.list.status) && !el.applications.list.loadingMore;
        case 'mentors':
          return settledStatus(el.mentors.list.status) && !el.mentors.list.loadingMore;
        case 'overview':
          return $(el, '#panel-overview [part~="skeleton"]') === null && ($(el, '#panel-overview')?.childElementCount ?? 0) > 0;
        case 'programmes':
          return el.programmes?.settled === true || $(el, '#panel-programmes > [part~="error"]') !== null;
      }
    },
    `the ${el.tab} tab did not settle`,
    { timeout: 8000 },
  );
  await el.updateComplete;
}

/**
 * A node as a short string for assertions. Assertions here never hold DOM nodes themselves:
 * when one fails, the runner serialises its values, and a node inside a Lit element drags the
 * whole element graph along and stalls the test file instead of reporting the failure.
 */
export const nodeLabel = (node: Element | null | undefined) => (node ? node.outerHTML.slice(0, 120) : 'none');

export function expectFocusOn(el: MentorshipAdmin, target: Element | null | undefined, message = 'focus'): void {
  const actual = focused(el);
  expect(actual === target, `${message}: expected on ${nodeLabel(target)}, but on ${nodeLabel(actual)}`).to.equal(true);
}

export const dialog = (el: MentorshipAdmin) => $<HTMLDialogElement>(el, 'dialog')!;
export const focused = (el: MentorshipAdmin) => el.shadowRoot!.activeElement;
export const textOf = (node: Element | null | undefined) => (node?.textContent ?? '').replace(/\s+/g, ' ').trim();
export const announcement = (el: MentorshipAdmin) => textOf($(el, '[part="announcer"]'));

/** Waits for the dialog to be open with its opening fade finished (axe measures colours). */
export async function dialogOpened(el: MentorshipAdmin): Promise<HTMLDialogElement> {
  await el.updateComplete;
  await waitUntil(() => dialog(el).open, 'the dialog did not open');
  await Promise.all(dialog(el).getAnimations().map((a) => a.finished));
  return dialog(el);
}

/** The dialog's `close` event (which returns focus) fires a task after `close()`. */
export const dialogClosed = (el: MentorshipAdmin) =>
  waitUntil(() => !dialog(el).open && !dialog(el).contains(focused(el)) && !$(el, '.dialog-panel'), 'the dialog did not close');

export const notesField = (el: MentorshipAdmin) => $<HTMLTextAreaElement>(el, '#dialog-text')!;

/** Types into the dialog's field the way the browser would. */
export function fillNotes(el: MentorshipAdmin, value: string): void {
  const field = notesField(el);
  field.value = value;
  field.dispatchEvent(new InputEvent('input', { bubbles: true, composed: true }));
}

export const applicationCard = (el: MentorshipAdmin, id: string) => $(el, `article[data-application-id="${CSS.escape(id)}"]`);

/** The card of an application in the queue, loading more pages until it shows up. */
export async function findApplicationCard(el: MentorshipAdmin, id: string): Promise<HTMLElement> {
  await settled(el);
  for (;;) {
    const card = applicationCard(el, id);
    if (card) return card;
    const more = $(el, '[part~="load-more"]');
    if (!more) throw new Error(`application ${id} is not in the queue`);
    more.click();
    await settled(el);
  }
}

export const mentorRow = (el: MentorshipAdmin, id: string) => $(el, `tr[data-mentor-id="${CSS.escape(id)}"]`);

/** Filters the roster by a name the test made up and waits for the answer. */
export async function searchMentors(el: MentorshipAdmin, name: string): Promise<void> {
  const input = $<HTMLInputElement>(el, '#mentor-q')!;
  input.value = name;
  input.dispatchEvent(new InputEvent('input', { bubbles: true, composed: true }));
  el.mentors.flushQuery();
  await settled(el);
}

type Route = (request: { url: URL; method: string }) => Response | Promise<Response> | undefined;

/**
 * A `fetch` that answers the requests a route claims and passes the rest to the real API;
 * it records every API request it sees.
 */
export function routedFetch(route: Route): { fetch: typeof fetch; requests: { url: URL; method: string }[] } {
  const requests: { url: URL; method: string }[] = [];
  const routed: typeof fetch = async (input, init) => {
    const url = new URL(input instanceof Request ? input.url : String(input), location.href);
    const request = { url, method: (init?.method ?? 'GET').toUpperCase() };
    requests.push(request);
    return (await route(request)) ?? fetch(input, init);
  };
  return { fetch: routed, requests };
}

export const json = (body: unknown, status = 200) => new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json' } });

export const tabs = (el: MentorshipAdmin) => $$<HTMLButtonElement>(el, '[role="tab"]');

/** A `fetch` under which the viewer's roles arrive (`GET /me`) and nothing else ever answers. */
export const hangingAfterRoles: typeof fetch = (input, init) =>
  new URL(input instanceof Request ? input.url : String(input), location.href).pathname === '/api/v1/me' ? fetch(input, init) : hangingFetch(input, init);
