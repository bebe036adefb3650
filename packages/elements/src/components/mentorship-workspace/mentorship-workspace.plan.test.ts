import { expect, oneEvent } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import type { MentorshipWorkspace } from './mentorship-workspace.component.js';
import { $, $$, button, dialogClosed, dialogOpen, freshMentorship, gatedFetch, loaded, openDialog, openTab, renderWorkspace, text, toast, until } from './workspace.test-support.js';

const titles = (el: MentorshipWorkspace) => $$(el, '[part~="milestone"] .item-title').map((h) => text(h));
const card = (el: MentorshipWorkspace, title: string) => {
  const found = $$(el, '[part~="milestone"]').find((c) => text(c.querySelector('.item-title')) === title);
  if (!found) throw new Error(`no milestone "${title}"; have ${titles(el).join(', ')}`);
  return found;
};

describe('<mentorship-workspace>: plan and notes', () => {
  it('builds the plan from a template (mentor), changes a status and reorders by buttons', async () => {
    const { mentor, mentorship } = await freshMentorship();
    const el = await renderWorkspace({ token: mentor.token, mentorshipId: mentorship.id });
    await loaded(el);

    const dialog = await openDialog(el, 'plan', 'Set target date or template');
    await expect(el).to.be.accessible();
    const select = $<HTMLSelectElement>(el, '#plan-template')!;
    expect([...select.options].map((o) => o.textContent?.trim())).to.include.members(['8-week technical skill', '12-week career change', 'Leadership', 'Research project', 'Start-up']);
    select.value = 'technical-8-week';
    setTimeout(() => button($(el, '[part~="plan-form"]')!, 'Save timeline').click());
    const updated = await oneEvent(el, 'mentorship-updated');
    expect(updated.detail.action).to.equal('timeline');
    expect(updated.detail.mentorship.targetEndDate).to.be.a('string');
    await until(el, () => $$(el, '[part~="milestone"]').length > 2, 'the template added no milestones');
    await dialogClosed(el);
    await toast(el, 'The “8-week technical skill” plan was added.');
    const before = titles(el);
    expect(text($(el, '[data-target-date]'))).to.contain('Target end date:');
    // A plan with milestones takes no template.
    button($(el, '#panel-plan')!, 'Change target date').click();
    await dialogOpen(el);
    expect($(el, '#plan-target')).to.exist;
    expect($(el, '#plan-template')).to.equal(null);
    button(dialog, 'Not now').click();
    await dialogClosed(el);
    expect(text($(el, '[part~="milestone"] [part~="status-badge"]'))).to.equal('Not started');
    await expect(el).to.be.accessible();

    // Status: Start → In progress, and the progress bar moves (½ of one milestone).
    const first = before[0]!;
    setTimeout(() => button(card(el, first), `Start: ${first}`).click());
    const started = await oneEvent(el, 'milestone-changed');
    expect(started.detail.change).to.equal('status');
    expect(started.detail.milestone?.status).to.equal('in_progress');
    await until(el, () => $(el, '[role="progressbar"]')!.getAttribute('aria-valuenow') !== '0', 'progress did not move');
    expect(text(card(el, first).querySelector('[part~="status-badge"]'))).to.equal('In progress');
    const percent = Math.round((100 * 0.5) / before.length);
    expect($(el, '[role="progressbar"]')!.getAttribute('aria-valuenow')).to.equal(String(percent));
    await toast(el, `“${first}” is now in progress.`);

    // Reorder: the first moves down by keyboard; focus stays on its button.
    const down = button(card(el, first), `↓ Move down: ${first}`);
    down.focus();
    setTimeout(() => sendKeys({ press: 'Enter' }));
    const moved = await oneEvent(el, 'milestone-changed');
    expect(moved.detail.change).to.equal('moved');
    await el.updateComplete;
    expect(titles(el).slice(0, 2)).to.deep.equal([before[1], before[0]]);
    expect(text(el.shadowRoot!.activeElement)).to.equal(`↓ Move down: ${first}`);
    const stored = (await mentor.client.mentorships.progress(mentorship.id)).milestones.sort((a, b) => a.position - b.position).map((m) => m.title);
    expect(stored.slice(0, 2)).to.deep.equal([before[1], before[0]]);

    // Up again; the top one cannot move up.
    setTimeout(() => button(card(el, first), `↑ Move up: ${first}`).click());
    await oneEvent(el, 'milestone-changed');
    await el.updateComplete;
    expect(titles(el)).to.deep.equal(before);
    expect(button(card(el, first), `↑ Move up: ${first}`).disabled).to.equal(true);
  });

  it('undoes a move from its confirmation', async () => {
    const { mentor, mentorship } = await freshMentorship();
    for (const title of ['First', 'Second', 'Third']) await mentor.client.mentorships.addMilestone(mentorship.id, { title, dueDate: null });
    const el = await renderWorkspace({ token: mentor.token, mentorshipId: mentorship.id });
    await loaded(el);
    await openTab(el, 'plan');
    setTimeout(() => button(card(el, 'First'), '↓ Move down: First').click());
    await oneEvent(el, 'milestone-changed');
    const moved = await toast(el, '“First” moved down, now 2 of 3.');
    expect(titles(el)).to.deep.equal(['Second', 'First', 'Third']);
    setTimeout(() => button(moved, 'Undo').click());
    await oneEvent(el, 'milestone-changed');
    await toast(el, 'Undone: “First” is back at 1 of 3.');
    expect(titles(el)).to.deep.equal(['First', 'Second', 'Third']);
    const stored = (await mentor.client.mentorships.progress(mentorship.id)).milestones.sort((a, b) => a.position - b.position).map((m) => m.title);
    expect(stored).to.deep.equal(['First', 'Second', 'Third']);
  });

  it('rolls a refused status change back visibly', async () => {
    const { mentor, mentorship } = await freshMentorship();
    await mentor.client.mentorships.addMilestone(mentorship.id, { title: 'Write a learning plan', dueDate: null });
    const gate = gatedFetch((url, method) => method === 'PATCH' && url.includes('/milestones/'));
    const el = await renderWorkspace({ token: mentor.token, mentorshipId: mentorship.id, fetch: gate.fetch });
    await loaded(el);
    await openTab(el, 'plan');
    button(card(el, 'Write a learning plan'), 'Start: Write a learning plan').click();
    await until(el, () => gate.held === 1, 'no request');
    expect(text(card(el, 'Write a learning plan').querySelector('[part~="status-badge"]'))).to.equal('In progress');
    gate.release('fail');
    await until(el, () => card(el, 'Write a learning plan').querySelector('[part~="action-error"]'), 'no rollback');
    expect(text(card(el, 'Write a learning plan').querySelector('[part~="status-badge"]'))).to.equal('Not started');
    expect(text(card(el, 'Write a learning plan').querySelector('[part~="action-error"]'))).to.contain('The status of “Write a learning plan” could not be changed.');
    await toast(el, 'The status of “Write a learning plan” could not be changed.');
    await expect(el).to.be.accessible();
  });

  it('lets the mentor add, edit and delete milestones', async () => {
    const { mentor, mentorship } = await freshMentorship();
    const el = await renderWorkspace({ token: mentor.token, mentorshipId: mentorship.id });
    await loaded(el);
    // The form opens on demand; the title is required.
    expect($(el, '[part~="milestone-form"]')).to.equal(null);
    await openDialog(el, 'plan', 'Add a milestone');
    button($(el, '[part~="milestone-form"]')!, 'Add milestone').click();
    await el.updateComplete;
    expect(text($(el, '#milestone-title-error'))).to.contain('title');
    expect(el.shadowRoot!.activeElement?.id).to.equal('milestone-title');
    await sendKeys({ type: 'Ship a side project' });
    setTimeout(() => button($(el, '[part~="milestone-form"]')!, 'Add milestone').click());
    const created = await oneEvent(el, 'milestone-changed');
    expect(created.detail.change).to.equal('created');
    await dialogClosed(el);
    expect(titles(el)).to.deep.equal(['Ship a side project']);
    await toast(el, 'Milestone “Ship a side project” added.');

    button(card(el, 'Ship a side project'), 'Edit: Ship a side project…').click();
    const dialog = await dialogOpen(el);
    await expect(el).to.be.accessible();
    const title = dialog.querySelector<HTMLInputElement>('#dialog-title-input')!;
    title.select();
    await sendKeys({ type: 'Ship a small side project' });
    setTimeout(() => button(dialog, 'Save milestone').click());
    const edited = await oneEvent(el, 'milestone-changed');
    expect(edited.detail.change).to.equal('edited');
    await dialogClosed(el);
    expect(titles(el)).to.deep.equal(['Ship a small side project']);
    expect(text(el.shadowRoot!.activeElement)).to.equal('Edit: Ship a small side project…');

    button(card(el, 'Ship a small side project'), 'Delete: Ship a small side project…').click();
    await dialogOpen(el);
    await expect(el).to.be.accessible();
    setTimeout(() => button(dialog, 'Delete milestone').click());
    const deleted = await oneEvent(el, 'milestone-changed');
    expect(deleted.detail.change).to.equal('deleted');
    await dialogClosed(el);
    expect(titles(el)).to.deep.equal([]);
    expect(text($(el, '#panel-plan [part~="empty"]'))).to.contain('No milestones yet');
    expect((await mentor.client.mentorships.progress(mentorship.id)).milestones).to.have.length(0);
  });

  it('flags an overdue milestone in words', async () => {
    const { mentor, mentorship } = await freshMentorship();
    await mentor.client.mentorships.addMilestone(mentorship.id, { title: 'Draft the proposal', dueDate: null });
    const el = await renderWorkspace({ token: mentor.token, mentorshipId: mentorship.id });
    await loaded(el);
    // A fresh mentorship cannot have a due date in the past: the server's overdue flag is set here.
    el.workspace.milestones = el.workspace.milestones.map((m) => ({ ...m, dueDate: '2020-03-01', overdue: true }));
    el.requestUpdate();
    await el.updateComplete;
    const meta = text(card(el, 'Draft the proposal').querySelector('.meta'));
    expect(meta).to.contain('Due');
    expect(meta).to.contain('2020');
    expect(meta).to.contain('Overdue');
    await expect(el).to.be.accessible();
  });

  it('shows the mentee the plan without plan controls, but with status buttons', async () => {
    const { mentor, mentee, mentorship } = await freshMentorship();
    await mentor.client.mentorships.addMilestone(mentorship.id, { title: 'Read two design docs', dueDate: null });
    await mentor.client.mentorships.addMilestone(mentorship.id, { title: 'Present a design', dueDate: null });
    const el = await renderWorkspace({ token: mentee.token, mentorshipId: mentorship.id });
    await loaded(el);
    expect($(el, '[part~="plan-form"]')).to.equal(null);
    expect($(el, '[part~="milestone-form"]')).to.equal(null);
    expect($(el, '[part~="add-milestone-button"]')).to.equal(null);
    expect($(el, '[part~="timeline-button"]')).to.equal(null);
    expect($$(el, '[part~="move-button"]')).to.have.length(0);
    expect(text($(el, '[data-target-date]'))).to.contain('Your mentor sets the plan');
    setTimeout(() => button(card(el, 'Present a design'), 'Start: Present a design').click());
    const event = await oneEvent(el, 'milestone-changed');
    expect(event.detail.milestone?.status).to.equal('in_progress');
    await expect(el).to.be.accessible();
  });

  it('adds a progress note with a percent and the progress bar follows', async () => {
    const { mentor, mentee, mentorship } = await freshMentorship();
    const el = await renderWorkspace({ token: mentee.token, mentorshipId: mentorship.id });
    await loaded(el);
    expect($(el, '[role="progressbar"]')!.getAttribute('aria-valuenow')).to.equal('0');

    // No milestones: the note's percent sets the bar, and says so. A percent above 100 is refused beside the field.
    await openDialog(el, 'notes', 'Add a note');
    expect(text($(el, 'label[for="note-percent"]'))).to.contain('progress bar');
    $<HTMLTextAreaElement>(el, '#note-body')!.focus();
    await sendKeys({ type: 'Finished the SQL course and started on the pipeline project.' });
    $<HTMLInputElement>(el, '#note-percent')!.focus();
    await sendKeys({ type: '101' });
    button($(el, '[part~="note-form"]')!, 'Add note').click();
    await el.updateComplete;
    expect(text($(el, '#note-percent-error'))).to.contain('0 to 100');
    expect(el.shadowRoot!.activeElement?.id).to.equal('note-percent');
    await expect(el).to.be.accessible();

    $<HTMLInputElement>(el, '#note-percent')!.select();
    await sendKeys({ type: '35' });
    button($(el, '[part~="note-form"]')!, 'Add note').click();
    await until(el, () => $$(el, '[part~="note"]').length === 1, 'the note did not appear');
    expect($(el, '[role="progressbar"]')!.getAttribute('aria-valuenow')).to.equal('35');
    expect(text($(el, '[part~="progress"]')!.parentElement)).to.contain('35% · from the latest progress note');
    const note = $(el, '[part~="note"]')!;
    expect(text(note)).to.contain('You');
    expect(text(note)).to.contain('35% along');
    expect(text(note)).to.contain('Finished the SQL course');
    await dialogClosed(el);
    expect($(el, '#note-body')).to.equal(null);
    await toast(el, 'Progress note added. Progress is now 35%.');
    expect((await mentor.client.mentorships.progress(mentorship.id)).progressPercent).to.equal(35);
    await expect(el).to.be.accessible();
  });

  it('renders user text as text, never as markup', async () => {
    const { mentor, mentorship } = await freshMentorship();
    const payload = '<img src=x onerror="window.__wsxss=1">';
    await mentor.client.mentorships.addMilestone(mentorship.id, { title: payload, description: `<b>bold</b>`, dueDate: null });
    await mentor.client.progressNotes.create(mentorship.id, { body: payload });
    await mentor.client.meetings.schedule(mentorship.id, { title: payload, startsAt: `${new Date().getFullYear() + 1}-05-05T10:00:00Z`, durationMinutes: 30, agenda: '<script>window.__wsxss=2</script>' });
    const el = await renderWorkspace({ token: mentor.token, mentorshipId: mentorship.id });
    await loaded(el);
    expect(titles(el)).to.deep.equal([payload]);
    expect(text($(el, '[part~="note"] .prose'))).to.equal(payload);
    expect(text($(el, '[part~="meeting"] h4'))).to.equal(payload);
    expect(el.shadowRoot!.querySelector('img[src="x"], b, script')).to.equal(null);
    expect((window as { __wsxss?: number }).__wsxss).to.equal(undefined);
  });
});
