import { expect, fixture, html } from '@open-wc/testing';
import { emulateMedia } from '@web/test-runner-commands';
import '../../define/mentor-dashboard.js';
import type { MentorDashboard } from './mentor-dashboard.component.js';
import { $, $$, devToken } from '../../test-support/api-fixture.js';
import { until } from '../shared/dashboard.test-support.js';
import type { DemoPersona } from '@mentorkit/contract/values';

describe('<mentor-dashboard> styling contract', () => {
  afterEach(async () => {
    await emulateMedia({ colorScheme: 'light', reducedMotion: 'no-preference' });
  });

  async function dashboardIn(wrapperStyle: string, persona: DemoPersona = 'mentor2') {
    const wrapper = await fixture(html`<div style=${wrapperStyle}>
      <mentor-dashboard api="/" .token=${await devToken(persona)}></mentor-dashboard></div>`);
    const el = wrapper.querySelector<MentorDashboard>('mentor-dashboard')!;
    await until(el, () => el.dashboard.mode === 'mentor' || el.dashboard.mode === 'applicant', 'the dashboard did not load');
    return el;
  }
  const style = (e: Element) => getComputedStyle(e);
  /** Grid tracks that take space (auto-fit lists its collapsed, 0px tracks too). */
  const tracks = (e: Element) => style(e).gridTemplateColumns.split(' ').filter((t) => t !== '0px');
  const noOverflow = (el: MentorDashboard, selectors: string) => {
    for (const box of [el, ...$$(el, selectors)]) {
      expect(box.scrollWidth, `${box.className || box.localName} overflows`).to.be.at.most(box.clientWidth);
    }
  };

  it('lays out a mentor’s desk in a 320px container without horizontal scrolling', async () => {
    const el = await dashboardIn('width: 320px');
    expect(tracks($(el, '.columns')!)).to.have.length(1);
    expect(tracks($(el, '.stats')!)).to.have.length(2);
    noOverflow(el, '.base, [part="settings"], .settings-grid, .stepper, .away-row, .stats, .columns, [part~="card"]');
    await expect(el).to.be.accessible();
  });

  it('lays out the application form in a 320px container without horizontal scrolling', async () => {
    const el = await dashboardIn('width: 320px', 'admin');
    noOverflow(el, '.base, [part="form"], .field, .chip-entry');
    await expect(el).to.be.accessible();
  });

  it('spreads out in a wide container', async () => {
    const el = await dashboardIn('width: 1400px');
    expect(tracks($(el, '.columns')!)).to.have.length(2);
    expect(tracks($(el, '.stats')!)).to.have.length(4);
    expect(tracks($(el, '.settings-grid')!).length).to.be.at.least(3);
  });

  it('gives every control a target of at least 24 by 24 pixels', async () => {
    for (const persona of ['mentor2', 'admin'] as const) {
      const el = await dashboardIn('width: 960px', persona);
      const controls = $$(el, 'button, input, textarea, a[href]').filter((c) => c.checkVisibility());
      expect(controls.length, persona).to.be.at.least(4);
      for (const c of controls) {
        const { width, height } = c.getBoundingClientRect();
        expect(Math.min(width, height), `${persona}: ${c.outerHTML.slice(0, 80)}`).to.be.at.least(24);
      }
    }
  });

  it('draws the switch from tokens, and stays accessible in dark mode', async () => {
    const el = await dashboardIn('--mentorship-switch-on-color: rgb(9, 99, 9); --mentorship-stat-background: rgb(1, 2, 3)');
    const track = $(el, '.switch-track')!;
    expect($(el, '[part="switch"]')!.getAttribute('aria-checked')).to.equal('true');
    expect(style(track).backgroundColor).to.equal('rgb(9, 99, 9)');
    expect(style($(el, '[part="stat"]')!).backgroundColor).to.equal('rgb(1, 2, 3)');
    await emulateMedia({ colorScheme: 'dark' });
    await expect(el).to.be.accessible();
  });

  it('keeps the availability switch, its label and hint apart at every width from 320px, with nothing stray above', async () => {
    for (const width of ['320px', '390px', '960px']) {
      const el = await dashboardIn(`width: ${width}`);
      const box = (selector: string) => $(el, selector)!.getBoundingClientRect();
      const button = box('[part="switch"]');
      const track = box('.switch-track');
      const label = box('.switch-label');
      const hint = box('#accepting-hint');
      expect(label.width, `${width}: the label has room`).to.be.greaterThan(80);
      expect(track.right, `${width}: track beside the label`).to.be.at.most(label.left);
      expect(label.bottom, `${width}: the label inside the switch`).to.be.at.most(button.bottom + 0.5);
      expect(hint.top, `${width}: the hint under the switch`).to.be.at.least(button.bottom - 0.5);
      // The email settings' switches (same shadow root) must not style this one: no extra knob.
      expect(getComputedStyle($(el, '[part="switch"]')!, '::before').content, width).to.be.oneOf(['none', 'normal']);
      expect(track.top, `${width}: nothing above the track`).to.be.at.least(button.top - 0.5);
    }
  });
});

