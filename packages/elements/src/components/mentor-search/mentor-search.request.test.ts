import type { MentorCard, MentorSearchResult, Profile } from '@mentorkit/contract';
import './mentor-search.test-support.js';
import { createClient, type MentorkitClient } from '@mentorkit/sdk';
import { expect, fixture, html, oneEvent, waitUntil } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import '../../define/mentor-search.js';
import type { MentorSearch } from './mentor-search.component.js';
import { $, $$, buttonIn, cardByName, devToken, freshToken, loadFixture, settled, type Fixture } from '../../test-support/api-fixture.js';

/**
 * The request dialog against the real API. Each test's requester is a new person with the
 * profile of the demo's Kwame (`mentee2`), so every test starts from "no requests" and the
 * server's hourly request limit never sees one person's requests pile up across tests. Their
 * requests stay pending: a pending request takes none of the fixture mentors' slots.
 */
describe('<mentor-search> request dialog', () => {
  let fx: Fixture;
  let token: string;
  let kwame: MentorkitClient;
  let kwameProfile: Profile;
  let el: MentorSearch;

  const mentorId = (name: string) => fx.mentors.find((m) => m.name === name)!.id;

  async function withdrawAll(): Promise<void> {
    const fixtureMentors = new Set(fx.mentors.map((m) => m.id));
    const { items } = await kwame.requests.list({ role: 'mentee', status: 'pending', limit: 100 });
    for (const r of items) if (fixtureMentors.has(r.mentor.id)) await kwame.requests.withdraw(r.id);
  }
  const pendingWith = async (name: string) =>
    (await kwame.requests.list({ role: 'mentee', status: 'pending', limit: 100 })).items.filter((r) => r.mentor.id === mentorId(name));

  before(async () => {
    fx = await loadFixture();
    kwameProfile = (await createClient({ baseUrl: '/', token: await devToken('mentee2') }).me.get()).profile;
  });
  beforeEach(async () => {
    token = (await freshToken('Kwame Mensah')).token;
    kwame = createClient({ baseUrl: '/', token });
    const { userId: _id, updatedAt: _at, ...input } = kwameProfile;
    await kwame.me.updateProfile(input);
  });
  afterEach(() => {
    if (el?.isConnected) for (const d of $$<HTMLDialogElement>(el, 'dialog')) d.close();
  });

  /** Kwame's search for the fixture mentors, through a provider so a test can wrap `fetch`. */
  async function search(options: { fetch?: typeof fetch; availability?: 'all' } = {}): Promise<MentorSearch> {
    const provider = await fixture(html`<mentorship-provider api="/" .token=${token} .fetch=${options.fetch}>
      <mentor-search query=${fx.marker}></mentor-search></mentorship-provider>`);
    el = provider.querySelector('mentor-search')!;
    await settled(el);
    if (options.availability) {
      el.search.setFilters({ availability: options.availability });
      await settled(el);
    }
    return el;
  }

  const requestDialog = () => $<HTMLDialogElement>(el, '#request-dialog')!;
  const profileDialog = () => $<HTMLDialogElement>(el, '#profile-dialog')!;
  const focused = () => el.shadowRoot!.activeElement;
  const goals = () => $<HTMLTextAreaElement>(el, '#request-goals')!;
  const message = () => $<HTMLTextAreaElement>(el, '#request-message')!;
  const skillField = () => $<HTMLInputElement>(el, '#request-skill')!;
  const chips = () => $$(el, '#request-dialog .chip').map((c) => c.querySelector('span')!.textContent!.trim());
  const text = (e: Element | null) => (e?.textContent ?? '').replace(/\s+/g, ' ').trim();
  const describedBy = (field: Element) =>
    (field.getAttribute('aria-describedby') ?? '').split(/\s+/).filter(Boolean).map((id) => text(el.shadowRoot!.getElementById(id)));

  /** Waits for the dialog to open, its fade (axe measures colours) and the profile skills. */
  async function opened(): Promise<void> {
    await waitUntil(() => requestDialog().open, 'the request dialog did not open');
    await el.updateComplete;
    await Promise.all(requestDialog().getAnimations().map((a) => a.finished));
    await waitUntil(() => !el.requestForm.skillsLoading, 'the profile skills did not load');
    await el.updateComplete;
  }
  /** Waits for focus to land on `target` (moving focus may follow a render). */
  const focusOn = (target: Element | null, message: string) =>
    waitUntil(() => target !== null && focused() === target, `focus is not where it should be: ${message}; it is on ${focused()?.outerHTML.slice(0, 80)}`);
  const closed = () => waitUntil(() => !requestDialog().open && !requestDialog().contains(focused()), 'the request dialog did not close');

  /** What a person does by typing or pasting into a field, as the field's events. */
  async function fill(field: HTMLTextAreaElement | HTMLInputElement, value: string): Promise<void> {
    field.focus();
    field.value = value;
    field.dispatchEvent(new InputEvent('input', { bubbles: true, composed: true }));
    field.dispatchEvent(new Event('change', { bubbles: true }));
    await el.updateComplete;
  }

  const GOALS = 'I am a site engineer aiming for construction management within two years, and want advice on certifications.';

  it('opens from a card with the mentor, their reply time and skills from my profile; Escape cancels and returns focus', async () => {
    const profileSkills = (await kwame.me.get()).profile.skills;
    expect(profileSkills, 'the persona has profile skills to prefill').to.not.be.empty;
    await search();
    const card = el.search.items.find((m) => m.name === 'Dmitri Okafor')!;
    const button = buttonIn(cardByName(el, 'Dmitri Okafor'), 'Request mentorship');
    button.focus();
    setTimeout(() => button.click());
    const intent = await oneEvent(el, 'mentorship-request-intent');
    expect(intent.detail.mentorId).to.equal(mentorId('Dmitri Okafor'));
    expect(intent.cancelable && intent.bubbles && intent.composed).to.equal(true);
    await opened();

    expect(requestDialog().getAttribute('aria-labelledby')).to.equal('request-title');
    expect(text($(el, '#request-title'))).to.equal('Request mentorship from Dmitri Okafor');
    // Dmitri answered the fixture's request, so he has a reply time; the note says it in words.
    expect(card.medianResponseHours, 'fixture: Dmitri has replied before').to.not.equal(null);
    expect(text($(el, '#request-reply'))).to.match(/^Dmitri usually replies in (under an hour|about \d+ (hours?|days?))\.$/);
    await focusOn(goals(), 'focus starts in the goals field');
    expect(chips()).to.deep.equal(profileSkills.slice(0, 10));
    expect(describedBy(goals()).join(' ')).to.contain('A good request says where you are now').and.contain('0 of 2,000 characters');
    expect(goals().labels![0]!.textContent).to.contain('What would you like help with?');
    for (const field of requestDialog().querySelectorAll<HTMLInputElement | HTMLTextAreaElement>('input, textarea')) {
      expect(field.labels?.length, `label of #${field.id}`).to.equal(1);
    }
    await expect(el).to.be.accessible();

    await fill(goals(), GOALS);
    await sendKeys({ press: 'Escape' });
    await closed();
    await focusOn(button, 'focus is back on the card button');
    expect(await pendingWith('Dmitri Okafor'), 'cancelling sends nothing').to.be.empty;

    // A mentor without a reply history gets no reply-time note.
    expect(el.search.items.find((m) => m.name === 'Hana Sato')!.medianResponseHours).to.equal(null);
    buttonIn(cardByName(el, 'Hana Sato'), 'Request mentorship').click();
    await opened();
    expect($(el, '#request-reply')).to.equal(null);
    expect(goals().value, 'a new opening starts a new draft').to.equal('');
  });

  it('works by keyboard alone: opens, keeps focus inside, edits skills and sends', async () => {
    await search();
    const button = buttonIn(cardByName(el, 'Hana Sato'), 'Request mentorship');
    button.focus();
    await sendKeys({ press: 'Enter' });
    await opened();
    await focusOn(goals(), 'the goals field');

    const stops = requestDialog().querySelectorAll('button:not([disabled]), input, textarea').length;
    for (let i = 0; i < stops + 2; i++) {
      await sendKeys({ press: 'Tab' });
      expect(requestDialog().contains(focused()), `focus after ${i + 1} Tab presses`).to.equal(true);
    }
    for (let i = 0; i < stops + 2; i++) {
      await sendKeys({ press: 'Shift+Tab' });
      expect(requestDialog().contains(focused()), `focus after ${i + 1} Shift+Tab presses`).to.equal(true);
    }
    // The page behind is inert while the dialog is open.
    buttonIn(cardByName(el, 'Priya Raman'), 'View profile').focus();
    expect(requestDialog().contains(focused())).to.equal(true);

    goals().focus();
    await sendKeys({ type: 'I would like help planning a move into renewable energy projects.' });
    expect(text($(el, '#request-goals-count'))).to.equal('65 of 2,000 characters');

    // Enter in the skill field adds a chip (and does not send the form).
    const before = chips();
    skillField().focus();
    await sendKeys({ type: 'Orbital Mechanics' });
    await sendKeys({ press: 'Enter' });
    await el.updateComplete;
    expect(chips()).to.deep.equal([...before, 'Orbital Mechanics']);
    expect(requestDialog().open, 'Enter in the skill field did not send').to.equal(true);
    await focusOn(skillField(), 'the skill field');

    // Removing a chip by keyboard keeps focus in the list.
    const removeFirst = $<HTMLButtonElement>(el, '#request-dialog .chip-remove')!;
    expect(removeFirst.getAttribute('aria-label')).to.equal(`Remove ${before[0]}`);
    removeFirst.focus();
    await sendKeys({ press: 'Enter' });
    await el.updateComplete;
    expect(chips()).to.deep.equal([...before.slice(1), 'Orbital Mechanics']);
    await focusOn($(el, `#request-dialog [aria-label="Remove ${before[1] ?? 'Orbital Mechanics'}"]`), 'the next chip’s remove button');

    message().focus();
    await sendKeys({ type: 'Thank you!' });
    buttonIn(requestDialog(), 'Send request').focus();
    const sent = oneEvent(el, 'mentorship-request-sent');
    await sendKeys({ press: 'Enter' });
    const event = await sent;
    await el.updateComplete;
    expect(event.detail.request.skillsSeeking).to.deep.equal([...before.slice(1), 'Orbital Mechanics']);
    expect(event.detail.request.message).to.equal('Thank you!');
    await focusOn(buttonIn(requestDialog(), 'Close'), 'focus waits on the confirmation’s Close button');
    expect(text($(el, '#request-dialog [role="status"]'))).to.match(/^Request sent — you will hear when Hana answers$/);
    await sendKeys({ press: 'Enter' });
    await closed();
    // The button that opened the dialog is now "Request pending" (disabled): its note takes focus.
    expect(button.disabled).to.equal(true);
    await focusOn(cardByName(el, 'Hana Sato').querySelector('[part~="request-state"]'), 'the card’s pending note');
  });

  it('checks goals inline, then sends once fixed: confirmation, event, and the card and profile show the pending request', async () => {
    const posts: { key: string | null; body: unknown }[] = [];
    let searches = 0;
    let hold: Promise<void> | undefined;
    let release!: () => void;
    const watching: typeof fetch = async (input, init) => {
      const url = new URL(String(input), location.href);
      if (url.pathname === '/api/v1/mentors') searches++;
      if (url.pathname === '/api/v1/mentorship-requests' && init?.method === 'POST') {
        posts.push({ key: new Headers(init.headers).get('idempotency-key'), body: JSON.parse(String(init.body)) });
        await hold;
      }
      return fetch(input, init);
    };
    await search({ fetch: watching });
    const searchesBefore = searches;

    // From the profile dialog: the request dialog opens over it.
    buttonIn(cardByName(el, 'Priya Raman'), 'View profile').click();
    await waitUntil(() => $(el, '[part="stats"]'), 'the profile did not load');
    const profileButton = buttonIn(profileDialog().querySelector('footer')!, 'Request mentorship');
    profileButton.click();
    await opened();
    expect(profileDialog().open, 'the profile stays open underneath').to.equal(true);

    await fill(goals(), 'Help me, please');
    goals().blur();
    await el.updateComplete;
    const error = () => $(el, '#request-goals-error');
    expect(text(error())).to.contain('at least 20 characters');
    expect(goals().getAttribute('aria-invalid')).to.equal('true');
    expect(goals().getAttribute('aria-describedby')).to.contain('request-goals-error');
    expect(text($(el, '#request-goals-count'))).to.equal('15 of 2,000 characters');

    buttonIn(requestDialog(), 'Send request').click();
    await el.updateComplete;
    expect(posts, 'nothing is sent while goals are too short').to.have.length(0);
    await focusOn(goals(), 'focus goes to the field to fix');
    await expect(el).to.be.accessible();

    await fill(goals(), `   ${GOALS}  `);
    expect(error(), 'the error goes as soon as the goals are long enough').to.equal(null);
    expect(goals().getAttribute('aria-invalid')).to.equal('false');

    hold = new Promise((r) => (release = r));
    const sentEvent = oneEvent(el, 'mentorship-request-sent');
    buttonIn(requestDialog(), 'Send request').click();
    await waitUntil(() => posts.length === 1, 'no request was sent');
    await el.updateComplete;
    const sending = buttonIn(requestDialog(), 'Sending…');
    expect(sending.getAttribute('aria-disabled')).to.equal('true');
    sending.click(); // a second press while sending sends nothing more
    release();

    const event = await sentEvent;
    await el.updateComplete;
    expect(posts).to.have.length(1);
    expect(posts[0]!.key).to.match(/^[0-9a-f-]{36}$/);
    expect(posts[0]!.body).to.deep.include({ mentorId: mentorId('Priya Raman'), goals: GOALS });
    expect(event.bubbles && event.composed).to.equal(true);
    expect(event.detail.mentorId).to.equal(mentorId('Priya Raman'));
    expect(event.detail.request).to.include({ status: 'pending', goals: GOALS });
    const [created] = await pendingWith('Priya Raman');
    expect(created?.id, 'the server has the request').to.equal(event.detail.request.id);

    // The confirmation replaces the form, and is announced.
    expect($(el, '#request-goals')).to.equal(null);
    expect(text($(el, '[part="request-sent"]'))).to.contain('Request sent — you will hear when Priya answers').and.contain('expires in 14 days');
    expect(text($(el, '#request-dialog [role="status"]'))).to.equal('Request sent — you will hear when Priya answers');
    await Promise.all(requestDialog().getAnimations().map((a) => a.finished));
    await expect(el).to.be.accessible();

    buttonIn(requestDialog(), 'Close').click();
    await closed();
    // The profile underneath now shows the pending request with its time left.
    const footer = profileDialog().querySelector('footer')!;
    expect(buttonIn(footer, 'Request pending').disabled).to.equal(true);
    expect(text(footer.querySelector('[part~="request-state"]'))).to.equal('Waiting for Priya’s answer · expires in 14 days');
    await focusOn(footer.querySelector('[part~="request-state"]'), 'the profile’s pending note');
    await expect(el).to.be.accessible();

    profileDialog().close();
    await waitUntil(() => !profileDialog().open);
    const card = cardByName(el, 'Priya Raman');
    expect(buttonIn(card, 'Request pending').disabled).to.equal(true);
    expect(text(card.querySelector('[part~="request-state"]'))).to.equal('Waiting for Priya’s answer · expires in 14 days');
    expect(el.search.items.find((m) => m.name === 'Priya Raman')).to.include({ viewerRequestState: 'pending', viewerRequestExpiresAt: created!.expiresAt });
    expect(searches, 'the card changed in place, without searching again').to.equal(searchesBefore);
  });

  it('a send retried after a lost answer reuses its Idempotency-Key and creates the request once', async () => {
    const keys: (string | null)[] = [];
    let loseAnswer = true;
    const flaky: typeof fetch = async (input, init) => {
      const url = new URL(String(input), location.href);
      if (url.pathname !== '/api/v1/mentorship-requests' || init?.method !== 'POST') return fetch(input, init);
      keys.push(new Headers(init.headers).get('idempotency-key'));
      const res = await fetch(input, init);
      if (loseAnswer) {
        loseAnswer = false;
        throw new TypeError('Failed to fetch'); // the server made it, the answer never arrived
      }
      return res;
    };
    await search({ fetch: flaky });
    buttonIn(cardByName(el, 'Luis Ferrer'), 'Request mentorship').click();
    await opened();
    await fill(goals(), GOALS);
    await fill(message(), 'Evenings in Madrid work best for me.');

    buttonIn(requestDialog(), 'Send request').click();
    await waitUntil(() => el.requestForm.error, 'the lost answer was not reported');
    await el.updateComplete;
    expect(text($(el, '#request-error'))).to.contain('could not reach the mentoring service').and.contain('never be sent twice');
    expect(goals().value, 'the text is kept').to.equal(GOALS);
    expect(message().value).to.equal('Evenings in Madrid work best for me.');

    const sent = oneEvent(el, 'mentorship-request-sent');
    buttonIn(requestDialog(), 'Send request').click();
    const event = await sent;
    expect(keys).to.have.length(2);
    expect(keys[0]).to.be.a('string').and.equal(keys[1]);
    const pending = await pendingWith('Luis Ferrer');
    expect(pending.map((r) => r.id), 'one request, not two').to.deep.equal([event.detail.request.id]);

    // A new opening is a new request: a new key.
    buttonIn(requestDialog(), 'Close').click();
    await closed();
    await withdrawAll();
    el.search.updateItem(mentorId('Luis Ferrer'), { viewerRequestState: 'none', viewerRequestExpiresAt: null });
    await el.updateComplete;
    buttonIn(cardByName(el, 'Luis Ferrer'), 'Request mentorship').click();
    await opened();
    await fill(goals(), GOALS);
    const again = oneEvent(el, 'mentorship-request-sent');
    buttonIn(requestDialog(), 'Send request').click();
    await again;
    expect(keys).to.have.length(3);
    expect(keys[2]).to.not.equal(keys[0]);
  });

  it('a duplicate request says so in words and keeps the form as typed', async () => {
    await search();
    // Another tab sent a request meanwhile: this list still offers "Request mentorship".
    await kwame.requests.create({ mentorId: mentorId('Hana Sato'), goals: GOALS, skillsSeeking: [] });
    buttonIn(cardByName(el, 'Hana Sato'), 'Request mentorship').click();
    await opened();
    await fill(goals(), `${GOALS} (second try)`);
    await fill(skillField(), 'Solar Forecasting');
    await fill(message(), 'Hello Hana');

    buttonIn(requestDialog(), 'Send request').click();
    await waitUntil(() => $(el, '#request-error'), 'no error shown');
    await el.updateComplete;
    expect(text($(el, '#request-error'))).to.equal('You already asked Hana — see My mentoring.');
    expect(text($(el, '#request-dialog [role="alert"]'))).to.equal('You already asked Hana — see My mentoring.');
    expect(buttonIn(requestDialog(), 'Send request').getAttribute('aria-describedby')).to.equal('request-error');
    expect(requestDialog().open).to.equal(true);
    expect(goals().value).to.equal(`${GOALS} (second try)`);
    expect(chips(), 'the typed skill became a chip and stays').to.include('Solar Forecasting');
    expect(message().value).to.equal('Hello Hana');
    expect(await pendingWith('Hana Sato')).to.have.length(1);
    await Promise.all(requestDialog().getAnimations().map((a) => a.finished));
    await expect(el).to.be.accessible();

    // The card now tells the truth too.
    await sendKeys({ press: 'Escape' });
    await closed();
    expect(buttonIn(cardByName(el, 'Hana Sato'), 'Request pending').disabled).to.equal(true);
  });

  it('a mentor who is not accepting cannot be requested', async () => {
    await search({ availability: 'all' });
    const tomas = cardByName(el, 'Tomás Reyes');
    expect(fx.mentors.find((m) => m.name === 'Tomás Reyes')!.accepting).to.equal(false);
    expect(buttonIn(tomas, 'Not accepting mentees').disabled).to.equal(true);
    buttonIn(tomas, 'View profile').click();
    await waitUntil(() => $(el, '[part="stats"]'), 'the profile did not load');
    expect(buttonIn(profileDialog().querySelector('footer')!, 'Not accepting mentees').disabled).to.equal(true);
    profileDialog().close();

    // A list loaded while he was still accepting: the server refuses, in words.
    const stale: typeof fetch = async (input, init) => {
      const res = await fetch(input, init);
      if (new URL(String(input), location.href).pathname !== '/api/v1/mentors') return res;
      const body = (await res.json()) as MentorSearchResult;
      const asBefore = (m: MentorCard): MentorCard => (m.name === 'Tomás Reyes' ? { ...m, availability: 'available', freeSlots: 2 } : m);
      return Response.json({ ...body, items: body.items.map(asBefore) });
    };
    await search({ fetch: stale, availability: 'all' });
    buttonIn(cardByName(el, 'Tomás Reyes'), 'Request mentorship').click();
    await opened();
    await fill(goals(), GOALS);
    buttonIn(requestDialog(), 'Send request').click();
    await waitUntil(() => $(el, '#request-error'), 'no error shown');
    expect(text($(el, '#request-error'))).to.equal('Tomás has just stopped taking new mentees.');
    expect(goals().value).to.equal(GOALS);
    expect(await pendingWith('Tomás Reyes')).to.be.empty;
    await sendKeys({ press: 'Escape' });
    await closed();
    expect(buttonIn(cardByName(el, 'Tomás Reyes'), 'Not accepting mentees').disabled).to.equal(true);
    await focusOn(cardByName(el, 'Tomás Reyes'), 'the now-disabled button hands focus to its card');
  });

  it('shows the server’s field issues beside the field', async () => {
    await search();
    buttonIn(cardByName(el, 'Celeste Aurelio'), 'Request mentorship').click();
    await opened();
    // Pasted text with a control character passes the length check but not the server's rules.
    await fill(goals(), `${GOALS}\u0007`);
    buttonIn(requestDialog(), 'Send request').click();
    await waitUntil(() => $(el, '#request-goals-error'), 'the server issue is not shown beside goals');
    await el.updateComplete;
    expect(text($(el, '#request-goals-error'))).to.contain('control characters');
    expect(goals().getAttribute('aria-invalid')).to.equal('true');
    expect(describedBy(goals()).join(' ')).to.contain('control characters');
    await focusOn(goals(), 'the goals field');
    expect(text($(el, '#request-error'))).to.contain('some details need changing');
    await Promise.all(requestDialog().getAnimations().map((a) => a.finished));
    await expect(el).to.be.accessible();

    await fill(goals(), GOALS);
    expect($(el, '#request-goals-error'), 'editing the field clears its issue').to.equal(null);
  });

  it('says when the viewer has too many requests waiting', async () => {
    // Five real pending requests would crowd other tests' personas: this answer is the server's, replayed.
    const full: typeof fetch = (input, init) =>
      init?.method === 'POST' && String(input).endsWith('/mentorship-requests')
        ? Promise.resolve(Response.json(
            { error: { code: 'too_many_pending_requests', message: 'You can have at most 5 pending requests', requestId: 'test' } },
            { status: 409 },
          ))
        : fetch(input, init);
    await search({ fetch: full });
    buttonIn(cardByName(el, 'Hana Sato'), 'Request mentorship').click();
    await opened();
    await fill(goals(), GOALS);
    buttonIn(requestDialog(), 'Send request').click();
    await waitUntil(() => $(el, '#request-error'), 'no error shown');
    expect(text($(el, '#request-error'))).to.equal('You have 5 requests waiting — withdraw one first.');
    expect(goals().value).to.equal(GOALS);
  });

  it('adds skills up to ten, refusing duplicates and an eleventh in words', async () => {
    await search();
    buttonIn(cardByName(el, 'Hana Sato'), 'Request mentorship').click();
    await opened();
    for (const skill of chips()) {
      $<HTMLButtonElement>(el, `#request-dialog [aria-label="Remove ${skill}"]`)!.click();
      await el.updateComplete;
    }
    expect(chips()).to.deep.equal([]);

    const add = async (skill: string) => {
      await fill(skillField(), skill);
      buttonIn(requestDialog(), 'Add').click();
      await el.updateComplete;
    };
    for (let i = 1; i <= 10; i++) await add(`Skill ${i}`);
    expect(chips()).to.have.length(10);
    expect(text($(el, '#request-skills-count'))).to.equal('10 of 10 skills');

    await add('skill 3');
    expect(text($(el, '#request-skill-note'))).to.equal('⚠ “skill 3” is already in your list.');
    await add('Skill 11');
    expect(text($(el, '#request-skill-note'))).to.equal('⚠ You can list up to 10 skills — remove one to add “Skill 11”.');
    expect(skillField().getAttribute('aria-invalid')).to.equal('true');
    expect(text($(el, '#request-dialog [role="status"]'))).to.contain('remove one to add');
    expect(chips()).to.have.length(10);

    // Send with the eleventh still typed: nothing goes out, focus goes to the skill field.
    await fill(goals(), GOALS);
    buttonIn(requestDialog(), 'Send request').click();
    await el.updateComplete;
    await focusOn(skillField(), 'the skill field');
    expect(await pendingWith('Hana Sato')).to.be.empty;
  });

  it('lets the portal take over: preventDefault on the intent keeps the dialog closed', async () => {
    await search();
    const prevent = (e: Event) => e.preventDefault();
    el.addEventListener('mentorship-request-intent', prevent);
    try {
      buttonIn(cardByName(el, 'Hana Sato'), 'Request mentorship').click();
      await el.updateComplete;
      await new Promise((r) => setTimeout(r, 50));
      expect(requestDialog().open).to.equal(false);
      expect(el.requestForm.status).to.equal('closed');

      // From the profile, the profile steps aside too (a modal would make the portal's own form inert).
      buttonIn(cardByName(el, 'Hana Sato'), 'View profile').click();
      await waitUntil(() => $(el, '[part="stats"]'), 'the profile did not load');
      buttonIn(profileDialog().querySelector('footer')!, 'Request mentorship').click();
      await el.updateComplete;
      expect(profileDialog().open).to.equal(false);
      expect(requestDialog().open).to.equal(false);
    } finally {
      el.removeEventListener('mentorship-request-intent', prevent);
    }
  });

  it('gives every control in the dialog a target of at least 24 by 24 pixels, and is accessible in dark mode', async () => {
    await search();
    el.theme = 'dark';
    buttonIn(cardByName(el, 'Hana Sato'), 'Request mentorship').click();
    await opened();
    expect(getComputedStyle(requestDialog()).backgroundColor).to.equal('rgb(28, 31, 36)');
    await fill(goals(), 'Too short');
    goals().blur();
    await el.updateComplete;
    expect($(el, '#request-goals-error')).to.exist;
    await expect(el).to.be.accessible();
    const controls = [...requestDialog().querySelectorAll<HTMLElement>('button, input, textarea')].filter((c) => c.checkVisibility());
    expect(controls.length).to.be.greaterThan(6);
    for (const c of controls) {
      const { width, height } = c.getBoundingClientRect();
      expect(Math.min(width, height), c.outerHTML.slice(0, 80)).to.be.at.least(24);
    }
  });
});
