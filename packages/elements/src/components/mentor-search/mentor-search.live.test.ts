/**
 * Search cards over the real realtime socket: the viewer's request state on a mentor's card
 * follows the request (sent elsewhere, answered by the mentor) without searching again.
 */
import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import './mentor-search.test-support.js';
import '../../define/mentor-search.js';
import type { MentorSearch } from './mentor-search.component.js';
import { freshMentor, freshPerson, liveOpen, request } from '../shared/live.test-support.js';

const until = (ready: () => unknown, what: string) => waitUntil(ready, what, { timeout: 8000 });
const text = (node: Element | null | undefined) => (node?.textContent ?? '').replace(/\s+/g, ' ').trim();

describe('<mentor-search> live', () => {
  it('a card goes none → pending → active as the request is sent elsewhere and accepted, and back to none when declined', async () => {
    const skill = `Livesearch${Math.random().toString(36).slice(2, 7)}`;
    const [ana, ben, maria] = await Promise.all([freshMentor('Ana Search', [skill]), freshMentor('Ben Search', [skill]), freshPerson('Maria Search')]);
    const el = await fixture<MentorSearch>(html`<mentor-search api="/" .token=${maria.token} query=${skill}></mentor-search>`);
    await until(() => el.search.status === 'ready', 'the search did not load');
    await liveOpen(el);
    const state = (id: string) => el.search.items.find((m) => m.id === id)?.viewerRequestState;
    const card = (name: string) => [...el.shadowRoot!.querySelectorAll('article.card')].find((c) => text(c.querySelector('.name')) === name);
    expect(state(ana.id)).to.equal('none');
    expect(state(ben.id)).to.equal('none');

    const toAna = await request(maria, ana);
    await until(() => state(ana.id) === 'pending', 'the card did not show the pending request');
    await el.updateComplete;
    expect(text(card(ana.name)?.querySelector('[part~="request-state"]'))).to.contain('Waiting for');
    await expect(el).to.be.accessible();

    await ana.client.requests.accept(toAna.id);
    await until(() => state(ana.id) === 'active', 'the card did not show the acceptance');

    const toBen = await request(maria, ben);
    await until(() => state(ben.id) === 'pending', 'the second request did not show');
    await ben.client.requests.decline(toBen.id, { reason: 'not_enough_time' });
    await until(() => state(ben.id) === 'none', 'the card did not show the decline');
    await el.liveSettled();
    await el.updateComplete;
    expect(card(ben.name)?.querySelector('[part~="request-state"]') ?? null).to.equal(null);
    await expect(el).to.be.accessible();
  });
});
