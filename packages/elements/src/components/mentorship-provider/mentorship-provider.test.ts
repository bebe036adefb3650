import { expect, fixture, html } from '@open-wc/testing';
import '../../define/mentor-search.js';
import type { MentorshipProvider } from './mentorship-provider.component.js';
import type { MentorSearch } from '../mentor-search/mentor-search.component.js';
import { buttonIn, cardByName, cardNames, devToken, loadFixture, settled, type Fixture } from '../../test-support/api-fixture.js';

describe('<mentorship-provider> and element wiring', () => {
  let fx: Fixture;
  before(async () => {
    fx = await loadFixture();
  });
  const pendingName = () => fx.mentors.find((m) => m.id === fx.pendingMentorId)!.name;

  it('hands its client to the elements inside, asking getToken before requests', async () => {
    const asked: boolean[] = [];
    const token = await devToken('mentee');
    const provider = await fixture<MentorshipProvider>(html`
      <mentorship-provider api="/" .getToken=${({ forceRefresh }: { forceRefresh: boolean }) => (asked.push(forceRefresh), token)}>
        <section><mentor-search query=${fx.marker}></mentor-search></section>
      </mentorship-provider>
    `);
    const el = provider.querySelector('mentor-search')!;
    await settled(el);
    expect(provider.client).to.exist;
    expect(getComputedStyle(provider).display, 'the provider adds no box').to.equal('contents');
    expect(cardNames(el)).to.include('Celeste Aurelio');
    expect(asked).to.include(false);
  });

  it('reloads the elements for a new viewer when the token changes', async () => {
    const provider = await fixture<MentorshipProvider>(html`
      <mentorship-provider api="/" .token=${await devToken('mentee')}><mentor-search query=${fx.marker}></mentor-search></mentorship-provider>
    `);
    const el = provider.querySelector('mentor-search')!;
    await settled(el);
    expect(buttonIn(cardByName(el, pendingName()), 'Request mentorship').disabled).to.equal(false);

    provider.token = fx.requesterToken;
    await provider.updateComplete;
    await settled(el);
    expect(buttonIn(cardByName(el, pendingName()), 'Request pending').disabled).to.equal(true);
  });

  it('an element works alone with api and token', async () => {
    const el = await fixture<MentorSearch>(html`<mentor-search api="/" .token=${fx.requesterToken} query=${fx.marker}></mentor-search>`);
    await settled(el);
    expect(buttonIn(cardByName(el, pendingName()), 'Request pending')).to.exist;
  });

  it('an element works alone with api and getToken', async () => {
    const token = await devToken('mentee');
    let calls = 0;
    const el = await fixture<MentorSearch>(html`<mentor-search api="/" .getToken=${() => (calls++, token)} query=${fx.marker}></mentor-search>`);
    await settled(el);
    expect(el.search.status).to.equal('ready');
    expect(cardNames(el)).to.include('Celeste Aurelio');
    expect(calls).to.be.greaterThan(0);
  });

  it("an element's own api wins over the provider's", async () => {
    const provider = await fixture<MentorshipProvider>(html`
      <mentorship-provider api="/not-mentorkit/" .token=${'x'}>
        <mentor-search api="/" .token=${await devToken('mentee')} query=${fx.marker}></mentor-search>
      </mentorship-provider>
    `);
    const el = provider.querySelector('mentor-search')!;
    await settled(el);
    expect(el.search.status).to.equal('ready');
  });

  it('says so when an element is not connected to any server', async () => {
    const el = await fixture<MentorSearch>(html`<mentor-search></mentor-search>`);
    expect(el.search.status).to.equal('idle');
    expect(el.shadowRoot!.textContent).to.contain('Mentor search is not connected');
    await expect(el).to.be.accessible();
  });
});
