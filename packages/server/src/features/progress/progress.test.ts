import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { person } from '../../test/flows.js';
import { createTestContext, databaseKinds, json, type TestContext } from '../../test/harness.js';
import { eventsFor, expectError, newPair, noticesFor, snapshot, START, type Pair } from '../lifecycle/workspace.fixtures.js';
import { computeProgress } from './progress.service.js';

describe('computeProgress', () => {
  const ms = (...statuses: ('not_started' | 'in_progress' | 'completed')[]) => statuses.map((status) => ({ status }));
  it('weighs completed milestones 1 and in-progress ½', () => {
    expect(computeProgress(ms('not_started', 'not_started'), [])).toEqual({ progressPercent: 0, basis: 'milestones' });
    expect(computeProgress(ms('in_progress', 'not_started', 'not_started', 'not_started'), [])).toEqual({ progressPercent: 13, basis: 'milestones' });
    expect(computeProgress(ms('completed', 'in_progress', 'not_started', 'not_started'), [])).toEqual({ progressPercent: 38, basis: 'milestones' });
    expect(computeProgress(ms('completed', 'not_started', 'not_started'), [])).toEqual({ progressPercent: 33, basis: 'milestones' });
    expect(computeProgress(ms('completed', 'completed'), [{ progressPercent: 10 }])).toEqual({ progressPercent: 100, basis: 'milestones' });
  });
  it('falls back to the latest note with a percent, then to 0', () => {
    expect(computeProgress([], [{ progressPercent: null }, { progressPercent: 60 }, { progressPercent: 20 }])).toEqual({ progressPercent: 60, basis: 'notes' });
    expect(computeProgress([], [{ progressPercent: null }])).toEqual({ progressPercent: 0, basis: 'none' });
  });
});

