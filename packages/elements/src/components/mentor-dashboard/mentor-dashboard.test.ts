import { expect, fixture, html, oneEvent } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import '../../define/mentor-dashboard.js';
import type { MentorshipRequest } from '@mentorkit/contract';
import type { MentorDashboard } from './mentor-dashboard.component.js';
import { $, $$, buttonIn, freshPeople, hangingFetch, type FreshPerson } from '../../test-support/api-fixture.js';
import {
  dialogSettled, toastsSettled, gatedFetch, mentorshipBetween, sendRequest, text, uniqueGoals, until,
} from '../shared/dashboard.test-support.js';

describe('<mentor-dashboard> for a mentor', () => {
  // Each test's own copies of the demo people: Ana is the mentor; Kwame sends the requests she
  // answers or declines, Grace the one she accepts, Rahul and Maria become her mentees.
  let ana: FreshPerson;
  let kwame: FreshPerson;
  let grace: FreshPerson;
  let rahul: FreshPerson;
  let maria: FreshPerson;
  beforeEach(async () => {
    ({ ana, kwame, grace, rahul, maria } = await freshPeople({
      ana: { like: 'mentor' }, kwame: { like: 'mentee2' }, grace: { like: 'admin' }, rahul: { like: 'mentor2' }, maria: { like: 'mentee' },
    }));
  });
  afterEach(() => history.replaceState(null, '', location.pathname + location.search));

  async function dashboard(options: { fetch?: typeof fetch } = {}) {
    const provider = await fixture(html`
      <mentorship-provider api="/" .token=${ana.token} .fetch=${options.fetch}><mentor-dashboard></mentor-dashboard></mentorship-provider>
    `);
    const el = provider.querySelector('mentor-dashboard')!;
    await settled(el);
    return el;
  }
  const settled = (el: MentorDashboard) => until(el, () => ['mentor', 'applicant', 'error'].includes(el.dashboard.mode), 'the dashboard did not load');
  const cardOf = (el: MentorDashboard, request: MentorshipRequest) => $(el, `[part~="request"][data-request-id="${request.id}"]`);
  const focused = (el: MentorDashboard) => el.shadowRoot!.activeElement;
  /** What the element said last: its newest toast (a live region), else its announcer. */
  const announced = (el: MentorDashboard) => text($$(el, '[part~="toast"] .toast-message').at(-1) ?? $(el, '[part="announcer"]'));
  const stat = (el: MentorDashboard, label: string) => {
    const item = $$(el, '[part="stat"]').find((s) => text(s.querySelector('.stat-label')) === label);
    return text(item?.querySelector('.stat-value'));
  };
  const switchOf = (el: MentorDashboard) => $<HTMLButtonElement>(el, '[part="switch"]')!;
  const capacityInput = (el: MentorDashboard) => $<HTMLInputElement>(el, '#capacity')!;
  const apiRequest = (request: MentorshipRequest) => kwame.client.requests.get(request.id);

  it('shows skeletons in the shape of the dashboard while loading', async () => {
    const provider = await fixture(html`<mentorship-provider api="/" .token=${ana.token} .fetch=${hangingFetch}>
      <mentor-dashboard></mentor-dashboard></mentorship-provider>`);
    const el = provider.querySelector('mentor-dashboard')!;
    await el.updateComplete;
    expect(el.dashboard.mode).to.equal('loading');
    expect($(el, '[aria-busy="true"]')).to.exist;
    expect($$(el, '[part~="skeleton"]')).to.have.length(3);
    await expect(el).to.be.accessible();
  });

  it('says so in words when loading fails, and recovers with Retry', async () => {
    let calls = 0;
    const flaky: typeof fetch = (input, init) => (++calls === 1 ? Promise.resolve(new Response('{}', { status: 503 })) : fetch(input, init));
    const el = await dashboard({ fetch: flaky });
    const error = $(el, '[part="error"]')!;
    expect(error.getAttribute('role')).to.equal('alert');
    expect(text(error)).to.equal('Your mentoring could not be loaded. The mentoring service had a problem on its side. Retry');
    await expect(el).to.be.accessible();
    buttonIn(error, 'Retry').click();
    await until(el, () => el.dashboard.mode === 'mentor', 'Retry did not load the dashboard');
  });

  it('says so when it is not connected to a server', async () => {
    const el = await fixture<MentorDashboard>(html`<mentor-dashboard></mentor-dashboard>`);
    expect(el.dashboard.mode).to.equal('idle');
    expect(text($(el, '[part="error"]'))).to.contain('not connected');
    await expect(el).to.be.accessible();
  });

  it('shows settings, numbers, waiting requests with the mentee’s profile, and mentees', async () => {
    const mentorship = await mentorshipBetween(rahul, ana);
    const goals = uniqueGoals('Shown to mentor');
    const request = await sendRequest(kwame, ana, { goals, skillsSeeking: ['Leadership'], message: 'Line one\nLine two' });
    const [me, waiting, notifications] = await Promise.all([
      ana.client.me.get(),
      ana.client.requests.list({ role: 'mentor', status: 'pending', limit: 100 }),
      ana.client.notifications.list({ limit: 1 }),
    ]);
    const el = await dashboard();

    expect(switchOf(el).getAttribute('aria-checked')).to.equal('true');
    expect(text(switchOf(el))).to.equal('Accepting new mentees');
    expect(capacityInput(el).value).to.equal(String(me.mentor!.capacity));
    expect(text($(el, '#capacity-hint'))).to.equal(`${me.mentor!.openMentorships} of ${me.mentor!.capacity} slots taken`);
    expect(stat(el, 'Waiting requests')).to.equal(String(waiting.items.length));
    expect(stat(el, 'Upcoming meetings')).to.match(/^\d+$/);
    expect(stat(el, 'Unread notifications')).to.equal(String(notifications.unreadCount));

    // Oldest first, as the API lists them.
    expect($$(el, '[part~="request"]').map((c) => c.dataset['requestId'])).to.deep.equal(waiting.items.map((r) => r.id));
    const card = cardOf(el, request)!;
    expect(text(card.querySelector('.name'))).to.equal('Kwame Mensah');
    expect(text(card)).to.contain(goals);
    expect(text(card)).to.match(/Sent just now expires in 14 days/);
    expect([...card.querySelectorAll('.prose')].map((p) => p.textContent)).to.deep.equal([goals, 'Line one\nLine two']);
    expect([...card.querySelectorAll('[aria-label="Skills they want to build"] .chip')].map((c) => c.textContent)).to.deep.equal(['Leadership']);
    expect(text(buttonIn(card, /Accept request/))).to.equal('Accept request from Kwame Mensah');
    expect(text(buttonIn(card, /Decline/))).to.equal('Decline… request from Kwame Mensah');

    const mentee = $(el, `[data-mentorship-id="${mentorship.id}"]`)!;
    expect(text(mentee.querySelector('.name'))).to.equal('Rahul Iyer');
    expect(text(mentee.querySelector('[part~="status-badge"]'))).to.equal('Active');
    expect(text(mentee)).to.contain('Your mentee since');
    await expect(el).to.be.accessible();
  });

  it('accepts by keyboard: the request moves into Mentees at once and the portal hears of it', async () => {
    await grace.client.me.updateProfile({
      headline: 'Programme officer moving into analytics', programme: 'BS Statistics', graduationYear: 2019, skills: ['Excel', 'Reporting'],
    });
    const request = await sendRequest(grace, ana);
    const gate = gatedFetch((url, method) => method === 'POST' && url.endsWith(`/${request.id}/accept`));
    const el = await dashboard({ fetch: gate.fetch });
    const activeBefore = Number(stat(el, 'Active mentees'));
    // The mentee's profile summary comes with the request.
    const card = cardOf(el, request)!;
    expect(text(card.querySelector('.headline'))).to.equal('Programme officer moving into analytics');
    expect(text(card.querySelector('.person .meta'))).to.equal('BS Statistics, class of 2019');
    expect([...card.querySelectorAll('[aria-label="Their skills"] .chip')].map((c) => c.textContent)).to.deep.equal(['Excel', 'Reporting']);

    buttonIn(card, /Accept request/).focus();
    await sendKeys({ press: 'Enter' });
    await until(el, () => gate.held === 1, 'no accept was sent');
    expect(cardOf(el, request), 'left the waiting list at once').to.equal(null);
    expect(text($(el, '[part~="mentorship"] .name[id^="mentorship-provisional"]'))).to.equal('Grace Lim');
    expect(focused(el), 'focus stays in the dashboard').to.exist;

    const answered = oneEvent(el, 'mentorship-request-answered');
    gate.release();
    const event = await answered;
    if (event.detail.decision !== 'accepted') throw new Error('expected an acceptance');
    expect(event.detail.request.status).to.equal('accepted');
    expect(event.detail.mentorship.mentee.name).to.equal('Grace Lim');
    expect(event.bubbles && event.composed).to.equal(true);
    await el.updateComplete;
    expect($(el, `[data-mentorship-id="${event.detail.mentorship.id}"]`)).to.exist;
    expect(stat(el, 'Active mentees')).to.equal(String(activeBefore + 1));
    expect(announced(el)).to.equal('Accepted — Grace is now your mentee.');
    // Visible and announced (a polite live region), with a way into the new workspace.
    const toast = $(el, '[role="status"] [part~="toast"]')!;
    const openIt = toast.querySelector<HTMLButtonElement>('[part~="toast-action"]')!;
    expect(text(openIt)).to.equal('Open workspace');
    await toastsSettled(el);
    await expect(el).to.be.accessible();
    openIt.click();
    await el.updateComplete;
    expect(el.shell.view.kind).to.equal('detail');
    expect($(el, 'mentorship-workspace')!.getAttribute('mentorship-id')).to.equal(event.detail.mentorship.id);
  });

  it('rolls an accept back with a clear message when all slots are taken', async () => {
    await mentorshipBetween(rahul, ana);
    const request = await sendRequest(kwame, ana);
    const open = (await ana.client.me.get()).mentor!.openMentorships;
    await ana.client.mentors.updateMine({ capacity: open });
    const el = await dashboard();
    let answered = 0;
    el.addEventListener('mentorship-request-answered', () => answered++);

    buttonIn(cardOf(el, request)!, /Accept request/).click();
    await el.updateComplete;
    expect(cardOf(el, request)).to.equal(null);
    await until(el, () => cardOf(el, request)?.querySelector('[part~="action-error"]'), 'the request did not come back');
    expect(text(cardOf(el, request)!.querySelector('[part~="action-error"]'))).to.equal(
      `All your mentee slots are taken (${open} of ${open}). Add a slot above, or finish a mentorship, to accept Kwame Mensah.`,
    );
    expect($(el, '[id^="mentorship-provisional"]')).to.equal(null);
    expect(announced(el)).to.contain('All your mentee slots are taken');
    expect(text($(el, '[role="alert"] [part~="toast-error"]')), 'a refusal is a visible, assertive toast').to.contain('All your mentee slots are taken');
    await toastsSettled(el);
    expect(answered).to.equal(0);
    expect((await apiRequest(request)).status).to.equal('pending');
    await expect(el).to.be.accessible();
  });

  it('declines by click with a reason from the list and a message', async () => {
    const request = await sendRequest(kwame, ana);
    const el = await dashboard();
    const dialog = $<HTMLDialogElement>(el, '#decline-dialog')!;
    buttonIn(cardOf(el, request)!, /Decline/).click();
    await el.updateComplete;
    expect(dialog.open).to.equal(true);
    const radios = [...dialog.querySelectorAll<HTMLInputElement>('input[type="radio"]')];
    expect(radios.map((r) => text(r.closest('label')))).to.deep.equal([
      'Not enough time right now', 'Expertise does not match the goals', 'Another mentor would be a better fit',
      'Not taking new mentees at the moment', 'Another reason',
    ]);
    expect(focused(el)).to.equal(radios[0]);
    await dialogSettled(dialog);
    await expect(el).to.be.accessible();

    buttonIn(dialog, 'Decline request').click();
    await el.updateComplete;
    expect(dialog.open, 'a reason is required').to.equal(true);
    expect(text(dialog.querySelector('[part="field-error"]'))).to.equal('Choose a reason.');
    expect(dialog.querySelector('fieldset')!.getAttribute('aria-describedby')).to.equal('reason-error');
    await expect(el).to.be.accessible();

    radios[0]!.click();
    const message = dialog.querySelector<HTMLTextAreaElement>('#decline-message')!;
    message.value = 'Busy with a launch until June. <b>Sorry!</b>';
    message.dispatchEvent(new InputEvent('input'));
    await el.updateComplete;
    expect(text(dialog.querySelector('#decline-counter'))).to.equal(`${message.value.length} / 1,000 characters`);
    const answered = oneEvent(el, 'mentorship-request-answered');
    buttonIn(dialog, 'Decline request').click();
    await el.updateComplete;
    expect(cardOf(el, request), 'left the waiting list at once').to.equal(null);
    const event = await answered;
    expect(event.detail.decision).to.equal('declined');
    expect(event.detail.request).to.include({ id: request.id, status: 'declined', declineReason: 'not_enough_time' });
    await until(el, () => !dialog.open && focused(el) && !dialog.contains(focused(el)), 'focus did not leave the dialog');
    expect(focused(el)!.matches('#waiting-title, [part~="request"]')).to.equal(true);
    expect(announced(el)).to.equal('You declined Kwame Mensah’s request: Not enough time right now.');
    expect(await apiRequest(request)).to.include({ status: 'declined', declineReason: 'not_enough_time', declineMessage: 'Busy with a launch until June. <b>Sorry!</b>' });
  });

  it('declines by keyboard; Escape cancels and returns focus', async () => {
    const request = await sendRequest(kwame, ana);
    const el = await dashboard();
    const dialog = $<HTMLDialogElement>(el, '#decline-dialog')!;
    const decline = buttonIn(cardOf(el, request)!, /Decline/);
    decline.focus();
    await sendKeys({ press: 'Enter' });
    await el.updateComplete;
    expect(dialog.open).to.equal(true);
    await sendKeys({ press: 'Escape' });
    await until(el, () => !dialog.open && focused(el) === decline, 'focus did not return to Decline');
    expect((await apiRequest(request)).status).to.equal('pending');

    await sendKeys({ press: 'Enter' });
    await el.updateComplete;
    await sendKeys({ press: 'ArrowDown' });
    expect(dialog.querySelector<HTMLInputElement>('input[value="expertise_mismatch"]')!.checked).to.equal(true);
    await sendKeys({ press: 'Tab' });
    expect(focused(el)!.id).to.equal('decline-message');
    await sendKeys({ type: 'A colleague of mine fits better.' });
    await sendKeys({ press: 'Tab' });
    await sendKeys({ press: 'Tab' });
    expect(text(focused(el))).to.equal('Decline request');
    const answered = oneEvent(el, 'mentorship-request-answered');
    await sendKeys({ press: 'Enter' });
    expect((await answered).detail.request).to.include({ declineReason: 'expertise_mismatch', declineMessage: 'A colleague of mine fits better.' });
  });

  it('turning availability off asks whether to decline waiting requests too (click, decline them)', async () => {
    const request = await sendRequest(kwame, ana);
    const el = await dashboard();
    const dialog = $<HTMLDialogElement>(el, '#pause-dialog')!;
    const waiting = Number(stat(el, 'Waiting requests'));
    switchOf(el).click();
    await el.updateComplete;
    expect(dialog.open).to.equal(true);
    expect(switchOf(el).getAttribute('aria-checked'), 'nothing changes before the answer').to.equal('true');
    expect(text(dialog.querySelector('label.choice'))).to.equal(`Also decline the ${waiting} waiting ${waiting === 1 ? 'request' : 'requests'}`);
    await dialogSettled(dialog);
    await expect(el).to.be.accessible();

    dialog.querySelector<HTMLInputElement>('#decline-pending')!.click();
    const changed = oneEvent(el, 'mentor-settings-changed');
    buttonIn(dialog, 'Stop accepting').click();
    await el.updateComplete;
    expect(switchOf(el).getAttribute('aria-checked')).to.equal('false');
    expect($$(el, '[part~="request"]'), 'waiting requests leave at once').to.have.length(0);
    const event = await changed;
    expect(event.detail.settings.acceptingMentees).to.equal(false);
    expect(event.detail.declinedRequests).to.be.at.least(1);
    expect(event.bubbles && event.composed).to.equal(true);
    await el.updateComplete;
    expect(announced(el)).to.match(/^You are no longer accepting new mentees\. \d+ waiting requests? (was|were) declined\.$/);
    expect(await apiRequest(request)).to.include({ status: 'declined', declineReason: 'mentor_unavailable' });
    expect(text($(el, '[part="empty"]'))).to.contain('You are not accepting new mentees');
    await toastsSettled(el);
    await expect(el).to.be.accessible();
  });

  it('by keyboard: Escape keeps accepting; stopping without declining keeps the requests; on again without asking', async () => {
    const request = await sendRequest(kwame, ana);
    const el = await dashboard();
    const dialog = $<HTMLDialogElement>(el, '#pause-dialog')!;
    switchOf(el).focus();
    await sendKeys({ press: 'Space' });
    await el.updateComplete;
    expect(dialog.open).to.equal(true);
    expect(text(focused(el))).to.equal('Keep accepting');
    await sendKeys({ press: 'Escape' });
    await until(el, () => !dialog.open && focused(el) === switchOf(el), 'focus did not return to the switch');
    expect(switchOf(el).getAttribute('aria-checked')).to.equal('true');

    await sendKeys({ press: 'Enter' });
    await el.updateComplete;
    await sendKeys({ press: 'Tab' });
    expect(text(focused(el))).to.equal('Stop accepting');
    const off = oneEvent(el, 'mentor-settings-changed');
    await sendKeys({ press: 'Enter' });
    expect((await off).detail).to.deep.include({ declinedRequests: 0 });
    await until(el, () => focused(el) === switchOf(el), 'focus did not return to the switch');
    expect(switchOf(el).getAttribute('aria-checked')).to.equal('false');
    expect(cardOf(el, request), 'requests stay').to.exist;
    expect((await apiRequest(request)).status).to.equal('pending');

    const on = oneEvent(el, 'mentor-settings-changed');
    await sendKeys({ press: 'Space' });
    expect(dialog.open, 'turning on needs no confirmation').to.equal(false);
    expect((await on).detail.settings.acceptingMentees).to.equal(true);
    expect(switchOf(el).getAttribute('aria-checked')).to.equal('true');
  });

  it('puts the switch back, visibly, when saving fails', async () => {
    const gate = gatedFetch((url, method) => method === 'PATCH' && url.endsWith('/mentors/me'));
    const el = await dashboard({ fetch: gate.fetch });
    if ($$(el, '[part~="request"]').length) throw new Error('expected no waiting requests for a new mentor');
    switchOf(el).click();
    await until(el, () => gate.held === 1, 'no change was sent');
    expect(switchOf(el).getAttribute('aria-checked')).to.equal('false');
    gate.release('network-error');
    await until(el, () => switchOf(el).getAttribute('aria-checked') === 'true', 'the switch did not come back');
    expect(text($(el, '[part="settings"] [part~="action-error"]'))).to.equal(
      'Your availability could not be saved, so it is back to what it was. We could not reach the mentoring service. Check your connection and try again.',
    );
    expect(announced(el)).to.contain('Your availability could not be saved');
  });

  it('steps capacity up by keyboard and saves it', async () => {
    const el = await dashboard();
    const before = Number(capacityInput(el).value);
    const more = $$<HTMLButtonElement>(el, '[part~="stepper-button"]').find((b) => b.getAttribute('aria-label') === 'One slot more')!;
    more.focus();
    const changed = oneEvent(el, 'mentor-settings-changed');
    await sendKeys({ press: 'Enter' });
    expect(capacityInput(el).value, 'shown at once').to.equal(String(before + 1));
    expect((await changed).detail.settings.capacity).to.equal(before + 1);
    await el.updateComplete;
    expect(announced(el)).to.equal(`Capacity saved: ${before + 1} mentee slots.`);
    expect((await ana.client.me.get()).mentor!.capacity).to.equal(before + 1);
  });

  it('rolls capacity back with a clear message when it would go below the current mentees', async () => {
    await mentorshipBetween(rahul, ana);
    await mentorshipBetween(maria, ana);
    const open = (await ana.client.me.get()).mentor!.openMentorships;
    await ana.client.mentors.updateMine({ capacity: open });
    const gate = gatedFetch((url, method) => method === 'PATCH' && url.endsWith('/mentors/me'));
    const el = await dashboard({ fetch: gate.fetch });
    expect(capacityInput(el).value).to.equal(String(open));

    $$<HTMLButtonElement>(el, '[part~="stepper-button"]').find((b) => b.getAttribute('aria-label') === 'One slot fewer')!.click();
    await until(el, () => gate.held === 1, 'no change was sent');
    expect(capacityInput(el).value, 'shown at once').to.equal(String(open - 1));
    gate.release();
    await until(el, () => capacityInput(el).value === String(open), 'capacity did not roll back');
    expect(text($(el, '[part="settings"] [part~="action-error"]'))).to.equal(
      `You have ${open} active or paused mentorships, so you need at least ${open} slots. Capacity is back to ${open}.`,
    );
    expect(announced(el)).to.contain(`you need at least ${open} slots`);
    expect((await ana.client.me.get()).mentor!.capacity).to.equal(open);
    await expect(el).to.be.accessible();
  });

  it('sets and clears an away-until date', async () => {
    const el = await dashboard();
    const input = $<HTMLInputElement>(el, '#away-until')!;
    const date = new Date(Date.now() + 20 * 86_400_000).toISOString().slice(0, 10);
    const set = oneEvent(el, 'mentor-settings-changed');
    input.value = date;
    input.dispatchEvent(new Event('change'));
    expect((await set).detail.settings.awayUntil).to.equal(date);
    await el.updateComplete;
    expect(text($(el, '#away-hint'))).to.match(/^No new requests until .+\.$/);
    expect((await ana.client.me.get()).mentor!.awayUntil).to.equal(date);

    const cleared = oneEvent(el, 'mentor-settings-changed');
    buttonIn($(el, '.away-row')!, 'Clear away date').click();
    expect((await cleared).detail.settings.awayUntil).to.equal(null);
    await el.updateComplete;
    expect(input.value).to.equal('');
    expect(announced(el)).to.equal('Away date cleared.');
  });

  it('stat cards move to their sections, by click and by keyboard', async () => {
    const el = await dashboard();
    const statButton = (label: string) => $$<HTMLButtonElement>(el, '[part~="stat-link"]').find((b) => text(b.querySelector('.stat-label')) === label)!;
    statButton('Waiting requests').click();
    expect(focused(el)!.id).to.equal('waiting-title');
    statButton('Active mentees').focus();
    await sendKeys({ press: 'Enter' });
    expect(focused(el)!.id).to.equal('mentees-title');
    statButton('Upcoming meetings').focus();
    await sendKeys({ press: 'Space' });
    expect(focused(el)!.id).to.equal('mentees-title');
    await expect(el).to.be.accessible();
  });

  it('keeps calendar and email settings in one collapsed disclosure at the end', async () => {
    const el = await dashboard();
    const details = $<HTMLDetailsElement>(el, 'details[part~="more-settings"]')!;
    expect(details.open).to.equal(false);
    const sections = $$(el, '.base > section, .base > .columns > section');
    expect(sections.at(-1)!.contains(details), 'settings come last').to.equal(true);
    expect(details.querySelector('[part~="calendar-feed"]')).to.exist;
    expect(details.querySelector('[part~="notification-preferences"]')).to.exist;
    const waiting = $(el, '#waiting-title')!;
    const mentees = $(el, '#mentees-title')!;
    expect(waiting.compareDocumentPosition(mentees) & Node.DOCUMENT_POSITION_FOLLOWING, 'waiting requests come before mentees').to.not.equal(0);
  });
});
