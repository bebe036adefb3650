import { expect, fixture, html, oneEvent, waitUntil } from '@open-wc/testing';
import './mentor-search.test-support.js';
import { sendKeys } from '@web/test-runner-commands';
import '../../define/mentor-search.js';
import type { MentorSearch } from './mentor-search.component.js';
import { $, buttonIn, cardByName, devToken, loadFixture, settled, type Fixture } from '../../test-support/api-fixture.js';

describe('<mentor-search> profile dialog', () => {
  let fx: Fixture;
  let el: MentorSearch;

  beforeEach(async () => {
    fx = await loadFixture();
    el = await fixture<MentorSearch>(html`<mentor-search api="/" .token=${await devToken('mentee')} query=${fx.marker}></mentor-search>`);
    await settled(el);
  });

  const dialog = () => $<HTMLDialogElement>(el, 'dialog')!;
  const focused = () => el.shadowRoot!.activeElement;
  const profileLoaded = () => waitUntil(() => $(el, '[part="stats"]'), 'the profile did not load', { timeout: 5000 });
  /** axe measures colours: let the opening fade finish first. */
  const opened = async () => {
    await el.updateComplete;
    await Promise.all(dialog().getAnimations().map((a) => a.finished));
  };
  /** The dialog's `close` event (which returns focus) fires a task after `close()`. */
  const closed = () => waitUntil(() => !dialog().open && !dialog().contains(focused()), 'the dialog did not close');

  it('opens by click with the full profile, closes with Escape and returns focus', async () => {
    const view = buttonIn(cardByName(el, 'Celeste Aurelio'), 'View profile');
    view.focus();
    view.click();
    await opened();
    expect(dialog().open).to.equal(true);
    expect(dialog().contains(focused())).to.equal(true);
    expect($(el, '#dialog-title')!.textContent).to.equal('Celeste Aurelio');

    await profileLoaded();
    const text = dialog().textContent!.replace(/\s+/g, ' ');
    for (const expected of [
      'Mentees helped', 'Median reply time', 'No ratings yet', 'Celeste Aurelio works at Orbital Works.',
      'Monthly calls, clear goals, honest feedback.', '14 years of experience · Flight Dynamics Lead, Orbital Works · Aerospace',
      'English, Filipino', 'Video call, Chat', 'Mission Planning', 'Has room: 3 of 3 mentee slots free',
    ]) {
      expect(text).to.contain(expected);
    }
    // Contact details are only for the mentor's own mentees (GET /mentors/:id); this viewer is not one.
    expect(dialog().querySelector('.links a') === null).to.equal(true);
    await expect(el).to.be.accessible();

    await sendKeys({ press: 'Escape' });
    await closed();
    expect(focused()).to.equal(view);
  });

  it('opens by keyboard and keeps focus inside while open', async () => {
    const view = buttonIn(cardByName(el, 'Dmitri Okafor'), 'View profile');
    view.focus();
    await sendKeys({ press: 'Enter' });
    await el.updateComplete;
    expect(dialog().open).to.equal(true);
    await profileLoaded();

    const stops = dialog().querySelectorAll('button:not([disabled]), a[href]').length;
    for (let i = 0; i < stops * 2 + 1; i++) {
      await sendKeys({ press: 'Tab' });
      expect(dialog().contains(focused()), `focus after ${i + 1} Tab presses`).to.equal(true);
    }
    for (let i = 0; i < stops + 1; i++) {
      await sendKeys({ press: 'Shift+Tab' });
      expect(dialog().contains(focused()), `focus after ${i + 1} Shift+Tab presses`).to.equal(true);
    }
    // The page behind is inert: it cannot take focus while the dialog is open.
    buttonIn(cardByName(el, 'Hana Sato'), 'View profile').focus();
    expect(dialog().contains(focused())).to.equal(true);

    await sendKeys({ press: 'Escape' });
    await closed();
    expect(focused()).to.equal(view);
  });

  it('closes with its buttons and the backdrop', async () => {
    const view = buttonIn(cardByName(el, 'Hana Sato'), 'View profile');
    view.click();
    await opened();
    buttonIn(dialog(), 'Close').click();
    await closed();
    expect(focused()).to.equal(view);

    view.click();
    await opened();
    $<HTMLButtonElement>(el, '[part~="close-button"]')!.click();
    await closed();

    view.click();
    await opened();
    dialog().dispatchEvent(new MouseEvent('click', { bubbles: true }));
    await closed();
  });

  it('tells the portal about "Request mentorship" and opens the request dialog over the profile', async () => {
    buttonIn(cardByName(el, 'Priya Raman'), 'View profile').click();
    await opened();
    await profileLoaded();
    const request = buttonIn(dialog().querySelector('footer')!, 'Request mentorship');
    setTimeout(() => request.click());
    const intent = await oneEvent(el, 'mentorship-request-intent');
    expect(intent.detail.mentor.name).to.equal('Priya Raman');
    const requestDialog = $<HTMLDialogElement>(el, '#request-dialog')!;
    await waitUntil(() => requestDialog.open, 'the request dialog did not open');
    expect(dialog().open, 'the profile stays open underneath').to.equal(true);

    // Escape closes only the top dialog, and focus returns to the profile's button.
    await sendKeys({ press: 'Escape' });
    await waitUntil(() => !requestDialog.open && focused() === request, 'focus did not return to the profile');
    expect(dialog().open).to.equal(true);
    await sendKeys({ press: 'Escape' });
    await closed();
  });

  it('shows a failed profile in words with Retry', async () => {
    let fail = true;
    const flaky: typeof fetch = (input, init) =>
      fail && String(input).includes('/mentors/') ? Promise.resolve(new Response('{}', { status: 500 })) : fetch(input, init);
    const provider = await fixture(html`<mentorship-provider api="/" .token=${await devToken('mentee')} .fetch=${flaky}>
      <mentor-search query=${fx.marker}></mentor-search></mentorship-provider>`);
    el = provider.querySelector('mentor-search')!;
    await settled(el);
    buttonIn(cardByName(el, 'Luis Ferrer'), 'View profile').click();
    await opened();
    await waitUntil(() => dialog().querySelector('[role="alert"]'), 'no error shown');
    expect(dialog().querySelector('[role="alert"]')!.textContent).to.contain('had a problem on its side');
    await expect(el).to.be.accessible();

    fail = false;
    buttonIn(dialog(), 'Retry').click();
    await profileLoaded();
    expect(dialog().querySelector('[role="alert"]')).to.equal(null);
    dialog().close();
  });
});
