import { expect, fixture, html, oneEvent, waitUntil } from '@open-wc/testing';
import './mentor-search.test-support.js';
import { sendKeys } from '@web/test-runner-commands';
import '../../define/mentor-search.js';
import type { MentorSearch } from './mentor-search.component.js';
import {
  $, $$, buttonIn, cardByName, cardNames, devToken, freshPeople, hangingFetch, loadFixture, recordingFetch, settled, type Fixture,
} from '../../test-support/api-fixture.js';

describe('<mentor-search>', () => {
  let fx: Fixture;
  let token: string;
  before(async () => {
    fx = await loadFixture();
    token = await devToken('mentee');
  });

  /** A search wired through a provider, started with the fixture's marker as search text. */
  async function searchFor(query: string, options: { fetch?: typeof fetch; token?: string; pageSize?: number } = {}) {
    const provider = await fixture(html`
      <mentorship-provider api="/" .token=${options.token ?? token} .fetch=${options.fetch}>
        <mentor-search query=${query} page-size=${options.pageSize ?? 12}></mentor-search>
      </mentorship-provider>
    `);
    const el = provider.querySelector('mentor-search')!;
    await settled(el);
    return el;
  }

  const accepting = () => fx.mentors.filter((m) => m.accepting).map((m) => m.name);

  it('shows card-shaped skeletons while loading', async () => {
    const provider = await fixture(html`
      <mentorship-provider api="/" .token=${token} .fetch=${hangingFetch}><mentor-search></mentor-search></mentorship-provider>
    `);
    const el = provider.querySelector('mentor-search')!;
    await el.updateComplete;
    expect(el.search.status).to.equal('loading');
    expect($$(el, '[part~="skeleton"]')).to.have.length(3);
    expect($(el, '[part="results"]')!.getAttribute('aria-busy')).to.equal('true');
    expect($(el, '[role="status"]')!.textContent).to.contain('Searching mentors');
    await expect(el).to.be.accessible();
  });

  it('lists mentors with everything a card promises', async () => {
    const el = await searchFor(fx.marker);
    expect(cardNames(el)).to.have.members(accepting());
    expect($(el, '[role="status"]')!.textContent!.trim()).to.equal(`${accepting().length} mentors`);

    const celeste = cardByName(el, 'Celeste Aurelio');
    const text = celeste.textContent!.replace(/\s+/g, ' ');
    expect(text).to.contain('Flight dynamics lead who loves teaching orbital intuition');
    expect(text).to.contain('Flight Dynamics Lead, Orbital Works');
    expect(text).to.contain('BS Physics, class of 2008');
    expect(celeste.querySelector('[part="badge"]')!.textContent!.replace(/\s+/g, ' ').trim()).to.equal('Available · 3 of 3 slots free');
    expect([...celeste.querySelectorAll('.chip')].map((c) => c.textContent)).to.deep.equal([fx.marker, 'Mission Planning', 'Leadership']);
    expect(celeste.querySelector('[part="match"]')!.textContent!.trim()).to.match(/^\d+% match/);
    expect(celeste.querySelector('.avatar--initials')!.textContent).to.equal('CA');
    expect(buttonIn(celeste, 'View profile')).to.exist;
    expect(buttonIn(celeste, 'Request mentorship').disabled).to.equal(false);

    // Real <label>s in the same shadow root (axe would also accept a placeholder as a name).
    for (const field of $$<HTMLInputElement | HTMLSelectElement>(el, 'input, select')) {
      expect(field.labels?.length, `label of #${field.id}`).to.equal(1);
    }

    const luis = cardByName(el, 'Luis Ferrer');
    expect(luis.querySelector('[part="badge"]')!.textContent!.replace(/\s+/g, ' ').trim()).to.equal('Limited · 1 of 1 slot free');
    await expect(el).to.be.accessible();
  });

  it('suggests widening the filters when nothing matches, and clears them', async () => {
    const el = await searchFor('qqxyzzy nothing like this');
    const empty = $(el, '[part="empty"]')!;
    expect(empty.textContent).to.contain('No mentors match your search');
    await expect(el).to.be.accessible();

    buttonIn(empty, 'Clear filters').click();
    await el.updateComplete;
    expect(el.query).to.equal('');
    expect($<HTMLInputElement>(el, '#q')!.value).to.equal('');
    expect(el.search.status).to.equal('loading');
    await settled(el);
    expect($(el, '[part="empty"]')).to.equal(null);
  });

  it('reports a failure in words and recovers with Retry', async () => {
    let calls = 0;
    const flaky: typeof fetch = (input, init) => (++calls === 1 ? Promise.reject(new TypeError('Failed to fetch')) : fetch(input, init));
    const el = await searchFor(fx.marker, { fetch: flaky });
    const error = $(el, '[part="error"]')!;
    expect(error.getAttribute('role')).to.equal('alert');
    expect(error.textContent).to.contain('could not reach the mentoring service');
    await expect(el).to.be.accessible();

    buttonIn(error, 'Retry').click();
    await settled(el);
    expect($(el, '[part="error"]')).to.equal(null);
    expect(cardNames(el)).to.have.members(accepting());
  });

  it('says so when `api` does not point at a Mentorkit server', async () => {
    const el = await fixture<MentorSearch>(html`<mentor-search api="/not-mentorkit/" .token=${token}></mentor-search>`);
    await settled(el);
    expect($(el, '[part="error"]')!.textContent).to.contain('could not be found at this address');
  });

  it('searches once when typing pauses', async () => {
    const recorder = recordingFetch();
    const el = await searchFor('', { fetch: recorder.fetch });
    expect(recorder.searches).to.have.length(1);

    $<HTMLInputElement>(el, '#q')!.focus();
    await sendKeys({ type: fx.marker });
    expect(recorder.searches, 'no request while typing').to.have.length(1);
    await waitUntil(() => recorder.searches.length === 2, 'no search after the pause');
    await settled(el);
    await new Promise((r) => setTimeout(r, 400));
    expect(recorder.searches).to.have.length(2);
    expect(recorder.searches[1]!.get('q')).to.equal(fx.marker);
    expect(el.query).to.equal(fx.marker);
    expect(cardNames(el)).to.have.members(accepting());
  });

  it('searches at once on Enter', async () => {
    const recorder = recordingFetch();
    const el = await searchFor('', { fetch: recorder.fetch });
    $<HTMLInputElement>(el, '#q')!.focus();
    await sendKeys({ type: 'Mission Planning' });
    await sendKeys({ press: 'Enter' });
    await el.updateComplete;
    // A slow machine may let the pause pass mid-typing (a search for part of the text): what
    // matters is that Enter sent the whole text at once, and only once.
    expect(recorder.searches.at(-1)!.get('q'), 'searched without waiting for the pause').to.equal('Mission Planning');
    await settled(el);
    expect(recorder.searches.filter((s) => s.get('q') === 'Mission Planning')).to.have.length(1);
    expect(cardNames(el)).to.include('Celeste Aurelio');
  });

  it('toggles expertise chips by click and by keyboard', async () => {
    const recorder = recordingFetch();
    const el = await searchFor(fx.marker, { fetch: recorder.fetch });
    const chip = (name: string) => $$<HTMLButtonElement>(el, '[part="filter-chip"]').find((c) => c.textContent!.includes(name))!;
    // Seen: the count; heard: "1 mentor" (the number alone would be ambiguous).
    expect(chip('Mission Planning').querySelector('.count [aria-hidden="true"]')!.textContent).to.equal('1');
    expect(chip('Mission Planning').querySelector('.count .visually-hidden')!.textContent).to.equal('1 mentor');

    chip('Mission Planning').click();
    await settled(el);
    expect(chip('Mission Planning').getAttribute('aria-pressed')).to.equal('true');
    expect(recorder.searches.at(-1)!.getAll('expertise')).to.deep.equal(['Mission Planning']);
    expect(cardNames(el)).to.deep.equal(['Celeste Aurelio']);

    chip('Python').focus();
    await sendKeys({ press: 'Enter' });
    await settled(el);
    expect(chip('Python').getAttribute('aria-pressed')).to.equal('true');
    expect(recorder.searches.at(-1)!.getAll('expertise')).to.deep.equal(['Mission Planning', 'Python']);
    expect(cardNames(el)).to.have.members(['Celeste Aurelio', 'Priya Raman']);
    expect($(el, '[part~="filters-toggle"]')!.textContent!.trim()).to.equal('Filters (2)');

    expect(shadowFocus(el)).to.equal(chip('Python'));
    await sendKeys({ press: 'Space' });
    await settled(el);
    expect(chip('Python').getAttribute('aria-pressed')).to.equal('false');
    expect(cardNames(el)).to.deep.equal(['Celeste Aurelio']);
  });

  it('sorts by the chosen order', async () => {
    const recorder = recordingFetch();
    const el = await searchFor(fx.marker, { fetch: recorder.fetch });
    const sort = $<HTMLSelectElement>(el, '#sort')!;
    expect(sort.selectedOptions[0]!.textContent).to.equal('Best match');
    sort.value = 'experience';
    sort.dispatchEvent(new Event('change'));
    await settled(el);
    expect(recorder.searches.at(-1)!.get('sort')).to.equal('experience');
    expect(cardNames(el)).to.deep.equal(['Luis Ferrer', 'Celeste Aurelio', 'Dmitri Okafor', 'Hana Sato', 'Priya Raman']);
  });

  it('combines availability, industry, language, format and experience filters', async () => {
    const recorder = recordingFetch();
    const el = await searchFor(fx.marker, { fetch: recorder.fetch });
    const choose = async (id: string, value: string) => {
      const field = $<HTMLSelectElement | HTMLInputElement>(el, `#${id}`)!;
      field.value = value;
      field.dispatchEvent(new Event('change'));
      await settled(el);
    };
    await choose('availability', 'all');
    expect(cardNames(el)).to.include('Tomás Reyes');
    expect(buttonIn(cardByName(el, 'Tomás Reyes'), 'Not accepting mentees').disabled).to.equal(true);
    expect($$(el, '#industry option').map((o) => o.textContent)).to.include.members(['Energy (3)', 'Aerospace (3)']);

    await choose('industry', 'Energy');
    expect(cardNames(el)).to.have.members(['Hana Sato', 'Luis Ferrer', 'Tomás Reyes']);
    await choose('years', '10');
    await choose('language', 'Spanish');
    expect(cardNames(el)).to.have.members(['Luis Ferrer', 'Tomás Reyes']);
    await choose('format', 'in_person');
    expect(cardNames(el)).to.deep.equal(['Luis Ferrer']);

    const params = recorder.searches.at(-1)!;
    expect(Object.fromEntries(params)).to.include({ availability: 'all', industry: 'Energy', language: 'Spanish', meetingFormat: 'in_person', minYearsExperience: '10' });
    expect(el.search.activeFilterCount).to.equal(5);
    await expect(el).to.be.accessible();
  });

  it('loads more by cursor, appends without duplicates and moves focus to the first new mentor', async () => {
    const recorder = recordingFetch();
    const el = await searchFor(fx.marker, { fetch: recorder.fetch, pageSize: 2 });
    expect(cardNames(el)).to.have.length(2);
    expect($(el, '[role="status"]')!.textContent!.trim()).to.equal(`${accepting().length} mentors · 2 shown`);

    buttonIn(shadowRoot(el), 'Load more mentors').click();
    await waitUntil(() => cardNames(el).length === 4, 'second page did not arrive');
    await el.updateComplete;
    expect(recorder.searches.at(-1)!.get('cursor')).to.be.a('string').and.not.empty;
    const third = $$(el, 'article.card')[2]!;
    expect(shadowFocus(el)).to.equal(third);

    buttonIn(shadowRoot(el), 'Load more mentors').click();
    await waitUntil(() => cardNames(el).length === 5, 'last page did not arrive');
    await el.updateComplete;
    expect(new Set(cardNames(el)).size).to.equal(5);
    expect(cardNames(el)).to.have.members(accepting());
    expect($(el, '[part~="load-more"]'), 'no more pages').to.equal(null);
  });

  it('shows pending requests and current mentors, and prevents another request', async () => {
    const el = await searchFor(fx.marker, { token: fx.requesterToken });
    const nameOf = (id: string) => fx.mentors.find((m) => m.id === id)!.name;
    expect(buttonIn(cardByName(el, nameOf(fx.pendingMentorId)), 'Request pending').disabled).to.equal(true);
    expect(buttonIn(cardByName(el, nameOf(fx.activeMentorId)), 'Your mentor').disabled).to.equal(true);
    await expect(el).to.be.accessible();
  });

  it('fires mentorship-request-intent and mentor-select, bubbling and composed', async () => {
    const el = await searchFor(fx.marker);
    const card = cardByName(el, 'Hana Sato');
    const id = fx.mentors.find((m) => m.name === 'Hana Sato')!.id;
    const prevent = (e: Event) => e.preventDefault();

    // The portal may show its own request form instead of the built-in dialog.
    document.addEventListener('mentorship-request-intent', prevent, { once: true });
    setTimeout(() => buttonIn(card, 'Request mentorship').click());
    const intent = await oneEvent(document, 'mentorship-request-intent');
    expect(intent.detail.mentorId).to.equal(id);
    expect(intent.detail.mentor.name).to.equal('Hana Sato');
    expect(intent.bubbles && intent.composed && intent.cancelable).to.equal(true);
    await el.updateComplete;
    expect($<HTMLDialogElement>(el, '#request-dialog')!.open).to.equal(false);

    // A portal may show its own profile page instead of the dialog.
    document.addEventListener('mentor-select', prevent, { once: true });
    setTimeout(() => buttonIn(card, 'View profile').click());
    const select = await oneEvent(document, 'mentor-select');
    expect(select.detail.mentorId).to.equal(id);
    expect(select.bubbles && select.composed && select.cancelable).to.equal(true);
    await el.updateComplete;
    expect($<HTMLDialogElement>(el, 'dialog')!.open).to.equal(false);
  });

  it('renders user-supplied text as text, never as markup', async () => {
    const payload = '<img src=x onerror="window.__xss=1">';
    // A mentor of this test's own (a copy of Rahul), so no other file sees the payload in Rahul's profile.
    const mentorToken = (await freshPeople({ rahul: { like: 'mentor2' } })).rahul.token;
    const res = await fetch('/api/v1/me/profile', {
      method: 'PUT',
      headers: { authorization: `Bearer ${mentorToken}`, 'content-type': 'application/json' },
      body: JSON.stringify({ headline: payload, bio: `Zanzibarquill ${payload}`, company: '<b>bold</b>' }),
    });
    expect(res.status).to.equal(200);

    const el = await searchFor('Zanzibarquill');
    expect(cardNames(el)).to.have.length(1);
    const card = $(el, 'article.card')!;
    expect(card.querySelector('.headline')!.textContent).to.equal(payload);
    expect(card.textContent).to.contain('<b>bold</b>');
    expect(shadowRoot(el).querySelector('img[src="x"], b')).to.equal(null);

    buttonIn(card, 'View profile').click();
    await waitUntil(() => $(el, '.prose'), 'profile did not load');
    expect($(el, '.prose')!.textContent).to.equal(`Zanzibarquill ${payload}`);
    expect(shadowRoot(el).querySelector('img[src="x"], b')).to.equal(null);
    expect((window as { __xss?: number }).__xss).to.equal(undefined);
    $<HTMLDialogElement>(el, 'dialog')!.close();
  });
});

function shadowRoot(el: Element): ShadowRoot {
  return el.shadowRoot!;
}

function shadowFocus(el: Element): Element | null {
  return el.shadowRoot!.activeElement;
}
