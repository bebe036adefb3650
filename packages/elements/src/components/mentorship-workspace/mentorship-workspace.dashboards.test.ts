/**
 * The workspace as the dashboards' detail view: "Open" on a card shows it instead of the lists,
 * Back returns focus to that card, and the URL hash (`mentorship=<id>&tab=<tab>`) makes reloads,
 * the browser's Back and links land on it. Every test makes its own people and mentorship.
 */
import { expect, fixture, html, oneEvent, waitUntil } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import '../../define/mentee-dashboard.js';
import '../../define/mentor-dashboard.js';
import type { MenteeDashboard } from '../mentee-dashboard/mentee-dashboard.component.js';
import type { MentorDashboard } from '../mentor-dashboard/mentor-dashboard.component.js';
import type { MentorshipViewChangeEvent } from '../../events.js';
import type { MentorshipWorkspace } from './mentorship-workspace.component.js';
import { button, freshMentorship, loaded, text } from './workspace.test-support.js';

type Dashboard = MenteeDashboard | MentorDashboard;

const clearHash = () => history.replaceState(null, '', location.pathname + location.search);

async function render<T extends Dashboard>(tag: 'mentee-dashboard' | 'mentor-dashboard', token: string, options: { width?: string; noRouting?: boolean; fetch?: typeof fetch } = {}): Promise<T> {
  const wrapper = await fixture(html`<div style="width: ${options.width ?? '1000px'}"><mentorship-provider api="/" .token=${token} .fetch=${options.fetch}></mentorship-provider></div>`);
  const provider = wrapper.querySelector('mentorship-provider')!;
  const el = document.createElement(tag) as unknown as T;
  if (options.noRouting) el.setAttribute('no-routing', '');
  provider.append(el);
  await el.updateComplete;
  return el;
}

const $ = <E extends Element = HTMLElement>(el: Element, selector: string) => el.shadowRoot!.querySelector<E>(selector);
const workspaceIn = (dashboard: Element) => $<MentorshipWorkspace>(dashboard, 'mentorship-workspace');
const focused = (el: Element) => el.shadowRoot!.activeElement;
const cardOf = (el: Element, id: string) => $(el, `[part~="mentorship"][data-mentorship-id="${id}"]`);
const openButtonOf = (el: Element, id: string) => $<HTMLButtonElement>(el, `[data-open-for="${id}"]`);
const until = (ready: () => unknown, what: string) => waitUntil(ready, what, { timeout: 8000 });
const noHorizontalOverflow = (el: HTMLElement) => {
  for (const box of [el, ...el.shadowRoot!.querySelectorAll<HTMLElement>('.base, .columns, .section, [part~="card"], .actions, .detail, .next-up-grid, .stats, [part="settings"]')]) {
    expect(box.scrollWidth, `${box.className || box.localName} overflows`).to.be.at.most(box.clientWidth);
  }
};

