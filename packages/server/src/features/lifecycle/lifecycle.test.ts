import { mentorshipStatuses, type MentorshipStatus, type NotificationKind } from '@mentorkit/contract';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { person } from '../../test/flows.js';
import { createTestContext, databaseKinds, json, type TestContext } from '../../test/harness.js';
import { DAY, eventsFor, expectError, HOUR, moveTo, newPair, noticesFor, snapshot, START, type Pair } from './workspace.fixtures.js';

const actions = ['pause', 'resume', 'complete', 'cancel'] as const;
type Action = (typeof actions)[number];

/** Written out here, not read from the contract, so a wrong table there fails this test. */
const legal: Record<MentorshipStatus, Partial<Record<Action, MentorshipStatus>>> = {
  active: { pause: 'paused', complete: 'completed', cancel: 'cancelled' },
  paused: { resume: 'active', complete: 'completed', cancel: 'cancelled' },
  completed: {},
  cancelled: {},
};
const noticeKind: Record<Action, NotificationKind> = { pause: 'mentorship.paused', resume: 'mentorship.resumed', complete: 'mentorship.completed', cancel: 'mentorship.cancelled' };

describe.each(databaseKinds)('mentorship lifecycle and feedback on %s', (kind) => {
  let t: TestContext;
  const outsider = person('lc-outsider', 'Olu Outsider');

  beforeAll(async () => { t = await createTestContext(kind); });
  afterAll(async () => { await t?.close(); });

  const call = (...args: Parameters<TestContext['call']>) => t.call(...args);
  const act = (pair: Pair, action: Action, as = pair.mentor) =>
    call('POST', `/api/v1/mentorships/${pair.mentorshipId}/${action}`, { as, ...(action === 'cancel' ? { body: { reason: 'We met our goals early' } } : {}) });
  const openSlots = async (mentorId: string) =>
    (await t.handle.db.selectFrom('mentors').select('open_mentorships').where('user_id', '=', mentorId).executeTakeFirstOrThrow()).open_mentorships;

  it.each(mentorshipStatuses.flatMap((from) => actions.map((action, i) => [from, action, i % 2 === 0 ? 'mentee' : 'mentor'] as const)))(
    'from %s, %s by the %s',
    async (from, action, by) => {
      const pair = await newPair(t, `lc-${from}-${action}`);
      await moveTo(t, pair, from);
      const actor = by === 'mentor' ? pair.mentor : pair.mentee;
      const actorId = by === 'mentor' ? pair.mentorId : pair.menteeId;
      const otherId = by === 'mentor' ? pair.menteeId : pair.mentorId;
      const slotsBefore = await openSlots(pair.mentorId);
      const before = await snapshot(t);
      const res = await act(pair, action, actor);
      const to = legal[from][action];
      if (to) {
        const body = await json(res);
        expect(res.status, JSON.stringify(body)).toBe(200);
        expect(body).toMatchObject({ id: pair.mentorshipId, status: to, mentor: { id: pair.mentorId }, mentee: { id: pair.menteeId } });
        const ends = to === 'completed' || to === 'cancelled';
        expect(body.endedAt !== null).toBe(ends);
        expect(body.endReason).toBe(to === 'cancelled' ? 'We met our goals early' : null);
        expect(await openSlots(pair.mentorId)).toBe(ends ? slotsBefore - 1 : slotsBefore);
        const audit = await t.handle.db.selectFrom('audit_log').select(['action', 'actor_id', 'from_state', 'to_state'])
          .where('entity_id', '=', pair.mentorshipId).orderBy('id', 'desc').executeTakeFirstOrThrow();
        expect(audit).toEqual({ action: noticeKind[action], actor_id: actorId, from_state: from, to_state: to });
        const notices = await noticesFor(t, otherId, noticeKind[action]);
        expect(notices.at(-1)?.data).toMatchObject({ mentorshipId: pair.mentorshipId, byId: actorId });
        expect(await noticesFor(t, actorId, noticeKind[action])).toHaveLength(0);
        for (const userId of [pair.mentorId, pair.menteeId]) {
          const events = await eventsFor(t, userId, 'mentorship.updated');
          expect((events.at(-1)?.data as { status: string }).status).toBe(to);
        }
      } else {
        await expectError(res, 409, 'invalid_transition');
        expect(await snapshot(t)).toEqual(before);
        const read = await json(await call('GET', `/api/v1/mentorships/${pair.mentorshipId}`, { as: pair.mentee }));
        expect(read.status).toBe(from);
      }
    },
  );

  it('needs a reason to cancel, and writes nothing without one', async () => {
    const pair = await newPair(t, 'lc-reason');
    const before = await snapshot(t);
    for (const body of [undefined, {}, { reason: '' }, { reason: '   ' }, { reason: 'x'.repeat(1001) }, { reason: 'ok', extra: 1 }]) {
      const res = await call('POST', `/api/v1/mentorships/${pair.mentorshipId}/cancel`, { as: pair.mentee, ...(body ? { body } : {}) });
      await expectError(res, 400, 'validation_failed');
    }
    expect(await snapshot(t)).toEqual(before);
  });

  it('answers 404 to outsiders and for unknown ids, 401 without a token', async () => {
    const pair = await newPair(t, 'lc-outsider');
    await call('GET', '/api/v1/me', { as: outsider }); // the outsider's user row exists before the snapshot
    const before = await snapshot(t);
    for (const action of actions) await expectError(await act(pair, action, outsider), 404, 'not_found');
    await expectError(await call('GET', `/api/v1/mentorships/${pair.mentorshipId}/history`, { as: outsider }), 404, 'not_found');
    await expectError(await call('GET', `/api/v1/mentorships/${pair.mentorshipId}/feedback`, { as: outsider }), 404, 'not_found');
    await expectError(await call('POST', `/api/v1/mentorships/${pair.mentorshipId}/feedback`, { as: outsider, body: { rating: 5 } }), 404, 'not_found');
    await expectError(await call('POST', '/api/v1/mentorships/not-a-uuid/pause', { as: pair.mentor }), 404, 'not_found');
    await expectError(await call('POST', '/api/v1/mentorships/00000000-0000-4000-8000-000000000000/pause', { as: pair.mentor }), 404, 'not_found');
    await expectError(await call('POST', `/api/v1/mentorships/${pair.mentorshipId}/pause`), 401, 'unauthenticated');
    expect(await snapshot(t)).toEqual(before);
  });

  it('lets exactly one of several concurrent changes win', async () => {
    const pair = await newPair(t, 'lc-race');
    const results = await Promise.all([
      act(pair, 'complete', pair.mentor), act(pair, 'cancel', pair.mentee), act(pair, 'complete', pair.mentee),
      act(pair, 'pause', pair.mentor), act(pair, 'cancel', pair.mentor),
    ]);
    const statuses = results.map((r) => r.status);
    const winners = statuses.filter((s) => s === 200).length;
    // A pause may win first and then one ending still follows it; never two endings.
    const ended = await t.handle.db.selectFrom('audit_log').select('action').where('entity_id', '=', pair.mentorshipId)
      .where('action', 'in', ['mentorship.completed', 'mentorship.cancelled']).execute();
    expect(ended).toHaveLength(1);
    expect(winners).toBeGreaterThanOrEqual(1);
    expect(winners).toBeLessThanOrEqual(2);
    expect(statuses.filter((s) => s !== 200).every((s) => s === 409)).toBe(true);
    expect(await openSlots(pair.mentorId)).toBe(0);

    const done = await newPair(t, 'lc-race-feedback');
    await moveTo(t, done, 'completed');
    const feedback = await Promise.all(Array.from({ length: 5 }, (_, i) =>
      call('POST', `/api/v1/mentorships/${done.mentorshipId}/feedback`, { as: done.mentee, body: { rating: 1 + i } })));
    expect(feedback.map((r) => r.status).sort()).toEqual([201, 409, 409, 409, 409]);
    const rows = await t.handle.db.selectFrom('feedback').select('id').where('mentorship_id', '=', done.mentorshipId).execute();
    expect(rows).toHaveLength(1);
  });

  it('keeps the history of status changes, oldest first, paged', async () => {
    const pair = await newPair(t, 'lc-history');
    t.clock.advance(HOUR);
    await act(pair, 'pause', pair.mentee);
    t.clock.advance(DAY);
    await act(pair, 'resume', pair.mentor);
    t.clock.advance(DAY);
    await act(pair, 'cancel', pair.mentee);
    t.clock.set(START);
    const all = await json(await call('GET', `/api/v1/mentorships/${pair.mentorshipId}/history`, { as: pair.mentor }));
    expect(all.items).toEqual([
      { at: '2026-11-28T09:00:00.000Z', from: null, to: 'active', actorId: pair.mentorId, reason: null },
      { at: '2026-11-28T10:00:00.000Z', from: 'active', to: 'paused', actorId: pair.menteeId, reason: null },
      { at: '2026-11-29T10:00:00.000Z', from: 'paused', to: 'active', actorId: pair.mentorId, reason: null },
      { at: '2026-11-30T10:00:00.000Z', from: 'active', to: 'cancelled', actorId: pair.menteeId, reason: 'We met our goals early' },
    ]);
    expect(all.nextCursor).toBeNull();
    const first = await json(await call('GET', `/api/v1/mentorships/${pair.mentorshipId}/history?limit=3`, { as: pair.mentee }));
    expect(first.items.map((i: { to: string }) => i.to)).toEqual(['active', 'paused', 'active']);
    const second = await json(await call('GET', `/api/v1/mentorships/${pair.mentorshipId}/history?limit=3&cursor=${first.nextCursor}`, { as: pair.mentee }));
    expect(second).toEqual({ items: [all.items[3]], nextCursor: null });
    await expectError(await call('GET', `/api/v1/mentorships/${pair.mentorshipId}/history?cursor=bogus`, { as: pair.mentee }), 400, 'validation_failed');
    await expectError(await call('GET', `/api/v1/mentorships/${pair.mentorshipId}/history?limit=101`, { as: pair.mentee }), 400, 'validation_failed');
  });

  it('cancels the meetings still ahead when a mentorship ends, and keeps past ones', async () => {
    const pair = await newPair(t, 'lc-ending');
    const schedule = async (startsAt: string) => {
      const res = await call('POST', `/api/v1/mentorships/${pair.mentorshipId}/meetings`, { as: pair.mentee, body: { title: 'Check-in', startsAt, durationMinutes: 30 } });
      expect(res.status).toBe(201);
      return (await json(res)).id as string;
    };
    const soon = await schedule('2026-11-28T10:00:00Z');
    const later = await schedule('2026-12-10T10:00:00+08:00');
    t.clock.set('2026-11-29T09:00:00Z');
    expect((await act(pair, 'complete', pair.mentee)).status).toBe(200);
    t.clock.set(START);
    const past = await json(await call('GET', `/api/v1/meetings/${soon}`, { as: pair.mentor }));
    expect(past).toMatchObject({ status: 'scheduled', sequence: 0 });
    const ahead = await json(await call('GET', `/api/v1/meetings/${later}`, { as: pair.mentor }));
    expect(ahead).toMatchObject({ status: 'cancelled', sequence: 1, cancelReason: 'The mentorship was completed' });
    const events = await eventsFor(t, pair.mentorId, 'meeting.updated');
    expect(events.some((e) => (e.data as { id: string; status: string }).id === later)).toBe(true);
  });

  describe('an ended mentorship is read-only', () => {
    it.each(['completed', 'cancelled'] as const)('when %s: every change answers 409 invalid_transition and writes nothing', async (status) => {
      const pair = await newPair(t, `lc-readonly-${status}`);
      const meeting = await json(await call('POST', `/api/v1/mentorships/${pair.mentorshipId}/meetings`, { as: pair.mentor, body: { title: 'Kick-off', startsAt: '2026-11-28T09:30:00Z', durationMinutes: 30 } }));
      const milestone = await json(await call('POST', `/api/v1/mentorships/${pair.mentorshipId}/milestones`, { as: pair.mentor, body: { title: 'First goal' } }));
      expect(meeting.id).toBeTruthy();
      expect(milestone.id).toBeTruthy();
      await moveTo(t, pair, status);
      t.clock.set('2026-11-28T10:00:00Z');
      const before = await snapshot(t);
      const attempts: [string, string, unknown, typeof pair.mentor][] = [
        ['POST', `/mentorships/${pair.mentorshipId}/pause`, undefined, pair.mentee],
        ['POST', `/mentorships/${pair.mentorshipId}/resume`, undefined, pair.mentor],
        ['POST', `/mentorships/${pair.mentorshipId}/complete`, undefined, pair.mentee],
        ['POST', `/mentorships/${pair.mentorshipId}/cancel`, { reason: 'again' }, pair.mentor],
        ['POST', `/mentorships/${pair.mentorshipId}/meetings`, { title: 'Late', startsAt: '2026-12-01T10:00:00Z', durationMinutes: 30 }, pair.mentee],
        ['PATCH', `/meetings/${meeting.id}`, { title: 'Renamed' }, pair.mentee],
        ['POST', `/meetings/${meeting.id}/complete`, { notes: 'We talked' }, pair.mentor],
        ['POST', `/meetings/${meeting.id}/cancel`, { reason: 'No longer needed' }, pair.mentee],
        ['PUT', `/mentorships/${pair.mentorshipId}/timeline`, { targetEndDate: '2027-01-31' }, pair.mentor],
        ['POST', `/mentorships/${pair.mentorshipId}/milestones`, { title: 'Another goal' }, pair.mentor],
        ['PATCH', `/milestones/${milestone.id}`, { status: 'in_progress' }, pair.mentee],
        ['PATCH', `/milestones/${milestone.id}`, { title: 'Renamed goal' }, pair.mentor],
        ['DELETE', `/milestones/${milestone.id}`, undefined, pair.mentor],
        ['POST', `/mentorships/${pair.mentorshipId}/progress-notes`, { body: 'Still going', progressPercent: 90 }, pair.mentee],
      ];
      for (const [method, path, body, as] of attempts) {
        const res = await call(method, `/api/v1${path}`, { as, ...(body !== undefined ? { body } : {}) });
        await expectError(res, 409, 'invalid_transition');
      }
      expect(await snapshot(t)).toEqual(before);
      t.clock.set(START);
      // Reading still works.
      expect((await call('GET', `/api/v1/mentorships/${pair.mentorshipId}/progress`, { as: pair.mentee })).status).toBe(200);
      expect((await call('GET', `/api/v1/meetings/${meeting.id}/ics`, { as: pair.mentee })).status).toBe(200);
    });
  });

  describe('feedback', () => {
    const mentorStats = async (mentorId: string, viewer = outsider) =>
      (await json(await call('GET', `/api/v1/mentors/${mentorId}`, { as: viewer }))).stats;

    it('opens only after completion', async () => {
      const pair = await newPair(t, 'lc-fb-early');
      const before = await snapshot(t);
      await expectError(await call('POST', `/api/v1/mentorships/${pair.mentorshipId}/feedback`, { as: pair.mentee, body: { rating: 5, comment: 'Great' } }), 409, 'invalid_transition');
      expect(await snapshot(t)).toEqual(before);
      await moveTo(t, pair, 'paused');
      const paused = await snapshot(t);
      await expectError(await call('POST', `/api/v1/mentorships/${pair.mentorshipId}/feedback`, { as: pair.mentee, body: { rating: 5 } }), 409, 'invalid_transition');
      expect(await snapshot(t)).toEqual(paused);
      const cancelled = await newPair(t, 'lc-fb-cancelled');
      await moveTo(t, cancelled, 'cancelled');
      await expectError(await call('POST', `/api/v1/mentorships/${cancelled.mentorshipId}/feedback`, { as: cancelled.mentee, body: { rating: 4 } }), 409, 'invalid_transition');
    });

    it('takes one rating per party, validates it, notifies the subject and feeds the mentor stats', async () => {
      const pair = await newPair(t, 'lc-fb');
      await moveTo(t, pair, 'completed');
      expect(await mentorStats(pair.mentorId)).toMatchObject({ averageRating: null, ratingCount: 0, completedMentorships: 1 });
      const status0 = await json(await call('GET', `/api/v1/mentorships/${pair.mentorshipId}/feedback`, { as: pair.mentee }));
      expect(status0).toEqual({ canLeaveFeedback: true, mine: null, otherPartySubmitted: false });

      const before = await snapshot(t);
      for (const body of [{ rating: 6 }, { rating: 0 }, { rating: 4.5 }, { rating: '5' }, {}, { rating: 5, comment: 'x'.repeat(2001) }, { rating: 5, extra: true }]) {
        await expectError(await call('POST', `/api/v1/mentorships/${pair.mentorshipId}/feedback`, { as: pair.mentee, body }), 400, 'validation_failed');
      }
      expect(await snapshot(t)).toEqual(before);

      const res = await call('POST', `/api/v1/mentorships/${pair.mentorshipId}/feedback`, { as: pair.mentee, body: { rating: 5, comment: '  Generous with time.  ' } });
      expect(res.status).toBe(201);
      const given = await json(res);
      expect(given).toMatchObject({ mentorshipId: pair.mentorshipId, authorId: pair.menteeId, subjectId: pair.mentorId, rating: 5, comment: 'Generous with time.' });
      expect((await noticesFor(t, pair.mentorId, 'feedback.received')).at(-1)?.data).toMatchObject({ mentorshipId: pair.mentorshipId, byId: pair.menteeId });

      const afterFirst = await snapshot(t);
      const second = await call('POST', `/api/v1/mentorships/${pair.mentorshipId}/feedback`, { as: pair.mentee, body: { rating: 1, comment: 'Changed my mind' } });
      await expectError(second, 409, 'conflict');
      expect(await snapshot(t)).toEqual(afterFirst);

      // The mentor rates the mentee: it does not count towards the mentor's own rating.
      const back = await call('POST', `/api/v1/mentorships/${pair.mentorshipId}/feedback`, { as: pair.mentor, body: { rating: 2 } });
      expect(back.status).toBe(201);
      expect(await json(back)).toMatchObject({ subjectId: pair.menteeId, rating: 2, comment: '' });
      expect(await mentorStats(pair.mentorId)).toMatchObject({ averageRating: 5, ratingCount: 1 });

      expect(await json(await call('GET', `/api/v1/mentorships/${pair.mentorshipId}/feedback`, { as: pair.mentee }))).toMatchObject({
        canLeaveFeedback: false, mine: { id: given.id, rating: 5 }, otherPartySubmitted: true,
      });
      const audit = await t.handle.db.selectFrom('audit_log').select(['action', 'actor_id']).where('entity_id', '=', given.id).execute();
      expect(audit).toEqual([{ action: 'feedback.created', actor_id: pair.menteeId }]);
    });

    it('honours Idempotency-Key: a retried feedback answers with the first one', async () => {
      const pair = await newPair(t, 'lc-fb-idem');
      await moveTo(t, pair, 'completed');
      const headers = { 'idempotency-key': 'feedback-retry-1' };
      const a = await call('POST', `/api/v1/mentorships/${pair.mentorshipId}/feedback`, { as: pair.mentee, body: { rating: 4 }, headers });
      const b = await call('POST', `/api/v1/mentorships/${pair.mentorshipId}/feedback`, { as: pair.mentee, body: { rating: 4 }, headers });
      expect([a.status, b.status]).toEqual([201, 201]);
      expect((await json(a)).id).toBe((await json(b)).id);
      const rows = await t.handle.db.selectFrom('feedback').select('id').where('mentorship_id', '=', pair.mentorshipId).execute();
      expect(rows).toHaveLength(1);
    });
  });
});
