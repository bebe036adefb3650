/**
 * The mentee dashboard over the real realtime socket: what mentors do through the API shows
 * without a reload. Every test makes its own people, so it owns their requests and sockets.
 */
import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import '../../define/mentee-dashboard.js';
import type { MentorshipWorkspace } from '../mentorship-workspace/mentorship-workspace.component.js';
import type { MenteeDashboard } from './mentee-dashboard.component.js';
import { freshMentor, freshPerson, liveOpen, request, type Person } from '../shared/live.test-support.js';

const $ = <E extends Element = HTMLElement>(el: Element, selector: string) => el.shadowRoot!.querySelector<E>(selector);
const text = (node: Element | null | undefined) => (node?.textContent ?? '').replace(/\s+/g, ' ').trim();
const announced = (el: Element) => text($(el, '[part~="announcer"]'));
const until = (ready: () => unknown, what: string) => waitUntil(ready, what, { timeout: 8000 });

async function dashboardOf(mentee: Person): Promise<MenteeDashboard> {
  const provider = await fixture(html`<mentorship-provider api="/" .token=${mentee.token}><mentee-dashboard></mentee-dashboard></mentorship-provider>`);
  const el = provider.querySelector('mentee-dashboard')!;
  await el.updateComplete;
  await until(() => el.dashboard.status === 'ready', 'the dashboard did not load');
  await liveOpen(el);
  return el;
}

describe('<mentee-dashboard> live', () => {
  it('shows a request accepted, then one declined, as they happen; announces them and keeps focus in the list', async () => {
    const [ana, ben, mentee] = await Promise.all([freshMentor('Ana Live'), freshMentor('Ben Live'), freshPerson('Maria Live')]);
    const toAna = await request(mentee, ana);
    const toBen = await request(mentee, ben);
    const el = await dashboardOf(mentee);
    expect(el.dashboard.pending.map((r) => r.id).sort()).to.deep.equal([toAna.id, toBen.id].sort());

    // The viewer is about to withdraw the request Ana answers.
    $<HTMLElement>(el, `[data-request-id="${toAna.id}"] [part~="withdraw-button"]`)!.focus();
    await ana.client.requests.accept(toAna.id);
    await until(() => el.dashboard.pending.length === 1 && el.dashboard.mentorships.length === 1, 'the acceptance did not show');
    await el.liveSettled();
    await el.updateComplete;
    expect($(el, `[data-request-id="${toAna.id}"]`)).to.equal(null);
    expect(text($(el, `[data-mentorship-id]`))).to.contain(ana.name);
    await until(() => announced(el).includes(`${ana.name} accepted your request`), 'the acceptance was not announced');
    // Focus went with the card: it is on the card now in its place, not lost to the page.
    expect(el.shadowRoot!.activeElement?.getAttribute('data-request-id')).to.equal(toBen.id);
    await expect(el).to.be.accessible();

    await ben.client.requests.decline(toBen.id, { reason: 'not_enough_time' });
    await until(() => el.dashboard.pending.length === 0 && el.dashboard.history.some((r) => r.id === toBen.id && r.status === 'declined'), 'the decline did not show');
    await until(() => announced(el).includes(`${ben.name} declined your request`), 'the decline was not announced');
    await el.updateComplete;
    expect(text($(el, '[part~="history"] summary'))).to.contain('Earlier requests (1)');
    await expect(el).to.be.accessible();
  });

  it('shows unread messages on the mentor’s card, live, and clears them when read', async () => {
    const [ana, mentee] = await Promise.all([freshMentor('Ana Unread'), freshPerson('Maria Unread')]);
    const { mentorship } = await ana.client.requests.accept((await request(mentee, ana)).id);
    const conversationId = mentorship.conversationId!;
    const el = await dashboardOf(mentee);
    const badge = () => $(el, `[data-mentorship-id="${mentorship.id}"] [part~="unread-badge"]`);
    expect(badge()).to.equal(null);

    await ana.client.conversations.send(conversationId, { body: 'Welcome!', clientId: crypto.randomUUID() });
    const last = await ana.client.conversations.send(conversationId, { body: 'When can we meet?', clientId: crypto.randomUUID() });
    await until(() => text(badge()) === '2 unread messages', `the badge did not count 2; it says "${text(badge())}"`);
    await expect(el).to.be.accessible();

    // Read elsewhere (another tab, the workspace): the badge goes.
    await mentee.client.conversations.markRead(conversationId, last.seq);
    await until(() => badge() === null, 'the badge stayed after reading');
  });

  it('an open workspace follows the meetings, milestones and notes the mentor adds', async () => {
    const [ana, mentee] = await Promise.all([freshMentor('Ana Plan'), freshPerson('Maria Plan')]);
    const { mentorship } = await ana.client.requests.accept((await request(mentee, ana)).id);
    const el = await dashboardOf(mentee);
    $(el, `[data-open-for="${mentorship.id}"]`)!.click();
    // The dashboard fetches the workspace's code on first open.
    await customElements.whenDefined('mentorship-workspace');
    await el.updateComplete;
    const workspace = $<MentorshipWorkspace>(el, 'mentorship-workspace')!;
    await until(() => workspace.workspace.status === 'ready' && workspace.workspace.meetingsStatus === 'ready' && workspace.workspace.progressStatus === 'ready', 'the workspace did not load');
    await liveOpen(workspace);

    const startsAt = new Date(Date.now() + 3 * 86_400_000).toISOString();
    await ana.client.meetings.schedule(mentorship.id, { title: 'First live call', startsAt, durationMinutes: 30 });
    await until(() => workspace.workspace.meetings.some((m) => m.title === 'First live call'), 'the meeting did not show');
    await until(() => announced(workspace).includes('scheduled a meeting: “First live call”'), 'the meeting was not announced');

    const milestone = await ana.client.mentorships.addMilestone(mentorship.id, { title: 'Draft a learning plan' });
    await until(() => workspace.workspace.milestones.some((m) => m.id === milestone.id), 'the milestone did not show');
    await ana.client.milestones.update(milestone.id, { status: 'in_progress' });
    await until(() => workspace.workspace.milestones.find((m) => m.id === milestone.id)?.status === 'in_progress', 'the milestone change did not show');

    await ana.client.progressNotes.create(mentorship.id, { body: 'Good first week.' });
    await until(() => announced(workspace).includes('added a progress note'), 'the note was not announced');
    await workspace.liveSettled();
    await workspace.updateComplete;
    expect(text(workspace.shadowRoot!.querySelector('[part~="notes-section"]'))).to.contain('Good first week.');
    await expect(el).to.be.accessible();
  });
});
