/**
 * Reduced motion (WCAG 2.3.3, and the brief's "reduced motion respected") and a visible keyboard
 * focus indicator (2.4.7, 2.4.11, 2.4.13's 2 px outline) across the elements' shared styles.
 */
import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import { emulateMedia, sendKeys } from '@web/test-runner-commands';
import '../define/mentor-dashboard.js';
import '../define/mentor-search.js';
import '../define/mentorship-provider.js';
import { devToken, hangingFetch } from '../test-support/api-fixture.js';

function* deep(root: Element | ShadowRoot): Generator<Element> {
  for (const el of root.querySelectorAll('*')) {
    yield el;
    if (el.shadowRoot) yield* deep(el.shadowRoot);
  }
}

const seconds = (list: string) => Math.max(...list.split(',').map((v) => (v.trim().endsWith('ms') ? parseFloat(v) / 1000 : parseFloat(v))));

/** The deepest focused element, through shadow roots. */
function focused(): Element | null {
  let active = document.activeElement;
  while (active?.shadowRoot?.activeElement) active = active.shadowRoot.activeElement;
  return active;
}

describe('motion and focus', () => {
  afterEach(() => emulateMedia({ reducedMotion: 'no-preference' }));

  it('stops skeleton pulses and transitions when the viewer prefers reduced motion', async () => {
    const render = async () => {
      // A fetch that never answers keeps the skeletons (the pulsing state) on screen.
      const wrapper = await fixture(html`<mentorship-provider api="/" .token=${await devToken('mentor')} .fetch=${hangingFetch}>
        <mentor-dashboard></mentor-dashboard><mentor-search q="Data"></mentor-search>
      </mentorship-provider>`);
      const els = [...wrapper.children] as (HTMLElement & { updateComplete: Promise<unknown> })[];
      await Promise.all(els.map((e) => e.updateComplete));
      await waitUntil(() => els.every((e) => e.shadowRoot!.querySelector('.skeleton')), 'skeletons shown');
      return els.flatMap((e) => [...deep(e.shadowRoot!)]);
    };

    const moving = (nodes: Element[]) =>
      nodes.filter((n) => {
        const s = getComputedStyle(n);
        return (s.animationName !== 'none' && seconds(s.animationDuration) > 0.001) || seconds(s.transitionDuration) > 0.001;
      });

    expect(moving(await render()).length, 'something animates by default').to.be.greaterThan(0);
    await emulateMedia({ reducedMotion: 'reduce' });
    expect(moving(await render()).map((n) => n.localName + '.' + [...n.classList].join('.'))).to.deep.equal([]);
  });

  it('draws a visible outline of at least 2 px around whatever the keyboard focuses', async () => {
    const wrapper = await fixture(html`<mentorship-provider api="/" .token=${await devToken('mentee')}>
      <mentor-search q="Data"></mentor-search>
    </mentorship-provider>`);
    const el = wrapper.firstElementChild as HTMLElement & { updateComplete: Promise<unknown> };
    await el.updateComplete;
    await waitUntil(() => el.shadowRoot!.querySelector('[part~="card"]:not([part~="skeleton"])'), 'results shown', { timeout: 8000 });
    const seen: string[] = [];
    for (let i = 0; i < 8; i++) {
      await sendKeys({ press: 'Tab' });
      const target = focused();
      if (!target || !el.shadowRoot!.contains(target)) continue;
      const s = getComputedStyle(target);
      const visible = s.outlineStyle !== 'none' && parseFloat(s.outlineWidth) >= 2;
      seen.push(`${target.localName}:${visible}`);
    }
    expect(seen.length, 'keyboard reached controls inside the element').to.be.greaterThan(2);
    expect(seen.filter((s) => s.endsWith(':false'))).to.deep.equal([]);
  });
});
