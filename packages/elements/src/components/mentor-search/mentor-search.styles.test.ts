import { expect, fixture, html } from '@open-wc/testing';
import './mentor-search.test-support.js';
import { emulateMedia } from '@web/test-runner-commands';
import { ifDefined } from 'lit/directives/if-defined.js';
import '../../define/mentor-search.js';
import type { MentorSearch } from './mentor-search.component.js';
import { $, $$, devToken, hangingFetch, loadFixture, settled, type Fixture } from '../../test-support/api-fixture.js';

describe('<mentor-search> styling contract', () => {
  let fx: Fixture;
  let token: string;
  before(async () => {
    fx = await loadFixture();
    token = await devToken('mentee');
  });
  afterEach(async () => {
    await emulateMedia({ colorScheme: 'light', reducedMotion: 'no-preference' });
  });

  async function searchIn(wrapperStyle: string, attrs: { theme?: 'light' | 'dark' } = {}) {
    const wrapper = await fixture(html`
      <div style=${wrapperStyle}><mentor-search api="/" .token=${token} query=${fx.marker} theme=${ifDefined(attrs.theme)}></mentor-search></div>
    `);
    const el = wrapper.querySelector<MentorSearch>('mentor-search')!;
    await settled(el);
    return el;
  }
  const style = (e: Element) => getComputedStyle(e);
  const card = (el: MentorSearch) => $(el, 'article.card')!;

  /** Every `@cssproperty` in the class's JSDoc: set on the page, where it must show. */
  const tokens: [token: string, value: string, selector: string, property: keyof CSSStyleDeclaration, expected?: string][] = [
    ['--mentorship-color-accent', 'rgb(1, 2, 3)', '[part~="request-button"]:enabled', 'backgroundColor'],
    ['--mentorship-color-on-accent', 'rgb(1, 2, 4)', '[part~="request-button"]:enabled', 'color'],
    ['--mentorship-color-background', 'rgb(1, 2, 5)', ':host', 'backgroundColor'],
    ['--mentorship-color-surface', 'rgb(1, 2, 6)', 'article.card', 'backgroundColor'],
    ['--mentorship-color-text', 'rgb(1, 2, 7)', '.name', 'color'],
    ['--mentorship-color-muted', 'rgb(1, 2, 8)', '.meta', 'color'],
    ['--mentorship-color-border', 'rgb(1, 2, 9)', 'article.card', 'borderTopColor'],
    ['--mentorship-color-success', 'rgb(1, 2, 10)', '.badge--available', 'borderTopColor'],
    ['--mentorship-color-warning', 'rgb(1, 2, 11)', '.badge--limited', 'borderTopColor'],
    ['--mentorship-color-focus', 'rgb(1, 2, 12)', '#q:focus', 'outlineColor'],
    ['--mentorship-radius', '3px', '#q', 'borderTopLeftRadius'],
    ['--mentorship-space', '4px', 'article.card', 'paddingTop', '10px'],
    ['--mentorship-font', 'Georgia', '.name', 'fontFamily'],
    ['--mentorship-card-background', 'rgb(2, 2, 1)', 'article.card', 'backgroundColor'],
    ['--mentorship-card-border-color', 'rgb(2, 2, 2)', 'article.card', 'borderTopColor'],
    ['--mentorship-card-radius', '5px', 'article.card', 'borderTopLeftRadius'],
    ['--mentorship-card-padding', '7px', 'article.card', 'paddingTop'],
    ['--mentorship-button-radius', '2px', '[part~="view-button"]', 'borderTopLeftRadius'],
    ['--mentorship-button-primary-background', 'rgb(2, 2, 3)', '[part~="request-button"]:enabled', 'backgroundColor'],
    ['--mentorship-button-primary-color', 'rgb(2, 2, 4)', '[part~="request-button"]:enabled', 'color'],
    ['--mentorship-chip-background', 'rgb(2, 2, 5)', '.chip', 'backgroundColor'],
    ['--mentorship-badge-available-color', 'rgb(2, 2, 6)', '.badge--available', 'borderTopColor'],
    ['--mentorship-badge-limited-color', 'rgb(2, 2, 7)', '.badge--limited', 'borderTopColor'],
    ['--mentorship-badge-unavailable-color', 'rgb(2, 2, 8)', '.badge--unavailable', 'borderTopColor'],
    ['--mentorship-avatar-size', '40px', '.avatar', 'width'],
  ];

  it('applies every documented token set by the page', async () => {
    const el = await searchIn('');
    el.search.setFilters({ availability: 'all' });
    await settled(el);
    $(el, '#q')!.focus();
    const page = el.parentElement!;
    for (const [token, value, selector, property, expected] of tokens) {
      page.style.setProperty(token, value);
      const target = selector === ':host' ? el : $(el, selector);
      expect(target, selector).to.exist;
      expect(String(style(target!)[property]), token).to.contain(expected ?? value);
      page.style.removeProperty(token);
    }
  });

  it('shows errors in the danger colour', async () => {
    const wrapper = await fixture(html`<div style="--mentorship-color-danger: rgb(3, 2, 1)">
      <mentor-search api="/not-mentorkit/" .token=${token}></mentor-search></div>`);
    const el = wrapper.querySelector('mentor-search')!;
    await settled(el);
    expect(style($(el, '[part="error"]')!).borderTopColor).to.equal('rgb(3, 2, 1)');
  });

  it('inherits the page font and lets the host override component tokens', async () => {
    const el = await searchIn('font-family: Georgia, serif');
    expect(style($(el, '.name')!).fontFamily).to.contain('Georgia');
    el.style.setProperty('--mentorship-button-primary-background', 'rgb(10, 11, 12)');
    expect(style($(el, '[part~="request-button"]')!).backgroundColor).to.equal('rgb(10, 11, 12)');
  });

  it('follows prefers-color-scheme unless a theme is set', async () => {
    const el = await searchIn('');
    expect(style(card(el)).backgroundColor).to.equal('rgb(255, 255, 255)');
    await emulateMedia({ colorScheme: 'dark' });
    expect(style(card(el)).backgroundColor).to.equal('rgb(28, 31, 36)');
    await expect(el).to.be.accessible();
    el.theme = 'light';
    await el.updateComplete;
    expect(style(card(el)).backgroundColor).to.equal('rgb(255, 255, 255)');
    await emulateMedia({ colorScheme: 'light' });
    el.theme = 'dark';
    await el.updateComplete;
    expect(style(card(el)).backgroundColor).to.equal('rgb(28, 31, 36)');
    await expect(el).to.be.accessible();
  });

  it('folds the filters behind a toggle in a 320px container, without horizontal scrolling', async () => {
    const el = await searchIn('width: 320px');
    const toggle = $<HTMLButtonElement>(el, '[part~="filters-toggle"]')!;
    const filters = $(el, '[part="filters"]')!;
    expect(style(toggle).display).not.to.equal('none');
    expect(style(filters).display).to.equal('none');
    expect(toggle.getAttribute('aria-expanded')).to.equal('false');

    toggle.click();
    await el.updateComplete;
    expect(toggle.getAttribute('aria-expanded')).to.equal('true');
    expect(style(filters).display).not.to.equal('none');

    for (const box of [el, ...$$(el, '.base, [part="filters"], article.card, .actions, .filter-chips')]) {
      expect(box.scrollWidth, `${box.className || box.localName} overflows`).to.be.at.most(box.clientWidth);
    }
    await expect(el).to.be.accessible();
  });

  it('shows the filters inline in a wide container', async () => {
    const el = await searchIn('width: 960px');
    expect(style($(el, '[part~="filters-toggle"]')!).display).to.equal('none');
    expect(style($(el, '[part="filters"]')!).display).not.to.equal('none');
  });

  it('gives every control a target of at least 24 by 24 pixels', async () => {
    const el = await searchIn('width: 960px');
    const controls = $$(el, 'button, input, select').filter((c) => c.checkVisibility());
    expect(controls.length).to.be.greaterThan(10);
    for (const c of controls) {
      const { width, height } = c.getBoundingClientRect();
      expect(Math.min(width, height), `${c.outerHTML.slice(0, 80)}`).to.be.at.least(24);
    }
  });

  it('stops the skeleton pulse when reduced motion is preferred', async () => {
    const provider = await fixture(html`<mentorship-provider api="/" .token=${token} .fetch=${hangingFetch}><mentor-search></mentor-search></mentorship-provider>`);
    const loading = provider.querySelector('mentor-search')!;
    await loading.updateComplete;
    const skeleton = $(loading, '.skeleton')!;
    expect(style(skeleton).animationName).to.equal('mentorship-pulse');
    await emulateMedia({ reducedMotion: 'reduce' });
    expect(style(skeleton).animationName).to.equal('none');
  });
});
