import { expect, waitUntil } from '@open-wc/testing';
import type { ProgrammeStats } from '@mentorkit/contract';
import { $, $$, buttonIn } from '../../test-support/api-fixture.js';
import { freshApplicant, freshMentor, uniqueWord } from './admin.fixtures.js';
import { dialogClosed, dialogOpened, findApplicationCard, json, renderAdmin, routedFetch, settled, textOf, hangingAfterRoles } from './admin.test-helpers.js';
import { weekLabel } from './admin-format.js';

/** A `fetch` that keeps each set of programme numbers the element received, to compare the rendering with. */
function statsRecorder() {
  const seen: ProgrammeStats[] = [];
  const recording: typeof fetch = async (input, init) => {
    const res = await fetch(input, init);
    const url = new URL(input instanceof Request ? input.url : String(input), location.href);
    if (url.pathname === '/api/v1/admin/stats' && res.ok) seen.push((await res.clone().json()) as ProgrammeStats);
    return res;
  };
  return { fetch: recording, seen };
}

const quietStats: ProgrammeStats = {
  applications: { total: 0, pending: 0, approved: 0, rejected: 0 },
  approvalRate: null,
  mentors: { active: 0, suspended: 0, accepting: 0 },
  requests: { total: 0, pending: 0, accepted: 0, declined: 0, expired: 0, withdrawn: 0 },
  acceptanceRate: null,
  medianResponseHours: null,
  mentorships: { active: 0, paused: 0, completed: 0, cancelled: 0 },
  weekly: Array.from({ length: 12 }, (_, i) => ({ week: new Date(Date.UTC(2025, 0, 6 + 7 * i)).toISOString().slice(0, 10), requests: 0, accepted: 0 })),
};

