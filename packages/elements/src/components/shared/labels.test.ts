import { expect, fixture, html } from '@open-wc/testing';
import { declineReasons, requestStatuses, mentorshipStatuses, applicationStatuses, meetingStatuses, milestoneStatuses } from '@mentorkit/contract/values';
import { ApiError } from '@mentorkit/sdk';
import { declineReasonLabel, declineReasonOptions } from './decline-reasons.js';
import { friendlyIssue, issuesByField } from './field-issues.js';
import { applicationStatusBadge, meetingStatusBadge, mentorshipStatusBadge, milestoneStatusBadge, requestStatusBadge } from './status-badge.template.js';

describe('words for codes', () => {
  it('names every request status in words, with a colour that only repeats it', async () => {
    const el = await fixture(html`<div>${requestStatuses.map((s) => requestStatusBadge(s))}</div>`);
    const badges = [...el.querySelectorAll('[part~="status-badge"]')];
    expect(badges.map((b) => b.textContent)).to.deep.equal(['Pending', 'Accepted', 'Declined', 'Withdrawn', 'Expired']);
    expect(badges.map((b) => b.className)).to.deep.equal([
      'badge badge--waiting', 'badge badge--good', 'badge badge--bad', 'badge badge--neutral', 'badge badge--faded',
    ]);
  });

  it('names mentorship and application statuses in words', async () => {
    const el = await fixture(html`<div>
      ${mentorshipStatuses.map((s) => mentorshipStatusBadge(s))} ${applicationStatuses.map((s) => applicationStatusBadge(s))}
    </div>`);
    expect([...el.querySelectorAll('[part~="status-badge"]')].map((b) => b.textContent)).to.deep.equal([
      'Active', 'Paused', 'Completed', 'Cancelled', 'In review', 'Approved', 'Not approved', 'Changes requested',
    ]);
  });

  it('gives every state of one kind its own colour (a scheduled meeting is not amber like a pending request)', async () => {
    const kinds = [
      requestStatuses.map((s) => requestStatusBadge(s)),
      mentorshipStatuses.map((s) => mentorshipStatusBadge(s)),
      applicationStatuses.map((s) => applicationStatusBadge(s)),
      meetingStatuses.map((s) => meetingStatusBadge(s)),
      milestoneStatuses.map((s) => milestoneStatusBadge(s)),
    ];
    for (const badges of kinds) {
      const el = await fixture(html`<div>${badges}</div>`);
      const classes = [...el.querySelectorAll('[part~="status-badge"]')].map((b) => b.className);
      expect(new Set(classes).size, classes.join(', ')).to.equal(classes.length);
    }
    const meeting = await fixture(html`<div>${meetingStatusBadge('scheduled')}${requestStatusBadge('pending')}</div>`);
    const [scheduled, pending] = [...meeting.querySelectorAll('[part~="status-badge"]')];
    expect(scheduled!.className).to.not.equal(pending!.className);
  });

  it('words every decline reason, in the contract’s order', () => {
    expect(declineReasonLabel('not_enough_time')).to.equal('Not enough time right now');
    expect(declineReasonOptions.map((o) => o.value)).to.deep.equal([...declineReasons]);
    expect(new Set(declineReasonOptions.map((o) => o.label)).size).to.equal(declineReasons.length);
  });

  it('rewrites zod’s default messages for a form, and passes the contract’s own through', () => {
    expect(friendlyIssue('Too small: expected string to have >=50 characters')).to.equal('Write at least 50 characters.');
    expect(friendlyIssue('Too big: expected string to have <=4000 characters')).to.equal('Keep it to 4000 characters or fewer.');
    expect(friendlyIssue('Too big: expected number to be <=70')).to.equal('Enter 70 or less.');
    expect(friendlyIssue('Invalid input: expected int, received number')).to.equal('Enter a whole number.');
    expect(friendlyIssue('Name at least one area of expertise')).to.equal('Name at least one area of expertise');
  });

  it('groups API issues by field, first one wins, naming list items', () => {
    const error = new ApiError({
      code: 'validation_failed',
      status: 400,
      message: 'Invalid json',
      issues: [
        { path: ['links', 1], message: 'Invalid URL' },
        { path: ['links', 3], message: 'Invalid URL' },
        { path: ['statement'], message: 'Too small: expected string to have >=50 characters' },
        { path: [], message: 'Expected a JSON body' },
      ],
    });
    expect([...issuesByField(error, { links: 'Link' })]).to.deep.equal([
      ['links', 'Link 2: Enter a full web address starting with https://'],
      ['statement', 'Write at least 50 characters.'],
    ]);
    expect(issuesByField(new ApiError({ code: 'conflict', status: 409, message: 'x' })).size).to.equal(0);
    expect(issuesByField(new Error('x')).size).to.equal(0);
  });
});
