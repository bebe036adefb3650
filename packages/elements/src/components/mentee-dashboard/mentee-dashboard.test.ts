import { expect, fixture, html, oneEvent } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import '../../define/mentee-dashboard.js';
import type { MentorshipRequest } from '@mentorkit/contract';
import type { MenteeDashboard } from './mentee-dashboard.component.js';
import { $, $$, buttonIn, freshPeople, hangingFetch, type FreshPerson } from '../../test-support/api-fixture.js';
import {
  dialogSettled, toastsSettled, gatedFetch, mentorshipBetween, sendRequest, text, uniqueGoals, until,
} from '../shared/dashboard.test-support.js';

describe('<mentee-dashboard>', () => {
  // Each test's own copies of the demo people: Maria requests Rahul; Kwame is Rahul's mentee; Ana
  // (a mentor) has never asked for a mentor herself.
  let maria: FreshPerson;
  let kwame: FreshPerson;
  let rahul: FreshPerson;
  let ana: FreshPerson;
  beforeEach(async () => {
    ({ maria, kwame, rahul, ana } = await freshPeople({ maria: { like: 'mentee' }, kwame: { like: 'mentee2' }, rahul: { like: 'mentor2' }, ana: { like: 'mentor' } }));
  });

  async function dashboardAs(person: FreshPerson, options: { fetch?: typeof fetch; searchUrl?: string } = {}) {
    const provider = await fixture(html`
      <mentorship-provider api="/" .token=${person.token} .fetch=${options.fetch}>
        <mentee-dashboard search-url=${options.searchUrl ?? ''}></mentee-dashboard>
      </mentorship-provider>
    `);
    const el = provider.querySelector('mentee-dashboard')!;
    await settled(el);
    return el;
  }
  const settled = (el: MenteeDashboard) => until(el, () => el.dashboard.status === 'ready' || el.dashboard.status === 'error', 'the dashboard did not load');
  const cardOf = (el: MenteeDashboard, request: MentorshipRequest) => $(el, `[data-request-id="${request.id}"]`);
  const dialog = (el: MenteeDashboard) => $<HTMLDialogElement>(el, '#withdraw-dialog')!;
  const focused = (el: MenteeDashboard) => el.shadowRoot!.activeElement;
  /** What the element said last: its newest toast (a live region), else its announcer. */
  const announced = (el: MenteeDashboard) => text($$(el, '[part~="toast"] .toast-message').at(-1) ?? $(el, '[part="announcer"]'));

  it('shows section-shaped skeletons while loading', async () => {
    const provider = await fixture(html`<mentorship-provider api="/" .token=${maria.token} .fetch=${hangingFetch}>
      <mentee-dashboard></mentee-dashboard></mentorship-provider>`);
    const el = provider.querySelector('mentee-dashboard')!;
    await el.updateComplete;
    expect(el.dashboard.status).to.equal('loading');
    expect($(el, '[aria-busy="true"]')).to.exist;
    expect($$(el, '[part~="skeleton"]')).to.have.length(3);
    expect(text($(el, '[aria-busy="true"]'))).to.contain('Loading your requests and mentors');
    await expect(el).to.be.accessible();
  });

  it('says so in words when loading fails, and recovers with Retry', async () => {
    let calls = 0;
    const flaky: typeof fetch = (input, init) => (++calls <= 3 ? Promise.reject(new TypeError('Failed to fetch')) : fetch(input, init));
    const el = await dashboardAs(ana, { fetch: flaky });
    const error = $(el, '[part="error"]')!;
    expect(error.getAttribute('role')).to.equal('alert');
    expect(text(error)).to.contain('Your requests and mentors could not be loaded. We could not reach the mentoring service.');
    await expect(el).to.be.accessible();

    buttonIn(error, 'Retry').click();
    await settled(el);
    expect($(el, '[part~="error"][role="alert"]')).to.equal(null);
    expect(el.dashboard.status).to.equal('ready');
  });

  it('says so when it is not connected to a server', async () => {
    const el = await fixture<MenteeDashboard>(html`<mentee-dashboard></mentee-dashboard>`);
    expect(el.dashboard.status).to.equal('idle');
    expect(text(el.shadowRoot!.querySelector('[part="error"]'))).to.contain('not connected');
    await expect(el).to.be.accessible();
  });

  it('offers "Find a mentor" when there is nothing yet, by click and by keyboard', async () => {
    // Ana mentors others but has never asked for a mentor herself.
    const el = await dashboardAs(ana);
    const empty = $(el, '[part="empty"]')!;
    expect(text(empty)).to.contain('You have no mentors yet');
    await expect(el).to.be.accessible();

    const find = buttonIn(empty, 'Find a mentor');
    setTimeout(() => find.click());
    const clicked = await oneEvent(el, 'mentorship-find-mentor');
    expect(clicked.detail.request).to.equal(null);
    expect(clicked.bubbles && clicked.composed && clicked.cancelable).to.equal(true);

    find.focus();
    const pressed = oneEvent(document, 'mentorship-find-mentor');
    await sendKeys({ press: 'Enter' });
    expect((await pressed).detail.request).to.equal(null);
  });

  it('makes "Find a mentor" a link with search-url, which a listener may keep from navigating', async () => {
    const el = await dashboardAs(ana, { searchUrl: '#find-a-mentor' });
    const link = $<HTMLAnchorElement>(el, 'a[part~="find-mentor"]')!;
    expect(link.getAttribute('href')).to.equal('#find-a-mentor');
    expect(text(link)).to.equal('Find a mentor');

    const stay = (e: Event) => e.preventDefault();
    document.addEventListener('mentorship-find-mentor', stay, { once: true });
    link.click();
    expect(location.hash).to.equal('');

    link.click();
    expect(location.hash).to.equal('#find-a-mentor');
    history.replaceState(null, '', location.pathname + location.search);
  });

  it('lists a pending request with its badge, time left, reply time, goals and skills', async () => {
    const goals = uniqueGoals('Listed');
    const request = await sendRequest(maria, rahul, { goals, skillsSeeking: ['Data Engineering', 'Cloud'] });
    const el = await dashboardAs(maria);
    const card = cardOf(el, request)!;
    expect(card, 'the request is listed').to.exist;
    expect(card.closest('details'), 'pending requests are not in the history').to.equal(null);
    expect(text(card.querySelector('.name'))).to.equal('Rahul Iyer');
    expect(text(card.querySelector('[part~="status-badge"]'))).to.equal('Pending');
    expect(text(card)).to.match(/Sent just now · expires in 14 days/);
    expect(text(card)).to.match(
      request.mentorMedianResponseHours === null ? /Rahul has no reply history yet\./ : /Rahul usually replies in (under an hour|about \d+ (hour|day)s?)\./,
    );
    expect(text(card)).to.contain(goals);
    expect([...card.querySelectorAll('.chip')].map((c) => c.textContent)).to.deep.equal(['Data Engineering', 'Cloud']);
    expect(text(buttonIn(card, /Withdraw request/))).to.equal('Withdraw request to Rahul Iyer');
    await expect(el).to.be.accessible();
  });

  it('shows the mentors a mentee works with as cards', async () => {
    const mentorship = await mentorshipBetween(kwame, rahul);
    const el = await dashboardAs(kwame);
    const card = $(el, `[data-mentorship-id="${mentorship.id}"]`)!;
    expect(text(card.querySelector('.name'))).to.equal('Rahul Iyer');
    expect(text(card.querySelector('[part~="status-badge"]'))).to.equal('Active');
    expect(text(card)).to.match(/Your mentor since .+ \(.+\)/);
    expect(card.querySelector('time')!.getAttribute('datetime')).to.equal(mentorship.startedAt);
    await expect(el).to.be.accessible();
  });

  it('withdraws by click after a confirmation: the card moves at once and the portal hears of it', async () => {
    const request = await sendRequest(maria, rahul);
    const gate = gatedFetch((url, method) => method === 'POST' && url.endsWith(`/${request.id}/withdraw`));
    const el = await dashboardAs(maria, { fetch: gate.fetch });
    const withdraw = buttonIn(cardOf(el, request)!, /Withdraw request/);
    withdraw.click();
    await el.updateComplete;
    expect(dialog(el).open).to.equal(true);
    expect(text(dialog(el).querySelector('h2'))).to.equal('Withdraw your request to Rahul Iyer?');
    expect(focused(el), 'the safe choice has focus').to.equal(buttonIn(dialog(el), 'Keep request'));
    await dialogSettled(dialog(el));
    await expect(el).to.be.accessible();

    buttonIn(dialog(el), 'Withdraw request').click();
    await until(el, () => gate.held === 1, 'no withdraw was sent');
    // Optimistic: in the history as Withdrawn before the server has answered.
    const moved = cardOf(el, request)!;
    expect(moved.closest('details'), 'moved to the history').to.exist;
    expect(text(moved.querySelector('[part~="status-badge"]'))).to.equal('Withdrawn');
    // The opener left with its card: focus goes to a neighbouring request or the section heading.
    await until(el, () => !dialog(el).open && focused(el) && !dialog(el).contains(focused(el)), 'focus stayed in the closed dialog');
    expect(focused(el)!.matches('#requests-title, [part~="request"]')).to.equal(true);

    const withdrawn = oneEvent(el, 'mentorship-request-withdrawn');
    gate.release();
    const event = await withdrawn;
    expect(event.detail.request).to.include({ id: request.id, status: 'withdrawn' });
    expect(event.bubbles && event.composed).to.equal(true);
    await el.updateComplete;
    expect(announced(el)).to.equal('Your request to Rahul Iyer was withdrawn.');
    expect((await maria.client.requests.get(request.id)).status).to.equal('withdrawn');
  });

  it('by keyboard: Escape keeps the request and returns focus; confirming with Enter withdraws', async () => {
    const request = await sendRequest(maria, rahul);
    const el = await dashboardAs(maria);
    const withdraw = buttonIn(cardOf(el, request)!, /Withdraw request/);
    withdraw.focus();
    await sendKeys({ press: 'Enter' });
    await el.updateComplete;
    expect(dialog(el).open).to.equal(true);
    for (let i = 0; i < 5; i++) {
      await sendKeys({ press: 'Tab' });
      expect(dialog(el).contains(focused(el)), `focus after ${i + 1} Tab presses`).to.equal(true);
    }
    await sendKeys({ press: 'Escape' });
    await until(el, () => !dialog(el).open && focused(el) === withdraw, 'focus did not return to Withdraw');
    expect(cardOf(el, request)!.closest('details')).to.equal(null);
    expect((await maria.client.requests.get(request.id)).status).to.equal('pending');

    await sendKeys({ press: 'Enter' });
    await el.updateComplete;
    expect(focused(el)).to.equal(buttonIn(dialog(el), 'Keep request'));
    await sendKeys({ press: 'Tab' });
    expect(focused(el)).to.equal(buttonIn(dialog(el), 'Withdraw request'));
    const withdrawn = oneEvent(el, 'mentorship-request-withdrawn');
    await sendKeys({ press: 'Enter' });
    expect((await withdrawn).detail.request.id).to.equal(request.id);
  });

  it('rolls back visibly when the withdrawal fails', async () => {
    const request = await sendRequest(maria, rahul);
    const gate = gatedFetch((url, method) => method === 'POST' && url.endsWith(`/${request.id}/withdraw`));
    const el = await dashboardAs(maria, { fetch: gate.fetch });
    buttonIn(cardOf(el, request)!, /Withdraw request/).click();
    await el.updateComplete;
    buttonIn(dialog(el), 'Withdraw request').click();
    await until(el, () => gate.held === 1, 'no withdraw was sent');
    expect(cardOf(el, request)!.closest('details')).to.exist;

    gate.release('network-error');
    await until(el, () => !cardOf(el, request)!.closest('details'), 'the request did not come back');
    const card = cardOf(el, request)!;
    expect(text(card.querySelector('[part~="status-badge"]'))).to.equal('Pending');
    expect(text(card.querySelector('[part~="action-error"]'))).to.equal(
      'The request to Rahul Iyer could not be withdrawn. We could not reach the mentoring service. Check your connection and try again.',
    );
    expect(buttonIn(card, /Withdraw request/).disabled).to.equal(false);
    expect(announced(el)).to.contain('could not be withdrawn');
    await toastsSettled(el);
    await expect(el).to.be.accessible();
  });

  it('rolls back and shows the truth when the mentor answered first', async () => {
    const request = await sendRequest(maria, rahul);
    const el = await dashboardAs(maria);
    await rahul.client.requests.decline(request.id, { reason: 'better_fit_elsewhere' });

    let withdrawnEvents = 0;
    el.addEventListener('mentorship-request-withdrawn', () => withdrawnEvents++);
    buttonIn(cardOf(el, request)!, /Withdraw request/).click();
    await el.updateComplete;
    buttonIn(dialog(el), 'Withdraw request').click();
    await until(el, () => cardOf(el, request)?.querySelector('[part~="action-error"]') && text(cardOf(el, request)!.querySelector('[part~="status-badge"]')) === 'Declined',
      'the declined request was not shown');
    const card = cardOf(el, request)!;
    expect(card.closest('details')).to.exist;
    expect(text(card.querySelector('[part~="action-error"]'))).to.equal('The request to Rahul Iyer was answered or expired before it could be withdrawn.');
    expect(text(card.querySelector('[part="decline-reason"]'))).to.equal('Another mentor would be a better fit');
    expect(withdrawnEvents).to.equal(0);
  });

  it('keeps ended requests in a collapsed history with the reason in words and the message as text', async () => {
    const request = await sendRequest(maria, rahul);
    const message = 'Try again in spring <b>really</b> <img src=x onerror="window.__xss=1">';
    await rahul.client.requests.decline(request.id, { reason: 'not_enough_time', message });
    const el = await dashboardAs(maria);
    const details = $<HTMLDetailsElement>(el, 'details[part="history"]')!;
    expect(details.open).to.equal(false);
    expect(text(details.querySelector('summary'))).to.match(/^Earlier requests \(\d+\)$/);
    expect(cardOf(el, request)!.checkVisibility()).to.equal(false);

    expect(details.querySelector('summary')!.getBoundingClientRect().height, 'summary target size').to.be.at.least(24);
    details.querySelector('summary')!.focus();
    await sendKeys({ press: 'Enter' });
    expect(details.open).to.equal(true);
    const card = cardOf(el, request)!;
    expect(card.checkVisibility()).to.equal(true);
    expect(text(card.querySelector('[part~="status-badge"]'))).to.equal('Declined');
    expect(text(card.querySelector('[part="decline-reason"]'))).to.equal('Not enough time right now');
    expect(card.querySelector('.prose')!.textContent).to.equal(message);
    expect(card.querySelector('b, img')).to.equal(null);
    expect((window as { __xss?: number }).__xss).to.equal(undefined);
    expect(text(card)).to.match(/Sent .+, declined .+/);
    await expect(el).to.be.accessible();
  });

  it('offers the next step after a decline, with the request that ended', async () => {
    const request = await sendRequest(maria, rahul, { skillsSeeking: ['Cloud'] });
    await rahul.client.requests.decline(request.id, { reason: 'expertise_mismatch' });
    const el = await dashboardAs(maria);
    const next = $(el, '[part="next-step"]')!;
    const find = buttonIn(next, 'Find another mentor');
    setTimeout(() => find.click());
    const event = await oneEvent(el, 'mentorship-find-mentor');
    expect(text(next)).to.contain('No requests are waiting for an answer.');
    expect(event.detail.request).to.include({ id: request.id, status: 'declined' });
    expect(event.detail.request!.skillsSeeking).to.deep.equal(['Cloud']);
  });
});