describe('<mentorship-admin> overview', () => {
  const figure = (el: Element, key: string) => textOf($(el, `[data-figure="${key}"] .number-value`));

  it('shows a skeleton while the numbers load', async () => {
    const el = await renderAdmin({ tab: 'overview', fetch: hangingAfterRoles });
    expect($(el, '#panel-overview [part~="skeleton"]')).to.exist;
    expect(textOf($(el, '#panel-overview [role="status"]'))).to.equal('Loading programme numbers…');
    await expect(el).to.be.accessible();
  });

  it('shows the programme numbers the API reports', async () => {
    await freshMentor(`Mia ${uniqueWord()}`, { waitingRequests: 1 });
    const { fetch, seen } = statsRecorder();
    const el = await renderAdmin({ tab: 'overview', fetch });
    await settled(el);
    const stats = seen.at(-1)!;
    const percent = (rate: number | null) => (rate === null ? '—' : `${Math.round(rate * 100)}%`);
    expect(figure(el, 'applications')).to.equal(String(stats.applications.total));
    expect(figure(el, 'approval-rate')).to.equal(percent(stats.approvalRate));
    expect(figure(el, 'requests')).to.equal(String(stats.requests.total));
    expect(figure(el, 'acceptance-rate')).to.equal(percent(stats.acceptanceRate));
    expect(figure(el, 'active-mentorships')).to.equal(String(stats.mentorships.active));
    expect(figure(el, 'accepting-mentors')).to.equal(String(stats.mentors.accepting));
    expect(figure(el, 'median-response')).to.match(stats.medianResponseHours === null ? /^—$/ : /^(About|Under)/);
    expect(textOf($(el, '[data-figure="applications"] .number-detail'))).to.equal(`${stats.applications.pending} waiting for a decision`);
    expect($$(el, '[part="number"] dt').map((dt) => textOf(dt))).to.deep.equal([
      'Applications', 'Approval rate', 'Mentorship requests', 'Acceptance rate', 'Median response time', 'Active mentorships', 'Mentors accepting mentees',
    ]);
    await expect(el).to.be.accessible();
  });

  it('draws two bars per week for 12 weeks, scaled to the data, with a text alternative', async () => {
    await freshMentor(`Noa ${uniqueWord()}`, { waitingRequests: 2 });
    const { fetch, seen } = statsRecorder();
    const el = await renderAdmin({ tab: 'overview', fetch });
    await settled(el);
    const { weekly } = seen.at(-1)!;
    expect(weekly).to.have.length(12);

    const svg = $(el, 'svg.chart-svg')!;
    expect(svg.getAttribute('role')).to.equal('img');
    const total = weekly.reduce((s, w) => s + w.requests, 0);
    expect(total, 'this test made two requests this week').to.be.at.least(2);
    const label = svg.getAttribute('aria-label')!;
    expect(label).to.contain(`Bar chart of requests and acceptances per week over the 12 weeks from ${weekLabel(weekly[0]!.week, 'long')} to ${weekLabel(weekly[11]!.week, 'long')}`);
    expect(label).to.contain(`${total} requests`);

    const bars = $$<SVGRectElement>(el, 'rect.bar');
    expect(bars.length).to.equal(24);
    expect($$(el, 'rect.bar--requests').map((b) => Number(b.dataset['value']))).to.deep.equal(weekly.map((w) => w.requests));
    expect($$(el, 'rect.bar--accepted').map((b) => Number(b.dataset['value']))).to.deep.equal(weekly.map((w) => w.accepted));
    // Heights follow the values: the busiest week's bar is the tallest, an empty week has none.
    const height = (b: SVGRectElement) => Number(b.getAttribute('height'));
    const requestBars = $$<SVGRectElement>(el, 'rect.bar--requests');
    const max = Math.max(...weekly.map((w) => w.requests));
    const tallest = Math.max(...bars.map(height));
    expect(height(requestBars[weekly.findIndex((w) => w.requests === max)]!)).to.equal(tallest);
    for (const b of bars.filter((b) => b.dataset['value'] === '0')) expect(height(b)).to.equal(0);

    const caption = $(el, '[part="chart"] figcaption')!;
    expect(textOf(caption)).to.contain('Requests and acceptances per week');
    const rows = $$(el, '[part="chart-data"] tbody tr').map((tr) => [...tr.children].map((c) => textOf(c)));
    expect(rows).to.deep.equal(weekly.map((w) => [weekLabel(w.week, 'long'), String(w.requests), String(w.accepted)]));
    await expect(el).to.be.accessible();
  });

  it('says when the programme has no activity yet', async () => {
    const { fetch } = routedFetch(({ url }) => (url.pathname === '/api/v1/admin/stats' ? json(quietStats) : undefined));
    const el = await renderAdmin({ tab: 'overview', fetch });
    await settled(el);
    expect(textOf($(el, '[part="empty"]'))).to.contain('No programme activity yet.');
    await expect(el).to.be.accessible();
    buttonIn($(el, '[part="empty"]')!, 'Review applications').click();
    await el.updateComplete;
    expect(el.tab).to.equal('applications');
  });

  it('reports a failure in words and recovers with Retry', async () => {
    let fail = true;
    const { fetch } = routedFetch(({ url }) => (fail && url.pathname === '/api/v1/admin/stats' ? json({ error: { code: 'internal', message: 'x', requestId: 'r' } }, 500) : undefined));
    const el = await renderAdmin({ tab: 'overview', fetch });
    await settled(el);
    expect(textOf($(el, '[part="error"]'))).to.equal('Programme numbers could not be loaded. The mentoring service had a problem on its side. Retry');
    await expect(el).to.be.accessible();
    fail = false;
    buttonIn($(el, '[part="error"]')!, 'Retry').click();
    await waitUntil(() => $(el, '[part="numbers"]'), 'the numbers did not load');
  });

  it('counts a decision made on another tab', async () => {
    const { application } = await freshApplicant(`Ola ${uniqueWord()}`);
    const { fetch, seen } = statsRecorder();
    const el = await renderAdmin({ tab: 'overview', fetch });
    await settled(el);
    const before = seen.at(-1)!.applications.approved;

    buttonIn(el.shadowRoot!, 'Applications').click();
    buttonIn(await findApplicationCard(el, application.id), 'Approve').click();
    await dialogOpened(el);
    buttonIn($(el, 'dialog')!, 'Approve').click();
    await dialogClosed(el);
    await waitUntil(() => seen.length === 2, 'the numbers were not loaded again');
    expect(seen[1]!.applications.approved).to.be.greaterThan(before);
    buttonIn(el.shadowRoot!, 'Overview').click();
    await settled(el);
    // Other test files decide applications on the same server meanwhile: compare with the
    // latest numbers the element loaded, once it has rendered them.
    await waitUntil(
      () => textOf($(el, '[data-figure="approval-rate"] .number-detail')).includes(`${seen.at(-1)!.applications.approved} of`),
      'the approval figure does not show the reloaded numbers',
    );
  });
});
