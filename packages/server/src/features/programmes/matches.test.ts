import { sql } from 'kysely';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createTestContext, databaseKinds, json, type TestContext, type TestUser } from '../../test/harness.js';
import { admin, becomeMentor, person, sendRequest, userId } from '../../test/flows.js';

/*
 * `POST /admin/programmes/:id/matches`: an admin introduces reviewed pairs. The test clock says
 * 2026-11-28; every programme runs 2026-12-01 → 2027-03-31 unless a test says otherwise.
 */
describe.each(databaseKinds)('confirming programme matches on %s', (kind) => {
  let t: TestContext;
  beforeAll(async () => { t = await createTestContext(kind); });
  afterAll(async () => { await t?.close(); });

  let run = 0;
  beforeEach(() => {
    run++;
    t.clock.set('2026-11-28T09:00:00Z');
  });

  const call = (...args: Parameters<TestContext['call']>) => t.call(...args);
  const confirm = (programmeId: string, pairs: unknown, as: TestUser = admin) =>
    call('POST', `/api/v1/admin/programmes/${programmeId}/matches`, { as, body: { pairs } });

  async function newProgramme(fields: Record<string, unknown> = {}) {
    const res = await call('POST', '/api/v1/admin/programmes', {
      as: admin,
      body: { name: `Cohort ${run} ${Math.random().toString(36).slice(2, 8)}`, startsOn: '2026-12-01', endsOn: '2027-03-31', matching: 'admin_matched', ...fields },
    });
    expect(res.status, await res.clone().text()).toBe(201);
    return json(res) as Promise<{ id: string; slug: string; name: string }>;
  }

  async function enrol(user: TestUser, programmeId: string, role: 'mentor' | 'mentee', goals = '') {
    const res = await call('POST', `/api/v1/programmes/${programmeId}/enrolment`, { as: user, body: { role, goals } });
    expect(res.status, await res.clone().text()).toBe(201);
  }

  /** A mentor enrolled in the programme. */
  async function mentorIn(programmeId: string, label: string, settings: Record<string, unknown> = {}) {
    const user = person(`match-${run}-${label}`, `Mentor ${label}`);
    const id = await becomeMentor(t, user, settings);
    await enrol(user, programmeId, 'mentor');
    return { user, id };
  }

  /** A mentee enrolled in the programme, with a profile. */
  async function menteeIn(programmeId: string, label: string, goals = '', profile: Record<string, unknown> = {}) {
    const user = person(`match-${run}-${label}`, `Mentee ${label}`);
    const put = await call('PUT', '/api/v1/me/profile', { as: user, body: { skills: ['SQL', 'Python'], goals: '', ...profile } });
    expect(put.status, await put.clone().text()).toBe(200);
    await enrol(user, programmeId, 'mentee', goals);
    return { user, id: await userId(t, user) };
  }

  const requestsOf = (mentorId: string) =>
    t.handle.db.selectFrom('mentorship_requests').selectAll().where('mentor_id', '=', mentorId).orderBy('created_at').execute();

  it('introduces each pair: a pending request marked introduced, the mentee told why, the mentor told as for any request', async () => {
    const programme = await newProgramme();
    const ana = await mentorIn(programme.id, 'ana', { capacity: 3 });
    const bea = await mentorIn(programme.id, 'bea', { capacity: 3 });
    const maria = await menteeIn(programme.id, 'maria', 'Move from analytics into data engineering this year.');
    const kwame = await menteeIn(programme.id, 'kwame', '', { goals: 'Learn to lead a data team.' });
    const res = await confirm(programme.id, [{ menteeId: maria.id, mentorId: ana.id }, { menteeId: kwame.id, mentorId: bea.id }]);
    expect(res.status, await res.clone().text()).toBe(201);
    const body = await json(res);
    expect(body.refused).toEqual([]);
    expect(body.items).toHaveLength(2);
    expect(body.items[0]).toMatchObject({
      status: 'pending', introduced: true, mentee: { id: maria.id }, mentor: { id: ana.id },
      programme: { id: programme.id, slug: programme.slug, name: programme.name },
      // The mentee's goals for the programme first, their profile's next.
      goals: 'Move from analytics into data engineering this year.', skillsSeeking: ['SQL', 'Python'],
    });
    expect(body.items[1]).toMatchObject({ mentee: { id: kwame.id }, mentor: { id: bea.id }, goals: 'Learn to lead a data team.' });

    // The mentee reads the score and reasons that search shows them for that mentor.
    const seen = await json(await call('GET', `/api/v1/mentors/${ana.id}`, { as: maria.user }));
    const notes = await json(await call('GET', '/api/v1/notifications', { as: maria.user }));
    const intro = notes.items.find((n: { kind: string }) => n.kind === 'programme.introduced');
    expect(intro.data).toEqual({
      programmeId: programme.id, programmeName: programme.name, requestId: body.items[0].id, mentorId: ana.id, mentorName: 'Mentor ana',
      score: seen.match.score, reasons: seen.match.reasons,
    });
    expect(seen.match.reasons.length).toBeGreaterThan(0);
    const mentorNotes = await json(await call('GET', '/api/v1/notifications', { as: ana.user }));
    expect(mentorNotes.items.find((n: { kind: string }) => n.kind === 'request.received')).toMatchObject({ data: { requestId: body.items[0].id, menteeId: maria.id } });
    const events = await t.handle.db.selectFrom('events').select('user_id').where('type', '=', 'request.created')
      .where(sql<string>`data->>'id'`, '=', body.items[0].id).execute();
    expect(events.map((e) => e.user_id).sort()).toEqual([ana.id, maria.id].sort());
    const audit = await t.handle.db.selectFrom('audit_log').select(['actor_id', 'action']).where('entity_id', 'in', [body.items[0].id, programme.id])
      .where('action', 'in', ['request.created', 'programme.matches_confirmed']).orderBy('id').execute();
    const adminId = await userId(t, admin);
    expect(audit).toEqual([{ actor_id: adminId, action: 'request.created' }, { actor_id: adminId, action: 'programme.matches_confirmed' }]);

    // The mentor answers as usual; the mentorship is the programme's.
    const accepted = await json(await call('POST', `/api/v1/mentorship-requests/${body.items[0].id}/accept`, { as: ana.user }));
    expect(accepted.mentorship).toMatchObject({ programme: { id: programme.id }, targetEndDate: '2027-03-31' });
  });

  it('without goals anywhere, the request names the programme', async () => {
    const programme = await newProgramme();
    const ana = await mentorIn(programme.id, 'ana');
    const lea = await menteeIn(programme.id, 'lea');
    const body = await json(await confirm(programme.id, [{ menteeId: lea.id, mentorId: ana.id }]));
    expect(body.items[0].goals).toContain(programme.name);
  });

  it('refuses each pair that breaks a rule, with its reason, and still makes the valid ones', async () => {
    const programme = await newProgramme({ maxMenteesPerMentor: 2 });
    const full = await mentorIn(programme.id, 'full', { capacity: 1 });
    const capped = await mentorIn(programme.id, 'capped', { capacity: 5 });
    const away = await mentorIn(programme.id, 'away', { capacity: 3, acceptingMentees: false });
    const known = await mentorIn(programme.id, 'known', { capacity: 5 });
    const outsiderMentor = { id: await becomeMentor(t, person(`match-${run}-outside-mentor`, 'Not Enrolled')) };
    const m = await Promise.all(['a', 'b', 'c', 'd', 'e', 'f', 'g', 'h'].map((l) => menteeIn(programme.id, `mentee-${l}`)));
    const notEnrolled = { id: await userId(t, person(`match-${run}-not-enrolled`, 'Not Enrolled Mentee')) };
    // Known already mentors m[6] and has a pending request from m[7].
    const open = await sendRequest(t, m[6]!.user, known.id);
    expect((await call('POST', `/api/v1/mentorship-requests/${open}/accept`, { as: known.user })).status).toBe(200);
    await sendRequest(t, m[7]!.user, known.id);

    const pairs = [
      { menteeId: m[0]!.id, mentorId: full.id }, // made: full's one slot
      { menteeId: m[1]!.id, mentorId: full.id }, // refused: no slot left
      { menteeId: m[0]!.id, mentorId: capped.id }, // refused: m[0] repeated
      { menteeId: m[2]!.id, mentorId: capped.id }, // made
      { menteeId: m[3]!.id, mentorId: capped.id }, // made: the programme's second for capped
      { menteeId: m[4]!.id, mentorId: capped.id }, // refused: maxMenteesPerMentor 2
      { menteeId: notEnrolled.id, mentorId: known.id }, // refused: mentee not enrolled
      { menteeId: m[5]!.id, mentorId: outsiderMentor.id }, // refused: mentor not enrolled
      { menteeId: m[6]!.id, mentorId: known.id }, // refused: already mentoring
      { menteeId: m[7]!.id, mentorId: known.id }, // refused: already pending
      { menteeId: m[5]!.id, mentorId: away.id }, // refused: m[5] repeated
      { menteeId: known.id, mentorId: known.id }, // refused: themself
    ];
    const res = await confirm(programme.id, pairs);
    expect(res.status, await res.clone().text()).toBe(201);
    const body = await json(res);
    expect(body.items.map((r: { mentee: { id: string }; mentor: { id: string } }) => [r.mentee.id, r.mentor.id])).toEqual([
      [m[0]!.id, full.id], [m[2]!.id, capped.id], [m[3]!.id, capped.id],
    ]);
    expect(body.refused.map((r: { menteeId: string; mentorId: string; code: string }) => [r.menteeId, r.mentorId, r.code])).toEqual([
      [m[1]!.id, full.id, 'capacity_reached'],
      [m[0]!.id, capped.id, 'conflict'],
      [m[4]!.id, capped.id, 'capacity_reached'],
      [notEnrolled.id, known.id, 'not_enrolled'],
      [m[5]!.id, outsiderMentor.id, 'not_enrolled'],
      [m[6]!.id, known.id, 'conflict'],
      [m[7]!.id, known.id, 'duplicate_request'],
      [m[5]!.id, away.id, 'conflict'],
      [known.id, known.id, 'validation_failed'],
    ]);
    for (const r of body.refused) expect(r.message.length).toBeGreaterThan(10);
    expect(body.refused[2].message).toMatch(/limit of 2/);

    // A mentor who is not taking mentees, and a pair already introduced.
    const again = await json(await confirm(programme.id, [{ menteeId: m[5]!.id, mentorId: away.id }, { menteeId: m[2]!.id, mentorId: capped.id }]));
    expect(again.items).toEqual([]);
    expect(again.refused.map((r: { code: string }) => r.code)).toEqual(['mentor_unavailable', 'duplicate_request']);
    expect(await requestsOf(full.id)).toHaveLength(1);
    expect((await requestsOf(capped.id)).map((r) => r.introduced)).toEqual([true, true]);
  });

  it('counts pending introductions against the mentor’s free slots across calls', async () => {
    const programme = await newProgramme();
    const ana = await mentorIn(programme.id, 'ana', { capacity: 2 });
    const [a, b, c] = await Promise.all(['a', 'b', 'c'].map((l) => menteeIn(programme.id, l)));
    expect((await json(await confirm(programme.id, [{ menteeId: a!.id, mentorId: ana.id }]))).items).toHaveLength(1);
    expect((await json(await confirm(programme.id, [{ menteeId: b!.id, mentorId: ana.id }]))).items).toHaveLength(1);
    const third = await json(await confirm(programme.id, [{ menteeId: c!.id, mentorId: ana.id }]));
    expect(third.items).toEqual([]);
    expect(third.refused[0]).toMatchObject({ code: 'capacity_reached' });
  });

  it('validates the body, naming the field, and writes nothing', async () => {
    const programme = await newProgramme();
    const ana = await mentorIn(programme.id, 'ana');
    const maria = await menteeIn(programme.id, 'maria');
    for (const [body, field] of [
      [{ pairs: [] }, 'pairs'],
      [{ pairs: [{ menteeId: 'maria', mentorId: ana.id }] }, 'menteeId'],
      [{ pairs: [{ menteeId: maria.id }] }, 'mentorId'],
      [{ pairs: [{ menteeId: maria.id, mentorId: ana.id, score: 90 }] }, 'score'],
      [{ pairs: [{ menteeId: maria.id, mentorId: ana.id }], note: 'x' }, 'note'],
      [{}, 'pairs'],
    ] as const) {
      const res = await call('POST', `/api/v1/admin/programmes/${programme.id}/matches`, { as: admin, body });
      expect(res.status).toBe(400);
      const error = (await json(res)).error;
      expect(error.code).toBe('validation_failed');
      expect(JSON.stringify(error.issues ?? error.message)).toContain(field);
    }
    expect(await requestsOf(ana.id)).toEqual([]);
  });

  it('answers 401 without a token, 403 to anyone but an admin, 404 for an unknown programme, 409 once it has ended', async () => {
    const programme = await newProgramme({ startsOn: '2026-11-28', endsOn: '2026-12-10' });
    const ana = await mentorIn(programme.id, 'ana');
    const maria = await menteeIn(programme.id, 'maria');
    const pairs = [{ menteeId: maria.id, mentorId: ana.id }];
    expect((await call('POST', `/api/v1/admin/programmes/${programme.id}/matches`, { body: { pairs } })).status).toBe(401);
    expect((await confirm(programme.id, pairs, maria.user)).status).toBe(403);
    expect((await confirm(programme.id, pairs, ana.user)).status).toBe(403);
    expect((await confirm('00000000-0000-4000-8000-000000000000', pairs)).status).toBe(404);
    expect((await confirm('not-a-programme', pairs)).status).toBe(404);
    t.clock.set('2026-12-11T09:00:00Z');
    const ended = await confirm(programme.id, pairs);
    expect(ended.status).toBe(409);
    expect((await json(ended)).error.code).toBe('programme_ended');
    expect(await requestsOf(ana.id)).toEqual([]);
  });

  it('introduces a mentee once per programme: a later set pairing them with another mentor is refused', async () => {
    const programme = await newProgramme();
    const ana = await mentorIn(programme.id, 'once-ana', { capacity: 3 });
    const bea = await mentorIn(programme.id, 'once-bea', { capacity: 3 });
    const mentee = await menteeIn(programme.id, 'once');
    expect((await json(await confirm(programme.id, [{ menteeId: mentee!.id, mentorId: ana.id }]))).items).toHaveLength(1);
    const again = await json(await confirm(programme.id, [{ menteeId: mentee!.id, mentorId: bea.id }]));
    expect(again.items).toEqual([]);
    expect(again.refused).toEqual([expect.objectContaining({ menteeId: mentee!.id, mentorId: bea.id, code: 'conflict' })]);
    expect(await requestsOf(bea.id)).toHaveLength(0);
  });

  it('never overfills a mentor when two admins confirm overlapping sets at once', async () => {
    const programme = await newProgramme();
    const ana = await mentorIn(programme.id, 'ana', { capacity: 1 });
    const bea = await mentorIn(programme.id, 'bea', { capacity: 1 });
    const mentees = await Promise.all(['a', 'b', 'c', 'd'].map((l) => menteeIn(programme.id, l)));
    const second = { sub: `match-${run}-admin-2`, name: 'Second Admin', roles: ['admin'] };
    // Opposite orders of the mentors in the two sets: the locks are still taken in one order.
    const [one, two] = await Promise.all([
      confirm(programme.id, [{ menteeId: mentees[0]!.id, mentorId: ana.id }, { menteeId: mentees[1]!.id, mentorId: bea.id }]),
      confirm(programme.id, [{ menteeId: mentees[2]!.id, mentorId: bea.id }, { menteeId: mentees[3]!.id, mentorId: ana.id }], second),
    ]);
    expect([one.status, two.status]).toEqual([201, 201]);
    const [a, b] = [await json(one), await json(two)];
    expect(a.items.length + b.items.length).toBe(2);
    expect([...a.refused, ...b.refused].map((r: { code: string }) => r.code)).toEqual(['capacity_reached', 'capacity_reached']);
    expect(await requestsOf(ana.id)).toHaveLength(1);
    expect(await requestsOf(bea.id)).toHaveLength(1);
  });
});