describe.each(databaseKinds)('progress on %s', (kind) => {
  let t: TestContext;
  const outsider = person('pg-outsider', 'Olu Outsider');

  beforeAll(async () => {
    t = await createTestContext(kind);
    await t.call('GET', '/api/v1/me', { as: outsider });
  });
  afterAll(async () => { await t?.close(); });

  const call = (...args: Parameters<TestContext['call']>) => t.call(...args);
  const note = (pair: Pair, as: Pair['mentor'], body: unknown, headers?: Record<string, string>) =>
    call('POST', `/api/v1/mentorships/${pair.mentorshipId}/progress-notes`, { as, body, ...(headers ? { headers } : {}) });
  const progress = async (pair: Pair, as = pair.mentee) => {
    const res = await call('GET', `/api/v1/mentorships/${pair.mentorshipId}/progress`, { as });
    expect(res.status).toBe(200);
    return json(res);
  };

  it('takes progress notes from either party, notifying the other', async () => {
    const pair = await newPair(t, 'pg-notes');
    const res = await note(pair, pair.mentee, { body: '  Finished the SQL course.  ', progressPercent: 40 });
    expect(res.status).toBe(201);
    const created = await json(res);
    expect(created).toMatchObject({ mentorshipId: pair.mentorshipId, authorId: pair.menteeId, body: 'Finished the SQL course.', progressPercent: 40, createdAt: '2026-11-28T09:00:00.000Z' });
    expect((await noticesFor(t, pair.mentorId, 'progress.note_added')).at(-1)?.data).toMatchObject({ noteId: created.id, progressPercent: 40 });
    for (const user of [pair.mentorId, pair.menteeId]) {
      expect((await eventsFor(t, user, 'progress.created')).at(-1)?.data).toMatchObject({ id: created.id });
    }
    const byMentor = await note(pair, pair.mentor, { body: 'Good pace; next, window functions.' });
    expect(await json(byMentor)).toMatchObject({ authorId: pair.mentorId, progressPercent: null });
    expect((await noticesFor(t, pair.menteeId, 'progress.note_added'))).toHaveLength(1);
  });

  it('refuses bad notes and outsiders, writing nothing', async () => {
    const pair = await newPair(t, 'pg-invalid');
    const before = await snapshot(t);
    for (const body of [{ body: 'x', progressPercent: 101 }, { body: 'x', progressPercent: -1 }, { body: 'x', progressPercent: 50.5 }, { body: 'x', progressPercent: '50' }, { body: '' }, { body: '   ' }, { body: 'x'.repeat(4001) }, { body: 'x', author: 'me' }]) {
      await expectError(await note(pair, pair.mentee, body), 400, 'validation_failed');
    }
    await expectError(await note(pair, outsider, { body: 'Hello' }), 404, 'not_found');
    await expectError(await call('GET', `/api/v1/mentorships/${pair.mentorshipId}/progress`, { as: outsider }), 404, 'not_found');
    await expectError(await call('GET', '/api/v1/mentorships/not-a-uuid/progress', { as: pair.mentor }), 404, 'not_found');
    expect(await snapshot(t)).toEqual(before);
  });

  it('honours Idempotency-Key on notes', async () => {
    const pair = await newPair(t, 'pg-idem');
    const headers = { 'idempotency-key': 'note-1' };
    const a = await json(await note(pair, pair.mentee, { body: 'Once only' }, headers));
    const b = await json(await note(pair, pair.mentee, { body: 'Once only' }, headers));
    expect(a.id).toBe(b.id);
    expect((await progress(pair)).notes).toHaveLength(1);
  });

  it('computes progress from milestones, else from the latest note with a percent', async () => {
    const pair = await newPair(t, 'pg-percent');
    expect(await progress(pair)).toMatchObject({ progressPercent: 0, basis: 'none', status: 'active', targetEndDate: null, counts: { milestones: 0 } });
    t.clock.set('2026-11-29T09:00:00Z');
    await note(pair, pair.mentee, { body: 'Started', progressPercent: 40 });
    expect(await progress(pair)).toMatchObject({ progressPercent: 40, basis: 'notes' });
    t.clock.set('2026-11-30T09:00:00Z');
    await note(pair, pair.mentor, { body: 'A note without a number' });
    expect(await progress(pair)).toMatchObject({ progressPercent: 40, basis: 'notes' });
    t.clock.set('2026-12-01T09:00:00Z');
    await note(pair, pair.mentee, { body: 'Further along', progressPercent: 70 });
    expect(await progress(pair)).toMatchObject({ progressPercent: 70, basis: 'notes' });

    const ids: string[] = [];
    for (const title of ['One', 'Two', 'Three', 'Four']) {
      ids.push((await json(await call('POST', `/api/v1/mentorships/${pair.mentorshipId}/milestones`, { as: pair.mentor, body: { title } }))).id);
    }
    expect(await progress(pair)).toMatchObject({ progressPercent: 0, basis: 'milestones', counts: { milestones: 4, completed: 0, inProgress: 0 } });
    const setStatus = (id: string, status: string) => call('PATCH', `/api/v1/milestones/${id}`, { as: pair.mentee, body: { status } });
    await setStatus(ids[0]!, 'in_progress');
    expect((await progress(pair)).progressPercent).toBe(13); // ½ of 1 in 4 = 12.5
    await setStatus(ids[0]!, 'completed');
    await setStatus(ids[1]!, 'in_progress');
    expect(await progress(pair)).toMatchObject({ progressPercent: 38, counts: { completed: 1, inProgress: 1 } }); // 1.5 / 4
    await call('DELETE', `/api/v1/milestones/${ids[3]!}`, { as: pair.mentor });
    expect((await progress(pair, pair.mentor)).progressPercent).toBe(50); // 1.5 / 3
    t.clock.set(START);
  });

  it('builds a timeline of status, plan, milestone changes, meetings and notes, oldest first', async () => {
    const pair = await newPair(t, 'pg-timeline');
    const at = (iso: string) => t.clock.set(iso);
    at('2026-11-28T10:00:00Z');
    await call('PUT', `/api/v1/mentorships/${pair.mentorshipId}/timeline`, { as: pair.mentor, body: { targetEndDate: '2027-01-31' } });
    at('2026-11-28T11:00:00Z');
    const milestone = await json(await call('POST', `/api/v1/mentorships/${pair.mentorshipId}/milestones`, { as: pair.mentor, body: { title: 'Ship the portfolio' } }));
    const meeting = await json(await call('POST', `/api/v1/mentorships/${pair.mentorshipId}/meetings`, { as: pair.mentee, body: { title: 'Kick-off', startsAt: '2026-11-29T09:00:00Z', durationMinutes: 30, agenda: 'Goals' } }));
    at('2026-11-29T10:00:00Z');
    await call('POST', `/api/v1/meetings/${meeting.id}/complete`, { as: pair.mentor, body: { notes: 'Agreed the plan' } });
    at('2026-11-30T10:00:00Z');
    await call('PATCH', `/api/v1/milestones/${milestone.id}`, { as: pair.mentee, body: { status: 'in_progress' } });
    at('2026-12-01T10:00:00Z');
    await call('POST', `/api/v1/mentorships/${pair.mentorshipId}/pause`, { as: pair.mentee });
    at('2026-12-02T10:00:00Z');
    await note(pair, pair.mentee, { body: 'Taking a break for exams', progressPercent: 30 });
    at('2026-12-03T10:00:00Z');
    await call('POST', `/api/v1/mentorships/${pair.mentorshipId}/resume`, { as: pair.mentor });
    await call('PATCH', `/api/v1/milestones/${milestone.id}`, { as: pair.mentor, body: { move: 'down' } }); // moves are not timeline news
    at('2026-12-04T10:00:00Z');
    await call('DELETE', `/api/v1/milestones/${milestone.id}`, { as: pair.mentor });
    t.clock.set(START);

    const { timeline } = await progress(pair);
    expect(timeline.map((e: { at: string; kind: string; action: string | null; title: string; actorId: string | null }) => [e.at.slice(0, 13), e.kind, e.action, e.title, e.actorId])).toEqual([
      ['2026-11-28T09', 'status', 'active', 'Mentorship started', pair.mentorId],
      ['2026-11-28T10', 'plan', 'timeline_set', 'Target end date set to 2027-01-31', pair.mentorId],
      ['2026-11-28T11', 'milestone', 'created', 'Milestone added: Ship the portfolio', pair.mentorId],
      ['2026-11-29T09', 'meeting', 'completed', 'Kick-off', pair.menteeId],
      ['2026-11-30T10', 'milestone', 'started', 'Milestone started: Ship the portfolio', pair.menteeId],
      ['2026-12-01T10', 'status', 'paused', 'Mentorship paused', pair.menteeId],
      ['2026-12-02T10', 'note', null, 'Progress note (30%)', pair.menteeId],
      ['2026-12-03T10', 'status', 'active', 'Mentorship resumed', pair.mentorId],
      ['2026-12-04T10', 'milestone', 'removed', 'Milestone removed: Ship the portfolio', pair.mentorId],
    ]);
    expect(timeline.find((e: { kind: string }) => e.kind === 'meeting')).toMatchObject({ refId: meeting.id, detail: 'Agreed the plan' });
    expect(timeline.find((e: { kind: string }) => e.kind === 'note')).toMatchObject({ detail: 'Taking a break for exams' });
    // Another mentorship's events never leak in.
    const other = await newPair(t, 'pg-timeline-other');
    expect((await progress(other)).timeline.map((e: { kind: string }) => e.kind)).toEqual(['status']);
  });
});
