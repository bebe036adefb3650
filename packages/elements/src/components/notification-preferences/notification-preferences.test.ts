import { expect, fixture, html } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import '../../define/mentee-dashboard.js';
import '../../define/mentor-dashboard.js';
import { createClient } from '@mentorkit/sdk';
import type { MenteeDashboard } from '../mentee-dashboard/mentee-dashboard.component.js';
import type { MentorDashboard } from '../mentor-dashboard/mentor-dashboard.component.js';
import { $, $$, buttonIn, devToken, freshPeople, freshToken, hangingFetch } from '../../test-support/api-fixture.js';
import { gatedFetch, text, until } from '../shared/dashboard.test-support.js';
import { mailKinds, type Me } from '@mentorkit/contract';
import { mailKindApplies } from './notification-preferences.controller.js';

/**
 * The "Email notifications" panel of the dashboards, against the real API. Tests that switch
 * things use their own copy of a demo persona (it has an email address), every switch on.
 */
/** The panel sits in the dashboard's collapsed settings (when it has them): open them as a person would. */
async function openSettings(el: HTMLElement & { updateComplete: Promise<unknown> }): Promise<void> {
  await el.updateComplete;
  const details = $<HTMLDetailsElement>(el, 'details[part~="more-settings"]');
  if (details && !details.open) details.open = true;
}

