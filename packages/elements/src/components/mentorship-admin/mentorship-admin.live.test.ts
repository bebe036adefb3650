/**
 * The admin view over the real realtime socket: an application submitted through the API shows
 * in the review queue without a reload. The admin and the applicant are made for this test.
 */
import { createClient } from '@mentorkit/sdk';
import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import '../../define/mentorship-admin.js';
import { freshToken } from '../../test-support/api-fixture.js';
import { freshPerson, liveOpen } from '../shared/live.test-support.js';
import type { MentorshipAdmin } from './mentorship-admin.component.js';

const text = (node: Element | null | undefined) => (node?.textContent ?? '').replace(/\s+/g, ' ').trim();
const until = (ready: () => unknown, what: string) => waitUntil(ready, what, { timeout: 8000 });

describe('<mentorship-admin> live', () => {
  it('shows an application as it is submitted, announces it, and never falls back to the skeleton', async () => {
    const { token } = await freshToken('Grace Live', ['admin']);
    // The admin exists before the application (admins are told from their first request on).
    await createClient({ baseUrl: '/', token }).me.get();
    const provider = await fixture(html`<mentorship-provider api="/" .token=${token}><mentorship-admin page-size="100"></mentorship-admin></mentorship-provider>`);
    const el = provider.querySelector('mentorship-admin') as MentorshipAdmin;
    await until(() => el.applications.list.status === 'ready', 'the queue did not load');
    await liveOpen(el);

    let skeleton = false;
    const watch = new MutationObserver(() => {
      if (el.shadowRoot!.querySelector('[aria-busy="true"]')) skeleton = true;
    });
    watch.observe(el.shadowRoot!, { subtree: true, childList: true, attributes: true });
    try {
      const applicant = await freshPerson('Noa Live');
      const application = await applicant.client.mentorApplications.submit({
        expertise: ['Product Management'],
        yearsOfExperience: 9,
        statement: 'I have shipped products for nine years and would like to help alumni do the same.',
        links: [],
      });
      await until(() => el.applications.list.items.some((a) => a.id === application.id), 'the application did not show');
      await until(() => text(el.shadowRoot!.querySelector('[part~="news"]')).includes(`${applicant.name} applied to become a mentor`), 'the application was not announced');
      expect(text(el.shadowRoot!.querySelector('[part~="announcer"]')), 'news leaves the result of the last action alone').to.equal('');
      await el.liveSettled();
      await el.updateComplete;
      expect(el.shadowRoot!.querySelector(`[data-application-id="${application.id}"]`)).to.exist;
      expect(skeleton).to.equal(false);
      await expect(el).to.be.accessible();
    } finally {
      watch.disconnect();
    }
  });
});
