import { programmeReport } from '@mentorkit/contract';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { admin, becomeMentor, person, sendRequest, userId } from '../../test/flows.js';
import { createTestContext, databaseKinds, json, type TestContext, type TestUser } from '../../test/harness.js';
import { endMentorship, sendMessage, startMentorship, type Pair } from '../messages/messages.fixtures.js';
import { BOM } from './csv.js';
import { programmeReport as programmeReportOf } from './report.service.js';

const DAY = 86_400_000;
const HOUR = 3_600_000;
/** The harness clock's start: every date of the fixture is counted back from it. */
const NOW = new Date('2026-11-28T09:00:00Z');
const daysAgo = (days: number) => new Date(NOW.getTime() - days * DAY);

/*
 * One programme with a designed history, dates written directly where the API only knows "now":
 *
 *   S3 Ana–Kwame     completed, started 90 days ago, first meeting held after 7 d 2 h, milestones 1/1
 *   S4 Rahul–Paolo   paused,    started 70 days ago, nothing since (quiet, but not active: not at risk)
 *   S1 Ana–Maria     active,    started 60 days ago, meetings held after 10 and 20 days, one cancelled,
 *                               one ahead (scheduled 5 days ago), a message 5 days ago, milestones 2/3
 *   S2 Rahul–Hyper   active,    started 40 days ago, a meeting held after 4 d 6 h, a message 20 days ago, milestones 0/2
 *
 * Enrolled: mentors Ana, Rahul, Carlos (Carlos has no mentorship); mentees Maria, Hyper, Kwame and
 * Lia (Lia only has requests: pending to Carlos, declined by Rahul). Paolo left the programme. An
 * Ana–Omar mentorship outside the programme must count nowhere.
 */
const ana = person('rep-ana', 'Ana Villanueva');
const rahul = person('rep-rahul', 'Rahul Iyer');
const carlos = person('rep-carlos', 'Carlos Reyes');
const maria = person('rep-maria', 'Santos, Maria');
const hyper = person('rep-hyper', '=HYPERLINK("http://evil.example","Click")');
const kwame = person('rep-kwame', 'Kwame "KM" Mensah');
const lia = person('rep-lia', 'Lia Cruz');
const paolo = person('rep-paolo', '+Paolo Reyes');
const omar = person('rep-omar', 'Omar Haddad');
const outsider = person('rep-outsider', 'Nobody Special');

