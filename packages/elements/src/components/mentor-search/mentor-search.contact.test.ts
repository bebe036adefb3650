import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import './mentor-search.test-support.js';
import '../../define/mentor-search.js';
import type { MentorSearch } from './mentor-search.component.js';
import { $, buttonIn, cardByName, loadFixture, settled } from '../../test-support/api-fixture.js';

/** `GET /mentors/:id` shows contact details only to the mentor's own mentees (see mentors.repository.ts). */
describe('<mentor-search> contact details', () => {
  it('shows a mentor\'s links to their mentee, opening in a new tab without an opener', async () => {
    const fx = await loadFixture();
    const mentor = fx.mentors.find((m) => m.id === fx.activeMentorId)!;
    const el = await fixture<MentorSearch>(html`<mentor-search api="/" .token=${fx.requesterToken} query=${fx.marker}></mentor-search>`);
    await settled(el);
    buttonIn(cardByName(el, mentor.name), 'View profile').click();
    await waitUntil(() => $(el, 'dialog .links a'), 'the contact links did not show', { timeout: 8000 });
    const link = $<HTMLAnchorElement>(el, 'dialog .links a')!;
    expect(link.href).to.equal('https://www.linkedin.com/in/example');
    expect(link.rel).to.contain('noopener');
    expect(link.target).to.equal('_blank');
  });
});
