import type { Programme } from '@mentorkit/contract';
import './mentor-search.test-support.js';
import { expect, fixture, html, oneEvent, waitUntil } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import '../../define/mentor-search.js';
import type { MentorSearch } from './mentor-search.component.js';
import { $, $$, buttonIn, cardByName, cardNames, freshPeople, hangingFetch, recordingFetch, settled, type FreshPerson } from '../../test-support/api-fixture.js';
import { dayFromToday, freshAdmin, newProgramme } from '../shared/programmes.test-support.js';

/**
 * `<mentor-search programme="…">` against the real API: each test makes its own programme (a
 * unique name and slug), its own mentors enrolled in it and its own mentee, so files running in
 * parallel never see each other's enrolments.
 */
describe('<mentor-search programme>', () => {
  let admin: FreshPerson;
  let ana: FreshPerson;
  let rahul: FreshPerson;
  let outsider: FreshPerson;
  let maria: FreshPerson;
  let el: MentorSearch;

  before(async () => {
    admin = await freshAdmin();
  });
  beforeEach(async () => {
    ({ ana, rahul, outsider, maria } = await freshPeople({
      ana: { like: 'mentor', name: 'Ana Programme' },
      rahul: { like: 'mentor2', name: 'Rahul Programme' },
      outsider: { like: 'mentor', name: 'Olive Outsider' },
      maria: { like: 'mentee' },
    }));
  });
  afterEach(() => {
    if (el?.isConnected) for (const d of $$<HTMLDialogElement>(el, 'dialog')) d.close();
  });

  /** A programme with Ana and Rahul enrolled as mentors (not the outsider). */
  async function programmeWithMentors(input: Parameters<typeof newProgramme>[1] = {}): Promise<Programme> {
    const p = await newProgramme(admin, input);
    await ana.client.programmes.enrol(p.id, { role: 'mentor' });
    await rahul.client.programmes.enrol(p.id, { role: 'mentor' });
    return p;
  }

  async function search(programme: string, options: { fetch?: typeof fetch } = {}): Promise<MentorSearch> {
    const provider = await fixture(html`<mentorship-provider api="/" .token=${maria.token} .fetch=${options.fetch}>
      <mentor-search programme=${programme} no-routing></mentor-search></mentorship-provider>`);
    el = provider.querySelector('mentor-search')!;
    await settled(el);
    await waitUntil(() => !$(el, '[part~="programme-banner"][aria-busy="true"]'), 'the programme did not load');
    await el.updateComplete;
    return el;
  }

  const text = (e: Element | null) => (e?.textContent ?? '').replace(/\s+/g, ' ').trim();
  const banner = () => $(el, '[part~="programme-banner"]')!;
  const focused = () => el.shadowRoot!.activeElement;
  const requestDialog = () => $<HTMLDialogElement>(el, '#request-dialog')!;

  it('names the programme above only its mentors, and passes it to every search', async () => {
    const p = await programmeWithMentors();
    const { fetch, searches } = recordingFetch();
    await search(p.slug, { fetch });

    expect(el.getAttribute('programme')).to.equal(p.slug);
    expect(searches.every((s) => s.get('programme') === p.slug), 'each search names the programme').to.equal(true);
    expect(cardNames(el).sort()).to.deep.equal(['Ana Programme', 'Rahul Programme']);

    const b = banner();
    expect(b.tagName).to.equal('SECTION');
    expect(text(b.querySelector('#programme-name'))).to.equal(p.name);
    expect(text(b)).to.contain('Mentors in the programme');
    expect(text(b.querySelector('[part~="status-badge"]'))).to.equal('Enrolling');
    expect(text(b)).to.contain('Mentees choose their mentor');
    expect(text(b)).to.match(/\d{1,2} \w{3}( \d{4})? – \d{1,2} \w{3} \d{4}/);
    await expect(el).to.be.accessible();

    // The property reflects, and a filter keeps the scope: only the programme's mentors again.
    el.search.setFilters({ availability: 'all' });
    await settled(el);
    expect(searches.at(-1)!.get('programme')).to.equal(p.slug);
    expect(cardNames(el)).to.not.include('Olive Outsider');
  });

  it('offers "Enrol as mentee" to a viewer who is not enrolled, and enrols with one click', async () => {
    const p = await programmeWithMentors();
    await search(p.id);
    // Until enrolled, the cards say how to be able to request instead of offering a request that would fail.
    const card = cardByName(el, 'Ana Programme');
    expect(card.querySelector('[part~="request-button"]')).to.equal(null);
    expect(text(card.querySelector('[part~="gate-note"]'))).to.equal('Enrol in the programme to request');
    expect(text(banner())).to.contain('Enrol as a mentee to request mentors in this programme.');
    await expect(el).to.be.accessible();

    const enrol = buttonIn(banner(), 'Enrol as mentee');
    expect(enrol.getAttribute('aria-describedby')).to.equal('programme-name');
    const enrolled = oneEvent(el, 'programme-enrolled');
    enrol.click();
    const event = await enrolled;
    expect(event.detail.role).to.equal('mentee');
    expect(event.detail.programme.viewerRoles).to.include('mentee');
    await el.updateComplete;

    // The banner says so (and took focus), the live region announced it, the server agrees.
    const note = $(el, '#programme-enrolment')!;
    await waitUntil(() => focused() === note, 'focus did not move to the enrolment line');
    expect(text(note)).to.contain('You are enrolled as a mentee. Requests you send from here are made in this programme.');
    expect(text($(el, '.base > [role="status"]'))).to.equal(`You enrolled in ${p.name} as a mentee.`);
    expect((await maria.client.programmes.get(p.id)).viewerRoles).to.deep.equal(['mentee']);
    expect(buttonIn(cardByName(el, 'Ana Programme'), 'Request mentorship')).to.exist;
    await expect(el).to.be.accessible();
  });

  it('enrols from the keyboard with goals, which are optional', async () => {
    const p = await programmeWithMentors();
    await search(p.slug);
    const summary = banner().querySelector('summary')!;
    expect(text(summary)).to.equal('Add your goals (optional)');
    summary.focus();
    await sendKeys({ press: 'Enter' });
    const goals = $<HTMLTextAreaElement>(el, '#programme-goals')!;
    goals.focus();
    await sendKeys({ type: 'Find my first data analyst role' });
    await sendKeys({ press: 'Tab' });
    expect(focused()).to.equal($(el, '#programme-enrol'));
    await sendKeys({ press: 'Enter' });
    await waitUntil(() => $(el, '#programme-enrolment') !== null && focused() === $(el, '#programme-enrolment'), 'not enrolled');

    const { items } = await admin.client.admin.programmes.enrolments(p.id, { role: 'mentee' });
    expect(items.find((e) => e.person.id === maria.id)?.goals).to.equal('Find my first data analyst role');
  });

  it('sends a request inside the programme: the dialog says so and the request carries it', async () => {
    const p = await programmeWithMentors();
    await maria.client.programmes.enrol(p.id, { role: 'mentee' });
    await search(p.slug);
    expect(text(banner())).to.contain('You are enrolled as a mentee.');
    expect(banner().querySelector('[part~="enrol-button"]')).to.equal(null);

    buttonIn(cardByName(el, 'Rahul Programme'), 'Request mentorship').click();
    await waitUntil(() => requestDialog().open, 'the request dialog did not open');
    await el.updateComplete;
    await Promise.all(requestDialog().getAnimations().map((a) => a.finished));
    expect(text($(el, '[part~="request-programme"]'))).to.equal(`In the programme ${p.name}`);
    await waitUntil(() => !el.requestForm.skillsLoading, 'the profile skills did not load');

    const goals = $<HTMLTextAreaElement>(el, '#request-goals')!;
    goals.value = 'I want to move from teaching into data analysis within this programme.';
    goals.dispatchEvent(new InputEvent('input', { bubbles: true, composed: true }));
    await el.updateComplete;
    await expect(el).to.be.accessible();

    const sent = oneEvent(el, 'mentorship-request-sent');
    buttonIn(requestDialog(), 'Send request').click();
    const { detail } = await sent;
    expect(detail.request.programme).to.deep.include({ id: p.id, name: p.name });
    const mine = await maria.client.requests.list({ role: 'mentee', status: 'pending' });
    expect(mine.items.find((r) => r.id === detail.request.id)?.programme?.id).to.equal(p.id);
  });

  it('explains that the programme team introduces mentors in an admin-matched programme', async () => {
    const p = await programmeWithMentors({ matching: 'admin_matched', startsOn: dayFromToday(-3) });
    await search(p.slug);
    expect(text(banner().querySelector('[part~="status-badge"]'))).to.equal('Running');
    expect(text(banner())).to.contain('The programme team matches mentees with mentors');
    expect(text(banner())).to.contain('the programme team will introduce you to a mentor');
    for (const name of ['Ana Programme', 'Rahul Programme']) {
      const card = cardByName(el, name);
      expect(card.querySelector('[part~="request-button"]'), `${name}: no request button`).to.equal(null);
      expect(text(card.querySelector('[part~="gate-note"]'))).to.equal('The programme team introduces mentors');
    }
    await expect(el).to.be.accessible();

    // Enrolled, the viewer still does not request: the banner says why.
    buttonIn(banner(), 'Enrol as mentee').click();
    await waitUntil(() => text($(el, '#programme-enrolment')).includes('You are enrolled as a mentee.'), 'not enrolled');
    expect(text($(el, '#programme-enrolment'))).to.contain('you do not send requests yourself');
    expect(cardByName(el, 'Ana Programme').querySelector('[part~="request-button"]')).to.equal(null);
    await expect(el).to.be.accessible();
  });

  it('says in words that an unknown programme does not exist, instead of an empty list', async () => {
    await search(`no-such-programme-${Date.now()}`);
    const error = banner();
    expect(error.getAttribute('role')).to.equal('alert');
    expect(text(error)).to.contain('Programme not found');
    expect(text(error)).to.contain('The link may be old or mistyped.');
    expect($(el, '[part="results"]')).to.equal(null);
    expect($(el, '[part~="empty"]')).to.equal(null);
    expect($$(el, '[part="error"]').filter((e) => !e.matches('[part~="programme-banner"]'))).to.have.length(0);
    await expect(el).to.be.accessible();
  });

  it('without `programme`, searches every mentor and shows no banner', async () => {
    const asked: string[] = [];
    const recording: typeof fetch = (input, init) => {
      asked.push(input instanceof Request ? input.url : String(input));
      return fetch(input, init);
    };
    const provider = await fixture(html`<mentorship-provider api="/" .token=${maria.token} .fetch=${recording}>
      <mentor-search no-routing></mentor-search></mentorship-provider>`);
    el = provider.querySelector('mentor-search')!;
    await settled(el);
    expect(el.hasAttribute('programme')).to.equal(false);
    expect($(el, '[part~="programme-banner"]')).to.equal(null);
    expect(asked.some((u) => u.includes('/programmes') || u.includes('programme='))).to.equal(false);
  });

  it('shows a skeleton banner while the programme loads', async () => {
    const p = await programmeWithMentors();
    const provider = await fixture(html`<mentorship-provider api="/" .token=${maria.token} .fetch=${hangingFetch}>
      <mentor-search programme=${p.slug} no-routing></mentor-search></mentorship-provider>`);
    el = provider.querySelector('mentor-search')!;
    await el.updateComplete;
    const loading = banner();
    expect(loading.getAttribute('aria-busy')).to.equal('true');
    expect(text(loading)).to.equal('Loading the programme…');
    await expect(el).to.be.accessible();
  });
});
