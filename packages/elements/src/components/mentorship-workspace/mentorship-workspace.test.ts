import { expect, oneEvent } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import {
  $,
  $$,
  button,
  chooseAction,
  dialogOpen,
  failingFetch,
  freshMentorship,
  gatedFetch,
  hangingFetch,
  loaded,
  renderWorkspace,
  text,
  toast,
  until,
} from './workspace.test-support.js';

describe('<mentorship-workspace>: states and lifecycle', () => {
  it('shows a skeleton while loading, accessible', async () => {
    const { mentor, mentorship } = await freshMentorship();
    const el = await renderWorkspace({ token: mentor.token, mentorshipId: mentorship.id, fetch: hangingFetch });
    expect(el.workspace.status).to.equal('loading');
    expect($(el, '[aria-busy="true"] .skeleton')).to.exist;
    expect(text($(el, '[aria-busy="true"]'))).to.contain('Loading the mentorship workspace');
    await expect(el).to.be.accessible();
  });

  it('shows an error in words with Retry, accessible, and recovers', async () => {
    const { mentor, mentorship } = await freshMentorship();
    let fail = true;
    const broken = failingFetch((url) => fail && url.endsWith(`/mentorships/${mentorship.id}`));
    const el = await renderWorkspace({ token: mentor.token, mentorshipId: mentorship.id, fetch: broken });
    await loaded(el);
    const error = $(el, '[part~="error"][role="alert"]');
    expect(text(error)).to.contain('This mentorship could not be loaded.');
    expect(text(error)).to.contain('The mentoring service had a problem on its side.');
    await expect(el).to.be.accessible();
    fail = false;
    button(el.shadowRoot!, 'Retry').click();
    await loaded(el);
    expect(el.workspace.status).to.equal('ready');
    expect(text($(el, '#workspace-person'))).to.equal(mentorship.mentee.name);
  });

  it('shows the other person, status in words, progress and empty sections with next steps, accessible', async () => {
    const { mentor, mentee, mentorship } = await freshMentorship();
    const el = await renderWorkspace({ token: mentor.token, mentorshipId: mentorship.id });
    await loaded(el);
    expect(text($(el, '#workspace-person'))).to.equal(mentee.name);
    expect(text($(el, '[part~="header"] .headline'))).to.equal('Analyst moving into engineering');
    expect(text($(el, '[part~="header"] [part~="status-badge"]'))).to.equal('Active');
    const bar = $(el, '[role="progressbar"]')!;
    expect(bar.getAttribute('aria-valuenow')).to.equal('0');
    expect(bar.getAttribute('aria-valuetext')).to.contain('0%');
    expect(text($(el, '#panel-meetings [part~="empty"]'))).to.contain('No meetings planned. Schedule one with Theo');
    expect(text($(el, '#panel-plan [part~="empty"]'))).to.contain('Start from a template or add the first milestone');
    expect(text($(el, '#panel-notes [part~="empty"]'))).to.contain('No progress notes yet');
    // Tabs at every width: the Overview shows, the other panels wait behind their tabs.
    expect(getComputedStyle($(el, '[role="tablist"]')!).display).to.not.equal('none');
    expect(getComputedStyle($(el, '#panel-overview')!).display).to.not.equal('none');
    for (const id of ['meetings', 'plan', 'notes']) expect(getComputedStyle($(el, `#panel-${id}`)!).display).to.equal('none');
    await expect(el).to.be.accessible();
    // Dark mode through tokens: still readable.
    el.theme = 'dark';
    await el.updateComplete;
    await expect(el).to.be.accessible();
  });

  it('becomes tabs on a narrow container, operable by arrow keys', async () => {
    const { mentee, mentorship } = await freshMentorship();
    const el = await renderWorkspace({ token: mentee.token, mentorshipId: mentorship.id, width: '340px' });
    await loaded(el);
    const tabs = $$(el, '[role="tab"]');
    expect(tabs.map((t) => text(t))).to.deep.equal(['Overview', 'Meetings', 'Plan', 'Messages', 'Notes']);
    expect(getComputedStyle($(el, '[role="tablist"]')!).display).to.not.equal('none');
    expect(getComputedStyle($(el, '#panel-plan')!).display).to.equal('none');
    tabs[1]!.click();
    await el.updateComplete;
    tabs[1]!.focus();
    await sendKeys({ press: 'ArrowRight' });
    await el.updateComplete;
    expect(el.shadowRoot!.activeElement?.id).to.equal('tab-plan');
    expect($(el, '#tab-plan')!.getAttribute('aria-selected')).to.equal('true');
    expect(getComputedStyle($(el, '#panel-plan')!).display).to.not.equal('none');
    expect(getComputedStyle($(el, '#panel-meetings')!).display).to.equal('none');
    // No horizontal scrolling at this width.
    expect(el.scrollWidth).to.be.at.most(el.clientWidth + 1);
    await expect(el).to.be.accessible();
  });

  it('pauses and resumes with confirmation, firing mentorship-updated', async () => {
    const { mentee, mentor, mentorship } = await freshMentorship();
    const el = await renderWorkspace({ token: mentee.token, mentorshipId: mentorship.id });
    await loaded(el);

    // Pause sits in the Actions menu; the dialog gives focus back to the menu's button.
    const actions = $<HTMLButtonElement>(el, '#actions-button')!;
    actions.focus();
    await chooseAction(el, 'Pause…');
    const dialog = await dialogOpen(el);
    expect(text(dialog.querySelector('h2'))).to.equal('Pause this mentorship?');
    await expect(el).to.be.accessible();
    // Keeping it changes nothing, and focus returns to the Actions button.
    button(dialog, 'Keep active').click();
    await el.updateComplete;
    expect(dialog.open).to.equal(false);
    expect(el.shadowRoot!.activeElement === actions, 'focus returns to Actions').to.equal(true);
    expect((await mentor.client.mentorships.get(mentorship.id)).status).to.equal('active');

    await chooseAction(el, 'Pause…');
    await dialogOpen(el);
    setTimeout(() => button($(el, '#workspace-dialog')!, 'Pause mentorship').click());
    const paused = await oneEvent(el, 'mentorship-updated');
    expect(paused.detail.action).to.equal('pause');
    expect(paused.detail.mentorship.status).to.equal('paused');
    expect(paused.bubbles && paused.composed).to.equal(true);
    await el.updateComplete;
    expect(text($(el, '[part~="header"] [part~="status-badge"]'))).to.equal('Paused');
    // A visible confirmation, announced politely (a status live region).
    const confirmation = await toast(el, 'The mentorship was paused.');
    expect(confirmation.closest('[role="status"]')).to.exist;
    await expect(el).to.be.accessible();
    expect((await mentor.client.mentorships.get(mentorship.id)).status).to.equal('paused');

    await chooseAction(el, 'Resume…');
    await dialogOpen(el);
    setTimeout(() => button($(el, '#workspace-dialog')!, 'Resume mentorship').click());
    const resumed = await oneEvent(el, 'mentorship-updated');
    expect(resumed.detail.mentorship.status).to.equal('active');
    expect((await mentor.client.mentorships.get(mentorship.id)).status).to.equal('active');
  });

  it('rolls a refused pause back visibly', async () => {
    const { mentor, mentorship } = await freshMentorship();
    const gate = gatedFetch((url, method) => method === 'POST' && url.endsWith('/pause'));
    const el = await renderWorkspace({ token: mentor.token, mentorshipId: mentorship.id, fetch: gate.fetch });
    await loaded(el);
    await chooseAction(el, 'Pause…');
    await dialogOpen(el);
    button($(el, '#workspace-dialog')!, 'Pause mentorship').click();
    await until(el, () => gate.held === 1, 'the pause did not start');
    // Optimistic: already shown as paused.
    expect(text($(el, '[part~="header"] [part~="status-badge"]'))).to.equal('Paused');
    gate.release('fail');
    await until(el, () => $(el, '[part~="header"] [part~="action-error"]'), 'no rollback message');
    expect(text($(el, '[part~="header"] [part~="status-badge"]'))).to.equal('Active');
    expect(text($(el, '[part~="header"] [part~="action-error"]'))).to.contain('The mentorship could not be paused.');
    // The refusal in words, announced assertively.
    expect((await toast(el, 'could not be paused')).closest('[role="alert"]')).to.exist;
  });

  it('cancelling needs a reason', async () => {
    const { mentor, mentee, mentorship } = await freshMentorship();
    const el = await renderWorkspace({ token: mentor.token, mentorshipId: mentorship.id });
    await loaded(el);
    await chooseAction(el, 'Cancel mentorship…');
    const dialog = await dialogOpen(el);
    await expect(el).to.be.accessible();
    button(dialog, 'Cancel mentorship').click();
    await el.updateComplete;
    expect(text(dialog.querySelector('[role="alert"]'))).to.contain('Write a reason');
    expect(el.shadowRoot!.activeElement?.id).to.equal('dialog-reason');
    expect((await mentee.client.mentorships.get(mentorship.id)).status).to.equal('active');

    (dialog.querySelector('#dialog-reason') as HTMLTextAreaElement).focus();
    await sendKeys({ type: 'Our schedules no longer line up.' });
    setTimeout(() => button(dialog, 'Cancel mentorship').click());
    const event = await oneEvent(el, 'mentorship-updated');
    expect(event.detail.action).to.equal('cancel');
    await loaded(el);
    const after = await mentee.client.mentorships.get(mentorship.id);
    expect(after.status).to.equal('cancelled');
    expect(after.endReason).to.equal('Our schedules no longer line up.');
    expect(text($(el, '[part~="header"] [part~="status-badge"]'))).to.equal('Cancelled');
    expect(text($(el, '[part="ended-note"]'))).to.contain('cancelled');
    expect(text($(el, '[part="ended-note"]'))).to.contain('Our schedules no longer line up.');
    // Cancelled: no feedback section.
    expect($(el, '[part~="feedback-section"]')).to.equal(null);
  });

  it('completes with confirmation, becomes read-only and takes feedback once', async () => {
    const { mentor, mentee, mentorship } = await freshMentorship();
    await mentor.client.progressNotes.create(mentorship.id, { body: 'Kick-off done.', progressPercent: 10 });
    const el = await renderWorkspace({ token: mentee.token, mentorshipId: mentorship.id });
    await loaded(el);
    await chooseAction(el, 'Complete…');
    const dialog = await dialogOpen(el);
    expect(text(dialog.querySelector('h2'))).to.equal('Mark this mentorship as completed?');
    await expect(el).to.be.accessible();
    setTimeout(() => button(dialog, 'Complete mentorship').click());
    const event = await oneEvent(el, 'mentorship-updated');
    expect(event.detail.action).to.equal('complete');
    await loaded(el);
    expect(dialog.open).to.equal(false);
    expect(text($(el, '[part~="header"] [part~="status-badge"]'))).to.equal('Completed');

    // Read-only: no forms and no actions, a note says why; what was there stays readable.
    expect(text($(el, '[part="ended-note"]'))).to.contain('can no longer be changed');
    expect($(el, '[part~="actions"]')).to.equal(null);
    expect($(el, '[part~="schedule-form"]')).to.equal(null);
    expect($(el, '[part~="note-form"]')).to.equal(null);
    expect($(el, '[part~="plan-form"]')).to.equal(null);
    expect(text($(el, '#panel-notes [part~="note"]'))).to.contain('Kick-off done.');

    // The feedback form: a rating is required.
    const form = $<HTMLFormElement>(el, '[part~="feedback-form"]')!;
    expect(form).to.exist;
    expect($$(el, 'input[name="rating"]').length).to.equal(5);
    await expect(el).to.be.accessible();
    button(form, 'Send feedback').click();
    await el.updateComplete;
    expect(text($(el, '#rating-error'))).to.contain('Choose a rating');

    $$<HTMLInputElement>(el, 'input[name="rating"]')[3]!.focus();
    await sendKeys({ press: 'Space' });
    ($(el, '#feedback-comment') as HTMLTextAreaElement).focus();
    await sendKeys({ type: 'Clear goals and honest advice.' });
    button(form, 'Send feedback').click();
    await until(el, () => $(el, '[part~="feedback-thanks"]'), 'no thanks');
    expect(text($(el, '[part~="feedback-thanks"]'))).to.contain(`Thanks for your feedback — you rated your time with ${mentor.name} 4 of 5.`);
    await toast(el, 'Thanks for your feedback.');
    expect($(el, '[part~="feedback-form"]')).to.equal(null);
    const status = await mentee.client.mentorships.feedbackStatus(mentorship.id);
    expect(status.mine?.rating).to.equal(4);
    expect(status.mine?.comment).to.equal('Clear goals and honest advice.');
    await expect(el).to.be.accessible();

    // A fresh element for the same viewer: still thanks, no second form.
    const again = await renderWorkspace({ token: mentee.token, mentorshipId: mentorship.id });
    await loaded(again);
    expect($(again, '[part~="feedback-thanks"]')).to.exist;
    expect($(again, '[part~="feedback-form"]')).to.equal(null);

    // The mentor still has their own form.
    const mentorView = await renderWorkspace({ token: mentor.token, mentorshipId: mentorship.id });
    await loaded(mentorView);
    expect($(mentorView, '[part~="feedback-form"]')).to.exist;
  });

  it('shows an action refused because the mentorship ended elsewhere, then the truth', async () => {
    const { mentor, mentee, mentorship } = await freshMentorship();
    const el = await renderWorkspace({ token: mentee.token, mentorshipId: mentorship.id });
    await loaded(el);
    await mentor.client.mentorships.complete(mentorship.id);
    await chooseAction(el, 'Pause…');
    await dialogOpen(el);
    button($(el, '#workspace-dialog')!, 'Pause mentorship').click();
    await until(el, () => el.workspace.mentorship?.status === 'completed', 'the workspace did not reload');
    await loaded(el);
    await toast(el, 'could not be paused');
    expect(text($(el, '[part~="header"] [part~="status-badge"]'))).to.equal('Completed');
    expect($(el, '[part="ended-note"]')).to.exist;
    // A stale workspace says who ended it and turns read-only instead of failing on the next click.
    const banner = $(el, '[part="ended-note"]')!;
    expect(banner.hasAttribute('data-stale')).to.equal(true);
    expect(banner.getAttribute('role')).to.equal('alert');
    expect(text(banner)).to.contain(`${mentor.name.split(' ')[0]} completed this mentorship on`);
    expect($(el, '#actions-button')).to.equal(null);
    expect($(el, '[part~="schedule-open-button"]')).to.equal(null);
    // The refusal stays visible in words beside the truth.
    expect(text($(el, '[part~="header"] [part~="action-error"]'))).to.equal('The mentorship could not be paused. A completed mentorship cannot be paused. The workspace now shows the current state.');
    await expect(el).to.be.accessible();
  });
});
