import { expect, fixture, html, oneEvent } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import type { MentorshipWorkspace } from './mentorship-workspace.component.js';
import {
  $,
  $$,
  button,
  dialogClosed,
  dialogOpen,
  failingFetch,
  freshMentorship,
  loaded,
  openDialog,
  openTab,
  renderWorkspace,
  text,
  toast,
  until,
} from './workspace.test-support.js';

const visiblePanels = (el: MentorshipWorkspace) => $$(el, '[role="tabpanel"]').filter((p) => getComputedStyle(p).display !== 'none').map((p) => p.id);
const focused = (el: MentorshipWorkspace) => el.shadowRoot!.activeElement as HTMLElement | null;

describe('<mentorship-workspace>: tabs, overview and feedback', () => {
  it('is tabs by keyboard: arrows, Home and End move and select; Tab leaves the strip', async () => {
    const { mentor, mentorship } = await freshMentorship();
    const el = await renderWorkspace({ token: mentor.token, mentorshipId: mentorship.id });
    await loaded(el);
    const tabs = $$(el, '[role="tab"]');
    expect(tabs.map((t) => text(t))).to.deep.equal(['Overview', 'Meetings', 'Plan', 'Messages', 'Notes']);
    expect(tabs.map((t) => t.tabIndex)).to.deep.equal([0, -1, -1, -1, -1]);
    expect(visiblePanels(el)).to.deep.equal(['panel-overview']);
    expect($(el, '#panel-overview')!.getAttribute('aria-labelledby')).to.equal('tab-overview');

    const changes: string[] = [];
    el.addEventListener('mentorship-tab-change', (e) => changes.push(e.detail.tab));
    tabs[0]!.focus();
    await sendKeys({ press: 'ArrowRight' });
    await el.updateComplete;
    expect(focused(el)?.id).to.equal('tab-meetings');
    expect(el.tab).to.equal('meetings');
    expect(el.getAttribute('tab')).to.equal('meetings');
    expect(visiblePanels(el)).to.deep.equal(['panel-meetings']);
    await sendKeys({ press: 'End' });
    await el.updateComplete;
    expect(focused(el)?.id).to.equal('tab-notes');
    await sendKeys({ press: 'ArrowRight' });
    await el.updateComplete;
    expect(focused(el)?.id).to.equal('tab-overview');
    await sendKeys({ press: 'ArrowLeft' });
    await el.updateComplete;
    expect(focused(el)?.id).to.equal('tab-notes');
    await sendKeys({ press: 'Home' });
    await el.updateComplete;
    expect(focused(el)?.id).to.equal('tab-overview');
    expect($$(el, '[role="tab"]').map((t) => t.tabIndex)).to.deep.equal([0, -1, -1, -1, -1]);
    // Tab leaves the tablist for the panel (not the next tab).
    await sendKeys({ press: 'Tab' });
    expect(focused(el)?.getAttribute('role')).to.not.equal('tab');
    expect(changes).to.deep.equal(['meetings', 'notes', 'overview', 'notes', 'overview']);
    await expect(el).to.be.accessible();
  });

  it('selects the panel from the tab property and attribute without firing mentorship-tab-change; a click fires it', async () => {
    const { mentor, mentorship } = await freshMentorship();
    const wrapper = await fixture(html`<div style="width: 700px">
      <mentorship-provider api="/" .token=${mentor.token}><mentorship-workspace mentorship-id=${mentorship.id} tab="plan"></mentorship-workspace></mentorship-provider>
    </div>`);
    const el = wrapper.querySelector('mentorship-workspace')!;
    await loaded(el);
    let fired = 0;
    el.addEventListener('mentorship-tab-change', () => fired++);
    expect(visiblePanels(el)).to.deep.equal(['panel-plan']);
    expect($(el, '#tab-plan')!.getAttribute('aria-selected')).to.equal('true');
    el.tab = 'notes';
    await el.updateComplete;
    expect(visiblePanels(el)).to.deep.equal(['panel-notes']);
    el.setAttribute('tab', 'messages');
    await el.updateComplete;
    expect(visiblePanels(el)).to.deep.equal(['panel-messages']);
    // The deprecated `section` still selects.
    el.setAttribute('section', 'meetings');
    await el.updateComplete;
    expect(visiblePanels(el)).to.deep.equal(['panel-meetings']);
    // Nonsense falls back to the overview.
    el.setAttribute('tab', 'settings');
    await el.updateComplete;
    expect(visiblePanels(el)).to.deep.equal(['panel-overview']);
    expect(fired).to.equal(0);

    setTimeout(() => $(el, '#tab-plan')!.click());
    const event = await oneEvent(el, 'mentorship-tab-change');
    expect(event.detail).to.deep.equal({ mentorshipId: mentorship.id, tab: 'plan' });
    expect(event.bubbles && event.composed).to.equal(true);
  });

  it('has one header with an Actions menu operable by keyboard', async () => {
    const { mentor, mentorship } = await freshMentorship();
    const el = await renderWorkspace({ token: mentor.token, mentorshipId: mentorship.id });
    await loaded(el);
    const actions = $<HTMLButtonElement>(el, '#actions-button')!;
    expect(actions.getAttribute('aria-haspopup')).to.equal('menu');
    expect(getComputedStyle($(el, '#actions-menu')!).display).to.equal('none');
    actions.focus();
    await sendKeys({ press: 'Enter' });
    await el.updateComplete;
    expect(actions.getAttribute('aria-expanded')).to.equal('true');
    expect(text(focused(el))).to.equal('Pause…');
    await expect(el).to.be.accessible();
    await sendKeys({ press: 'ArrowDown' });
    expect(text(focused(el))).to.equal('Complete…');
    await sendKeys({ press: 'End' });
    expect(text(focused(el))).to.equal('Cancel mentorship…');
    await sendKeys({ press: 'ArrowDown' });
    expect(text(focused(el))).to.equal('Pause…');
    await sendKeys({ press: 'Escape' });
    await el.updateComplete;
    expect(actions.getAttribute('aria-expanded')).to.equal('false');
    expect(focused(el)).to.equal(actions);
    // Space opens too; Enter on an item opens its dialog, which gives focus back to Actions.
    await sendKeys({ press: 'Space' });
    await el.updateComplete;
    await sendKeys({ press: 'ArrowDown' });
    await sendKeys({ press: 'Enter' });
    const dialog = await dialogOpen(el);
    expect(text(dialog.querySelector('h2'))).to.equal('Mark this mentorship as completed?');
    await sendKeys({ press: 'Escape' });
    await dialogClosed(el);
    expect(focused(el)).to.equal(actions);
    // Exactly one person header; the name is the workspace's title (h2 by default).
    expect($$(el, '[part~="header"]')).to.have.length(1);
    expect($(el, '#workspace-person')!.tagName).to.equal('H2');
  });

  it('follows heading-level: the title, the cards below it, and the thread', async () => {
    const { mentor, mentorship } = await freshMentorship();
    await mentor.client.mentorships.addMilestone(mentorship.id, { title: 'Write a learning plan', dueDate: null });
    const wrapper = await fixture(html`<div style="width: 900px">
      <mentorship-provider api="/" .token=${mentor.token}><mentorship-workspace mentorship-id=${mentorship.id} heading-level="3"></mentorship-workspace></mentorship-provider>
    </div>`);
    const el = wrapper.querySelector('mentorship-workspace')!;
    await loaded(el);
    expect($(el, '#workspace-person')!.tagName).to.equal('H3');
    expect($(el, '#overview-meeting-title')!.tagName).to.equal('H4');
    expect($(el, '[part~="milestone"] .item-title')!.tagName).to.equal('H4');
    expect($(el, '#upcoming-title')!.tagName).to.equal('H4');
    expect($(el, 'message-thread')!.getAttribute('heading-level')).to.equal('4');
  });

  it('overview: empty states offer the action, then shows the next meeting, milestone, latest messages and note', async () => {
    const { mentor, mentee, mentorship } = await freshMentorship({ mentor: 'Asia/Manila', mentee: 'Europe/London' });
    const el = await renderWorkspace({ token: mentor.token, mentorshipId: mentorship.id, timeZone: 'Asia/Manila' });
    await loaded(el);
    const overview = $(el, '#panel-overview')!;
    expect(text(overview.querySelector('[data-overview="meeting"]'))).to.contain('No meetings yet.');
    expect(text(overview.querySelector('[data-overview="milestone"]'))).to.contain('No milestones yet.');
    expect(text(overview.querySelector('[data-overview="messages"]'))).to.contain('No messages yet.');
    expect(text(overview.querySelector('[data-overview="note"]'))).to.contain('No progress notes yet.');
    await expect(el).to.be.accessible();
    // "Schedule the first one" opens the schedule dialog; closing it gives focus back.
    const first = button(overview, 'Schedule the first one');
    first.focus();
    first.click();
    const dialog = await dialogOpen(el);
    expect(text(dialog.querySelector('h2'))).to.equal('Schedule a meeting');
    button(dialog, 'Not now').click();
    await dialogClosed(el);
    expect(focused(el)).to.equal(first);

    const year = new Date().getFullYear() + 1;
    await mentor.client.meetings.schedule(mentorship.id, { title: 'Kick-off', startsAt: `${year}-03-10T01:30:00Z`, durationMinutes: 45, videoUrl: 'https://meet.example.org/kick-off' });
    await mentor.client.mentorships.addMilestone(mentorship.id, { title: 'Read the style guide', dueDate: `${year}-04-30` });
    await mentor.client.progressNotes.create(mentorship.id, { body: 'We agreed on goals.' });
    for (const body of ['Hello!', 'Looking forward to it.', 'Me too.', 'See you Thursday.']) {
      await mentee.client.conversations.send(mentorship.conversationId!, { body, clientId: crypto.randomUUID() });
    }
    const again = await renderWorkspace({ token: mentor.token, mentorshipId: mentorship.id, timeZone: 'Asia/Manila' });
    await loaded(again);
    const o = $(again, '#panel-overview')!;
    const meeting = o.querySelector('[data-overview="meeting"]')!;
    expect(text(meeting)).to.contain('Kick-off');
    expect(text(meeting.querySelector('[data-when]'))).to.contain('your time');
    expect(text(meeting.querySelector('[data-when]'))).to.contain('in London');
    expect(meeting.querySelector<HTMLAnchorElement>('a[href]')!.href).to.equal('https://meet.example.org/kick-off');
    expect(() => button(meeting, 'Add to calendar: Kick-off')).to.not.throw();
    const milestone = o.querySelector('[data-overview="milestone"]')!;
    expect(text(milestone)).to.contain('Read the style guide');
    expect(text(milestone)).to.contain('Due');
    expect(text(milestone)).to.contain('0 of 1 milestones complete');
    const messages = o.querySelector('[data-overview="messages"]')!;
    // The last three, oldest first, with who wrote them.
    expect([...messages.querySelectorAll('.excerpt')].map((p) => text(p))).to.deep.equal(['Looking forward to it.', 'Me too.', 'See you Thursday.']);
    expect(text(messages)).to.contain(mentee.name.split(' ')[0]!);
    expect(text(o.querySelector('[data-overview="note"]'))).to.contain('We agreed on goals.');
    // The Messages tab shows the unread count, in words for screen readers.
    expect(text($(again, '#tab-messages'))).to.equal('Messages4, 4 unread');
    await expect(again).to.be.accessible();
    // "Go to messages" switches tab (and tells the host).
    setTimeout(() => button(messages, 'Go to messages').click());
    const change = await oneEvent(again, 'mentorship-tab-change');
    expect(change.detail.tab).to.equal('messages');
    await again.updateComplete;
    expect(visiblePanels(again)).to.deep.equal(['panel-messages']);
    expect(again.shadowRoot!.activeElement?.id).to.equal('tab-messages');
  });

  it('keeps what was typed when the server refuses, and says why inside the dialog', async () => {
    const { mentor, mentorship } = await freshMentorship();
    const refuse = failingFetch((url, method) => method === 'POST' && url.endsWith(`/mentorships/${mentorship.id}/milestones`), 409);
    const el = await renderWorkspace({ token: mentor.token, mentorshipId: mentorship.id, fetch: refuse });
    await loaded(el);
    const dialog = await openDialog(el, 'plan', 'Add a milestone');
    dialog.querySelector<HTMLInputElement>('#milestone-title')!.focus();
    await sendKeys({ type: 'Finish the course' });
    dialog.querySelector<HTMLTextAreaElement>('#milestone-description')!.focus();
    await sendKeys({ type: 'All eight modules.' });
    button(dialog, 'Add milestone').click();
    await until(el, () => dialog.querySelector('[role="alert"]'), 'no refusal in the dialog');
    expect(text(dialog.querySelector('[role="alert"]'))).to.contain('The milestone could not be added.');
    expect(text(dialog.querySelector('[role="alert"]'))).to.contain('Refused by the test');
    expect(dialog.open).to.equal(true);
    expect(dialog.querySelector<HTMLInputElement>('#milestone-title')!.value).to.equal('Finish the course');
    expect(dialog.querySelector<HTMLTextAreaElement>('#milestone-description')!.value).to.equal('All eight modules.');
    await expect(el).to.be.accessible();
    expect(el.workspace.milestones).to.have.length(0);
  });

  it('confirms a milestone status change with Undo, which puts the status back through the API', async () => {
    const { mentor, mentee, mentorship } = await freshMentorship();
    const milestone = await mentor.client.mentorships.addMilestone(mentorship.id, { title: 'Draft a CV', dueDate: null });
    const el = await renderWorkspace({ token: mentee.token, mentorshipId: mentorship.id });
    await loaded(el);
    await openTab(el, 'plan');
    setTimeout(() => button($(el, `[data-milestone-id="${milestone.id}"]`)!, 'Start: Draft a CV').click());
    await oneEvent(el, 'milestone-changed');
    const confirmation = await toast(el, '“Draft a CV” is now in progress.');
    expect(confirmation.closest('[role="status"]')).to.exist;
    await expect(el).to.be.accessible();
    setTimeout(() => button(confirmation, 'Undo').click());
    const undone = await oneEvent(el, 'milestone-changed');
    expect(undone.detail.milestone?.status).to.equal('not_started');
    await toast(el, 'Undone: “Draft a CV” is not started again.');
    expect(text($(el, `[data-milestone-id="${milestone.id}"] [part~="status-badge"]`))).to.equal('Not started');
    expect((await mentor.client.mentorships.progress(mentorship.id)).milestones[0]!.status).to.equal('not_started');
  });

  it('offers no percent on a note once the plan has milestones', async () => {
    const { mentor, mentorship } = await freshMentorship();
    await mentor.client.mentorships.addMilestone(mentorship.id, { title: 'Write a learning plan', dueDate: null });
    const el = await renderWorkspace({ token: mentor.token, mentorshipId: mentorship.id });
    await loaded(el);
    const dialog = await openDialog(el, 'notes', 'Add a note');
    expect(dialog.querySelector('#note-percent')).to.equal(null);
    expect(text(dialog.querySelector('#note-progress-hint'))).to.contain('Progress comes from the milestones');
    // Empty: refused beside the field, nothing sent.
    button(dialog, 'Add note').click();
    await el.updateComplete;
    expect(text(dialog.querySelector('#note-body-error'))).to.contain('Write a few words');
    expect(el.shadowRoot!.activeElement?.id).to.equal('note-body');
    await expect(el).to.be.accessible();
    await sendKeys({ type: 'Week one went well.' });
    button(dialog, 'Add note').click();
    await toast(el, 'Progress note added.');
    await dialogClosed(el);
    expect(text($(el, '#panel-notes [part~="note"]'))).to.contain('Week one went well.');
  });

  it('says a mentorship that is not the viewer’s was not found', async () => {
    const { mentorship } = await freshMentorship();
    const { mentee: stranger } = await freshMentorship();
    const el = await renderWorkspace({ token: stranger.token, mentorshipId: mentorship.id });
    await loaded(el);
    const notFound = $(el, '[part~="not-found"]')!;
    expect(notFound.getAttribute('role')).to.equal('alert');
    expect(text(notFound)).to.contain('This mentorship was not found.');
    expect(text(notFound)).to.contain('only its mentor and mentee can open it');
    expect($(el, '[role="tablist"]')).to.equal(null);
    await expect(el).to.be.accessible();
  });

  it('fits 390 px and 320 px without horizontal scrolling, on every tab and with the menu open', async () => {
    const { mentor, mentorship } = await freshMentorship({ mentor: 'Asia/Manila', mentee: 'America/Argentina/Buenos_Aires' });
    await mentor.client.meetings.schedule(mentorship.id, { title: 'A rather long meeting title that has to wrap on a phone', startsAt: `${new Date().getFullYear() + 1}-03-10T01:30:00Z`, durationMinutes: 45 });
    await mentor.client.mentorships.addMilestone(mentorship.id, { title: 'Write a learning plan', dueDate: null });
    for (const width of ['390px', '320px']) {
      const el = await renderWorkspace({ token: mentor.token, mentorshipId: mentorship.id, width, timeZone: 'Asia/Manila' });
      await loaded(el);
      for (const tab of ['overview', 'meetings', 'plan', 'messages', 'notes']) {
        await openTab(el, tab);
        expect(el.scrollWidth, `${tab} at ${width}`).to.be.at.most(el.clientWidth);
        // The tabs scroll inside their strip, never the element.
        expect($(el, '[role="tablist"]')!.getBoundingClientRect().width).to.be.at.most(el.clientWidth);
      }
      $(el, '#actions-button')!.click();
      await el.updateComplete;
      expect(el.scrollWidth, `menu at ${width}`).to.be.at.most(el.clientWidth);
      await expect(el).to.be.accessible();
    }
  });

  it('turns read-only with a banner when the other person cancels while it is open', async () => {
    const { mentor, mentee, mentorship } = await freshMentorship();
    const el = await renderWorkspace({ token: mentee.token, mentorshipId: mentorship.id });
    await loaded(el);
    await until(el, () => el.liveStatus === 'open', 'the live stream did not open');
    expect($(el, '#actions-button')).to.exist;
    await mentor.client.mentorships.cancel(mentorship.id, 'I am moving abroad.');
    await until(el, () => $(el, '[part="ended-note"][data-stale]'), 'no stale banner');
    const banner = $(el, '[part="ended-note"]')!;
    expect(banner.getAttribute('role')).to.equal('alert');
    expect(text(banner)).to.contain(`${mentor.name.split(' ')[0]} cancelled this mentorship on`);
    expect(text(banner)).to.contain('I am moving abroad.');
    expect(text($(el, '[part~="header"] [part~="status-badge"]'))).to.equal('Cancelled');
    // Read-only: no actions to fail on click.
    expect($(el, '#actions-button')).to.equal(null);
    expect($(el, '[part~="schedule-open-button"]')).to.equal(null);
    expect($(el, '[part~="add-note-button"]')).to.equal(null);
    await expect(el).to.be.accessible();
  });
});
