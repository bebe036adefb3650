/**
 * WCAG 2.2 SC 2.5.8 Target Size (Minimum): every pointer target in each element's main state is
 * at least 24 × 24 CSS px, or — the criterion's spacing exception — a 24 px circle on its centre
 * meets no other target. Inline links inside a sentence are exempt (the criterion's "inline"
 * exception). A checkbox or radio counts together with its label, which clicks it too.
 */
import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import '../define/mentee-dashboard.js';
import '../define/mentor-dashboard.js';
import '../define/mentor-search.js';
import '../define/mentorship-admin.js';
import '../define/mentorship-provider.js';
import '../define/mentorship-workspace.js';
import '../define/message-thread.js';
import '../define/notification-list.js';
import { freshMentorship } from '../components/mentorship-workspace/workspace.test-support.js';
import { devToken, loadFixture } from '../test-support/api-fixture.js';

const MIN = 24;
const INTERACTIVE = 'a[href], button, input:not([type="hidden"]), select, textarea, summary, [role="tab"], [tabindex]:not([tabindex="-1"])';

/** Every element in the tree, inside open shadow roots too (nested Mentorkit elements). */
function* deep(root: Element | ShadowRoot): Generator<Element> {
  for (const el of root.querySelectorAll('*')) {
    yield el;
    if (el.shadowRoot) yield* deep(el.shadowRoot);
  }
}

interface Target {
  el: Element;
  rect: DOMRect;
  name: string;
}

const describe_ = (el: Element) =>
  `<${el.localName}${el.id ? `#${el.id}` : ''}${el.getAttribute('part') ? ` part="${el.getAttribute('part')}"` : ''}> “${(el.textContent ?? el.getAttribute('aria-label') ?? '').replace(/\s+/g, ' ').trim().slice(0, 40)}”`;

function union(a: DOMRect, b: DOMRect): DOMRect {
  const left = Math.min(a.left, b.left);
  const top = Math.min(a.top, b.top);
  return new DOMRect(left, top, Math.max(a.right, b.right) - left, Math.max(a.bottom, b.bottom) - top);
}

function targetsIn(root: Element): Target[] {
  const targets: Target[] = [];
  for (const el of deep(root.shadowRoot ?? root)) {
    if (!el.matches(INTERACTIVE) || !(el as HTMLElement).checkVisibility?.({ visibilityProperty: true })) continue;
    let rect = el.getBoundingClientRect();
    if (rect.width === 0 || rect.height === 0) continue;
    // Visually hidden controls (1 px, clipped) are not pointer targets.
    if (rect.width <= 1 && rect.height <= 1) continue;
    if (el instanceof HTMLInputElement && (el.type === 'checkbox' || el.type === 'radio')) {
      for (const label of el.labels ?? []) rect = union(rect, label.getBoundingClientRect());
    }
    targets.push({ el, rect, name: describe_(el) });
  }
  return targets;
}

/** A link that sits in running text (its line box is set by the surrounding sentence). */
const isInlineTextLink = (el: Element) =>
  el.localName === 'a' && getComputedStyle(el).display === 'inline' && (el.parentElement?.textContent ?? '').trim().length > (el.textContent ?? '').trim().length;

function circleHits(center: { x: number; y: number }, r: DOMRect): boolean {
  const dx = Math.max(r.left - center.x, 0, center.x - r.right);
  const dy = Math.max(r.top - center.y, 0, center.y - r.bottom);
  return dx * dx + dy * dy < (MIN / 2) ** 2;
}

/** Targets that fail 2.5.8, in words. */
function undersizedTargets(root: Element): string[] {
  const targets = targetsIn(root);
  const failures: string[] = [];
  for (const t of targets) {
    if (t.rect.width >= MIN - 0.5 && t.rect.height >= MIN - 0.5) continue;
    if (isInlineTextLink(t.el)) continue;
    const center = { x: t.rect.left + t.rect.width / 2, y: t.rect.top + t.rect.height / 2 };
    const crowded = targets.some((o) => o !== t && !o.el.contains(t.el) && !t.el.contains(o.el) && circleHits(center, o.rect));
    if (crowded) failures.push(`${t.name} is ${t.rect.width.toFixed(1)}×${t.rect.height.toFixed(1)} px with another target within 12 px of its centre`);
  }
  return failures;
}

/** Asserts 2.5.8 and that there was something to measure. */
function expectTargetsOk(el: Element): void {
  expect(targetsIn(el).length, `${el.localName} has pointer targets`).to.be.greaterThan(1);
  expect(undersizedTargets(el), el.localName).to.deep.equal([]);
}

/** Waits for the element (and the elements inside it) to show content: no skeletons, nothing busy. */
async function settled(el: Element): Promise<void> {
  await (el as HTMLElement & { updateComplete: Promise<unknown> }).updateComplete;
  await waitUntil(
    () => {
      const all = [...deep(el.shadowRoot!)];
      return all.length > 5 && !all.some((n) => n.classList.contains('skeleton') || n.getAttribute('aria-busy') === 'true');
    },
    `${el.localName} did not settle`,
    { timeout: 10_000 },
  );
  // One more frame for layout after the last render.
  await new Promise((r) => requestAnimationFrame(r));
}

async function render(token: string, element: ReturnType<typeof html>, width = '900px'): Promise<Element> {
  const wrapper = await fixture(html`<div style="width: ${width}"><mentorship-provider api="/" .token=${token}>${element}</mentorship-provider></div>`);
  const el = wrapper.querySelector('mentorship-provider')!.firstElementChild!;
  await settled(el);
  return el;
}

describe('target size (WCAG 2.5.8)', () => {
  for (const width of ['900px', '320px']) {
    it(`<mentor-search> results at ${width}`, async () => {
      const { marker } = await loadFixture();
      const el = await render(await devToken('mentee'), html`<mentor-search q=${marker}></mentor-search>`, width);
      expectTargetsOk(el);
    });
  }

  it('<mentee-dashboard> with a pending request and an active mentorship', async () => {
    const { requesterToken } = await loadFixture();
    const el = await render(requesterToken, html`<mentee-dashboard></mentee-dashboard>`);
    expectTargetsOk(el);
  });

  it('<mentor-dashboard> for a mentor', async () => {
    const el = await render(await devToken('mentor'), html`<mentor-dashboard></mentor-dashboard>`);
    expectTargetsOk(el);
  });

  for (const tab of ['applications', 'mentors', 'overview', 'programmes']) {
    it(`<mentorship-admin> ${tab} tab`, async () => {
      const el = await render(await devToken('admin'), html`<mentorship-admin tab=${tab}></mentorship-admin>`);
      expectTargetsOk(el);
    });
  }

  it('<mentorship-workspace>, <message-thread> and the open <notification-list> of an active mentorship', async () => {
    const { mentee, mentorship } = await freshMentorship();
    const token = mentee.token;
    for (const element of [
      html`<mentorship-workspace mentorship-id=${mentorship.id}></mentorship-workspace>`,
      html`<message-thread conversation-id=${mentorship.conversationId ?? ''}></message-thread>`,
    ]) {
      expectTargetsOk(await render(token, element));
    }
    // The notification list's main state is its open panel.
    const list = await render(token, html`<notification-list></notification-list>`);
    list.shadowRoot!.querySelector<HTMLButtonElement>('.bell-button')!.click();
    await settled(list);
    await waitUntil(() => list.shadowRoot!.querySelector('#notification-panel:not([hidden]) h2'), 'the panel opened');
    expectTargetsOk(list);
  });
});
