import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import { clearHash } from './mentor-search.test-support.js';
import { sendKeys } from '@web/test-runner-commands';
import '../../define/mentor-search.js';
import { defaultFilters } from '../../controllers/mentor-search.controller.js';
import type { MentorSearch } from './mentor-search.component.js';
import { filtersFromHash, filtersToHash } from './mentor-search.route.js';
import { $, $$, cardNames, devToken, loadFixture, recordingFetch, settled, type Fixture } from '../../test-support/api-fixture.js';

describe('<mentor-search> in the address', () => {
  let fx: Fixture;
  let token: string;
  before(async () => {
    fx = await loadFixture();
    token = await devToken('mentee');
  });

  async function search(options: { fetch?: typeof fetch; noRouting?: boolean; query?: string } = {}): Promise<MentorSearch> {
    const provider = await fixture(html`
      <mentorship-provider api="/" .token=${token} .fetch=${options.fetch}>
        <mentor-search query=${options.query ?? ''} ?no-routing=${options.noRouting ?? false}></mentor-search>
      </mentorship-provider>
    `);
    const el = provider.querySelector('mentor-search')!;
    await settled(el);
    return el;
  }

  const choose = async (el: MentorSearch, id: string, value: string) => {
    const select = $<HTMLSelectElement>(el, `#${id}`)!;
    select.value = value;
    select.dispatchEvent(new Event('change'));
    await settled(el);
  };

  it('reads and writes only what differs from the defaults, and reads "match" as Best match', () => {
    expect(filtersToHash(defaultFilters)).to.deep.equal({ q: null, expertise: null, availability: null, industry: null, language: null, format: null, years: null, sort: null });
    const filters = { ...defaultFilters, q: 'data', expertise: ['SQL', 'Cloud'], availability: 'all' as const, industry: 'Energy', meetingFormat: 'video' as const, minYearsExperience: 5, sort: 'newest' as const };
    const hash = filtersToHash(filters);
    const params = new URLSearchParams();
    for (const [key, value] of Object.entries(hash)) for (const v of typeof value === 'string' ? [value] : (value ?? [])) params.append(key, v);
    expect(filtersFromHash(params)).to.deep.equal(filters);
    expect(filtersFromHash(new URLSearchParams('expertise=SQL,Cloud&expertise=sql&sort=match&availability=nonsense&years=-3&format=fax'))).to.deep.equal({
      ...defaultFilters,
      expertise: ['SQL', 'Cloud'],
    });
  });

  it('restores the search from the hash on load and keeps the page’s own token', async () => {
    history.replaceState(null, '', `#find&q=${encodeURIComponent(fx.marker)}&industry=Energy&sort=experience`);
    const recorder = recordingFetch();
    const el = await search({ fetch: recorder.fetch });
    const sent = recorder.searches.at(-1)!;
    expect([sent.get('q'), sent.getAll('industry'), sent.get('sort')]).to.deep.equal([fx.marker, ['Energy'], 'experience']);
    expect($<HTMLInputElement>(el, '#q')!.value).to.equal(fx.marker);
    expect($<HTMLSelectElement>(el, '#sort')!.value).to.equal('experience');
    expect(cardNames(el)).to.deep.equal(['Luis Ferrer', 'Hana Sato']);
    expect(location.hash.startsWith('#find&'), 'the portal’s panel token stays first').to.equal(true);
    await expect(el).to.be.accessible();
  });

  it('writes each choice into the hash, and Back brings the previous search back', async () => {
    history.replaceState(null, '', '#find');
    const el = await search({ query: fx.marker });
    expect(location.hash).to.equal(`#find&q=${fx.marker}`);
    await choose(el, 'sort', 'newest');
    expect(location.hash).to.equal(`#find&q=${fx.marker}&sort=newest`);
    $$<HTMLButtonElement>(el, '[part~="filter-chip"]').find((b) => b.textContent!.includes('Python'))!.click();
    await settled(el);
    expect(new URLSearchParams(location.hash.slice(1).replace(/^find&/, '')).getAll('expertise')).to.deep.equal(['Python']);
    expect(cardNames(el)).to.deep.equal(['Priya Raman']);

    history.back();
    await waitUntil(() => el.search.filters.expertise.length === 0, 'Back did not restore the search');
    await settled(el);
    expect(el.search.filters.sort).to.equal('newest');
    expect(cardNames(el).length).to.be.greaterThan(1);
    history.back();
    await waitUntil(() => el.search.filters.sort === 'relevance', 'Back did not restore the order');
    expect($<HTMLSelectElement>(el, '#sort')!.value).to.equal('relevance');
  });

  it('stays out of the address with no-routing', async () => {
    history.replaceState(null, '', '#find&q=nothing-like-this');
    const el = await search({ noRouting: true, query: fx.marker });
    expect(el.search.filters.q).to.equal(fx.marker);
    await choose(el, 'sort', 'experience');
    expect(location.hash).to.equal('#find&q=nothing-like-this');
    clearHash();
  });

  it('offers one "Best match" order', async () => {
    const el = await search({ query: fx.marker });
    const labels = $$<HTMLOptionElement>(el, '#sort option').map((o) => o.textContent!.trim());
    expect(labels.filter((l) => l === 'Best match')).to.have.length(1);
    expect(labels).not.to.include('Match score');
  });

  it('has a "Skip to results" link after the search box that moves focus to the results', async () => {
    const el = await search({ query: fx.marker });
    const link = $<HTMLAnchorElement>(el, '[part~="skip-link"]')!;
    expect(link.getBoundingClientRect().width, 'hidden until focused').to.be.at.most(1);
    $<HTMLInputElement>(el, '#q')!.focus();
    await sendKeys({ press: 'Tab' });
    expect(el.shadowRoot!.activeElement).to.equal(link);
    expect(link.textContent!.trim()).to.equal('Skip to results');
    expect(link.getBoundingClientRect().width, 'visible while focused').to.be.greaterThan(24);
    await expect(el).to.be.accessible();
    const before = location.hash;
    await sendKeys({ press: 'Enter' });
    expect(el.shadowRoot!.activeElement!.id).to.equal('results');
    expect(location.hash, 'the address stays').to.equal(before);
    await sendKeys({ press: 'Tab' });
    expect(el.shadowRoot!.activeElement!.closest('article.card, [part~="summary"]'), 'the next stop is in the results').to.not.equal(null);
  });

  it('puts mentor names at heading-level (h2 by default), a profile’s sections one below', async () => {
    const el = await search({ query: fx.marker });
    expect([...new Set($$(el, 'article.card .name').map((h) => h.localName))]).to.deep.equal(['h2']);
    el.setAttribute('heading-level', '3');
    await el.updateComplete;
    expect([...new Set($$(el, 'article.card .name').map((h) => h.localName))]).to.deep.equal(['h3']);
  });
});
