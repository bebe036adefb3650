/**
 * The mentor dashboard over the real realtime socket: what mentees do through the API shows
 * without a reload. Every test makes its own people, so it owns their requests and sockets.
 */
import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import '../../define/mentor-dashboard.js';
import type { MentorDashboard } from './mentor-dashboard.component.js';
import { freshMentor, freshPerson, liveOpen, request, type Person } from '../shared/live.test-support.js';

const $ = <E extends Element = HTMLElement>(el: Element, selector: string) => el.shadowRoot!.querySelector<E>(selector);
const text = (node: Element | null | undefined) => (node?.textContent ?? '').replace(/\s+/g, ' ').trim();
const announced = (el: Element) => text($(el, '[part~="announcer"]'));
const until = (ready: () => unknown, what: string) => waitUntil(ready, what, { timeout: 8000 });

async function dashboardOf(mentor: Person): Promise<MentorDashboard> {
  const provider = await fixture(html`<mentorship-provider api="/" .token=${mentor.token}><mentor-dashboard></mentor-dashboard></mentorship-provider>`);
  const el = provider.querySelector('mentor-dashboard')!;
  await el.updateComplete;
  await until(() => el.dashboard.mode === 'mentor', 'the dashboard did not load');
  await liveOpen(el);
  return el;
}

describe('<mentor-dashboard> live', () => {
  it('a new request arrives, is withdrawn, and another is accepted in another tab — all without a reload', async () => {
    const [ana, maria] = await Promise.all([freshMentor('Ana Waiting'), freshPerson('Maria Asks')]);
    const el = await dashboardOf(ana);
    const w = () => el.dashboard.workload!;
    expect(w().waiting).to.have.length(0);
    const notificationsBefore = w().unreadNotifications;

    const first = await request(maria, ana);
    await until(() => w().waiting.some((r) => r.id === first.id), 'the new request did not show');
    await until(() => announced(el).includes(`New mentorship request from ${maria.name}`), 'the new request was not announced');
    await until(() => w().unreadNotifications === notificationsBefore + 1, 'the notification count did not rise');
    await el.updateComplete;
    expect(text($(el, '#waiting-title'))).to.equal('Waiting requests (1)');
    await expect(el).to.be.accessible();

    // The mentor is about to accept when the mentee withdraws: focus stays in the section.
    $<HTMLElement>(el, `[data-request-id="${first.id}"] [part~="accept-button"]`)!.focus();
    await maria.client.requests.withdraw(first.id);
    await until(() => w().waiting.length === 0, 'the withdrawal did not show');
    await until(() => announced(el).includes(`${maria.name} withdrew their request`), 'the withdrawal was not announced');
    await el.liveSettled();
    expect(el.shadowRoot!.activeElement?.id).to.equal('waiting-title');
    await expect(el).to.be.accessible();

    // Accepted elsewhere (another tab): the request leaves, the mentee arrives, the slot is taken.
    const second = await request(maria, ana);
    await until(() => w().waiting.some((r) => r.id === second.id), 'the second request did not show');
    await ana.client.requests.accept(second.id);
    await until(() => w().waiting.length === 0 && w().mentees.length === 1 && w().settings.openMentorships === 1, 'the acceptance did not show');
    await el.updateComplete;
    expect(text($(el, '[data-mentorship-id]'))).to.contain(maria.name);
    await expect(el).to.be.accessible();
  });

  it('shows the mentee’s messages, meetings and lifecycle changes, live', async () => {
    const [ana, maria] = await Promise.all([freshMentor('Ana Cards'), freshPerson('Maria Cards')]);
    const { mentorship } = await ana.client.requests.accept((await request(maria, ana)).id);
    const el = await dashboardOf(ana);
    const card = () => $(el, `[data-mentorship-id="${mentorship.id}"]`);
    const badge = () => card()?.querySelector('[part~="unread-badge"]') ?? null;
    expect(badge()).to.equal(null);

    await maria.client.conversations.send(mentorship.conversationId!, { body: 'Hi Ana!', clientId: crypto.randomUUID() });
    await until(() => text(badge()) === '1 unread message', `the badge did not show 1; it says "${text(badge())}"`);
    await expect(el).to.be.accessible();

    // A meeting the mentee schedules counts at once among the upcoming ones.
    const stat = (label: string) => text([...el.shadowRoot!.querySelectorAll('[part="stat"]')].find((s) => text(s.querySelector('.stat-label')) === label)?.querySelector('.stat-value'));
    expect(stat('Upcoming meetings')).to.equal('0');
    await maria.client.meetings.schedule(mentorship.id, { title: 'Kick-off', startsAt: new Date(Date.now() + 2 * 86_400_000).toISOString(), durationMinutes: 30 });
    await until(() => stat('Upcoming meetings') === '1', 'the meeting was not counted');

    await maria.client.mentorships.pause(mentorship.id);
    await until(() => el.dashboard.workload!.mentees[0]?.status === 'paused', 'the pause did not show');
    await el.updateComplete;
    expect(text(card()?.querySelector('[part~="status-badge"]'))).to.equal('Paused');
    await expect(el).to.be.accessible();
  });
});
