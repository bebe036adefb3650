/**
 * One realtime socket per provider, whatever it holds: the server caps sockets per user (5), so
 * elements under `<mentorship-provider>` share the provider's stream. Counted on the real socket
 * by wrapping the page's `WebSocket`.
 */
import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import '../../define/mentee-dashboard.js';
import '../../define/mentor-search.js';
import '../../define/message-thread.js';
import '../../define/notification-list.js';
import type { MenteeDashboard } from '../mentee-dashboard/mentee-dashboard.component.js';
import type { MessageThread } from '../message-thread/message-thread.component.js';
import type { NotificationList } from '../notification-list/notification-list.component.js';
import type { MentorshipProvider } from './mentorship-provider.component.js';
import { countSockets, freshMentor, freshPerson, liveOpen, request, type SocketCount } from '../shared/live.test-support.js';

const $ = <E extends Element = HTMLElement>(el: Element, selector: string) => el.shadowRoot!.querySelector<E>(selector);

type LiveElement = HTMLElement & { liveStatus: string; updateComplete: Promise<unknown> };

/** Waits for the dashboard, opens the mentorship's workspace under its card (its code loads on first open) and answers it. */
async function openWorkspace(dashboard: MenteeDashboard, mentorshipId: string): Promise<LiveElement> {
  await waitUntil(() => dashboard.dashboard.status === 'ready', 'the dashboard did not load', { timeout: 8000 });
  const open = () => $(dashboard, `[data-open-for="${mentorshipId}"]`);
  await waitUntil(open, 'the mentorship has no Open button', { timeout: 8000 });
  open()!.click();
  await customElements.whenDefined('mentorship-workspace');
  await dashboard.updateComplete;
  return $<LiveElement>(dashboard, 'mentorship-workspace')!;
}

describe('<mentorship-provider>: one live socket for everything inside', () => {
  let sockets: SocketCount;
  beforeEach(() => {
    sockets = countSockets();
  });
  afterEach(() => {
    sockets.restore();
    // An opened workspace is in the hash (mentorship=…): the next test's dashboards start from their lists.
    history.replaceState(null, '', location.pathname + location.search);
  });

  it('dashboards, workspace, thread, notifications and search share one socket, and each gets its events', async () => {
    const mentor = await freshMentor('Ana Mentor');
    const mentee = await freshPerson('Maria Mentee');
    const { mentorship } = await mentor.client.requests.accept((await request(mentee, mentor)).id);
    const provider = await fixture<MentorshipProvider>(html`
      <mentorship-provider api="/" .token=${mentee.token}>
        <notification-list></notification-list>
        <mentee-dashboard></mentee-dashboard>
        <message-thread conversation-id=${mentorship.conversationId!}></message-thread>
        <mentor-search query="Leadership"></mentor-search>
      </mentorship-provider>
    `);
    const dashboard = provider.querySelector<MenteeDashboard>('mentee-dashboard')!;
    const thread = provider.querySelector<MessageThread>('message-thread')!;
    const bell = provider.querySelector<NotificationList>('notification-list')!;
    // The workspace (with a thread of its own inside) opens under the mentorship's card.
    const workspace = await openWorkspace(dashboard, mentorship.id);
    await liveOpen(dashboard);
    await liveOpen(thread);
    await liveOpen(bell);
    await liveOpen(workspace);
    expect(sockets.opened).to.equal(1);
    expect(sockets.open).to.equal(1);

    // Events of every kind reach every element through it.
    await mentor.client.conversations.send(mentorship.conversationId!, { body: 'Hello through one socket', clientId: crypto.randomUUID() });
    await waitUntil(() => thread.thread.messages.some((m) => m.body === 'Hello through one socket'), 'the thread did not get the message', { timeout: 8000 });
    const unreadBefore = bell.list.unreadCount;
    await mentor.client.mentorships.pause(mentorship.id);
    await waitUntil(() => bell.list.unreadCount === unreadBefore + 1, 'the notification did not arrive', { timeout: 8000 });
    await waitUntil(() => dashboard.dashboard.mentorships[0]?.status === 'paused', 'the dashboard did not show the pause', { timeout: 8000 });
    expect(sockets.opened).to.equal(1);
    provider.remove();
  });

  it('a new viewer gets a new socket and the old one closes; a standalone element keeps its own', async () => {
    const first = await freshPerson('First Viewer');
    const second = await freshPerson('Second Viewer');
    const wrapper = await fixture(html`<div>
      <mentorship-provider api="/" .token=${first.token}><notification-list></notification-list><mentee-dashboard></mentee-dashboard></mentorship-provider>
      <notification-list id="alone" api="/" .token=${first.token}></notification-list>
    </div>`);
    const provider = wrapper.querySelector<MentorshipProvider>('mentorship-provider')!;
    const inside = provider.querySelector<NotificationList>('notification-list')!;
    const alone = wrapper.querySelector<NotificationList>('#alone')!;
    await liveOpen(inside);
    await liveOpen(alone);
    await liveOpen(provider.querySelector<MenteeDashboard>('mentee-dashboard')!);
    expect(sockets.opened).to.equal(2);

    provider.token = second.token;
    await provider.updateComplete;
    await waitUntil(() => sockets.opened === 3 && sockets.open === 2, `expected the provider's socket replaced; opened ${sockets.opened}, open ${sockets.open}`, { timeout: 8000 });
    await liveOpen(inside);
    await expect(inside).to.be.accessible();
    wrapper.remove();
    await waitUntil(() => sockets.open === 0, 'sockets stayed open after the elements left', { timeout: 8000 });
  });

  it('a standalone dashboard shares its socket with the workspace and the thread it opens', async () => {
    const mentor = await freshMentor('Ines Mentor');
    const mentee = await freshPerson('Oto Mentee');
    const { mentorship } = await mentor.client.requests.accept((await request(mentee, mentor)).id);
    const dashboard = await fixture<MenteeDashboard>(html`<mentee-dashboard api="/" .token=${mentee.token}></mentee-dashboard>`);
    const workspace = await openWorkspace(dashboard, mentorship.id);
    await liveOpen(dashboard);
    await liveOpen(workspace);
    const threadIn = () => workspace.shadowRoot?.querySelector<MessageThread>('message-thread');
    await waitUntil(threadIn, 'the workspace showed no thread', { timeout: 8000 });
    const thread = threadIn()!;
    await liveOpen(thread);
    expect(sockets.opened).to.equal(1);

    await mentor.client.conversations.send(mentorship.conversationId!, { body: 'One socket, standalone', clientId: crypto.randomUUID() });
    await waitUntil(() => thread.thread.messages.some((m) => m.body === 'One socket, standalone'), 'the thread did not get the message', { timeout: 8000 });
    expect(sockets.opened).to.equal(1);
    dashboard.remove();
    await waitUntil(() => sockets.open === 0, 'the socket stayed open after the dashboard left', { timeout: 8000 });
  });
});
