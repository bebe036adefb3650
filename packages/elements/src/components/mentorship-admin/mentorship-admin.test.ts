import { expect, fixture, html } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import { $, $$, buttonIn, devToken, hangingFetch } from '../../test-support/api-fixture.js';
import { nodeLabel, renderAdmin, routedFetch, settled, tabs, textOf } from './admin.test-helpers.js';
import type { MentorshipAdmin } from './mentorship-admin.component.js';

describe('<mentorship-admin>', () => {
  const focused = (el: MentorshipAdmin) => el.shadowRoot!.activeElement;
  const visiblePanels = (el: MentorshipAdmin) => $$(el, '[role="tabpanel"]').filter((p) => !p.hidden).map((p) => p.id);

  it('follows the WAI-ARIA tabs pattern', async () => {
    const el = await renderAdmin();
    await settled(el);
    const tablist = $(el, '[role="tablist"]')!;
    expect(tablist.getAttribute('aria-label')).to.equal('Mentoring programme administration');
    expect(tabs(el).map((t) => t.textContent!.trim())).to.deep.equal(['Applications', 'Mentors', 'Programme']);
    for (const tab of tabs(el)) {
      const panel = el.shadowRoot!.getElementById(tab.getAttribute('aria-controls')!)!;
      expect(panel.getAttribute('role')).to.equal('tabpanel');
      expect(panel.getAttribute('aria-labelledby')).to.equal(tab.id);
    }
    expect(tabs(el).map((t) => [t.getAttribute('aria-selected'), t.tabIndex])).to.deep.equal([['true', 0], ['false', -1], ['false', -1]]);
    expect(visiblePanels(el)).to.deep.equal(['panel-applications']);
    await expect(el).to.be.accessible();
  });

  it('moves between tabs with the arrow keys, Home and End, and Tab goes into the panel', async () => {
    const el = await renderAdmin();
    await settled(el);
    const [applications, mentors, programme] = tabs(el);
    applications!.focus();

    const press = async (key: string, expected: string) => {
      await sendKeys({ press: key });
      await el.updateComplete;
      expect(el.tab, `after ${key}`).to.equal(expected);
      expect(focused(el)!.id, `focus after ${key}`).to.equal(`tab-${expected}`);
      expect(tabs(el).filter((t) => t.tabIndex === 0).map((t) => t.id), 'one tab stop').to.deep.equal([`tab-${expected}`]);
      expect(visiblePanels(el)).to.deep.equal([`panel-${expected}`]);
    };
    await press('ArrowRight', 'mentors');
    expect(mentors!.getAttribute('aria-selected')).to.equal('true');
    await press('ArrowRight', 'programme');
    await press('ArrowRight', 'applications');
    await press('ArrowLeft', 'programme');
    await press('Home', 'applications');
    await press('End', 'programme');
    expect(programme!.getAttribute('aria-selected')).to.equal('true');
    expect(el.getAttribute('tab'), 'the tab reflects').to.equal('programme');

    await sendKeys({ press: 'Tab' });
    expect(focused(el)!.id).to.equal('panel-programme');
  });

  it('is accessible on every tab, each loaded the first time it is shown', async () => {
    const { fetch, requests } = routedFetch(() => undefined);
    const el = await renderAdmin({ fetch });
    await settled(el);
    const loaded = () => requests.map((r) => r.url.pathname);
    expect(loaded()).to.deep.equal(['/api/v1/admin/mentor-applications']);
    await expect(el).to.be.accessible();

    buttonIn(el.shadowRoot!, 'Mentors').click();
    await settled(el);
    expect(loaded()).to.include('/api/v1/admin/mentors');
    expect(loaded()).not.to.include('/api/v1/admin/stats');
    expect($(el, '[part="mentors-table"]')).to.exist;
    await expect(el).to.be.accessible();

    buttonIn(el.shadowRoot!, 'Programme').click();
    await settled(el);
    expect($(el, '[part="numbers"]')).to.exist;
    await expect(el).to.be.accessible();

    const count = requests.length;
    buttonIn(el.shadowRoot!, 'Applications').click();
    await el.updateComplete;
    expect(requests.length, 'a tab seen before keeps what it loaded').to.equal(count);
  });

  it('opens on the tab its attribute names', async () => {
    const el = await renderAdmin({ tab: 'programme' });
    await settled(el);
    expect(tabs(el)[2]!.getAttribute('aria-selected')).to.equal('true');
    expect($(el, '[part="chart"]')).to.exist;
  });

  it('tells people without the admin role that only programme administrators can see this', async () => {
    const el = await renderAdmin({ token: await devToken('mentee') });
    await settled(el);
    expect(textOf($(el, '[part="forbidden"]'))).to.contain('Only programme administrators can see this.');
    expect(nodeLabel($(el, '[role="tablist"]')), 'no tabs to wander into').to.equal('none');
    expect(nodeLabel($(el, '[part="error"]'))).to.equal('none');
    await expect(el).to.be.accessible();
  });

  it('shows a card-shaped skeleton while the queue loads', async () => {
    const el = await renderAdmin({ fetch: hangingFetch });
    expect(el.applications.list.status).to.equal('loading');
    const list = $(el, '[part="applications"]')!;
    expect(list.getAttribute('aria-busy')).to.equal('true');
    expect($$(el, '[part~="skeleton"]').length).to.equal(3);
    expect(textOf($(el, '[part="summary"]'))).to.equal('Loading applications…');
    await expect(el).to.be.accessible();
  });

  it('reports a failure in words and recovers with Retry', async () => {
    let calls = 0;
    const { fetch } = routedFetch(({ url }) => {
      if (url.pathname.endsWith('/mentor-applications') && ++calls === 1) throw new TypeError('Failed to fetch');
      return undefined;
    });
    const el = await renderAdmin({ fetch });
    await settled(el);
    const error = $(el, '[part="error"]')!;
    expect(error.getAttribute('role')).to.equal('alert');
    expect(textOf(error)).to.equal('Applications could not be loaded. We could not reach the mentoring service. Check your connection and try again. Retry');
    await expect(el).to.be.accessible();

    buttonIn(error, 'Retry').click();
    await settled(el);
    expect(nodeLabel($(el, '[part="error"]'))).to.equal('none');
    expect(el.applications.list.status).to.equal('ready');
  });

  it('says how to connect it when it has neither `api` nor a provider', async () => {
    const el = await fixture<MentorshipAdmin>(html`<mentorship-admin></mentorship-admin>`);
    expect(textOf($(el, '[part="error"]'))).to.contain('Programme administration is not connected');
    await expect(el).to.be.accessible();
  });
});
