import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { person } from '../../test/flows.js';
import { createTestContext, databaseKinds, json, type TestContext, type TestUser } from '../../test/harness.js';
import { eventsFor, expectError, moveTo, newPair, noticesFor, snapshot, START, type Pair } from '../lifecycle/workspace.fixtures.js';

const meetingBody = (extra: Record<string, unknown> = {}) => ({
  title: 'Career planning',
  startsAt: '2026-12-01T18:00:00+08:00',
  durationMinutes: 60,
  location: 'Alumni Centre, Room 2',
  videoUrl: 'https://meet.example.edu/abc-defg',
  agenda: 'Review the CV\nPick three target companies',
  ...extra,
});

describe.each(databaseKinds)('meetings on %s', (kind) => {
  let t: TestContext;
  const outsider = person('mt-outsider', 'Olu Outsider');

  beforeAll(async () => {
    t = await createTestContext(kind);
    await t.call('GET', '/api/v1/me', { as: outsider });
  });
  afterAll(async () => { await t?.close(); });

  const call = (...args: Parameters<TestContext['call']>) => t.call(...args);
  const schedule = async (pair: Pair, extra: Record<string, unknown> = {}, as: TestUser = pair.mentee) => {
    const res = await call('POST', `/api/v1/mentorships/${pair.mentorshipId}/meetings`, { as, body: meetingBody(extra) });
    const body = await json(res);
    expect(res.status, JSON.stringify(body)).toBe(201);
    return body;
  };

  it('schedules a meeting (either party), stored in UTC, notifying the other party', async () => {
    const pair = await newPair(t, 'mt-create');
    const meeting = await schedule(pair);
    expect(meeting).toMatchObject({
      mentorshipId: pair.mentorshipId, mentorId: pair.mentorId, menteeId: pair.menteeId,
      title: 'Career planning', startsAt: '2026-12-01T10:00:00.000Z', endsAt: '2026-12-01T11:00:00.000Z', durationMinutes: 60,
      location: 'Alumni Centre, Room 2', videoUrl: 'https://meet.example.edu/abc-defg', agenda: 'Review the CV\nPick three target companies',
      status: 'scheduled', notes: null, cancelReason: null, sequence: 0, createdBy: pair.menteeId, overlaps: [],
    });
    expect((await noticesFor(t, pair.mentorId, 'meeting.scheduled')).at(-1)?.data).toMatchObject({ meetingId: meeting.id, startsAt: '2026-12-01T10:00:00.000Z', byId: pair.menteeId });
    expect(await noticesFor(t, pair.menteeId, 'meeting.scheduled')).toHaveLength(0);
    for (const user of [pair.mentorId, pair.menteeId]) {
      expect((await eventsFor(t, user, 'meeting.created')).map((e) => (e.data as { id: string }).id)).toContain(meeting.id);
    }
    const byMentor = await schedule(pair, { title: 'Follow-up', startsAt: '2026-12-08T10:00:00Z', location: undefined, videoUrl: 'HTTPS://Meet.Example.EDU/x y' }, pair.mentor);
    expect(byMentor).toMatchObject({ createdBy: pair.mentorId, location: null, videoUrl: 'https://meet.example.edu/x%20y' });
    const audit = await t.handle.db.selectFrom('audit_log').select(['action', 'to_state', 'details']).where('entity_id', '=', meeting.id).execute();
    expect(audit).toEqual([{ action: 'meeting.scheduled', to_state: 'scheduled', details: expect.objectContaining({ mentorshipId: pair.mentorshipId }) }]);
  });

  it('refuses bad input with a clear 400 and writes nothing', async () => {
    const pair = await newPair(t, 'mt-invalid');
    const before = await snapshot(t);
    const cases: [Record<string, unknown>, string][] = [
      [{ startsAt: '2026-11-28T08:59:00Z' }, 'startsAt'], // in the past (the clock is 09:00Z)
      [{ startsAt: '2026-11-28T09:00:00Z' }, 'startsAt'], // now is not the future
      [{ startsAt: '2026-12-01T10:00:00' }, 'startsAt'], // no offset
      [{ startsAt: '1 December 2026' }, 'startsAt'],
      [{ durationMinutes: 0 }, 'durationMinutes'],
      [{ durationMinutes: 14 }, 'durationMinutes'],
      [{ durationMinutes: 481 }, 'durationMinutes'],
      [{ durationMinutes: 10000 }, 'durationMinutes'],
      [{ durationMinutes: 30.5 }, 'durationMinutes'],
      [{ videoUrl: 'javascript:alert(1)' }, 'videoUrl'],
      [{ videoUrl: 'data:text/html,<script>alert(1)</script>' }, 'videoUrl'],
      [{ videoUrl: 'ftp://files.example.edu/x' }, 'videoUrl'],
      [{ title: '' }, 'title'],
      [{ title: 'x'.repeat(201) }, 'title'],
      [{ agenda: 'x'.repeat(4001) }, 'agenda'],
      [{ organizer: 'me' }, ''],
    ];
    for (const [extra, field] of cases) {
      const res = await call('POST', `/api/v1/mentorships/${pair.mentorshipId}/meetings`, { as: pair.mentee, body: meetingBody(extra) });
      const body = await expectError(res, 400, 'validation_failed');
      if (field) expect(body.error.issues.map((i: { path: string[] }) => i.path.join('.'))).toContain(field);
    }
    expect(await snapshot(t)).toEqual(before);
  });

  it('answers 404 to outsiders on every meeting route', async () => {
    const pair = await newPair(t, 'mt-outsider');
    const meeting = await schedule(pair);
    const before = await snapshot(t);
    await expectError(await call('POST', `/api/v1/mentorships/${pair.mentorshipId}/meetings`, { as: outsider, body: meetingBody() }), 404, 'not_found');
    await expectError(await call('GET', `/api/v1/meetings/${meeting.id}`, { as: outsider }), 404, 'not_found');
    await expectError(await call('GET', `/api/v1/meetings/${meeting.id}/ics`, { as: outsider }), 404, 'not_found');
    await expectError(await call('PATCH', `/api/v1/meetings/${meeting.id}`, { as: outsider, body: { title: 'Mine now' } }), 404, 'not_found');
    await expectError(await call('POST', `/api/v1/meetings/${meeting.id}/complete`, { as: outsider, body: { notes: 'x' } }), 404, 'not_found');
    await expectError(await call('POST', `/api/v1/meetings/${meeting.id}/cancel`, { as: outsider, body: { reason: 'x' } }), 404, 'not_found');
    await expectError(await call('GET', '/api/v1/meetings/not-a-uuid', { as: pair.mentee }), 404, 'not_found');
    const list = await json(await call('GET', '/api/v1/meetings?from=2026-01-01T00:00:00Z', { as: outsider }));
    expect(list.items).toEqual([]);
    await expectError(await call('GET', '/api/v1/meetings'), 401, 'unauthenticated');
    expect(await snapshot(t)).toEqual(before);
  });

  it('warns about overlapping meetings of either participant without refusing, hiding others\' details', async () => {
    const first = await newPair(t, 'mt-overlap');
    const second = await newPair(t, 'mt-overlap', { mentor: first.mentor, mentorId: first.mentorId });
    const a = await schedule(first, { title: 'With mentee one', startsAt: '2026-12-02T10:00:00Z', durationMinutes: 60 });
    expect(a.overlaps).toEqual([]);
    // The mentor books the second mentee half an hour into the first meeting.
    const b = await schedule(second, { title: 'With mentee two', startsAt: '2026-12-02T10:30:00Z', durationMinutes: 60 }, first.mentor);
    expect(b.overlaps).toEqual([{ meetingId: a.id, title: 'With mentee one', startsAt: '2026-12-02T10:00:00.000Z', endsAt: '2026-12-02T11:00:00.000Z', participantIds: [first.mentorId] }]);
    // The second mentee books 10:45: both earlier meetings overlap; the first is not theirs to see.
    const c = await schedule(second, { title: 'Quick question', startsAt: '2026-12-02T10:45:00Z', durationMinutes: 15 });
    expect(c.overlaps).toEqual([
      { meetingId: null, title: null, startsAt: '2026-12-02T10:00:00.000Z', endsAt: '2026-12-02T11:00:00.000Z', participantIds: [first.mentorId] },
      { meetingId: b.id, title: 'With mentee two', startsAt: '2026-12-02T10:30:00.000Z', endsAt: '2026-12-02T11:30:00.000Z', participantIds: [second.mentorId, second.menteeId] },
    ]);
    // Back to back is not an overlap; a cancelled meeting no longer counts.
    const d = await schedule(first, { title: 'Right after', startsAt: '2026-12-02T11:30:00Z', durationMinutes: 30 });
    expect(d.overlaps).toEqual([]);
    expect((await call('POST', `/api/v1/meetings/${b.id}/cancel`, { as: second.mentee, body: { reason: 'Clash' } })).status).toBe(200);
    const again = await json(await call('GET', `/api/v1/meetings/${c.id}`, { as: second.mentee }));
    expect(again.overlaps.map((o: { meetingId: string | null }) => o.meetingId)).toEqual([null]);
    const rows = await t.handle.db.selectFrom('meetings').select('id').where('id', 'in', [a.id, b.id, c.id, d.id]).execute();
    expect(rows).toHaveLength(4);
  });

  it('reschedules and edits, bumping SEQUENCE on every real change and never on a no-op', async () => {
    const pair = await newPair(t, 'mt-patch');
    const m = await schedule(pair);
    const patch = async (body: unknown, as = pair.mentor) => {
      const res = await call('PATCH', `/api/v1/meetings/${m.id}`, { as, body });
      return { res, body: await json(res.clone()) };
    };
    const moved = await patch({ startsAt: '2026-12-03T09:00:00-05:00' });
    expect(moved.res.status).toBe(200);
    expect(moved.body).toMatchObject({ startsAt: '2026-12-03T14:00:00.000Z', endsAt: '2026-12-03T15:00:00.000Z', sequence: 1 });
    expect((await noticesFor(t, pair.menteeId, 'meeting.updated')).at(-1)?.data).toMatchObject({ meetingId: m.id, rescheduled: true, previousStartsAt: '2026-12-01T10:00:00.000Z', startsAt: '2026-12-03T14:00:00.000Z' });
    expect((await patch({ durationMinutes: 90 }, pair.mentee)).body).toMatchObject({ sequence: 2, endsAt: '2026-12-03T15:30:00.000Z' });
    expect((await patch({ title: 'Career planning II', location: null, agenda: null })).body).toMatchObject({ sequence: 3, title: 'Career planning II', location: null, agenda: null });
    expect((await noticesFor(t, pair.menteeId, 'meeting.updated')).at(-1)?.data).toMatchObject({ rescheduled: false });

    const before = await snapshot(t);
    const same = await patch({ startsAt: '2026-12-03T14:00:00Z', title: 'Career planning II', durationMinutes: 90 });
    expect(same.res.status).toBe(200);
    expect(same.body.sequence).toBe(3);
    expect(await snapshot(t)).toEqual(before);
    await expectError((await patch({ startsAt: '2026-11-28T08:00:00Z' })).res, 400, 'validation_failed');
    await expectError((await patch({ startsAt: '2026-12-04T10:00:00' })).res, 400, 'validation_failed');
    await expectError((await patch({ durationMinutes: 0 })).res, 400, 'validation_failed');
    await expectError((await patch({ videoUrl: 'javascript:alert(1)' })).res, 400, 'validation_failed');
    await expectError((await patch({})).res, 400, 'validation_failed');
    expect(await snapshot(t)).toEqual(before);

    const audit = await t.handle.db.selectFrom('audit_log').select('action').where('entity_id', '=', m.id).orderBy('id').execute();
    expect(audit.map((a) => a.action)).toEqual(['meeting.scheduled', 'meeting.rescheduled', 'meeting.rescheduled', 'meeting.updated']);
    const events = await eventsFor(t, pair.menteeId, 'meeting.updated');
    expect(events.map((e) => (e.data as { sequence: number }).sequence)).toEqual([1, 2, 3]);
  });

  it('completes a meeting only once it has started, with notes', async () => {
    const pair = await newPair(t, 'mt-complete');
    const m = await schedule(pair, { startsAt: '2026-11-28T10:00:00Z', durationMinutes: 30 });
    const before = await snapshot(t);
    await expectError(await call('POST', `/api/v1/meetings/${m.id}/complete`, { as: pair.mentor, body: { notes: 'Too early' } }), 409, 'invalid_transition');
    t.clock.set('2026-11-28T09:59:59Z');
    await expectError(await call('POST', `/api/v1/meetings/${m.id}/complete`, { as: pair.mentor, body: { notes: 'Still too early' } }), 409, 'invalid_transition');
    t.clock.set('2026-11-28T10:05:00Z');
    await expectError(await call('POST', `/api/v1/meetings/${m.id}/complete`, { as: pair.mentor, body: {} }), 400, 'validation_failed');
    await expectError(await call('POST', `/api/v1/meetings/${m.id}/complete`, { as: pair.mentor, body: { notes: '' } }), 400, 'validation_failed');
    expect(await snapshot(t)).toEqual(before);
    const done = await call('POST', `/api/v1/meetings/${m.id}/complete`, { as: pair.mentee, body: { notes: 'Agreed on three companies to approach.' } });
    expect(done.status).toBe(200);
    expect(await json(done)).toMatchObject({ status: 'completed', notes: 'Agreed on three companies to approach.', sequence: 0 });
    expect((await noticesFor(t, pair.mentorId, 'meeting.completed')).at(-1)?.data).toMatchObject({ meetingId: m.id });
    const after = await snapshot(t);
    await expectError(await call('POST', `/api/v1/meetings/${m.id}/complete`, { as: pair.mentor, body: { notes: 'Again' } }), 409, 'invalid_transition');
    await expectError(await call('POST', `/api/v1/meetings/${m.id}/cancel`, { as: pair.mentor, body: { reason: 'Oops' } }), 409, 'invalid_transition');
    await expectError(await call('PATCH', `/api/v1/meetings/${m.id}`, { as: pair.mentor, body: { title: 'Edited' } }), 409, 'invalid_transition');
    expect(await snapshot(t)).toEqual(after);
    t.clock.set(START);
  });

  it('cancels with a reason, bumping SEQUENCE; a cancelled meeting is final', async () => {
    const pair = await newPair(t, 'mt-cancel');
    const m = await schedule(pair);
    const before = await snapshot(t);
    for (const body of [{}, { reason: '' }, { reason: 'x'.repeat(1001) }]) {
      await expectError(await call('POST', `/api/v1/meetings/${m.id}/cancel`, { as: pair.mentor, body }), 400, 'validation_failed');
    }
    expect(await snapshot(t)).toEqual(before);
    const res = await call('POST', `/api/v1/meetings/${m.id}/cancel`, { as: pair.mentor, body: { reason: 'Travelling that week' } });
    expect(await json(res)).toMatchObject({ status: 'cancelled', cancelReason: 'Travelling that week', sequence: 1 });
    expect((await noticesFor(t, pair.menteeId, 'meeting.cancelled')).at(-1)?.data).toMatchObject({ meetingId: m.id, reason: 'Travelling that week' });
    await expectError(await call('POST', `/api/v1/meetings/${m.id}/cancel`, { as: pair.mentee, body: { reason: 'Again' } }), 409, 'invalid_transition');
    await expectError(await call('PATCH', `/api/v1/meetings/${m.id}`, { as: pair.mentee, body: { startsAt: '2026-12-20T10:00:00Z' } }), 409, 'invalid_transition');
  });

  it('lets a paused mentorship plan its next meeting', async () => {
    const pair = await newPair(t, 'mt-paused');
    await moveTo(t, pair, 'paused');
    expect((await schedule(pair)).status).toBe('scheduled');
  });

  it('lists the caller\'s meetings across mentorships: upcoming by default, by range, paged', async () => {
    const first = await newPair(t, 'mt-list');
    const second = await newPair(t, 'mt-list', { mentor: first.mentor, mentorId: first.mentorId });
    const early = await schedule(first, { title: 'Early', startsAt: '2026-11-28T09:30:00Z', durationMinutes: 60 });
    const mid = await schedule(second, { title: 'Mid', startsAt: '2026-12-05T09:00:00Z' });
    const late = await schedule(first, { title: 'Late', startsAt: '2026-12-20T09:00:00Z' });
    const cancelled = await schedule(second, { title: 'Called off', startsAt: '2026-12-06T09:00:00Z' });
    await call('POST', `/api/v1/meetings/${cancelled.id}/cancel`, { as: second.mentee, body: { reason: 'Sick' } });
    const ids = (page: { items: { id: string }[] }) => page.items.map((i) => i.id);

    t.clock.set('2026-11-28T10:00:00Z'); // "Early" is running now: still upcoming
    const upcoming = await json(await call('GET', '/api/v1/meetings', { as: first.mentor }));
    expect(ids(upcoming)).toEqual([early.id, mid.id, cancelled.id, late.id]);
    t.clock.set('2026-11-28T11:00:00Z'); // "Early" is over
    expect(ids(await json(await call('GET', '/api/v1/meetings', { as: first.mentor })))).toEqual([mid.id, cancelled.id, late.id]);
    expect(ids(await json(await call('GET', '/api/v1/meetings?status=scheduled', { as: first.mentor })))).toEqual([mid.id, late.id]);
    expect(ids(await json(await call('GET', '/api/v1/meetings?to=2026-11-29T00:00:00Z', { as: first.mentor })))).toEqual([early.id]);
    const range = `from=${encodeURIComponent('2026-12-01T00:00:00+08:00')}&to=${encodeURIComponent('2026-12-10T00:00:00+08:00')}`;
    expect(ids(await json(await call('GET', `/api/v1/meetings?${range}`, { as: first.mentor })))).toEqual([mid.id, cancelled.id]);
    expect(ids(await json(await call('GET', `/api/v1/meetings?from=2026-01-01T00:00:00Z&mentorshipId=${first.mentorshipId}`, { as: first.mentor })))).toEqual([early.id, late.id]);
    // Each mentee sees only their own.
    expect(ids(await json(await call('GET', '/api/v1/meetings?from=2026-01-01T00:00:00Z', { as: first.mentee })))).toEqual([early.id, late.id]);

    const page1 = await json(await call('GET', '/api/v1/meetings?limit=2', { as: first.mentor }));
    expect(ids(page1)).toEqual([mid.id, cancelled.id]);
    const page2 = await json(await call('GET', `/api/v1/meetings?limit=2&cursor=${page1.nextCursor}`, { as: first.mentor }));
    expect(ids(page2)).toEqual([late.id]);
    expect(page2.nextCursor).toBeNull();
    expect(page1.items[0].overlaps).toBeUndefined();

    await expectError(await call('GET', '/api/v1/meetings?from=2026-12-10T00:00:00Z&to=2026-12-01T00:00:00Z', { as: first.mentor }), 400, 'validation_failed');
    await expectError(await call('GET', '/api/v1/meetings?from=2026-12-10T00:00:00', { as: first.mentor }), 400, 'validation_failed');
    await expectError(await call('GET', '/api/v1/meetings?limit=101', { as: first.mentor }), 400, 'validation_failed');
    await expectError(await call('GET', '/api/v1/meetings?cursor=nope', { as: first.mentor }), 400, 'validation_failed');
    t.clock.set(START);
  });

  it('honours Idempotency-Key on scheduling', async () => {
    const pair = await newPair(t, 'mt-idem');
    const headers = { 'idempotency-key': 'meeting-create-1' };
    const [a, b] = await Promise.all([
      call('POST', `/api/v1/mentorships/${pair.mentorshipId}/meetings`, { as: pair.mentee, body: meetingBody(), headers }),
      call('POST', `/api/v1/mentorships/${pair.mentorshipId}/meetings`, { as: pair.mentee, body: meetingBody(), headers }),
    ]);
    expect([a.status, b.status]).toEqual([201, 201]);
    expect((await json(a)).id).toBe((await json(b)).id);
    const rows = await t.handle.db.selectFrom('meetings').select('id').where('mentorship_id', '=', pair.mentorshipId).execute();
    expect(rows).toHaveLength(1);
  });
});
