import { createTestContext, databaseKinds, type TestContext } from '@mentorkit/server/testing';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { ApiError, createClient, type MentorkitClient } from './index.js';

const admin = { sub: 'sdk-ws-admin', name: 'Grace Lim', roles: ['admin'] };

describe.each(databaseKinds)('SDK workspace methods against the real app on %s', (kind) => {
  let t: TestContext;
  let asMentor: MentorkitClient;
  let asMentee: MentorkitClient;
  let mentorshipId: string;
  const seen: string[] = [];
  const appFetch = ((input: RequestInfo | URL, init?: RequestInit) => {
    seen.push(`${init?.method ?? 'GET'} ${new URL(String(input)).pathname}`);
    return t.app.request(input instanceof Request ? input : String(input), init);
  }) as typeof fetch;

  const client = async (user: { sub: string; name: string; roles?: string[] }) => createClient({ baseUrl: 'http://mentoring.test', token: await t.token(user), fetch: appFetch });
  beforeAll(async () => {
    t = await createTestContext(kind);
  });
  afterAll(async () => { await t?.close(); });

  // Each test has its own Ana and Maria in a new active mentorship: none sees another's meetings,
  // plan, feed or ending.
  let run = 0;
  beforeEach(async () => {
    run++;
    asMentor = await client({ sub: `sdk-ws-mentor-${run}`, name: 'Ana Villanueva' });
    asMentee = await client({ sub: `sdk-ws-mentee-${run}`, name: 'Maria Santos' });
    const asAdmin = await client(admin);
    const application = await asMentor.mentorApplications.submit({ expertise: ['SQL', 'Leadership'], yearsOfExperience: 12, statement: 'Twelve years of data engineering and a habit of mentoring juniors.' });
    await asAdmin.admin.approve(application.id);
    const request = await asMentee.requests.create({ mentorId: application.userId, goals: 'Move from analytics into data engineering within a year.' });
    mentorshipId = (await asMentor.requests.accept(request.id)).mentorship.id;
  });

  it('schedules, reschedules and exports a meeting', async () => {
    const meeting = await asMentee.meetings.schedule(mentorshipId, { title: 'Kick-off', startsAt: '2026-12-01T18:00:00+08:00', durationMinutes: 45, videoUrl: 'https://meet.example.edu/k' }, { idempotencyKey: 'sdk-meeting-1' });
    expect(meeting).toMatchObject({ startsAt: '2026-12-01T10:00:00.000Z', sequence: 0, overlaps: [] });
    const again = await asMentee.meetings.schedule(mentorshipId, { title: 'Kick-off', startsAt: '2026-12-01T18:00:00+08:00', durationMinutes: 45 }, { idempotencyKey: 'sdk-meeting-1' });
    expect(again.id).toBe(meeting.id);
    const moved = await asMentor.meetings.update(meeting.id, { startsAt: '2026-12-02T10:00:00Z' });
    expect(moved.sequence).toBe(1);
    const list = await asMentor.meetings.list({ from: '2026-12-01T00:00:00+08:00' });
    expect(list.items.map((m) => m.id)).toEqual([meeting.id]);
    expect(seen.some((s) => s === 'GET /api/v1/meetings')).toBe(true);
    const ics = await asMentee.meetings.ics(meeting.id);
    expect(ics).toContain(`UID:${meeting.id}@mentorkit\r\n`);
    expect(ics).toContain('SEQUENCE:1\r\n');
    expect(asMentee.meetings.icsUrl(meeting.id)).toBe(`http://mentoring.test/api/v1/meetings/${meeting.id}/ics`);
    const err = await asMentee.meetings.complete(meeting.id, 'Too early').catch((e: unknown) => e);
    expect(err).toBeInstanceOf(ApiError);
    expect(err).toMatchObject({ code: 'invalid_transition', status: 409 });
    const bad = await asMentee.meetings.schedule(mentorshipId, { title: 'Bad', startsAt: '2026-12-01T10:00:00', durationMinutes: 10 }).catch((e: ApiError) => e);
    expect((bad as ApiError).issueFor('startsAt')).toBeTruthy();
    expect((bad as ApiError).issueFor('durationMinutes')).toBeTruthy();
  });

  it('plans milestones, records progress and computes the percent', async () => {
    const timeline = await asMentor.mentorships.setTimeline(mentorshipId, { targetEndDate: '2027-01-23', template: 'technical-8-week' });
    expect(timeline.mentorship.targetEndDate).toBe('2027-01-23');
    const [first, second] = timeline.milestones;
    await asMentee.milestones.update(first!.id, { status: 'in_progress' });
    await asMentor.milestones.update(first!.id, { status: 'completed' });
    await expect(asMentee.milestones.update(second!.id, { title: 'Mine now' })).rejects.toMatchObject({ code: 'forbidden', status: 403 });
    await asMentor.milestones.remove(second!.id);
    const extra = await asMentor.mentorships.addMilestone(mentorshipId, { title: 'Stretch goal', dueDate: '2027-01-20' });
    expect(extra.position).toBeGreaterThan(first!.position);
    const note = await asMentee.progressNotes.create(mentorshipId, { body: 'First project shipped', progressPercent: 30 });
    expect(note.progressPercent).toBe(30);
    const progress = await asMentor.mentorships.progress(mentorshipId);
    expect(progress).toMatchObject({ basis: 'milestones', counts: { milestones: 5, completed: 1 }, progressPercent: 20 });
    expect(progress.timeline.some((e) => e.kind === 'note')).toBe(true);
  });

  it('subscribes to a rotating calendar feed', async () => {
    await asMentee.meetings.schedule(mentorshipId, { title: 'Kick-off', startsAt: '2026-12-01T18:00:00+08:00', durationMinutes: 45 });
    expect(await asMentee.calendar.feedStatus()).toEqual({ enabled: false });
    const feed = await asMentee.calendar.rotateFeedToken();
    expect(asMentee.calendar.feedUrl(feed.token)).toBe(`http://mentoring.test${feed.path}`);
    const served = await appFetch(asMentee.calendar.feedUrl(feed.token));
    expect(served.status).toBe(200);
    expect(await served.text()).toContain('BEGIN:VEVENT');
    await asMentee.calendar.rotateFeedToken();
    expect((await appFetch(asMentee.calendar.feedUrl(feed.token))).status).toBe(404);
    await asMentee.calendar.disableFeed();
    expect(await asMentee.calendar.feedStatus()).toEqual({ enabled: false });
  });

  it('pauses, completes and takes feedback once', async () => {
    expect((await asMentee.mentorships.pause(mentorshipId)).status).toBe('paused');
    await expect(asMentor.mentorships.pause(mentorshipId)).rejects.toMatchObject({ code: 'invalid_transition' });
    expect((await asMentor.mentorships.complete(mentorshipId)).status).toBe('completed');
    const history = await asMentee.mentorships.history(mentorshipId);
    expect(history.items.map((h) => h.to)).toEqual(['active', 'paused', 'completed']);
    const given = await asMentee.mentorships.feedback(mentorshipId, { rating: 5, comment: 'Thank you!' });
    expect(given.rating).toBe(5);
    await expect(asMentee.mentorships.feedback(mentorshipId, { rating: 4 })).rejects.toMatchObject({ code: 'conflict', status: 409 });
    expect(await asMentee.mentorships.feedbackStatus(mentorshipId)).toMatchObject({ canLeaveFeedback: false, mine: { id: given.id }, otherPartySubmitted: false });
    await expect(asMentor.mentorships.cancel(mentorshipId, 'Too late')).rejects.toMatchObject({ code: 'invalid_transition' });
  });
});
