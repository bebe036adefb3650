import type { Notification } from '@mentorkit/contract';
import { createClient } from '@mentorkit/sdk';
import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import '../../define/notification-list.js';
import { freshToken } from '../../test-support/api-fixture.js';
import { $, $$, button, failingFetch, FakeRealtime, freshPair, hangingFetch, heldPage, text, until } from '../message-thread/message-thread.test-support.js';
import type { NotificationList } from './notification-list.component.js';
import { notificationText } from './notification-text.js';

async function renderList(options: { token: string; fetch?: typeof fetch; realtime?: FakeRealtime }): Promise<NotificationList> {
  const wrapper = await fixture(html`
    <div style="width: 480px; min-height: 520px; display: flex; justify-content: flex-end">
      <mentorship-provider api="/" .token=${options.token} .fetch=${options.fetch}>
        <notification-list .realtimeSource=${options.realtime ?? new FakeRealtime()}></notification-list>
      </mentorship-provider>
    </div>
  `);
  const el = wrapper.querySelector('notification-list')!;
  await el.updateComplete;
  return el;
}

const settled = (el: NotificationList) => until(el, () => el.list.status === 'ready' || el.list.status === 'error', 'the list did not load');
const bell = (el: NotificationList) => $<HTMLButtonElement>(el, '[part~="bell-button"]')!;
const items = (el: NotificationList) => $$(el, '[part~="notification"] .item-text').map((p) => text(p));

const ids = [crypto.randomUUID(), crypto.randomUUID(), crypto.randomUUID()] as const;
const at = new Date().toISOString();
/** A `meeting.scheduled` notification's data, by Ana. */
const meetingData = (title: string) => ({ mentorshipId: ids[0], meetingId: ids[1], title, startsAt: at, byId: ids[2], byName: 'Ana' });

describe('notificationText', () => {
  it('words each kind from its data', () => {
    expect(notificationText({ kind: 'request.accepted', data: { requestId: ids[0], mentorshipId: ids[1], mentorId: ids[2], mentorName: 'Ana Villanueva' } }))
      .to.equal('Ana Villanueva accepted your request');
    expect(notificationText({ kind: 'request.received', data: { requestId: ids[0], menteeId: ids[1], menteeName: 'Maria Santos' } }))
      .to.equal('Maria Santos sent you a mentorship request');
    expect(notificationText({ kind: 'meeting.updated', data: { ...meetingData('Kick-off'), previousStartsAt: at, rescheduled: true } })).to.equal('Ana rescheduled “Kick-off”');
    expect(notificationText({ kind: 'request.expired', data: { requestId: ids[0], mentorId: ids[1], mentorName: ' ' } })).to.equal('Your request to Your mentor expired without an answer');
    expect(notificationText({ kind: 'request.expired', data: { requestId: ids[0], menteeId: ids[1], menteeName: 'Maria Santos' } })).to.equal('The request from Maria Santos expired');
    expect(notificationText({ kind: 'nope', data: {} } as never)).to.equal('Something changed in your mentoring');
  });
});