describe.each(databaseKinds)('programme report on %s', (kind) => {
  let t: TestContext;
  let programmeId: string;
  let emptyId: string;
  const pairs: Record<'s1' | 's2' | 's3' | 's4' | 'outside', Pair> = {} as never;
  const db = () => t.handle.db;

  /** A meeting written as it would have been: scheduled `createdAt`, starting `startsAt`. */
  const meeting = (mentorshipId: string, createdBy: string, startsAt: Date, createdAt: Date, status: 'scheduled' | 'completed' | 'cancelled') =>
    db().insertInto('meetings').values({
      mentorship_id: mentorshipId, created_by: createdBy, title: 'Session', starts_at: startsAt, duration_minutes: 60, status,
      cancel_reason: status === 'cancelled' ? 'Travel' : null, created_at: createdAt, updated_at: createdAt,
    }).execute();
  const milestones = (mentorshipId: string, done: number, total: number) =>
    db().insertInto('milestones').values(Array.from({ length: total }, (_, i) => ({
      mentorship_id: mentorshipId, title: `Step ${i + 1}`, position: i, status: i < done ? 'completed' as const : 'not_started' as const,
      completed_at: i < done ? NOW : null, created_at: NOW, updated_at: NOW,
    }))).execute();
  /** Puts a mentorship (and the request it came from) into the programme, started `days` ago. */
  const intoProgramme = async (pair: Pair, days: number) => {
    const row = await db().updateTable('mentorships').set({ programme_id: programmeId, started_at: daysAgo(days) })
      .where('id', '=', pair.mentorshipId).returning('request_id').executeTakeFirstOrThrow();
    await db().updateTable('mentorship_requests').set({ programme_id: programmeId }).where('id', '=', row.request_id!).execute();
  };
  const messageAt = async (at: Date, as: TestUser, pair: Pair) => {
    t.clock.set(at);
    expect((await sendMessage(t, as, pair.conversationId, 'Checking in')).status).toBe(201);
    t.clock.set(NOW);
  };
  const report = async (as: TestUser = admin, id = programmeId) => t.call('GET', `/api/v1/admin/programmes/${id}/report`, { as });

  beforeAll(async () => {
    t = await createTestContext(kind);
    t.clock.set(NOW);
    ({ id: programmeId } = await db().insertInto('programmes').values({
      slug: 'leadership-circle-2026', name: 'Leadership Circle 2026', starts_on: '2026-08-01', ends_on: '2027-01-31',
      matching: 'admin_matched', milestone_template: null,
    }).returning('id').executeTakeFirstOrThrow());
    ({ id: emptyId } = await db().insertInto('programmes').values({
      slug: 'empty-cohort', name: 'Empty cohort', starts_on: '2026-12-01', ends_on: '2027-03-31', matching: 'mentee_choice',
    }).returning('id').executeTakeFirstOrThrow());

    pairs.s3 = await startMentorship(t, ana, kwame);
    pairs.s4 = await startMentorship(t, rahul, paolo);
    pairs.s1 = await startMentorship(t, ana, maria);
    pairs.s2 = await startMentorship(t, rahul, hyper);
    pairs.outside = await startMentorship(t, ana, omar);
    const carlosId = await becomeMentor(t, carlos);
    const liaId = await userId(t, lia);

    await intoProgramme(pairs.s3, 90);
    await intoProgramme(pairs.s4, 70);
    await intoProgramme(pairs.s1, 60);
    await intoProgramme(pairs.s2, 40);
    await endMentorship(t, pairs.s3.mentorshipId, 'completed');
    await db().updateTable('mentorships').set({ status: 'paused' }).where('id', '=', pairs.s4.mentorshipId).execute();
    // The outside mentorship started long ago and went quiet: it must not show up.
    await db().updateTable('mentorships').set({ started_at: daysAgo(100) }).where('id', '=', pairs.outside.mentorshipId).execute();

    await meeting(pairs.s3.mentorshipId, pairs.s3.mentorId, new Date(daysAgo(90).getTime() + 7 * DAY + 2 * HOUR), daysAgo(89), 'completed');
    await meeting(pairs.s1.mentorshipId, pairs.s1.mentorId, daysAgo(50), daysAgo(55), 'completed');
    await meeting(pairs.s1.mentorshipId, pairs.s1.mentorId, daysAgo(40), daysAgo(45), 'completed');
    await meeting(pairs.s1.mentorshipId, pairs.s1.mentorId, daysAgo(30), daysAgo(35), 'cancelled');
    await meeting(pairs.s1.mentorshipId, pairs.s1.mentorId, new Date(NOW.getTime() + 3 * DAY), daysAgo(5), 'scheduled');
    await meeting(pairs.s2.mentorshipId, pairs.s2.mentorId, new Date(daysAgo(40).getTime() + 4 * DAY + 6 * HOUR), daysAgo(39), 'completed');
    await meeting(pairs.outside.mentorshipId, pairs.outside.mentorId, daysAgo(90), daysAgo(95), 'completed');
    await milestones(pairs.s1.mentorshipId, 2, 3);
    await milestones(pairs.s2.mentorshipId, 0, 2);
    await milestones(pairs.s3.mentorshipId, 1, 1);
    await milestones(pairs.outside.mentorshipId, 1, 4);
    await messageAt(daysAgo(5), maria, pairs.s1);
    await messageAt(daysAgo(20), rahul, pairs.s2);

    // Lia: one request waiting for Carlos, one Rahul declined; both in the programme.
    const pending = await sendRequest(t, lia, carlosId);
    const declined = await sendRequest(t, lia, pairs.s2.mentorId);
    expect((await t.call('POST', `/api/v1/mentorship-requests/${declined}/decline`, { as: rahul, body: { reason: 'not_enough_time' } })).status).toBe(200);
    await db().updateTable('mentorship_requests').set({ programme_id: programmeId }).where('id', 'in', [pending, declined]).execute();

    await db().insertInto('programme_enrolments').values([
      ...[pairs.s1.mentorId, pairs.s2.mentorId, carlosId].map((user_id) => ({ programme_id: programmeId, user_id, role: 'mentor' as const, enrolled_at: daysAgo(100) })),
      ...[pairs.s1.menteeId, pairs.s2.menteeId, pairs.s3.menteeId, liaId].map((user_id) => ({ programme_id: programmeId, user_id, role: 'mentee' as const, enrolled_at: daysAgo(100) })),
    ]).execute();
  }, 120_000);
  afterAll(async () => { await t?.close(); });

  it('counts enrolment, matching, requests, mentorships, meetings and milestones exactly', async () => {
    t.clock.set(NOW);
    const res = await report();
    expect(res.status, await res.clone().text()).toBe(200);
    const body = programmeReport.parse(await json(res));
    expect(body.programme).toMatchObject({ id: programmeId, slug: 'leadership-circle-2026', status: 'running', enrolled: { mentors: 3, mentees: 4 } });
    expect(body.enrolled).toEqual({ mentors: 3, mentees: 4 });
    expect(body.matched).toEqual({ mentors: 2, mentees: 3 });
    expect(body.unmatched).toEqual({ mentors: 1, mentees: 1 });
    expect(body.requests).toEqual({ pending: 1, accepted: 4, declined: 1, withdrawn: 0, expired: 0 });
    expect(body.mentorships).toEqual({ active: 2, paused: 1, completed: 1, cancelled: 0 });
    expect(body.meetingsHeld).toBe(4);
    expect(body.milestones).toEqual({ completed: 3, total: 6 });
    // First meetings after 10, 4.25 and 7.083 days: the median, to one decimal.
    expect(body.medianDaysToFirstMeeting).toBe(7.1);
    expect(body.atRiskDays).toBe(21);
    expect(body.generatedAt).toBe(NOW.toISOString());
  });

  it('lists an active mentorship as at risk after 21 quiet days, not after 20, and no longer once a meeting is scheduled', async () => {
    t.clock.set(NOW);
    // Rahul–Hyper's last message was 20 days ago; the paused and completed ones are quiet longer but not active.
    expect((await json(await report())).atRisk).toEqual([]);

    t.clock.set(new Date(NOW.getTime() + 2 * DAY));
    const later = programmeReport.parse(await json(await report()));
    expect(later.atRisk).toEqual([{
      mentorshipId: pairs.s2.mentorshipId,
      mentor: expect.objectContaining({ id: pairs.s2.mentorId, name: 'Rahul Iyer' }),
      mentee: expect.objectContaining({ id: pairs.s2.menteeId, name: hyper.name }),
      startedAt: daysAgo(40).toISOString(),
      lastActivityAt: daysAgo(20).toISOString(),
    }]);

    // Another deployment's threshold (MENTORSHIP_AT_RISK_DAYS): 30 days puts nobody at risk, 3 days both active ones, quietest first.
    const adminId = await userId(t, admin);
    const withDays = (days: number) => programmeReportOf({ ...t.deps, config: { ...t.config, MENTORSHIP_AT_RISK_DAYS: days } }, { id: adminId }, programmeId);
    expect((await withDays(30)).atRisk).toEqual([]);
    const strict = await withDays(3);
    expect(strict.atRiskDays).toBe(3);
    expect(strict.atRisk.map((m) => [m.mentorshipId, m.lastActivityAt])).toEqual([
      [pairs.s2.mentorshipId, daysAgo(20).toISOString()],
      // The message and the scheduling of the meeting ahead, both 5 days before NOW.
      [pairs.s1.mentorshipId, daysAgo(5).toISOString()],
    ]);

    // Scheduling the next meeting is activity: the pair is talking again.
    const scheduled = await t.call('POST', `/api/v1/mentorships/${pairs.s2.mentorshipId}/meetings`, {
      as: rahul, body: { title: 'Catch-up', startsAt: new Date(NOW.getTime() + 9 * DAY).toISOString(), durationMinutes: 30 },
    });
    expect(scheduled.status, await scheduled.clone().text()).toBe(201);
    expect((await json(await report())).atRisk).toEqual([]);
    await db().deleteFrom('meetings').where('title', '=', 'Catch-up').execute();
    t.clock.set(NOW);
  });

  it('writes the CSV: BOM, header, one CRLF row per mentorship, RFC 4180 quoting and the formula guard', async () => {
    t.clock.set(NOW);
    const res = await t.call('GET', `/api/v1/admin/programmes/${programmeId}/report.csv`, { as: admin });
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('text/csv; charset=utf-8');
    expect(res.headers.get('content-disposition')).toBe('attachment; filename="leadership-circle-2026-report.csv"');
    const bytes = new Uint8Array(await res.arrayBuffer());
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const text = new TextDecoder('utf-8', { ignoreBOM: true }).decode(bytes);
    expect(text).toBe([
      `${BOM}Mentor,Mentee,Status,Started,Meetings held,Milestones (done/total),Last activity`,
      'Ana Villanueva,"Kwame ""KM"" Mensah",completed,2026-08-30,1,1/1,2026-09-06',
      "Rahul Iyer,'+Paolo Reyes,paused,2026-09-19,0,0/0,2026-09-19",
      'Ana Villanueva,"Santos, Maria",active,2026-09-29,2,2/3,2026-11-23',
      `Rahul Iyer,"'=HYPERLINK(""http://evil.example"",""Click"")",active,2026-10-19,1,0/2,2026-11-08`,
      '',
    ].join('\r\n'));
  });

  it('reports an empty programme with zeros, no median and a CSV of the header alone', async () => {
    const body = programmeReport.parse(await json(await report(admin, emptyId)));
    expect(body).toMatchObject({
      enrolled: { mentors: 0, mentees: 0 }, matched: { mentors: 0, mentees: 0 }, unmatched: { mentors: 0, mentees: 0 },
      requests: { pending: 0, accepted: 0, declined: 0, withdrawn: 0, expired: 0 },
      mentorships: { active: 0, paused: 0, completed: 0, cancelled: 0 },
      meetingsHeld: 0, milestones: { completed: 0, total: 0 }, medianDaysToFirstMeeting: null, atRisk: [],
    });
    const csv = await t.call('GET', `/api/v1/admin/programmes/${emptyId}/report.csv`, { as: admin });
    // (Response.text() drops a BOM, as a UTF-8 decoder does by default; the bytes keep it.)
    expect(new TextDecoder('utf-8', { ignoreBOM: true }).decode(await csv.arrayBuffer())).toBe(`${BOM}Mentor,Mentee,Status,Started,Meetings held,Milestones (done/total),Last activity\r\n`);
  });

  it('answers 404 for an unknown programme, 403 to anyone but an admin and 401 without a token', async () => {
    for (const suffix of ['report', 'report.csv']) {
      const path = (id: string) => `/api/v1/admin/programmes/${id}/${suffix}`;
      const unknown = await t.call('GET', path('00000000-0000-4000-8000-000000000000'), { as: admin });
      expect(unknown.status).toBe(404);
      expect((await json(unknown)).error.code).toBe('not_found');
      expect((await t.call('GET', path('not-an-id'), { as: admin })).status).toBe(404);
      // A mentor and a mentee of the programme are not admins either.
      for (const who of [outsider, ana, maria]) {
        const refused = await t.call('GET', path(programmeId), { as: who });
        expect(refused.status).toBe(403);
        expect((await json(refused)).error.code).toBe('forbidden');
      }
      expect((await t.call('GET', path(programmeId))).status).toBe(401);
    }
  });
});
