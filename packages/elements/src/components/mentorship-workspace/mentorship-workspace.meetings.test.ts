import { expect, oneEvent } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import type { MentorshipWorkspace } from './mentorship-workspace.component.js';
import { $, $$, button, dialogClosed, dialogOpen, freshMentorship, loaded, openDialog, openTab, renderWorkspace, text, toast, until } from './workspace.test-support.js';

const YEAR = new Date().getFullYear() + 1;
const WEEKDAYS = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'];
/** The weekday of a January date next year, worked out without the code under test. */
const jan = (day: number) => WEEKDAYS[new Date(Date.UTC(YEAR, 0, day)).getUTCDay()]!;

/** Types a date into a focused `<input type=date>` in the order this browser's locale shows it. */
async function typeDate(input: HTMLInputElement, y: number, m: number, d: number): Promise<void> {
  input.focus();
  const order = new Intl.DateTimeFormat(navigator.language, { year: 'numeric', month: '2-digit', day: '2-digit' })
    .formatToParts(new Date(2001, 1, 3))
    .map((p) => p.type)
    .filter((t) => t === 'year' || t === 'month' || t === 'day');
  const value = { year: String(y), month: String(m).padStart(2, '0'), day: String(d).padStart(2, '0') };
  for (const part of order) await sendKeys({ type: value[part as keyof typeof value] });
}

/** Types a time into a focused `<input type=time>` (with AM/PM when the locale uses it). */
async function typeTime(input: HTMLInputElement, h: number, m: number): Promise<void> {
  input.focus();
  const twelve = new Intl.DateTimeFormat(navigator.language, { hour: 'numeric' }).resolvedOptions().hour12;
  const hour = twelve ? ((h + 11) % 12) + 1 : h;
  await sendKeys({ type: `${String(hour).padStart(2, '0')}${String(m).padStart(2, '0')}` });
  if (twelve) await sendKeys({ type: h < 12 ? 'A' : 'P' });
}

async function typeInto(el: MentorshipWorkspace, selector: string, value: string): Promise<void> {
  const input = $<HTMLInputElement>(el, selector)!;
  input.focus();
  input.select?.();
  await sendKeys({ type: value });
}

