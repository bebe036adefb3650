import type { Programme } from '@mentorkit/contract';
import { expect, fixture, html, oneEvent, waitUntil } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import '../../define/mentee-dashboard.js';
import '../../define/mentor-dashboard.js';
import type { MenteeDashboard } from '../mentee-dashboard/mentee-dashboard.component.js';
import type { MentorDashboard } from '../mentor-dashboard/mentor-dashboard.component.js';
import type { MentorshipWorkspace } from '../mentorship-workspace/mentorship-workspace.component.js';
import { loaded } from '../mentorship-workspace/workspace.test-support.js';
import { $, $$, buttonIn, freshPeople, type FreshPerson } from '../../test-support/api-fixture.js';
import { captureConsoleErrors } from '../../test-support/console-errors.js';
import { dialogSettled, gatedFetch, text, toastsSettled, uniqueGoals, until } from './dashboard.test-support.js';
import { dayFromToday, freshAdmin, newProgramme } from './programmes.test-support.js';

/**
 * The dashboards' Programmes section (loaded after the first render) and the programme on
 * requests and mentorships, against the real API. Every test makes its own programmes and people;
 * other files' programmes may show in the lists too, so a test finds its own by id.
 */
describe('Programmes in the dashboards', () => {
  let admin: FreshPerson;
  let maria: FreshPerson;
  let rahul: FreshPerson;
  let applicant: FreshPerson;

  before(async () => {
    admin = await freshAdmin();
  });
  beforeEach(async () => {
    ({ maria, rahul, applicant } = await freshPeople({
      maria: { like: 'mentee' },
      rahul: { like: 'mentor2' },
      applicant: { like: 'mentee2', name: 'Ada Applicant', mentor: false },
    }));
  });
  afterEach(() => {
    for (const d of document.querySelectorAll('mentee-dashboard, mentor-dashboard')) for (const dialog of d.shadowRoot!.querySelectorAll('dialog')) dialog.close();
  });

  type Dashboard = MenteeDashboard | MentorDashboard;

  async function menteeDashboard(person: FreshPerson, customFetch?: typeof fetch): Promise<MenteeDashboard> {
    const provider = await fixture(html`<mentorship-provider api="/" .token=${person.token} .fetch=${customFetch}>
      <mentee-dashboard no-routing></mentee-dashboard></mentorship-provider>`);
    const el = provider.querySelector('mentee-dashboard')!;
    await until(el, () => el.dashboard.status === 'ready', 'the mentee dashboard did not load');
    return el;
  }
  async function mentorDashboard(person: FreshPerson, customFetch?: typeof fetch): Promise<MentorDashboard> {
    const provider = await fixture(html`<mentorship-provider api="/" .token=${person.token} .fetch=${customFetch}>
      <mentor-dashboard no-routing></mentor-dashboard></mentorship-provider>`);
    const el = provider.querySelector('mentor-dashboard')!;
    await until(el, () => el.dashboard.mode === 'mentor' || el.dashboard.mode === 'applicant', 'the mentor dashboard did not load');
    return el;
  }
  /** Waits for the section's code and its list. */
  const programmesShown = (el: Dashboard) =>
    until(el, () => $(el, '[part~="programmes"]') && !$(el, '[part~="programmes"] [aria-busy="true"]'), 'the programmes did not show');
  const cardOf = (el: Dashboard, p: Programme) => $(el, `[part~="programme"][data-programme-id="${p.id}"]`);
  /** Which list a programme's card is in: `my-programmes` or `join-programmes`. */
  const listOf = (el: Dashboard, p: Programme) => cardOf(el, p)?.closest('ul')?.getAttribute('aria-labelledby')?.replace(/-title$/, '');
  const focused = (el: Dashboard) => el.shadowRoot!.activeElement;
  const toasts = (el: Dashboard) => $$(el, '[part~="toast"] .toast-message').map(text);
  const leaveDialog = (el: Dashboard) => $<HTMLDialogElement>(el, '#leave-programme-dialog')!;

  it('lists a programme the mentee can join, and enrols by click: the card moves, a toast confirms', async () => {
    const p = await newProgramme(admin);
    const el = await menteeDashboard(maria);
    await programmesShown(el);
    const section = $(el, '[part~="programmes"]')!;
    expect(text(section.querySelector('#programmes-title'))).to.equal('Programmes');
    expect(listOf(el, p)).to.equal('join-programmes');
    const card = cardOf(el, p)!;
    expect(text(card.querySelector('.name'))).to.equal(p.name);
    expect(text(card.querySelector('[part~="status-badge"]'))).to.equal('Enrolling');
    expect(text(card)).to.contain('Mentees choose their mentor');
    expect(text(card)).to.match(/Enrolment open until \d{1,2} \w{3} \d{4}/);
    await expect(el).to.be.accessible();

    const enrolled = oneEvent(el, 'programme-enrolled');
    buttonIn(card, 'Enrol as mentee').click();
    expect((await enrolled).detail.role).to.equal('mentee');
    await until(el, () => listOf(el, p) === 'my-programmes', 'the card did not move to "Your programmes"');
    expect(focused(el)).to.equal(cardOf(el, p));
    expect(text(cardOf(el, p))).to.contain('Enrolled as mentee');
    expect(toasts(el)).to.include(`You enrolled in ${p.name} as a mentee.`);
    expect((await maria.client.programmes.get(p.id)).viewerRoles).to.deep.equal(['mentee']);
    await toastsSettled(el);
    await expect(el).to.be.accessible();
  });

  it('leaves a programme by keyboard, after confirming', async () => {
    const p = await newProgramme(admin);
    await maria.client.programmes.enrol(p.id, { role: 'mentee' });
    const el = await menteeDashboard(maria);
    await programmesShown(el);
    expect(listOf(el, p)).to.equal('my-programmes');

    const leave = cardOf(el, p)!.querySelector<HTMLButtonElement>('[part~="leave-button"]')!;
    expect(text(leave)).to.equal(`Leave ${p.name}`);
    leave.focus();
    await sendKeys({ press: 'Enter' });
    await until(el, () => leaveDialog(el).open, 'the dialog did not open');
    await dialogSettled(leaveDialog(el));
    expect(text(leaveDialog(el).querySelector('h2'))).to.equal(`Leave ${p.name}?`);
    expect(text(leaveDialog(el))).to.contain('Mentorships you started in it go on.');
    // Staying is where focus starts; Escape would keep everything as it was.
    expect(text(focused(el))).to.equal('Stay enrolled');
    await expect(el).to.be.accessible();

    const left = oneEvent(el, 'programme-left');
    await sendKeys({ press: 'Tab' });
    expect(text(focused(el))).to.equal('Leave programme');
    await sendKeys({ press: 'Enter' });
    expect((await left).detail.programme.viewerRoles).to.deep.equal([]);
    await until(el, () => listOf(el, p) === 'join-programmes', 'the card did not move back to the programmes to join');
    await waitUntil(() => focused(el) === cardOf(el, p), 'focus did not follow the card');
    expect(toasts(el)).to.include(`You left ${p.name}.`);
    expect((await maria.client.programmes.get(p.id)).viewerRoles).to.deep.equal([]);
  });

  it('keeps the enrolment when the leave dialog is cancelled with Escape', async () => {
    const p = await newProgramme(admin);
    await maria.client.programmes.enrol(p.id, { role: 'mentee' });
    const el = await menteeDashboard(maria);
    await programmesShown(el);
    const leave = cardOf(el, p)!.querySelector<HTMLButtonElement>('[part~="leave-button"]')!;
    leave.click();
    await until(el, () => leaveDialog(el).open, 'the dialog did not open');
    await sendKeys({ press: 'Escape' });
    await until(el, () => !leaveDialog(el).open, 'the dialog did not close');
    expect(focused(el)).to.equal(leave);
    expect(listOf(el, p)).to.equal('my-programmes');
    expect((await maria.client.programmes.get(p.id)).viewerRoles).to.deep.equal(['mentee']);
  });

  it('enrols an active mentor as a mentor, by keyboard, on the mentor dashboard', async () => {
    const p = await newProgramme(admin, { matching: 'admin_matched', startsOn: dayFromToday(-2) });
    const el = await mentorDashboard(rahul);
    expect(el.dashboard.mode).to.equal('mentor');
    await programmesShown(el);
    const card = cardOf(el, p)!;
    expect(text(card.querySelector('[part~="status-badge"]'))).to.equal('Running');
    expect(text(card)).to.contain('The programme team matches mentees with mentors');
    await expect(el).to.be.accessible();

    card.querySelector<HTMLElement>('[part~="enrol-button"]')!.focus();
    expect(text(focused(el))).to.equal('Enrol as mentor');
    await sendKeys({ press: 'Enter' });
    await until(el, () => listOf(el, p) === 'my-programmes', 'the card did not move');
    expect(text(cardOf(el, p))).to.contain('Enrolled as mentor');
    expect(toasts(el)).to.include(`You enrolled in ${p.name} as a mentor.`);
    expect((await rahul.client.programmes.get(p.id)).viewerRoles).to.deep.equal(['mentor']);
    await toastsSettled(el);
    await expect(el).to.be.accessible();
  });

  it('shows no Programmes section to someone who is not a mentor, and never asks for it', async () => {
    const programmeCalls: string[] = [];
    const recording: typeof fetch = (input, init) => {
      const url = input instanceof Request ? input.url : String(input);
      if (url.includes('/programmes')) programmeCalls.push(url);
      return fetch(input, init);
    };
    const errors = captureConsoleErrors();
    try {
      const el = await mentorDashboard(applicant, recording);
      expect(el.dashboard.mode).to.equal('applicant');
      // Past the first render and the application's own loading.
      await new Promise((r) => setTimeout(r, 300));
      await el.updateComplete;
      expect($(el, '[part~="programmes"]')).to.equal(null);
      expect(programmeCalls).to.deep.equal([]);
    } finally {
      errors.restore();
    }
    expect(errors.logged).to.deep.equal([]);
  });

  it('shows skeletons while the programmes load', async () => {
    const gate = gatedFetch((url) => /\/api\/v1\/programmes\?/.test(url));
    const el = await menteeDashboard(maria, gate.fetch);
    await until(el, () => gate.held > 0, 'the programmes were not asked for');
    const section = $(el, '[part~="programmes"]')!;
    expect(section.querySelector('[aria-busy="true"]')).to.exist;
    expect(text(section)).to.contain('Loading programmes…');
    await expect(el).to.be.accessible();
    gate.release();
    await programmesShown(el);
  });

  it('says so in words when the programmes cannot be loaded, and recovers with Retry', async () => {
    let failing = true;
    const flaky: typeof fetch = (input, init) => {
      const url = input instanceof Request ? input.url : String(input);
      return failing && /\/api\/v1\/programmes\?/.test(url) ? Promise.reject(new TypeError('Failed to fetch')) : fetch(input, init);
    };
    const el = await menteeDashboard(maria, flaky);
    await until(el, () => $(el, '[part~="programmes"] [part~="error"]'), 'no error shown');
    const error = $(el, '[part~="programmes"] [part~="error"]')!;
    expect(error.getAttribute('role')).to.equal('alert');
    expect(text(error)).to.contain('Programmes could not be loaded. We could not reach the mentoring service.');
    await expect(el).to.be.accessible();
    failing = false;
    buttonIn(error, 'Retry').click();
    await programmesShown(el);
    expect($(el, '[part~="programmes"] [part~="error"]')).to.equal(null);
  });

  it('has a friendly empty state when no programme is open', async () => {
    const empty: typeof fetch = (input, init) => {
      const url = input instanceof Request ? input.url : String(input);
      return /\/api\/v1\/programmes\?/.test(url)
        ? Promise.resolve(new Response(JSON.stringify({ items: [], nextCursor: null }), { headers: { 'content-type': 'application/json' } }))
        : fetch(input, init);
    };
    const el = await menteeDashboard(maria, empty);
    await programmesShown(el);
    expect(text($(el, '[part~="programmes"] [part~="empty"]'))).to.contain('No programmes are open for enrolment right now.');
    await expect(el).to.be.accessible();
  });

  it('names the programme on a request, on the mentee’s and the mentor’s cards, then on the mentorship', async () => {
    const p = await newProgramme(admin, { startsOn: dayFromToday(-1) });
    await maria.client.programmes.enrol(p.id, { role: 'mentee' });
    await rahul.client.programmes.enrol(p.id, { role: 'mentor' });
    const request = await maria.client.requests.create({ mentorId: rahul.id, goals: uniqueGoals('In a programme'), programmeId: p.id });
    expect(request.programme?.id).to.equal(p.id);

    const mentee = await menteeDashboard(maria);
    const pending = $(mentee, `[data-request-id="${request.id}"]`)!;
    expect(text(pending.querySelector('[part~="programme-line"]'))).to.equal(`Programme: ${p.name}`);
    await expect(mentee).to.be.accessible();

    const mentor = await mentorDashboard(rahul);
    const waiting = $(mentor, `[data-request-id="${request.id}"]`)!;
    expect(text(waiting.querySelector('[part~="programme-line"]'))).to.equal(`Programme: ${p.name}`);

    const { mentorship } = await rahul.client.requests.accept(request.id);
    expect(mentorship.programme?.id).to.equal(p.id);
    const after = await mentorDashboard(rahul);
    const card = $(after, `[data-mentorship-id="${mentorship.id}"]`)!;
    expect(text(card.querySelector('[part~="programme-line"]'))).to.equal(`Programme: ${p.name}`);
    await expect(after).to.be.accessible();

    // Its workspace says so in the header too.
    card.querySelector<HTMLButtonElement>('[part~="open-button"]')!.click();
    await until(after, () => $(after, 'mentorship-workspace'), 'the workspace did not open');
    const ws = $<MentorshipWorkspace>(after, 'mentorship-workspace')!;
    await loaded(ws);
    expect(text(ws.shadowRoot!.querySelector('[part~="header"] [part~="programme-line"]'))).to.equal(`Programme: ${p.name}`);
  });

  it('tells the mentor that a request was introduced by the programme', async () => {
    const p = await newProgramme(admin, { matching: 'admin_matched', startsOn: dayFromToday(-1) });
    await maria.client.programmes.enrol(p.id, { role: 'mentee', goals: 'Move into data engineering.' });
    await rahul.client.programmes.enrol(p.id, { role: 'mentor' });
    const result = await admin.client.admin.programmes.confirmMatches(p.id, { pairs: [{ menteeId: maria.id, mentorId: rahul.id }] });
    expect(result.refused).to.deep.equal([]);
    const request = result.items[0]!;
    expect(request.introduced).to.equal(true);

    const el = await mentorDashboard(rahul);
    const waiting = $(el, `[data-request-id="${request.id}"]`)!;
    expect(text(waiting.querySelector('[part~="programme-line"]'))).to.equal(`Introduced by ${p.name}`);
    await expect(el).to.be.accessible();
  });
});
