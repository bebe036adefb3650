import { expect, fixture, html } from '@open-wc/testing';
import { emulateMedia } from '@web/test-runner-commands';
import '../../define/mentee-dashboard.js';
import type { MenteeDashboard } from './mentee-dashboard.component.js';
import { $, $$, loadFixture } from '../../test-support/api-fixture.js';
import { until } from '../shared/dashboard.test-support.js';

describe('<mentee-dashboard> styling contract', () => {
  // The fixture's mentee has a pending request and an active mentorship; these tests only read.
  afterEach(async () => {
    await emulateMedia({ colorScheme: 'light', reducedMotion: 'no-preference' });
  });

  async function dashboardIn(wrapperStyle: string) {
    const wrapper = await fixture(html`<div style=${wrapperStyle}>
      <mentee-dashboard api="/" .token=${(await loadFixture()).requesterToken}></mentee-dashboard></div>`);
    const el = wrapper.querySelector<MenteeDashboard>('mentee-dashboard')!;
    await until(el, () => el.dashboard.status === 'ready', 'the dashboard did not load');
    return el;
  }
  const style = (e: Element) => getComputedStyle(e);

  it('lays out in a 320px container without horizontal scrolling', async () => {
    const el = await dashboardIn('width: 320px');
    const columns = $(el, '.columns')!;
    expect(style(columns).gridTemplateColumns.split(' ')).to.have.length(1);
    for (const box of [el, ...$$(el, '.base, .columns, .section, [part~="card"], .actions, .next-step, .card-head')]) {
      expect(box.scrollWidth, `${box.className || box.localName} overflows`).to.be.at.most(box.clientWidth);
    }
    await expect(el).to.be.accessible();
  });

  it('puts requests and mentors side by side in a wide container', async () => {
    const el = await dashboardIn('width: 1400px');
    expect(style($(el, '.columns')!).gridTemplateColumns.split(' ')).to.have.length(2);
  });

  it('gives every control a target of at least 24 by 24 pixels', async () => {
    const el = await dashboardIn('width: 960px');
    const controls = $$(el, 'button, a[href], summary, input').filter((c) => c.checkVisibility());
    expect(controls.length).to.be.at.least(2);
    for (const c of controls) {
      const { width, height } = c.getBoundingClientRect();
      expect(Math.min(width, height), c.outerHTML.slice(0, 80)).to.be.at.least(24);
    }
  });

  it('applies the page’s tokens', async () => {
    const el = await dashboardIn('--mentorship-card-background: rgb(4, 5, 6); --mentorship-status-waiting-color: rgb(200, 100, 0); --mentorship-color-text: rgb(7, 8, 9); font-family: Georgia, serif');
    const card = $(el, '[part~="request"]')!;
    expect(style(card).backgroundColor).to.equal('rgb(4, 5, 6)');
    expect(style(card.querySelector('[part~="status-badge"]')!).borderColor).to.equal('rgb(200, 100, 0)');
    expect(style(card.querySelector('.name')!).color).to.equal('rgb(7, 8, 9)');
    expect(style(card.querySelector('.name')!).fontFamily).to.contain('Georgia');
  });

  it('follows the colour scheme and stays accessible in dark mode', async () => {
    const el = await dashboardIn('width: 720px');
    const card = $(el, '[part~="request"]')!;
    expect(style(card).backgroundColor).to.equal('rgb(255, 255, 255)');
    await emulateMedia({ colorScheme: 'dark' });
    expect(style(card).backgroundColor).to.equal('rgb(28, 31, 36)');
    await expect(el).to.be.accessible();
  });
});