describe('<mentorship-workspace>: meetings', () => {
  it('schedules a meeting by keyboard, with both parties’ times', async function () {
    // Much typing and three renders of the workspace: slow on a busy machine.
    this.timeout(40_000);
    const { mentor, mentee, mentorship } = await freshMentorship({ mentor: 'Asia/Manila', mentee: 'Europe/London' });
    const el = await renderWorkspace({ token: mentor.token, mentorshipId: mentorship.id, timeZone: 'Asia/Manila' });
    await loaded(el);
    await expect(el).to.be.accessible();
    // The form is not there until asked for.
    expect($(el, '[part~="schedule-form"]')).to.equal(null);
    await openDialog(el, 'meetings', 'Schedule a meeting');

    await typeInto(el, '#schedule-title-input', 'Career plan review');
    const date = $<HTMLInputElement>(el, '#schedule-date')!;
    await typeDate(date, YEAR, 1, 14);
    expect(date.value).to.equal(`${YEAR}-01-14`);
    const time = $<HTMLInputElement>(el, '#schedule-time')!;
    await typeTime(time, 9, 0);
    expect(time.value).to.equal('09:00');
    await el.updateComplete;
    // The form previews the time for both of them before it is sent.
    expect(text($(el, '#schedule-zone'))).to.equal(`${jan(14)} 14 Jan, 9:00 AM your time · 1:00 AM in London`);

    // A javascript: link is refused in words, beside the field.
    await typeInto(el, '#schedule-video', 'javascript:alert(1)');
    $<HTMLButtonElement>(el, '[part~="schedule-button"]')!.focus();
    await sendKeys({ press: 'Enter' });
    await el.updateComplete;
    expect($(el, '#schedule-video')!.getAttribute('aria-invalid')).to.equal('true');
    expect(text($(el, '#schedule-videoUrl-error'))).to.contain('https://');
    expect(el.shadowRoot!.activeElement?.id).to.equal('schedule-video');
    await expect(el).to.be.accessible();

    await typeInto(el, '#schedule-video', 'https://meet.example.org/career-review');
    await typeInto(el, '#schedule-agenda', 'Goals for the quarter');
    $<HTMLButtonElement>(el, '[part~="schedule-button"]')!.focus();
    setTimeout(() => sendKeys({ press: 'Enter' }));
    const event = await oneEvent(el, 'meeting-scheduled');
    expect(event.bubbles && event.composed).to.equal(true);
    expect(event.detail.rescheduled).to.equal(false);
    expect(event.detail.meeting.startsAt).to.equal(`${YEAR}-01-14T01:00:00.000Z`);
    expect(event.detail.meeting.durationMinutes).to.equal(60);
    await el.updateComplete;

    const card = $(el, '#panel-meetings [part~="meeting"]')!;
    expect(text(card.querySelector('h4'))).to.equal('Career plan review');
    expect(text(card.querySelector('[data-when]'))).to.equal(`${jan(14)} 14 Jan, 9:00 AM your time · 1:00 AM in London`);
    expect(card.querySelector<HTMLAnchorElement>('a[href]')!.href).to.equal('https://meet.example.org/career-review');
    expect(text(card)).to.contain('Goals for the quarter');
    // Not started yet: reschedule, not "mark as held".
    expect(() => button(card, /Mark .* as held/)).to.throw();
    await toast(el, 'Meeting “Career plan review” scheduled for');
    await dialogClosed(el);
    expect($(el, '#schedule-title-input')).to.equal(null);
    await expect(el).to.be.accessible();

    // The mentee in London sees their own time first and the mentor's in Manila beside it.
    const menteeView = await renderWorkspace({ token: mentee.token, mentorshipId: mentorship.id, timeZone: 'Europe/London' });
    await loaded(menteeView);
    expect(text($(menteeView, '[part~="meeting"] [data-when]'))).to.equal(`${jan(14)} 14 Jan, 1:00 AM your time · 9:00 AM in Manila`);
    // Viewed from New York, the meeting is the evening before; Manila's day is named.
    const travelling = await renderWorkspace({ token: mentee.token, mentorshipId: mentorship.id, timeZone: 'America/New_York' });
    await loaded(travelling);
    expect(text($(travelling, '[part~="meeting"] [data-when]'))).to.equal(`${jan(13)} 13 Jan, 8:00 PM your time · ${jan(14)} 14 Jan, 9:00 AM in Manila`);
  });

  it('warns when the new meeting overlaps another one', async () => {
    const { mentor, mentee, mentorship } = await freshMentorship({ mentor: 'Asia/Manila', mentee: 'Europe/London' });
    await mentee.client.meetings.schedule(mentorship.id, { title: 'Portfolio check', startsAt: `${YEAR}-02-03T02:00:00Z`, durationMinutes: 60 });
    const el = await renderWorkspace({ token: mentor.token, mentorshipId: mentorship.id, timeZone: 'Asia/Manila' });
    await loaded(el);
    await openDialog(el, 'meetings', 'Schedule a meeting');
    await typeInto(el, '#schedule-title-input', 'Mock interview');
    await typeDate($<HTMLInputElement>(el, '#schedule-date')!, YEAR, 2, 3);
    await typeTime($<HTMLInputElement>(el, '#schedule-time')!, 10, 30);
    setTimeout(() => $<HTMLButtonElement>(el, '[part~="schedule-button"]')!.click());
    const event = await oneEvent(el, 'meeting-scheduled');
    expect(event.detail.overlaps).to.have.length.greaterThan(0);
    await el.updateComplete;
    const warning = $(el, '[part~="warning"]')!;
    expect(warning.getAttribute('role')).to.equal('status');
    expect(text(warning)).to.contain('Heads-up: “Mock interview” overlaps another meeting.');
    expect(text(warning)).to.contain('“Portfolio check”');
    expect($$(el, '#panel-meetings [part~="meeting"]')).to.have.length(2);
    await expect(el).to.be.accessible();
  });

  it('reschedules and cancels a meeting through dialogs', async () => {
    const { mentor, mentee, mentorship } = await freshMentorship({ mentor: 'Asia/Manila', mentee: 'Europe/London' });
    const meeting = await mentor.client.meetings.schedule(mentorship.id, { title: 'Monthly check-in', startsAt: `${YEAR}-01-20T01:00:00Z`, durationMinutes: 30 });
    const el = await renderWorkspace({ token: mentee.token, mentorshipId: mentorship.id, timeZone: 'Europe/London' });
    await loaded(el);
    await openTab(el, 'meetings');

    const card = () => $(el, `[data-meeting-id="${meeting.id}"]`)!;
    const reschedule = button(card(), 'Reschedule: Monthly check-in…');
    reschedule.focus();
    reschedule.click();
    const dialog = await dialogOpen(el);
    expect(text(dialog.querySelector('h2'))).to.equal('Reschedule “Monthly check-in”');
    expect(dialog.querySelector<HTMLInputElement>('#dialog-date')!.value).to.equal(`${YEAR}-01-20`);
    expect(dialog.querySelector<HTMLInputElement>('#dialog-time')!.value).to.equal('01:00');
    await expect(el).to.be.accessible();
    await typeTime(dialog.querySelector<HTMLInputElement>('#dialog-time')!, 7, 30);
    setTimeout(() => button(dialog, 'Reschedule meeting').click());
    const event = await oneEvent(el, 'meeting-scheduled');
    expect(event.detail.rescheduled).to.equal(true);
    expect(event.detail.meeting.startsAt).to.equal(`${YEAR}-01-20T07:30:00.000Z`);
    expect(event.detail.meeting.sequence).to.equal(1);
    await el.updateComplete;
    expect(dialog.open).to.equal(false);
    expect(el.shadowRoot!.activeElement === button(card(), 'Reschedule: Monthly check-in…'), 'focus returns to Reschedule').to.equal(true);
    expect(text(card().querySelector('[data-when]'))).to.equal(`${jan(20)} 20 Jan, 7:30 AM your time · 3:30 PM in Manila`);

    // Cancel: a reason is required.
    button(card(), 'Cancel meeting: Monthly check-in…').click();
    await dialogOpen(el);
    await expect(el).to.be.accessible();
    button(dialog, 'Cancel meeting').click();
    await el.updateComplete;
    expect(text(dialog.querySelector('[role="alert"]'))).to.contain('Write a reason');
    dialog.querySelector<HTMLTextAreaElement>('#dialog-reason')!.focus();
    await sendKeys({ type: 'I have an exam that week.' });
    button(dialog, 'Cancel meeting').click();
    await until(el, () => !dialog.open, 'the dialog did not close');
    expect(text($(el, '#panel-meetings [part~="empty"]'))).to.contain('No meetings planned');
    const past = $(el, `[data-meeting-id="${meeting.id}"]`)!;
    expect(text(past.querySelector('[part~="status-badge"]'))).to.equal('Cancelled');
    expect(text(past)).to.contain('I have an exam that week.');
    expect(() => button(past, /Cancel/)).to.throw();
    const stored = await mentor.client.meetings.get(meeting.id);
    expect(stored.status).to.equal('cancelled');
    expect(stored.cancelReason).to.equal('I have an exam that week.');
    await expect(el).to.be.accessible();
  });

  it('adds a meeting to the calendar as an .ics download', async () => {
    const { mentor, mentorship } = await freshMentorship();
    const meeting = await mentor.client.meetings.schedule(mentorship.id, { title: 'Résumé review', startsAt: `${YEAR}-03-02T09:00:00Z`, durationMinutes: 45 });
    const el = await renderWorkspace({ token: mentor.token, mentorshipId: mentorship.id });
    await loaded(el);
    const blobs: Blob[] = [];
    const original = URL.createObjectURL;
    URL.createObjectURL = (blob: Blob | MediaSource) => {
      blobs.push(blob as Blob);
      return original.call(URL, blob);
    };
    const clicks: string[] = [];
    const onClick = (e: MouseEvent) => {
      const a = e.composedPath()[0] as HTMLAnchorElement;
      if (a instanceof HTMLAnchorElement && a.download) {
        clicks.push(a.download);
        e.preventDefault();
      }
    };
    document.addEventListener('click', onClick, true);
    try {
      button($(el, `[data-meeting-id="${meeting.id}"]`)!, 'Add to calendar: Résumé review').click();
      await until(el, () => blobs.length === 1, 'no calendar file');
    } finally {
      URL.createObjectURL = original;
      document.removeEventListener('click', onClick, true);
    }
    const ics = await blobs[0]!.text();
    expect(ics).to.contain('BEGIN:VCALENDAR');
    expect(ics).to.contain('SUMMARY:Résumé review');
    expect(ics).to.match(/DTSTART:\d{8}T090000Z/);
    expect(clicks).to.deep.equal(['Résumé-review.ics']);
    await toast(el, 'Calendar file for “Résumé review” downloaded');
  });

  it('asks for notes to mark a started meeting as held, and shows a refusal in words', async () => {
    const { mentor, mentorship } = await freshMentorship();
    const meeting = await mentor.client.meetings.schedule(mentorship.id, { title: 'Early call', startsAt: new Date(Date.now() + 60 * 60_000).toISOString(), durationMinutes: 30 });
    const el = await renderWorkspace({ token: mentor.token, mentorshipId: mentorship.id });
    await loaded(el);
    expect(() => button($(el, `[data-meeting-id="${meeting.id}"]`)!, 'Mark as held: Early call…')).to.throw();
    // As if its start had passed (the server's clock still says it has not).
    el.workspace.meetings = el.workspace.meetings.map((m) => ({ ...m, startsAt: new Date(Date.now() - 5 * 60_000).toISOString() }));
    el.requestUpdate();
    await el.updateComplete;
    button($(el, `[data-meeting-id="${meeting.id}"]`)!, 'Mark as held: Early call…').click();
    const dialog = await dialogOpen(el);
    await expect(el).to.be.accessible();
    button(dialog, 'Save notes').click();
    await el.updateComplete;
    expect(text(dialog.querySelector('[role="alert"]'))).to.contain('Write a few words of notes.');
    dialog.querySelector<HTMLTextAreaElement>('#dialog-notes')!.focus();
    await sendKeys({ type: 'We agreed on three goals.' });
    button(dialog, 'Save notes').click();
    await until(el, () => dialog.querySelector('[role="alert"]') && text(dialog.querySelector('[role="alert"]')).includes('only once it has started'), 'no refusal');
    expect(text(dialog.querySelector('[role="alert"]'))).to.contain('“Early call” could not be marked as held.');
    expect((await mentor.client.meetings.get(meeting.id)).status).to.equal('scheduled');
  });

  it('shows a meeting list that failed to load with Retry', async () => {
    const { mentor, mentorship } = await freshMentorship();
    let fail = true;
    const el = await renderWorkspace({
      token: mentor.token,
      mentorshipId: mentorship.id,
      fetch: async (input, init) => {
        const url = input instanceof Request ? input.url : String(input);
        if (fail && url.includes('/meetings?')) return new Response('{"error":{"code":"internal","message":"x","requestId":"t"}}', { status: 500, headers: { 'content-type': 'application/json' } });
        return fetch(input, init);
      },
    });
    await loaded(el);
    const error = $(el, '#panel-meetings [part~="error"]')!;
    expect(text(error)).to.contain('Meetings could not be loaded.');
    // The rest of the workspace works.
    expect($(el, '#panel-plan [part~="add-milestone-button"]')).to.exist;
    await openTab(el, 'meetings');
    await expect(el).to.be.accessible();
    fail = false;
    button(error, 'Retry').click();
    await until(el, () => $(el, '#panel-meetings [part~="schedule-open-button"]'), 'meetings did not load on retry');
  });
});