describe('<mentorship-workspace> as the dashboards’ detail view', () => {
  beforeEach(clearHash);
  afterEach(clearHash);

  it('list → detail → back: the workspace replaces the lists, and focus returns to the card’s Open', async () => {
    const { mentor, mentee, mentorship } = await freshMentorship();
    history.replaceState(null, '', `${location.pathname}#my-mentoring`);
    const el = await render<MenteeDashboard>('mentee-dashboard', mentee.token);
    await until(() => openButtonOf(el, mentorship.id), 'no Open button');
    await el.updateComplete;
    await expect(el).to.be.accessible();
    const open = openButtonOf(el, mentorship.id)!;
    expect(text(open)).to.equal(`Open: ${mentor.name}`);

    const changed = oneEvent(el, 'mentorship-view-change') as Promise<MentorshipViewChangeEvent>;
    open.click();
    const event = await changed;
    expect(event.detail).to.deep.equal({ mentorshipId: mentorship.id, tab: 'overview' });
    expect(event.bubbles && event.composed).to.equal(true);
    await el.updateComplete;
    // Only the way back and the workspace: no card above it, no lists, no settings.
    expect(cardOf(el, mentorship.id), 'the card is not repeated above the workspace').to.equal(null);
    expect($(el, '[part~="more-settings"], [part~="next-up"], #requests-title')).to.equal(null);
    const back = $<HTMLButtonElement>(el, '[part~="back-button"]')!;
    expect(text(back)).to.equal('← Back to my mentoring');
    expect(focused(el), 'focus moves to the way back').to.equal(back);
    const ws = workspaceIn(el)!;
    expect(ws.getAttribute('mentorship-id')).to.equal(mentorship.id);
    expect(ws.getAttribute('tab')).to.equal('overview');
    expect(ws.getAttribute('heading-level')).to.equal('2');
    // The page's own hash token stays; the mentorship and tab join it (a new history entry).
    expect(location.hash).to.equal(`#my-mentoring&mentorship=${mentorship.id}&tab=overview`);
    await loaded(ws);
    await expect(el).to.be.accessible();

    // The person switches tab in the workspace: the hash follows.
    ws.dispatchEvent(new CustomEvent('mentorship-tab-change', { detail: { mentorshipId: mentorship.id, tab: 'plan' }, bubbles: true, composed: true }));
    await el.updateComplete;
    expect(location.hash).to.equal(`#my-mentoring&mentorship=${mentorship.id}&tab=plan`);
    expect(ws.getAttribute('tab')).to.equal('plan');

    // Back by keyboard.
    back.focus();
    await sendKeys({ press: 'Enter' });
    await until(() => focused(el) === openButtonOf(el, mentorship.id), 'focus did not return to the card’s Open button');
    expect(workspaceIn(el)).to.equal(null);
    expect(location.hash).to.equal('#my-mentoring');
    await expect(el).to.be.accessible();
  });

  it('a link with the hash opens the workspace on its tab; the browser’s Back returns to the list', async () => {
    const { mentee, mentorship } = await freshMentorship();
    const el = await render<MenteeDashboard>('mentee-dashboard', mentee.token);
    await until(() => openButtonOf(el, mentorship.id), 'no Open button');
    // A link in an email: a new history entry with the hash, as following a link makes.
    history.pushState(null, '', `${location.pathname}#my-mentoring&mentorship=${mentorship.id}&tab=meetings`);
    window.dispatchEvent(new PopStateEvent('popstate'));
    await until(() => workspaceIn(el), 'the link did not open the workspace');
    expect(workspaceIn(el)!.getAttribute('tab')).to.equal('meetings');

    history.back();
    await until(() => !workspaceIn(el) && openButtonOf(el, mentorship.id), 'Back did not return to the list');
    expect(location.hash).to.equal('');
  });

  it('a reload with the hash lands on the workspace, and Back (the button) leaves the page’s history alone', async () => {
    const { mentor, mentorship } = await freshMentorship();
    history.replaceState(null, '', `${location.pathname}#mentor-dashboard&mentorship=${mentorship.id}&tab=plan`);
    const el = await render<MentorDashboard>('mentor-dashboard', mentor.token);
    await until(() => workspaceIn(el), 'the hash did not open the workspace');
    expect(workspaceIn(el)!.getAttribute('tab')).to.equal('plan');
    expect($(el, '[part~="settings"], [part~="stats"]'), 'nothing else of the dashboard shows').to.equal(null);
    const length = history.length;
    button(el.shadowRoot!, /Back to my mentees/).click();
    await until(() => openButtonOf(el, mentorship.id), 'Back did not show the list');
    expect(location.hash).to.equal('#mentor-dashboard');
    expect(history.length).to.equal(length);
  });

  it('with no-routing the hash is left alone; the events still say what is open', async () => {
    const { mentee, mentorship } = await freshMentorship();
    history.replaceState(null, '', `${location.pathname}#my-mentoring`);
    const el = await render<MenteeDashboard>('mentee-dashboard', mentee.token, { noRouting: true });
    await until(() => openButtonOf(el, mentorship.id), 'no Open button');
    const opened = oneEvent(el, 'mentorship-view-change') as Promise<MentorshipViewChangeEvent>;
    openButtonOf(el, mentorship.id)!.click();
    expect((await opened).detail.mentorshipId).to.equal(mentorship.id);
    await el.updateComplete;
    expect(location.hash).to.equal('#my-mentoring');
    const closed = oneEvent(el, 'mentorship-view-change') as Promise<MentorshipViewChangeEvent>;
    button(el.shadowRoot!, /Back to my mentoring/).click();
    expect((await closed).detail).to.deep.equal({ mentorshipId: null, tab: null });
    expect(location.hash).to.equal('#my-mentoring');
  });

  it('a link to a mentorship that does not exist says so, with the way back', async () => {
    const { mentee, mentorship } = await freshMentorship();
    history.replaceState(null, '', `${location.pathname}#mentorship=00000000-0000-4000-8000-000000000000&tab=plan`);
    const el = await render<MenteeDashboard>('mentee-dashboard', mentee.token);
    await until(() => $(el, '[part~="not-found"]'), 'no not-found state');
    expect(text($(el, '[part~="not-found"]'))).to.contain('This mentorship was not found or is not yours');
    expect(workspaceIn(el)).to.equal(null);
    await expect(el).to.be.accessible();
    button(el.shadowRoot!, /Back to my mentoring/).click();
    await until(() => openButtonOf(el, mentorship.id), 'Back did not show the list');
    expect(location.hash).to.equal('');
  });

  it('a link to a mentorship where the viewer has the other role leaves this dashboard on its list', async () => {
    const { mentee, mentorship } = await freshMentorship();
    // The mentee's mentorship, seen by their mentor dashboard (they are not a mentor: the application form).
    history.replaceState(null, '', `${location.pathname}#mentorship=${mentorship.id}&tab=overview`);
    const [menteeView, mentorView] = await Promise.all([
      render<MenteeDashboard>('mentee-dashboard', mentee.token),
      render<MentorDashboard>('mentor-dashboard', mentee.token),
    ]);
    await until(() => workspaceIn(menteeView), 'the mentee dashboard did not open it');
    await until(() => mentorView.dashboard.mode === 'applicant', 'the mentor dashboard did not load');
    await until(() => mentorView.shell.view.kind === 'list', 'the mentor dashboard did not settle');
    expect(workspaceIn(mentorView)).to.equal(null);
    expect($(mentorView, '[part~="not-found"]')).to.equal(null);
  });

  it('the mentor dashboard shows each mentee’s next meeting from the meetings it loaded anyway (one request)', async () => {
    const { mentor, mentorship } = await freshMentorship();
    const startsAt = new Date(Date.now() + 2 * 86_400_000).toISOString();
    await mentor.client.meetings.schedule(mentorship.id, { title: 'Check-in', startsAt, durationMinutes: 30 });
    const asked: string[] = [];
    const recording: typeof fetch = (input, init) => {
      asked.push(new URL(input instanceof Request ? input.url : String(input), location.href).pathname);
      return fetch(input, init);
    };
    const el = await render<MentorDashboard>('mentor-dashboard', mentor.token, { fetch: recording });
    const line = () => text($(el, `[data-mentorship-id="${mentorship.id}"] [part~="next-meeting-line"]`));
    await until(() => line().includes('Next meeting:') && !line().includes('No meeting'), 'no next meeting on the card');
    expect(asked.filter((p) => p === '/api/v1/meetings')).to.have.length(1);
  });

  it('the mentee dashboard leads with the next meeting and the next milestone', async () => {
    const { mentor, mentee, mentorship } = await freshMentorship();
    const startsAt = new Date(Date.now() + 3 * 86_400_000).toISOString();
    await mentor.client.meetings.schedule(mentorship.id, { title: 'Kick-off call', startsAt, durationMinutes: 30, videoUrl: 'https://meet.example.org/kick-off' });
    await mentor.client.mentorships.addMilestone(mentorship.id, { title: 'Draft a learning plan', dueDate: new Date(Date.now() + 20 * 86_400_000).toISOString().slice(0, 10) });
    const el = await render<MenteeDashboard>('mentee-dashboard', mentee.token, { width: '390px' });
    await until(() => text($(el, '[part~="next-meeting"]')).includes('Kick-off call') && text($(el, '[part~="next-milestone"]')).includes('Draft a learning plan'), 'no next meeting and milestone');
    await el.updateComplete;
    // First after the title: Next up.
    const sections = [...el.shadowRoot!.querySelectorAll('section')];
    expect(sections[0]!.getAttribute('part')).to.contain('next-up');
    const meeting = $(el, '[part~="next-meeting"]')!;
    expect(meeting.querySelector('time')!.getAttribute('datetime')).to.equal(new Date(startsAt).toISOString());
    expect(meeting.querySelector<HTMLAnchorElement>('a[part~="join-link"]')!.href).to.equal('https://meet.example.org/kick-off');
    expect(text(button(meeting, /Add to calendar/))).to.equal('Add to calendar: Kick-off call');
    expect(text($(el, `[data-mentorship-id="${mentorship.id}"] [part~="next-meeting-line"]`))).to.contain('Next meeting:');
    expect(text($(el, `[data-mentorship-id="${mentorship.id}"] [part~="progress"]`))).to.equal('0% done');
    noHorizontalOverflow(el);
    await expect(el).to.be.accessible();

    // "Open the plan" opens the workspace on the Plan tab.
    button($(el, '[part~="next-milestone"]')!, /Open the plan/).click();
    await until(() => workspaceIn(el), 'the workspace did not open');
    expect(workspaceIn(el)!.getAttribute('tab')).to.equal('plan');
    expect(location.hash).to.equal(`#mentorship=${mentorship.id}&tab=plan`);
    await loaded(workspaceIn(el)!);
    noHorizontalOverflow(el);
  });

  it('a completed mentorship waits, collapsed, with the feedback prompt that opens its workspace', async () => {
    const { mentor, mentee, mentorship } = await freshMentorship();
    await mentor.client.mentorships.complete(mentorship.id);
    const el = await render<MenteeDashboard>('mentee-dashboard', mentee.token);
    await until(() => $(el, `[data-mentorship-id="${mentorship.id}"] [part~="feedback-prompt"]`), 'no feedback prompt');
    const details = $<HTMLDetailsElement>(el, 'details[part~="completed"]')!;
    expect(details.open, 'completed is collapsed').to.equal(false);
    expect(text(details.querySelector('summary'))).to.match(/^Completed \(1\) 1 waits for your feedback$/);
    await expect(el).to.be.accessible();
    details.open = true;
    const leave = button(details, `Leave feedback: ${mentor.name}`);
    leave.click();
    await until(() => workspaceIn(el), 'the workspace did not open');
    const ws = workspaceIn(el)!;
    await loaded(ws);
    expect(ws.workspace.mentorship?.status).to.equal('completed');
  });

  it('the mentor opens a mentee’s workspace; it follows a lifecycle change and the card moves to Completed', async () => {
    const { mentee, mentor, mentorship } = await freshMentorship();
    const el = await render<MentorDashboard>('mentor-dashboard', mentor.token);
    await until(() => openButtonOf(el, mentorship.id), 'no Open button');
    openButtonOf(el, mentorship.id)!.click();
    await el.updateComplete;
    const ws = workspaceIn(el)!;
    await loaded(ws);
    expect(ws.workspace.role).to.equal('mentor');
    await expect(el).to.be.accessible();

    // Completed meanwhile (by the mentee): the lists follow; Back shows the card under Completed.
    await mentee.client.mentorships.complete(mentorship.id);
    ws.dispatchEvent(new CustomEvent('mentorship-updated', { detail: { mentorshipId: mentorship.id, action: 'complete', mentorship }, bubbles: true, composed: true }));
    await until(() => el.dashboard.workload?.completed.some((m) => m.id === mentorship.id), 'the mentorship did not move to Completed');
    button(el.shadowRoot!, /Back to my mentees/).click();
    await until(() => focused(el) === openButtonOf(el, mentorship.id), 'focus did not return to the card');
    expect(openButtonOf(el, mentorship.id)!.closest('details[part~="completed"]')).to.exist;
  });

  it('fits a phone: no horizontal scrolling in the list or the detail view', async () => {
    const { mentor, mentorship } = await freshMentorship();
    const el = await render<MentorDashboard>('mentor-dashboard', mentor.token, { width: '390px' });
    await until(() => openButtonOf(el, mentorship.id), 'no Open button');
    await el.updateComplete;
    noHorizontalOverflow(el);
    openButtonOf(el, mentorship.id)!.click();
    await el.updateComplete;
    await loaded(workspaceIn(el)!);
    noHorizontalOverflow(el);
    expect(workspaceIn(el)!.scrollWidth).to.be.at.most(workspaceIn(el)!.clientWidth);
  });

  it('another viewer (a new token) starts from the list, not from the last viewer’s workspace', async () => {
    const [first, second] = await Promise.all([freshMentorship(), freshMentorship()]);
    const el = await render<MenteeDashboard>('mentee-dashboard', first.mentee.token, { noRouting: true });
    await until(() => openButtonOf(el, first.mentorship.id), 'no Open button');
    openButtonOf(el, first.mentorship.id)!.click();
    await el.updateComplete;
    expect(workspaceIn(el)).to.exist;
    const provider = el.closest('mentorship-provider') as HTMLElement & { token: string };
    provider.token = second.mentee.token;
    await until(() => openButtonOf(el, second.mentorship.id), 'the new viewer’s list did not show');
    expect(workspaceIn(el)).to.equal(null);
    expect(openButtonOf(el, first.mentorship.id)).to.equal(null);
  });
});