describe('<notification-list>', () => {
  it('shows the unread count in words, lists worded notifications, marks one and then all read', async () => {
    const { mentor, mentee } = await freshPair();
    const el = await renderList({ token: mentor.token });
    await settled(el);
    // The mentor was approved and received the mentee's request.
    expect(text($(el, '[part~="unread-badge"]'))).to.equal('2 unread');
    expect(text(bell(el))).to.equal('Notifications2 unread');
    expect(bell(el).getAttribute('aria-expanded')).to.equal('false');
    expect($(el, '[part~="panel"]')!.hidden).to.equal(true);
    await expect(el).to.be.accessible();

    bell(el).click();
    await until(el, () => el.open && el.list.status === 'ready', 'the panel did not open');
    expect(bell(el).getAttribute('aria-expanded')).to.equal('true');
    expect(items(el)).to.deep.equal([`New${mentee.name} sent you a mentorship request`, 'NewYour mentor application was approved']);
    await expect(el).to.be.accessible();

    button(el.shadowRoot!, new RegExp(`^Mark as read: ${mentee.name}`)).click();
    await until(el, () => el.list.unreadCount === 1 && !!el.list.items[0]!.readAt, 'not marked read');
    expect(text($(el, '[part~="unread-badge"]'))).to.equal('1 unread');
    // The list shows the change at once; the server's answer follows.
    const unreadOnServer = () => mentor.client.notifications.list({ unread: true });
    await waitUntil(async () => (await unreadOnServer()).unreadCount === 1, 'the server did not mark it read', { timeout: 5000 });
    expect((await unreadOnServer()).items.map((n) => n.kind)).to.deep.equal(['application.approved']);

    button(el.shadowRoot!, 'Mark all as read').click();
    await until(el, () => el.list.unreadCount === 0, 'not all marked read');
    expect($(el, '[part~="unread-badge"]')).to.not.exist;
    await waitUntil(async () => (await unreadOnServer()).unreadCount === 0, 'the server did not mark all read', { timeout: 5000 });
    expect($$(el, '[part~="notification-unread"]')).to.have.length(0);
    await expect(el).to.be.accessible();
  });

  it('Escape closes the panel and returns focus to the bell', async () => {
    const { mentee } = await freshPair();
    const el = await renderList({ token: mentee.token });
    await settled(el);
    bell(el).focus();
    await sendKeys({ press: 'Enter' });
    await until(el, () => el.open, 'did not open');
    expect(items(el)[0]).to.match(/^NewAna Mentor\w+ accepted your request$/);
    await sendKeys({ press: 'Escape' });
    await el.updateComplete;
    expect(el.open).to.equal(false);
    expect(el.shadowRoot!.activeElement).to.equal(bell(el));
  });

  it('adds live notifications on top, counts them and announces them', async () => {
    const { mentee } = await freshPair();
    const live = new FakeRealtime();
    const el = await renderList({ token: mentee.token, realtime: live });
    await settled(el);
    expect(el.list.unreadCount).to.equal(1);
    const n: Notification = { id: crypto.randomUUID(), kind: 'meeting.scheduled', data: meetingData('Kick-off'), readAt: null, createdAt: new Date().toISOString() };
    live.emit('notification.created', n);
    live.emit('notification.created', n);
    await el.updateComplete;
    expect(text($(el, '[part~="unread-badge"]'))).to.equal('2 unread');
    await until(el, () => text($(el, '[part~="announcer"]')) === 'New notification: Ana scheduled “Kick-off”', 'no announcement');
    el.open = true;
    await el.updateComplete;
    expect(items(el)[0]).to.equal('NewAna scheduled “Kick-off”');
    expect(items(el)).to.have.length(2);
  });

  it('keeps a notification that arrives while a page read before it is on its way, counted and announced once', async () => {
    const { mentee } = await freshPair();
    const live = new FakeRealtime();
    const page = heldPage('/notifications');
    const el = await renderList({ token: mentee.token, realtime: live, fetch: page.fetch });
    await page.read;
    expect(el.list.status).to.equal('loading');
    const n: Notification = { id: crypto.randomUUID(), kind: 'meeting.scheduled', data: meetingData('Check-in'), readAt: null, createdAt: new Date().toISOString() };
    live.emit('notification.created', n);
    page.release();
    await settled(el);
    await el.updateComplete;
    expect(el.list.items[0]!.id).to.equal(n.id);
    expect(el.list.unreadCount, 'the page’s one unread, and the new one').to.equal(2);
    await until(el, () => text($(el, '[part~="announcer"]')) === 'New notification: Ana scheduled “Check-in”', 'no announcement');

    // One arriving during a quiet reload shows at once, and stays after it, announced once.
    const announced: string[] = [];
    el.list.onArrived = (x) => announced.push(x.id);
    const m: Notification = { ...n, id: crypto.randomUUID(), kind: 'meeting.scheduled', data: meetingData('Wrap-up') };
    const reloading = el.list.load({ quiet: true });
    live.emit('notification.created', m);
    expect(el.list.items[0]!.id, 'shown at once').to.equal(m.id);
    await reloading;
    expect(el.list.items.filter((x) => x.id === m.id)).to.have.length(1);
    expect(announced).to.deep.equal([m.id]);
  });

  it('shows a friendly empty state, accessible', async () => {
    const { token } = await freshToken('Nadia Newcomer');
    const el = await renderList({ token });
    await settled(el);
    expect($(el, '[part~="unread-badge"]')).to.not.exist;
    el.open = true;
    await el.updateComplete;
    expect(text($(el, '[part~="empty"]'))).to.contain("You're all caught up");
    await expect(el).to.be.accessible();
  });

  it('shows loading and error states with Retry, accessible', async () => {
    const { token } = await freshToken('Omar Offline');
    const loading = await renderList({ token, fetch: hangingFetch });
    loading.open = true;
    await loading.updateComplete;
    expect(loading.list.status).to.equal('loading');
    expect($(loading, '[aria-busy="true"] .skeleton')).to.exist;
    await expect(loading).to.be.accessible();

    const broken = failingFetch((url) => url.includes('/notifications'), { times: 1 });
    const el = await renderList({ token, fetch: broken.fetch });
    await settled(el);
    el.open = true;
    await el.updateComplete;
    expect(text($(el, '[role="alert"]'))).to.contain('Notifications could not be loaded.');
    await expect(el).to.be.accessible();
    button(el.shadowRoot!, 'Retry').click();
    await until(el, () => el.list.status === 'ready', 'did not recover');
    expect($(el, '[part~="empty"]')).to.exist;
  });

  it('rolls back and says so when marking read is refused', async () => {
    const { mentee } = await freshPair();
    const refusing = failingFetch((url, method) => method === 'POST' && url.endsWith('/notifications/read'));
    const el = await renderList({ token: mentee.token, fetch: refusing.fetch });
    await settled(el);
    el.open = true;
    await el.updateComplete;
    button(el.shadowRoot!, 'Mark all as read').click();
    await until(el, () => el.list.actionError !== '', 'no error');
    expect(el.list.unreadCount).to.equal(1);
    expect(text($(el, '[part~="unread-badge"]'))).to.equal('1 unread');
    expect(text($(el, '[role="alert"]'))).to.contain('could not be marked as read');
    await expect(el).to.be.accessible();
    // Still usable by the server's own client afterwards.
    expect((await createClient({ baseUrl: '/', token: mentee.token }).notifications.list()).unreadCount).to.equal(1);
  });

  it('titles its panel at heading-level (h2 by default)', async () => {
    const { mentor } = await freshPair();
    const el = await renderList({ token: mentor.token });
    bell(el).click();
    await settled(el);
    expect($(el, '#notification-title')!.localName).to.equal('h2');
    el.setAttribute('heading-level', '3');
    await el.updateComplete;
    expect($(el, '#notification-title')!.localName).to.equal('h3');
    await expect(el).to.be.accessible();
  });
});
