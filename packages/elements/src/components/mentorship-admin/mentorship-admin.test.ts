import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import { $, $$, buttonIn, devToken, hangingFetch } from '../../test-support/api-fixture.js';
import { hangingAfterRoles, nodeLabel, renderAdmin, routedFetch, settled, tabs, textOf } from './admin.test-helpers.js';
import type { MentorshipAdmin } from './mentorship-admin.component.js';

describe('<mentorship-admin>', () => {
  const focused = (el: MentorshipAdmin) => el.shadowRoot!.activeElement;
  const visiblePanels = (el: MentorshipAdmin) => $$(el, '[role="tabpanel"]').filter((p) => !p.hidden).map((p) => p.id);

  it('follows the WAI-ARIA tabs pattern', async () => {
    const el = await renderAdmin();
    await settled(el);
    const tablist = $(el, '[role="tablist"]')!;
    expect(tablist.getAttribute('aria-label')).to.equal('Mentoring programme administration');
    expect(tabs(el).map((t) => t.textContent!.trim())).to.deep.equal(['Applications', 'Mentors', 'Overview', 'Programmes']);
    for (const tab of tabs(el)) {
      const panel = el.shadowRoot!.getElementById(tab.getAttribute('aria-controls')!)!;
      expect(panel.getAttribute('role')).to.equal('tabpanel');
      expect(panel.getAttribute('aria-labelledby')).to.equal(tab.id);
    }
    expect(tabs(el).map((t) => [t.getAttribute('aria-selected'), t.tabIndex])).to.deep.equal([['true', 0], ['false', -1], ['false', -1], ['false', -1]]);
    expect(visiblePanels(el)).to.deep.equal(['panel-applications']);
    await expect(el).to.be.accessible();
  });

  it('moves between tabs with the arrow keys, Home and End, and Tab goes into the panel', async () => {
    const el = await renderAdmin();
    await settled(el);
    const [applications, mentors, , programmes] = tabs(el);
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
    await press('ArrowRight', 'overview');
    await press('ArrowRight', 'programmes');
    await press('ArrowRight', 'applications');
    await press('ArrowLeft', 'programmes');
    await press('ArrowLeft', 'overview');
    await press('Home', 'applications');
    await press('End', 'programmes');
    expect(programmes!.getAttribute('aria-selected')).to.equal('true');
    expect(el.getAttribute('tab'), 'the tab reflects').to.equal('programmes');

    await sendKeys({ press: 'Tab' });
    expect(focused(el)!.id).to.equal('panel-programmes');
  });

  it('is accessible on every tab, each loaded the first time it is shown', async () => {
    const { fetch, requests } = routedFetch(() => undefined);
    const el = await renderAdmin({ fetch });
    await settled(el);
    // The viewer's roles come first (GET /me); then each tab's own request.
    const loaded = () => requests.map((r) => r.url.pathname).filter((p) => p !== '/api/v1/me');
    expect(loaded()).to.deep.equal(['/api/v1/admin/mentor-applications']);
    await expect(el).to.be.accessible();

    buttonIn(el.shadowRoot!, 'Mentors').click();
    await settled(el);
    expect(loaded()).to.include('/api/v1/admin/mentors');
    expect(loaded()).not.to.include('/api/v1/admin/stats');
    expect($(el, '[part="mentors-table"]')).to.exist;
    await expect(el).to.be.accessible();

    buttonIn(el.shadowRoot!, 'Overview').click();
    await settled(el);
    expect($(el, '[part="numbers"]')).to.exist;
    await expect(el).to.be.accessible();

    expect(loaded()).not.to.include('/api/v1/admin/programmes');
    buttonIn(el.shadowRoot!, 'Programmes').click();
    await settled(el);
    expect(loaded()).to.include('/api/v1/admin/programmes');
    expect($(el, '[part="programmes-table"], #panel-programmes [part="empty"]')).to.exist;
    await expect(el).to.be.accessible();

    const count = requests.length;
    buttonIn(el.shadowRoot!, 'Applications').click();
    await el.updateComplete;
    expect(requests.length, 'a tab seen before keeps what it loaded').to.equal(count);
  });

  it('puts applicants’ names at heading-level (h2 by default: the element has no title of its own), their blocks one below', async () => {
    const el = await renderAdmin();
    await settled(el);
    const levels = () => [...new Set($$(el, 'article.card .name').map((h) => h.localName))];
    expect(levels()).to.deep.equal(['h2']);
    el.setAttribute('heading-level', '3');
    await el.updateComplete;
    expect(levels()).to.deep.equal(['h3']);
    expect([...new Set($$(el, 'article.card .block-title').map((h) => h.localName))]).to.deep.equal(['h4']);
  });

  it('opens on the tab its attribute names', async () => {
    const el = await renderAdmin({ tab: 'overview' });
    await settled(el);
    expect(tabs(el)[2]!.getAttribute('aria-selected')).to.equal('true');
    expect($(el, '[part="chart"]')).to.exist;
  });

  it('tells people without the admin role that this area is for programme administrators', async () => {
    const el = await renderAdmin({ token: await devToken('mentee') });
    await settled(el);
    expect(textOf($(el, '[part="forbidden"]'))).to.contain('This area is for programme administrators.');
    expect(nodeLabel($(el, '[role="tablist"]')), 'no tabs to wander into').to.equal('none');
    expect(nodeLabel($(el, '[part="error"]'))).to.equal('none');
    await expect(el).to.be.accessible();
  });

  it('shows a card-shaped skeleton while the queue loads', async () => {
    // The roles answer; the queue never does.
    const el = await renderAdmin({ fetch: hangingAfterRoles });
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

  it('asks nothing under /admin for a viewer without the admin role, whatever tab is chosen', async () => {
    for (const persona of ['mentee', 'mentor'] as const) {
      const requests: string[] = [];
      const real = window.fetch;
      // The page's own fetch, wrapped: every request any part of the element makes goes through it.
      window.fetch = (input, init) => {
        requests.push(new URL(input instanceof Request ? input.url : String(input), location.href).pathname);
        return real(input, init);
      };
      try {
        const el = await fixture<MentorshipAdmin>(html`<mentorship-admin api="/" .token=${await devToken(persona)} tab="overview"></mentorship-admin>`);
        await settled(el);
        expect(textOf($(el, '[part="forbidden"]')), persona).to.contain('This area is for programme administrators.');
        el.tab = 'mentors';
        await el.updateComplete;
        expect(requests, persona).to.include('/api/v1/me');
        expect(requests.filter((p) => p.includes('/admin/')), `${persona}: no admin request`).to.deep.equal([]);
        await expect(el).to.be.accessible();
      } finally {
        window.fetch = real;
      }
    }
  });

  it('shows a quiet placeholder while the roles are read, and Retry when they cannot be', async () => {
    let fail = true;
    const { fetch, requests } = routedFetch(({ url }) => {
      if (url.pathname === '/api/v1/me' && fail) throw new TypeError('Failed to fetch');
      return undefined;
    });
    const el = await renderAdmin({ fetch });
    await waitUntil(() => $(el, '[part="error"]'), 'no error shown');
    expect(textOf($(el, '[part="error"]'))).to.contain('Programme administration could not be opened.');
    expect(requests.filter((r) => r.url.pathname.includes('/admin/'))).to.deep.equal([]);
    await expect(el).to.be.accessible();
    fail = false;
    buttonIn($(el, '[part="error"]')!, 'Retry').click();
    await settled(el);
    expect(el.applications.list.status).to.equal('ready');

    const hanging = await renderAdmin({ fetch: hangingFetch, rolesPending: true });
    expect($(hanging, '[part="checking"]')!.getAttribute('aria-busy')).to.equal('true');
    expect(nodeLabel($(hanging, '[role="tablist"]'))).to.equal('none');
    await expect(hanging).to.be.accessible();
  });

  it('says how to connect it when it has neither `api` nor a provider', async () => {
    const el = await fixture<MentorshipAdmin>(html`<mentorship-admin></mentorship-admin>`);
    expect(textOf($(el, '[part="error"]'))).to.contain('Programme administration is not connected');
    await expect(el).to.be.accessible();
  });
});
