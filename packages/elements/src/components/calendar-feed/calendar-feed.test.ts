import { expect, fixture, html } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import '../../define/mentee-dashboard.js';
import '../../define/mentor-dashboard.js';
import { createClient } from '@mentorkit/sdk';
import type { MenteeDashboard } from '../mentee-dashboard/mentee-dashboard.component.js';
import type { MentorDashboard } from '../mentor-dashboard/mentor-dashboard.component.js';
import { $, $$, buttonIn, devToken, freshToken } from '../../test-support/api-fixture.js';
import { dialogSettled, text, until } from '../shared/dashboard.test-support.js';

/**
 * The "Calendar subscription" panel of the dashboards, against the real API: each test owns a
 * brand-new person, so the feed starts off and nothing else touches it.
 */
/** The panel sits in the dashboard's collapsed settings (when it has them): open them as a person would. */
async function openSettings(el: HTMLElement & { updateComplete: Promise<unknown> }): Promise<void> {
  await el.updateComplete;
  const details = $<HTMLDetailsElement>(el, 'details[part~="more-settings"]');
  if (details && !details.open) details.open = true;
}

describe('calendar subscription panel', () => {
  const isFeed = (url: string) => new URL(url, location.href).pathname === '/api/v1/me/calendar-feed';

  async function menteeDashboard(options: { token?: string; fetch?: typeof fetch } = {}) {
    const token = options.token ?? (await freshToken('Calendar Tester')).token;
    const provider = await fixture(html`<mentorship-provider api="/" .token=${token} .fetch=${options.fetch}>
      <mentee-dashboard></mentee-dashboard></mentorship-provider>`);
    const el = provider.querySelector<MenteeDashboard>('mentee-dashboard')!;
    await until(el, () => el.dashboard.status === 'ready', 'the dashboard did not load');
    await openSettings(el);
    return { el, token };
  }
  const feedSettled = (el: MenteeDashboard | MentorDashboard) =>
    until(el, () => el.calendarFeed.status === 'ready' || el.calendarFeed.status === 'error', 'the calendar panel did not load');
  const panel = (el: Element) => $(el, '[part~="calendar-feed"]')!;
  const dialog = (el: Element) => $<HTMLDialogElement>(el, '#calendar-feed-dialog')!;
  const urlInput = (el: Element) => $<HTMLInputElement>(el, '#calendar-feed-url');
  const announced = (el: Element) => text($(el, '[part="announcer"]'));
  const focused = (el: Element) => el.shadowRoot!.activeElement;
  const idle = (el: MenteeDashboard) => until(el, () => el.calendarFeed.busy === undefined, 'the request did not finish');

  async function fetchFeed(url: string): Promise<{ status: number; type: string; body: string }> {
    const r = await fetch(url, { cache: 'no-store' });
    return { status: r.status, type: r.headers.get('content-type') ?? '', body: await r.text() };
  }
  async function expectServed(url: string) {
    const served = await fetchFeed(url);
    expect(served.status, `GET ${url}`).to.equal(200);
    expect(served.type).to.match(/^text\/calendar/);
    expect(served.body.startsWith('BEGIN:VCALENDAR\r\n')).to.equal(true);
    expect(served.body).to.contain('END:VCALENDAR');
  }

  async function openDialog(el: MenteeDashboard, label: string) {
    buttonIn(panel(el), label).click();
    await until(el, () => dialog(el).open, 'the dialog did not open');
    await dialogSettled(dialog(el));
  }

  function expectTargets(el: Element) {
    const controls = $$(el, '[part~="calendar-feed"] button, [part~="calendar-feed"] input').filter((c) => c.checkVisibility());
    expect(controls.length).to.be.greaterThan(0);
    for (const c of controls) {
      const box = c.getBoundingClientRect();
      expect(box.width, `${text(c) || c.id} width`).to.be.at.least(24);
      expect(box.height, `${text(c) || c.id} height`).to.be.at.least(24);
    }
  }

  it('explains the feed and offers to create it when it is off', async () => {
    const { el } = await menteeDashboard();
    await feedSettled(el);
    const section = panel(el);
    expect(text(section.querySelector('#calendar-feed-title'))).to.equal('Calendar subscription');
    expect(text(section)).to.contain('Get a private link that shows your mentoring meetings');
    expect(urlInput(el) === null, 'no link shown').to.equal(true);
    expect(buttonIn(section, 'Create my calendar link')).to.exist;
    expect([...section.querySelectorAll('button')].map(text)).to.deep.equal(['Create my calendar link']);
    expectTargets(el);
    await expect(el).to.be.accessible();
  });

  it('shows a skeleton while the status loads', async () => {
    const hangFeed: typeof fetch = (input, init) =>
      isFeed(input instanceof Request ? input.url : String(input))
        ? new Promise((_resolve, reject) => init?.signal?.addEventListener('abort', () => reject(new DOMException('Aborted', 'AbortError'))))
        : fetch(input, init);
    const { el } = await menteeDashboard({ fetch: hangFeed });
    expect(el.calendarFeed.status).to.equal('loading');
    const card = panel(el).querySelector('[aria-busy="true"]')!;
    expect(card !== null, 'a busy card').to.equal(true);
    expect(text(card)).to.contain('Loading your calendar subscription');
    await expect(el).to.be.accessible();
  });

  it('says so when the status cannot be loaded, and recovers with Retry', async () => {
    let failures = 1;
    const flaky: typeof fetch = (input, init) =>
      isFeed(input instanceof Request ? input.url : String(input)) && failures-- > 0 ? Promise.reject(new TypeError('Failed to fetch')) : fetch(input, init);
    const { el } = await menteeDashboard({ fetch: flaky });
    await feedSettled(el);
    const error = $(el, '[part~="calendar-feed-error"]')!;
    expect(error.getAttribute('role')).to.equal('alert');
    expect(text(error)).to.contain('Your calendar subscription could not be loaded. We could not reach the mentoring service.');
    expectTargets(el);
    await expect(el).to.be.accessible();

    buttonIn(error, 'Retry').click();
    await until(el, () => el.calendarFeed.status === 'ready', 'Retry did not load the status');
    expect($(el, '[part~="calendar-feed-error"]') === null, 'the error is gone').to.equal(true);
    expect(buttonIn(panel(el), 'Create my calendar link')).to.exist;
  });

  it('creates a working link, renews it (the old one stops working) and turns it off', async () => {
    const { el, token } = await menteeDashboard();
    await feedSettled(el);

    // Create: the URL is shown, focused, announced and served as a calendar.
    buttonIn(panel(el), 'Create my calendar link').click();
    await until(el, () => urlInput(el) !== null, 'the link was not shown');
    const first = urlInput(el)!.value;
    expect(first).to.match(/^http:\/\/[^/]+\/api\/v1\/calendar\/[^/]+\.ics$/);
    expect(first).to.equal(el.calendarFeed.feed!.url);
    expect(focused(el)).to.equal(urlInput(el));
    expect(urlInput(el)!.readOnly).to.equal(true);
    expect(text($(el, 'label[for="calendar-feed-url"]'))).to.equal('Your private calendar link');
    expect(text($(el, '#calendar-feed-warning'))).to.contain('Anyone who has it can see your meeting times');
    expect(urlInput(el)!.getAttribute('aria-describedby')).to.contain('calendar-feed-warning');
    await until(el, () => announced(el).includes('Your calendar link was created'), 'creation was not announced');
    await expectServed(first);
    await expectServed(el.calendarFeed.feed!.path);
    expectTargets(el);
    await expect(el).to.be.accessible();

    // Renew, confirmed in a dialog that starts on the safe choice.
    const rotate = buttonIn(panel(el), 'Get a new link');
    rotate.focus();
    await openDialog(el, 'Get a new link');
    expect(text(dialog(el).querySelector('#calendar-feed-dialog-title'))).to.equal('Get a new calendar link?');
    expect(text(dialog(el))).to.contain('Your current link stops working at once');
    expect(dialog(el).getAttribute('aria-labelledby')).to.equal('calendar-feed-dialog-title');
    expect(text(focused(el))).to.equal('Keep current link');
    await expect(el).to.be.accessible();
    buttonIn(dialog(el), 'Get a new link').click();
    await until(el, () => !dialog(el).open, 'the dialog did not close');
    const second = urlInput(el)!.value;
    expect(second).to.not.equal(first);
    await until(el, () => focused(el) === rotate, 'focus did not return to "Get a new link"');
    await until(el, () => announced(el).includes('You have a new calendar link. The old link no longer works.'), 'renewal was not announced');
    expect((await fetchFeed(first)).status).to.equal(404);
    await expectServed(second);

    // After a reload the link cannot be shown again (only its hash is stored).
    const { el: reloaded } = await menteeDashboard({ token });
    await feedSettled(reloaded);
    expect(urlInput(reloaded) === null, 'no link shown after a reload').to.equal(true);
    expect(text($(reloaded, '[part~="calendar-feed-active"]'))).to.equal('Your calendar link is active — get a new link to see it again.');
    expect(buttonIn(panel(reloaded), 'Turn off')).to.exist;
    expectTargets(reloaded);
    await expect(reloaded).to.be.accessible();
    await expectServed(second);

    // Turn off, confirmed; focus lands on "Create my calendar link".
    await openDialog(reloaded, 'Turn off');
    expect(text(dialog(reloaded).querySelector('#calendar-feed-dialog-title'))).to.equal('Turn off your calendar subscription?');
    await expect(reloaded).to.be.accessible();
    buttonIn(dialog(reloaded), 'Turn off').click();
    await until(reloaded, () => !dialog(reloaded).open && reloaded.calendarFeed.status === 'ready' && !reloaded.calendarFeed.enabled, 'the feed was not turned off');
    await until(reloaded, () => text(focused(reloaded)) === 'Create my calendar link', 'focus did not land on "Create my calendar link"');
    await until(reloaded, () => announced(reloaded).includes('Your calendar subscription is turned off'), 'turning off was not announced');
    expect((await fetchFeed(second)).status).to.equal(404);
    expect(await createClient({ baseUrl: '/', token }).calendar.feedStatus()).to.deep.equal({ enabled: false });
    await expect(reloaded).to.be.accessible();
  });

  it('copies the link to the clipboard and announces it', async () => {
    const { el } = await menteeDashboard();
    await feedSettled(el);
    buttonIn(panel(el), 'Create my calendar link').click();
    await until(el, () => urlInput(el) !== null, 'the link was not shown');

    const clipboard = navigator.clipboard as Clipboard & { writeText: Clipboard['writeText'] };
    const written: string[] = [];
    clipboard.writeText = async (data: string) => void written.push(data);
    try {
      buttonIn(panel(el), 'Copy link').click();
      await until(el, () => announced(el) === 'Link copied', 'the copy was not announced');
      expect(written).to.deep.equal([urlInput(el)!.value]);
    } finally {
      delete (clipboard as Partial<Clipboard>).writeText;
    }
  });

  it('selects the link for the keyboard when the clipboard refuses', async () => {
    const { el } = await menteeDashboard();
    await feedSettled(el);
    buttonIn(panel(el), 'Create my calendar link').click();
    await until(el, () => urlInput(el) !== null, 'the link was not shown');
    buttonIn(panel(el), 'Copy link').focus();

    const clipboard = navigator.clipboard as Clipboard & { writeText: Clipboard['writeText'] };
    clipboard.writeText = () => Promise.reject(new DOMException('Denied', 'NotAllowedError'));
    try {
      buttonIn(panel(el), 'Copy link').click();
      await until(el, () => announced(el).includes('The link is selected. Press Control+C'), 'the fallback was not announced');
      const input = urlInput(el)!;
      expect(focused(el)).to.equal(input);
      expect([input.selectionStart, input.selectionEnd]).to.deep.equal([0, input.value.length]);
    } finally {
      delete (clipboard as Partial<Clipboard>).writeText;
    }
  });

  it('works by keyboard: Escape keeps the link, Enter confirms', async () => {
    const { el } = await menteeDashboard();
    await feedSettled(el);
    buttonIn(panel(el), 'Create my calendar link').focus();
    await sendKeys({ press: 'Enter' });
    await until(el, () => urlInput(el) !== null, 'Enter did not create the link');
    const link = urlInput(el)!.value;

    const rotate = buttonIn(panel(el), 'Get a new link');
    rotate.focus();
    await sendKeys({ press: 'Space' });
    await until(el, () => dialog(el).open, 'Space did not open the dialog');
    await sendKeys({ press: 'Escape' });
    await until(el, () => !dialog(el).open, 'Escape did not close the dialog');
    await until(el, () => focused(el) === rotate, 'focus did not return to "Get a new link"');
    expect(urlInput(el)!.value).to.equal(link);
    await expectServed(link);

    // Tab from "Keep current link" reaches the confirming button; Tab again wraps inside the dialog.
    await sendKeys({ press: 'Enter' });
    await until(el, () => dialog(el).open, 'Enter did not open the dialog');
    await sendKeys({ press: 'Tab' });
    expect(text(focused(el))).to.equal('Get a new link');
    await sendKeys({ press: 'Tab' });
    expect(text(focused(el))).to.equal('Keep current link');
    await sendKeys({ press: 'Shift+Tab' });
    await sendKeys({ press: 'Enter' });
    await until(el, () => !dialog(el).open && urlInput(el)!.value !== link, 'Enter did not renew the link');
    expect((await fetchFeed(link)).status).to.equal(404);
  });

  it('keeps the dialog open with the reason when the server refuses', async () => {
    let refuse = false;
    const refusing: typeof fetch = (input, init) =>
      refuse && isFeed(input instanceof Request ? input.url : String(input)) && init?.method === 'DELETE'
        ? Promise.resolve(new Response(JSON.stringify({ error: { code: 'internal', message: 'boom' } }), { status: 500, headers: { 'content-type': 'application/json' } }))
        : fetch(input, init);
    const { el, token } = await menteeDashboard({ fetch: refusing });
    await feedSettled(el);
    buttonIn(panel(el), 'Create my calendar link').click();
    await until(el, () => urlInput(el) !== null, 'the link was not shown');
    const link = urlInput(el)!.value;

    refuse = true;
    await openDialog(el, 'Turn off');
    buttonIn(dialog(el), 'Turn off').click();
    await idle(el);
    expect(dialog(el).open).to.equal(true);
    const alert = dialog(el).querySelector('[role="alert"]')!;
    expect(text(alert)).to.contain('The subscription could not be turned off. The mentoring service had a problem on its side.');
    await dialogSettled(dialog(el));
    await expect(el).to.be.accessible();
    expect(await createClient({ baseUrl: '/', token }).calendar.feedStatus()).to.deep.equal({ enabled: true });
    await expectServed(link);

    buttonIn(dialog(el), 'Keep it on').click();
    await until(el, () => !dialog(el).open && el.calendarFeed.confirming === undefined, 'the dialog did not close');
    expect(urlInput(el)!.value).to.equal(link);
    expect(el.calendarFeed.actionError).to.equal(undefined);
    expect(panel(el).querySelectorAll('[role="alert"]').length).to.equal(0);
  });

  it('appears in the mentor dashboard for mentors, not for applicants', async () => {
    const mentorToken = await devToken('mentor');
    const mentor = await fixture<MentorDashboard>(html`<mentor-dashboard api="/" .token=${mentorToken}></mentor-dashboard>`);
    await until(mentor, () => mentor.dashboard.mode === 'mentor', 'the mentor dashboard did not load');
    await openSettings(mentor);
    await feedSettled(mentor);
    expect(text(panel(mentor).querySelector('#calendar-feed-title'))).to.equal('Calendar subscription');
    expectTargets(mentor);
    await expect(mentor).to.be.accessible();

    const applicant = await fixture<MentorDashboard>(html`<mentor-dashboard api="/" .token=${(await freshToken('Not A Mentor')).token}></mentor-dashboard>`);
    await until(applicant, () => applicant.dashboard.mode === 'applicant', 'the applicant view did not load');
    expect(applicant.calendarFeed.status).to.equal('idle');
    expect($(applicant, '[part~="calendar-feed"]') === null, 'no calendar panel for an applicant').to.equal(true);
  });
});