describe('email notifications panel', () => {
  const isPrefs = (url: string) => new URL(url, location.href).pathname === '/api/v1/me/notification-preferences';
  /** The kinds that reach a mentee: no requests to answer, no reminders of them. */
  const MENTEE_KINDS = ['request_answered', 'meeting_updates', 'application_decided', 'message_digest', 'programme_updates'];
  const ALL_ON = { request_received: true, request_answered: true, request_reminder: true, meeting_updates: true, application_decided: true, message_digest: true, programme_updates: true };

  /** A new copy of Kwame (`mentee2`), with English and every switch on. */
  async function freshKwame(): Promise<string> {
    const { kwame } = await freshPeople({ kwame: { like: 'mentee2' } });
    await kwame.client.notifications.updatePreferences({ language: 'en', kinds: ALL_ON });
    return kwame.token;
  }
  async function menteeDashboard(options: { token?: string; fetch?: typeof fetch } = {}) {
    const token = options.token ?? (await freshKwame());
    const provider = await fixture(html`<mentorship-provider api="/" .token=${token} .fetch=${options.fetch}>
      <mentee-dashboard></mentee-dashboard></mentorship-provider>`);
    const el = provider.querySelector<MenteeDashboard>('mentee-dashboard')!;
    await until(el, () => el.dashboard.status === 'ready', 'the dashboard did not load');
    await openSettings(el);
    return { el, token };
  }
  const prefsSettled = (el: MenteeDashboard | MentorDashboard) =>
    until(el, () => ['ready', 'empty', 'error'].includes(el.notificationPreferences.status), 'the email settings did not load');
  const panel = (el: Element) => $(el, '[part~="notification-preferences"]')!;
  const switches = (el: Element) => $$<HTMLInputElement>(el, '[part~="notification-preferences"] input[role="switch"]');
  const switchFor = (el: Element, kind: string) => $<HTMLInputElement>(el, `#mail-kind-${kind}`)!;
  const announced = (el: Element) => text($(el, '[part="announcer"]'));
  const serverPrefs = (token: string) => createClient({ baseUrl: '/', token }).notifications.preferences();

  function expectTargets(el: Element) {
    const controls = $$(el, '[part~="notification-preferences"] input, [part~="notification-preferences"] select, [part~="notification-preferences"] button');
    expect(controls.length).to.be.greaterThan(0);
    for (const c of controls) {
      const box = c.getBoundingClientRect();
      expect(box.width, `${c.id} width`).to.be.at.least(24);
      expect(box.height, `${c.id} height`).to.be.at.least(24);
    }
  }

  it('shows a labelled switch per kind of email that reaches the viewer, all on, and where mail goes', async () => {
    const { el } = await menteeDashboard();
    await prefsSettled(el);
    expect(el.notificationPreferences.status).to.equal('ready');
    expect(text(panel(el).querySelector('#notification-preferences-title'))).to.equal('Email notifications');
    expect(text(panel(el))).to.contain('We send email to kwame.mensah@alumni.example.edu.');
    const all = switches(el);
    expect(all.map((s) => s.id)).to.deep.equal(MENTEE_KINDS.map((k) => `mail-kind-${k}`));
    expect(text(panel(el))).not.to.contain('Mentorkit');
    expect(all.every((s) => s.checked)).to.equal(true);
    expect(text($(el, 'label[for="mail-kind-message_digest"]'))).to.equal('Daily digest of unread messages');
    expect(switchFor(el, 'meeting_updates').getAttribute('aria-describedby')).to.equal('mail-kind-meeting_updates-hint');
    expect($<HTMLSelectElement>(el, '#notification-preferences-language')!.value).to.equal('en');
    expectTargets(el);
    await expect(el).to.be.accessible();
  });

  it('saves a switch from the keyboard and the language, says "Saved", and keeps them after a reload', async () => {
    const { el, token } = await menteeDashboard();
    await prefsSettled(el);
    const digest = switchFor(el, 'message_digest');
    digest.focus();
    await sendKeys({ press: 'Space' });
    expect(digest.checked).to.equal(false);
    await until(el, () => el.notificationPreferences.saved, 'the switch was not saved');
    expect(text($(el, '[part~="notification-preferences-saved"]'))).to.equal('Saved');
    await until(el, () => announced(el) === 'Email settings saved', 'saving was not announced');
    expect((await serverPrefs(token)).kinds.message_digest).to.equal(false);

    const select = $<HTMLSelectElement>(el, '#notification-preferences-language')!;
    select.value = 'fil';
    select.dispatchEvent(new Event('change'));
    await until(el, () => el.notificationPreferences.saving.size === 0 && el.notificationPreferences.saved, 'the language was not saved');
    expect((await serverPrefs(token)).language).to.equal('fil');
    await expect(el).to.be.accessible();

    const { el: reloaded } = await menteeDashboard({ token });
    await prefsSettled(reloaded);
    expect(switchFor(reloaded, 'message_digest').checked).to.equal(false);
    expect(switchFor(reloaded, 'request_answered').checked).to.equal(true);
    expect($<HTMLSelectElement>(reloaded, '#notification-preferences-language')!.value).to.equal('fil');
  });

  it('moves the switch back and says why when the change cannot be saved', async () => {
    const token = await freshKwame();
    const gate = gatedFetch((url, method) => isPrefs(url) && method === 'PUT');
    const { el } = await menteeDashboard({ token, fetch: gate.fetch });
    await prefsSettled(el);
    switchFor(el, 'meeting_updates').click();
    await until(el, () => gate.held === 1, 'the change was not sent');
    expect(text($(el, '[part~="notification-preferences-saved"]'))).to.equal('Saving…');
    gate.release('network-error');
    await until(el, () => el.notificationPreferences.saveError !== undefined, 'the failure was not shown');
    expect(switchFor(el, 'meeting_updates').checked).to.equal(true);
    const alert = $(el, '[part~="notification-preferences-save-error"]')!;
    expect(alert.getAttribute('role')).to.equal('alert');
    expect(text(alert)).to.contain('Your change could not be saved. We could not reach the mentoring service.');
    expect((await serverPrefs(token)).kinds.meeting_updates).to.equal(true);
    await expect(el).to.be.accessible();
  });

  it('shows a skeleton while loading', async () => {
    const hang: typeof fetch = (input, init) => (isPrefs(input instanceof Request ? input.url : String(input)) ? hangingFetch(input, init) : fetch(input, init));
    const { el } = await menteeDashboard({ fetch: hang });
    expect(el.notificationPreferences.status).to.equal('loading');
    const card = panel(el).querySelector('[aria-busy="true"]');
    expect(card !== null, 'a busy card').to.equal(true);
    expect(text(card)).to.contain('Loading your email settings');
    await expect(el).to.be.accessible();
  });

  it('says so when the settings cannot be loaded, and recovers with Retry', async () => {
    let failures = 1;
    const flaky: typeof fetch = (input, init) =>
      isPrefs(input instanceof Request ? input.url : String(input)) && failures-- > 0 ? Promise.reject(new TypeError('Failed to fetch')) : fetch(input, init);
    const { el } = await menteeDashboard({ fetch: flaky });
    await prefsSettled(el);
    const error = $(el, '[part~="notification-preferences-error"]')!;
    expect(error.getAttribute('role')).to.equal('alert');
    expect(text(error)).to.contain('Your email settings could not be loaded.');
    expectTargets(el);
    await expect(el).to.be.accessible();
    buttonIn(error, 'Retry').click();
    await until(el, () => el.notificationPreferences.status === 'ready', 'Retry did not load the settings');
    expect(switches(el).length).to.equal(MENTEE_KINDS.length);
  });

  it('shows each kind only to the roles it can reach', () => {
    const me = (roles: Me['roles']) => ({ roles }) as Me;
    const shown = (roles: Me['roles']) => mailKinds.filter((k) => mailKindApplies(k, me(roles)));
    expect(shown(['alumnus'])).to.deep.equal(MENTEE_KINDS);
    expect(shown(['alumnus', 'mentor'])).to.deep.equal([...mailKinds]);
    expect(shown(['alumnus', 'admin']), 'administrators decide applications').to.deep.equal(['request_answered', 'meeting_updates', 'message_digest', 'programme_updates']);
    expect(shown(['alumnus', 'mentor', 'admin'])).to.deep.equal([...mailKinds]);
  });

  it('explains that no email can be sent when the account has no address', async () => {
    const { token } = await freshToken('No Address');
    const { el } = await menteeDashboard({ token });
    await prefsSettled(el);
    expect(el.notificationPreferences.status).to.equal('empty');
    expect(text($(el, '[part~="notification-preferences-empty"]'))).to.contain('Your account has no email address');
    expect(switches(el).length).to.equal(0);
    await expect(el).to.be.accessible();
  });

  it('is part of the mentor dashboard too', async () => {
    const token = await devToken('mentor');
    const provider = await fixture(html`<mentorship-provider api="/" .token=${token}><mentor-dashboard></mentor-dashboard></mentorship-provider>`);
    const el = provider.querySelector<MentorDashboard>('mentor-dashboard')!;
    await until(el, () => el.dashboard.mode === 'mentor', 'the mentor dashboard did not load');
    await openSettings(el);
    await prefsSettled(el);
    expect(el.notificationPreferences.status).to.equal('ready');
    expect(switches(el).length).to.equal(mailKinds.length);
    await expect(el).to.be.accessible();
  });
});
