import { requestStatuses, type RequestStatus } from '@mentorkit/contract';
import { sql } from 'kysely';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createTestContext, databaseKinds, json, type TestContext, type TestUser } from '../../test/harness.js';
import { admin, becomeMentor, person, requestBody, sendRequest, userId } from '../../test/flows.js';
import { expireRequests, remindMentors } from '../../jobs/requests.job.js';

const DAY = 86_400_000;

describe.each(databaseKinds)('mentorship requests on %s', (kind) => {
  let t: TestContext;
  let ana: TestUser;
  let maria: TestUser;
  let kwame: TestUser;
  let outsider: TestUser;
  let anaId: string;

  beforeAll(async () => {
    t = await createTestContext(kind);
  });
  afterAll(async () => { await t?.close(); });

  // Each test has its own people (Ana a mentor) and starts at the same time, so none depends on
  // what another left behind.
  let run = 0;
  beforeEach(async () => {
    run++;
    t.clock.set('2026-11-28T09:00:00Z');
    ana = person(`req-ana-${run}`, 'Ana Villanueva');
    maria = person(`req-maria-${run}`, 'Maria Santos');
    kwame = person(`req-kwame-${run}`, 'Kwame Mensah');
    outsider = person(`req-outsider-${run}`, 'Olu Outsider');
    anaId = await becomeMentor(t, ana, { capacity: 2 });
  });

  const call = (...args: Parameters<TestContext['call']>) => t.call(...args);

  it('sends a request that both parties can read, and notifies the mentor', async () => {
    const res = await call('POST', '/api/v1/mentorship-requests', { as: maria, body: requestBody(anaId) });
    expect(res.status).toBe(201);
    const request = await json(res);
    expect(request).toMatchObject({ status: 'pending', mentor: { id: anaId, name: 'Ana Villanueva' }, mentee: { name: 'Maria Santos' }, skillsSeeking: ['SQL', 'Airflow'] });
    expect(new Date(request.expiresAt).getTime() - new Date(request.createdAt).getTime()).toBe(14 * DAY);
    const mentorView = await json(await call('GET', '/api/v1/mentorship-requests?role=mentor&status=pending', { as: ana }));
    expect(mentorView.items.map((r: { id: string }) => r.id)).toContain(request.id);
    const notes = await json(await call('GET', '/api/v1/notifications', { as: ana }));
    expect(notes.items.find((n: { kind: string }) => n.kind === 'request.received')).toMatchObject({ data: { requestId: request.id } });
    expect(notes.unreadCount).toBeGreaterThan(0);
    const events = await t.handle.db.selectFrom('events').select(['type', 'user_id']).where('type', '=', 'request.created')
      .where(sql<string>`data->>'id'`, '=', request.id).execute();
    expect(events.map((e) => e.user_id).sort()).toEqual([anaId, request.mentee.id].sort());
    expect((await call('POST', `/api/v1/mentorship-requests/${request.id}/withdraw`, { as: maria })).status).toBe(200);
  });

  it('validates the body, naming fields, and writes nothing', async () => {
    const before = await t.handle.db.selectFrom('mentorship_requests').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
    for (const body of [
      requestBody(anaId, { goals: '' }),
      requestBody(anaId, { goals: 'x'.repeat(2001) }),
      requestBody(anaId, { message: 'y'.repeat(2001) }),
      requestBody(anaId, { skillsSeeking: Array.from({ length: 11 }, (_, i) => `skill ${i}`) }),
      requestBody('not-a-uuid'),
      { ...requestBody(anaId), extra: true },
    ]) {
      const res = await call('POST', '/api/v1/mentorship-requests', { as: maria, body });
      expect(res.status).toBe(400);
      expect((await json(res)).error.code).toBe('validation_failed');
    }
    const malformed = await call('POST', '/api/v1/mentorship-requests', { as: maria, body: '{"mentorId":' });
    expect(malformed.status).toBe(400);
    const after = await t.handle.db.selectFrom('mentorship_requests').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
    expect(Number(after.n)).toBe(Number(before.n));
  });

  it('refuses self-requests, unknown mentors, duplicates, and a sixth pending request', async () => {
    const self = await call('POST', '/api/v1/mentorship-requests', { as: ana, body: requestBody(anaId) });
    expect(self.status).toBe(400);
    const unknown = await call('POST', '/api/v1/mentorship-requests', { as: maria, body: requestBody('00000000-0000-4000-8000-000000000000') });
    expect(unknown.status).toBe(404);
    const notMentor = await call('POST', '/api/v1/mentorship-requests', { as: maria, body: requestBody(await userId(t, outsider)) });
    expect(notMentor.status).toBe(404);

    const first = await sendRequest(t, kwame, anaId);
    const dup = await call('POST', '/api/v1/mentorship-requests', { as: kwame, body: requestBody(anaId) });
    expect(dup.status).toBe(409);
    expect((await json(dup)).error.code).toBe('duplicate_request');
    await call('POST', `/api/v1/mentorship-requests/${first}/withdraw`, { as: kwame });

    const mentors = [];
    for (let i = 0; i < 6; i++) mentors.push(await becomeMentor(t, person(`req-m${i}`, `Mentor ${i}`)));
    for (let i = 0; i < 5; i++) await sendRequest(t, kwame, mentors[i]!);
    const sixth = await call('POST', '/api/v1/mentorship-requests', { as: kwame, body: requestBody(mentors[5]!) });
    expect(sixth.status).toBe(409);
    expect((await json(sixth)).error.code).toBe('too_many_pending_requests');
  });

  it('refuses mentors who are not accepting, away, suspended or full (mentor_unavailable)', async () => {
    const bea = person('req-bea', 'Bea Cruz');
    const beaId = await becomeMentor(t, bea);
    await call('PATCH', '/api/v1/mentors/me', { as: bea, body: { acceptingMentees: false } });
    const res1 = await call('POST', '/api/v1/mentorship-requests', { as: maria, body: requestBody(beaId) });
    expect((await json(res1)).error.code).toBe('mentor_unavailable');
    await call('PATCH', '/api/v1/mentors/me', { as: bea, body: { acceptingMentees: true, awayUntil: '2026-12-31' } });
    const res2 = await call('POST', '/api/v1/mentorship-requests', { as: maria, body: requestBody(beaId) });
    expect((await json(res2)).error.code).toBe('mentor_unavailable');
    await call('PATCH', '/api/v1/mentors/me', { as: bea, body: { awayUntil: null } });
    expect((await call('POST', `/api/v1/admin/mentors/${beaId}/suspend`, { as: admin, body: { reason: 'Complaint under review' } })).status).toBe(200);
    const res3 = await call('POST', '/api/v1/mentorship-requests', { as: maria, body: requestBody(beaId) });
    expect(res3.status).toBe(404);
  });

  it('honours Idempotency-Key: the same key answers with the same request', async () => {
    const headers = { 'idempotency-key': 'req-key-1' };
    const mentor = await becomeMentor(t, person('req-idem', 'Idem Potent'));
    const [a, b] = await Promise.all([
      call('POST', '/api/v1/mentorship-requests', { as: maria, body: requestBody(mentor), headers }),
      call('POST', '/api/v1/mentorship-requests', { as: maria, body: requestBody(mentor), headers }),
    ]);
    const c = await call('POST', '/api/v1/mentorship-requests', { as: maria, body: requestBody(mentor), headers });
    expect([a.status, b.status, c.status]).toEqual([201, 201, 201]);
    const ids = new Set([(await json(a)).id, (await json(b)).id, (await json(c)).id]);
    expect(ids.size).toBe(1);
    const bad = await call('POST', '/api/v1/mentorship-requests', { as: maria, body: requestBody(mentor), headers: { 'idempotency-key': 'bad key with spaces' } });
    expect(bad.status).toBe(400);
  });

  it('keeps one pending request under concurrent identical sends', async () => {
    const mentor = await becomeMentor(t, person('req-conc', 'Conc Urrent'));
    const results = await Promise.all(Array.from({ length: 8 }, () => call('POST', '/api/v1/mentorship-requests', { as: kwame, body: requestBody(mentor) })));
    const statuses = results.map((r) => r.status).sort();
    expect(statuses.filter((s) => s === 201)).toHaveLength(1);
    expect(statuses.filter((s) => s === 409)).toHaveLength(7);
    const rows = await t.handle.db.selectFrom('mentorship_requests').selectAll().where('mentor_id', '=', mentor).execute();
    expect(rows).toHaveLength(1);
  });

  /** Puts a fresh request into `status` and returns its id. */
  async function requestIn(status: RequestStatus, mentor: { user: ReturnType<typeof person>; id: string }, mentee = person(`req-mentee-${status}-${Math.random()}`, 'Some Mentee')) {
    const id = await sendRequest(t, mentee, mentor.id);
    if (status === 'accepted') expect((await call('POST', `/api/v1/mentorship-requests/${id}/accept`, { as: mentor.user })).status).toBe(200);
    if (status === 'declined') expect((await call('POST', `/api/v1/mentorship-requests/${id}/decline`, { as: mentor.user, body: { reason: 'not_enough_time' } })).status).toBe(200);
    if (status === 'withdrawn') expect((await call('POST', `/api/v1/mentorship-requests/${id}/withdraw`, { as: mentee })).status).toBe(200);
    if (status === 'expired') {
      await t.handle.db.updateTable('mentorship_requests').set({ expires_at: new Date(t.clock.now().getTime() - 1000) }).where('id', '=', id).execute();
      expect(await expireRequests(t.handle.db, t.clock.now())).toBeGreaterThanOrEqual(1);
    }
    return { id, mentee };
  }

  const actions = [
    { to: 'accepted', path: 'accept', by: 'mentor' as const, body: undefined },
    { to: 'declined', path: 'decline', by: 'mentor' as const, body: { reason: 'expertise_mismatch', message: 'Try Rahul instead.' } },
    { to: 'withdrawn', path: 'withdraw', by: 'mentee' as const, body: undefined },
  ];

  it.each(requestStatuses.flatMap((from) => actions.map((a) => [from, a.to, a] as const)))(
    'from %s to %s: legal only from pending (accept is idempotent)',
    async (from, _to, action) => {
      const user = person(`req-tm-${from}-${action.path}`, 'Transition Mentor');
      const mentor = { user, id: await becomeMentor(t, user, { capacity: 5 }) };
      const { id, mentee } = await requestIn(from, mentor);
      const res = await call('POST', `/api/v1/mentorship-requests/${id}/${action.path}`, { as: action.by === 'mentor' ? mentor.user : mentee, ...(action.body ? { body: action.body } : {}) });
      const body = await json(res);
      if (from === 'pending') {
        expect(res.status).toBe(200);
        expect(body.status).toBe(action.to);
        if (action.to === 'accepted') expect(body.mentorship).toMatchObject({ status: 'active', mentor: { id: mentor.id } });
        if (action.to === 'declined') expect(body).toMatchObject({ declineReason: 'expertise_mismatch', declineMessage: 'Try Rahul instead.' });
      } else if (from === 'accepted' && action.to === 'accepted') {
        expect(res.status).toBe(200);
        expect(body.mentorship.status).toBe('active');
        const count = await t.handle.db.selectFrom('mentorships').select((eb) => eb.fn.countAll<number>().as('n')).where('request_id', '=', id).executeTakeFirstOrThrow();
        expect(Number(count.n)).toBe(1);
      } else {
        expect(res.status).toBe(409);
        expect(body.error.code).toBe('invalid_transition');
        const row = await t.handle.db.selectFrom('mentorship_requests').select('status').where('id', '=', id).executeTakeFirstOrThrow();
        expect(row.status).toBe(from);
      }
    },
  );

  it('answers 404 to outsiders and 403 to the wrong party', async () => {
    const { id, mentee } = await requestIn('pending', { user: ana, id: anaId });
    for (const path of ['accept', 'decline', 'withdraw']) {
      const res = await call('POST', `/api/v1/mentorship-requests/${id}/${path}`, { as: outsider, body: { reason: 'other' } });
      expect(res.status).toBe(404);
    }
    expect((await call('GET', `/api/v1/mentorship-requests/${id}`, { as: outsider })).status).toBe(404);
    expect((await call('POST', `/api/v1/mentorship-requests/${id}/accept`, { as: mentee })).status).toBe(403);
    expect((await call('POST', `/api/v1/mentorship-requests/${id}/decline`, { as: mentee, body: { reason: 'other' } })).status).toBe(403);
    expect((await call('POST', `/api/v1/mentorship-requests/${id}/withdraw`, { as: ana })).status).toBe(403);
    expect((await call('POST', '/api/v1/mentorship-requests/not-a-uuid/accept', { as: ana })).status).toBe(404);
    const badReason = await call('POST', `/api/v1/mentorship-requests/${id}/decline`, { as: ana, body: { reason: 'busy' } });
    expect(badReason.status).toBe(400);
    const anonymous = await call('POST', `/api/v1/mentorship-requests/${id}/accept`);
    expect(anonymous.status).toBe(401);
  });

  it('expires requests after the TTL, notifying both, and reminds mentors after three days', async () => {
    const mentorUser = person('req-ttl', 'Tee Tee El');
    const mentor = { user: mentorUser, id: await becomeMentor(t, mentorUser) };
    const { id } = await requestIn('pending', mentor);
    t.clock.advance(3 * DAY + 1000);
    expect(await remindMentors(t.handle.db, t.clock.now())).toBeGreaterThanOrEqual(1);
    expect(await remindMentors(t.handle.db, t.clock.now())).toBe(0);
    const reminders = await json(await call('GET', '/api/v1/notifications', { as: mentorUser }));
    expect(reminders.items.some((n: { kind: string }) => n.kind === 'request.reminder')).toBe(true);
    t.clock.advance(11 * DAY);
    expect(await expireRequests(t.handle.db, t.clock.now())).toBeGreaterThanOrEqual(1);
    const row = await json(await call('GET', `/api/v1/mentorship-requests/${id}`, { as: mentorUser }));
    expect(row.status).toBe('expired');
  });

  it('accepts exactly once when concurrent accepts race for the last slot', async () => {
    const user = person('req-race', 'Race Condition');
    const mentor = { user, id: await becomeMentor(t, user, { capacity: 1 }) };
    const ids: string[] = [];
    for (let i = 0; i < 10; i++) ids.push((await requestIn('pending', mentor, person(`req-racer-${i}`, `Racer ${i}`))).id);
    const results = await Promise.all(ids.map((id) => call('POST', `/api/v1/mentorship-requests/${id}/accept`, { as: user })));
    const codes = await Promise.all(results.map(async (r) => (r.status === 200 ? 'ok' : (await json(r)).error.code)));
    expect(codes.filter((c) => c === 'ok')).toHaveLength(1);
    expect(codes.filter((c) => c === 'capacity_reached')).toHaveLength(9);
    const open = await t.handle.db.selectFrom('mentorships').select('id').where('mentor_id', '=', mentor.id).execute();
    expect(open).toHaveLength(1);
    const m = await t.handle.db.selectFrom('mentors').select(['open_mentorships', 'capacity']).where('user_id', '=', mentor.id).executeTakeFirstOrThrow();
    expect(m).toEqual({ open_mentorships: 1, capacity: 1 });
  });

  it('refuses a capacity below the open mentorships, and can decline all pending when pausing intake', async () => {
    const user = person('req-cap', 'Cap Acity');
    const mentor = { user, id: await becomeMentor(t, user, { capacity: 3 }) };
    await requestIn('accepted', mentor);
    await requestIn('accepted', mentor);
    const low = await call('PATCH', '/api/v1/mentors/me', { as: user, body: { capacity: 1 } });
    expect(low.status).toBe(409);
    const { id: waiting, mentee } = await requestIn('pending', mentor);
    const off = await json(await call('PATCH', '/api/v1/mentors/me', { as: user, body: { acceptingMentees: false, declinePending: true } }));
    expect(off).toMatchObject({ acceptingMentees: false, declinedRequests: 1, availability: 'unavailable' });
    const seen = await json(await call('GET', `/api/v1/mentorship-requests/${waiting}`, { as: mentee }));
    expect(seen).toMatchObject({ status: 'declined', declineReason: 'mentor_unavailable' });
    const notMentor = await call('PATCH', '/api/v1/mentors/me', { as: outsider, body: { capacity: 3 } });
    expect(notMentor.status).toBe(404);
    const invalid = await call('PATCH', '/api/v1/mentors/me', { as: user, body: { capacity: 21 } });
    expect(invalid.status).toBe(400);
    expect((await call('PATCH', '/api/v1/mentors/me', { body: { capacity: 3 } })).status).toBe(401);
  });

  it('records the mentor median response time and audit rows', async () => {
    const user = person('req-median', 'Med Ian');
    const mentor = { user, id: await becomeMentor(t, user, { capacity: 5 }) };
    const { id } = await requestIn('pending', mentor);
    t.clock.advance(10 * 3_600_000);
    await call('POST', `/api/v1/mentorship-requests/${id}/accept`, { as: user });
    const row = await t.handle.db.selectFrom('mentors').select('median_response_hours').where('user_id', '=', mentor.id).executeTakeFirstOrThrow();
    expect(row.median_response_hours).toBeCloseTo(10, 5);
    const audit = await t.handle.db.selectFrom('audit_log').select(['action', 'from_state', 'to_state']).where('entity_id', '=', id).orderBy('id').execute();
    expect(audit).toEqual([
      { action: 'request.created', from_state: null, to_state: 'pending' },
      { action: 'request.accepted', from_state: 'pending', to_state: 'accepted' },
    ]);
  });
});

describe.each(databaseKinds)('mentorship requests inside a programme on %s', (kind) => {
  let t: TestContext;
  beforeAll(async () => { t = await createTestContext(kind); });
  afterAll(async () => { await t?.close(); });

  let run = 0;
  let ana: TestUser;
  let maria: TestUser;
  let anaId: string;
  beforeEach(async () => {
    run++;
    t.clock.set('2026-11-28T09:00:00Z');
    ana = person(`preq-ana-${run}`, 'Ana Villanueva');
    maria = person(`preq-maria-${run}`, 'Maria Santos');
    anaId = await becomeMentor(t, ana, { capacity: 3 });
  });

  const call = (...args: Parameters<TestContext['call']>) => t.call(...args);

  async function newProgramme(fields: Record<string, unknown> = {}) {
    const res = await call('POST', '/api/v1/admin/programmes', {
      as: admin,
      body: { name: `Data careers ${run} ${Math.random().toString(36).slice(2, 8)}`, startsOn: '2026-12-01', endsOn: '2027-03-31', matching: 'mentee_choice', milestoneTemplate: 'technical-8-week', ...fields },
    });
    expect(res.status, await res.clone().text()).toBe(201);
    return json(res) as Promise<{ id: string; slug: string; name: string; endsOn: string }>;
  }

  async function enrol(user: TestUser, programmeId: string, role: 'mentor' | 'mentee', goals = '') {
    const res = await call('POST', `/api/v1/programmes/${programmeId}/enrolment`, { as: user, body: { role, goals } });
    expect(res.status, await res.clone().text()).toBe(201);
  }

  const ask = (mentee: TestUser, mentorId: string, programmeId: string) =>
    call('POST', '/api/v1/mentorship-requests', { as: mentee, body: requestBody(mentorId, { programmeId }) });

  it('makes a request in the programme; accepting starts a mentorship that ends with it and holds its template’s milestones', async () => {
    const programme = await newProgramme();
    await enrol(ana, programme.id, 'mentor');
    await enrol(maria, programme.id, 'mentee');
    const res = await ask(maria, anaId, programme.id);
    expect(res.status, await res.clone().text()).toBe(201);
    const request = await json(res);
    expect(request).toMatchObject({ status: 'pending', introduced: false, programme: { id: programme.id, slug: programme.slug, name: programme.name } });
    const stored = await t.handle.db.selectFrom('mentorship_requests').select(['programme_id', 'introduced']).where('id', '=', request.id).executeTakeFirstOrThrow();
    expect(stored).toEqual({ programme_id: programme.id, introduced: false });

    const accepted = await call('POST', `/api/v1/mentorship-requests/${request.id}/accept`, { as: ana });
    expect(accepted.status, await accepted.clone().text()).toBe(200);
    const { mentorship } = await json(accepted);
    expect(mentorship).toMatchObject({ status: 'active', targetEndDate: '2027-03-31', programme: { id: programme.id, slug: programme.slug } });
    const milestones = await t.handle.db.selectFrom('milestones').select(['title', 'due_date', 'position']).where('mentorship_id', '=', mentorship.id).orderBy('position').execute();
    // The template's five steps, spread from today to the programme's end, the last on the end.
    expect(milestones.map((m) => m.title)).toEqual([
      'Baseline and learning goals', 'Core concepts', 'Guided practice project started', 'Project review', 'Showcase and next steps',
    ]);
    expect(milestones.at(-1)!.due_date).toBe('2027-03-31');
    expect(milestones.every((m) => m.due_date! >= '2026-11-28')).toBe(true);
    const seen = await json(await call('GET', `/api/v1/mentorships/${mentorship.id}`, { as: maria }));
    expect(seen.programme).toMatchObject({ id: programme.id });
  });

  it('without a template, the mentorship still ends with the programme and starts with an empty plan', async () => {
    const programme = await newProgramme({ milestoneTemplate: null, endsOn: '2027-02-28' });
    await enrol(ana, programme.id, 'mentor');
    await enrol(maria, programme.id, 'mentee');
    const id = (await json(await ask(maria, anaId, programme.id))).id;
    const { mentorship } = await json(await call('POST', `/api/v1/mentorship-requests/${id}/accept`, { as: ana }));
    expect(mentorship).toMatchObject({ targetEndDate: '2027-02-28', programme: { id: programme.id } });
    const milestones = await t.handle.db.selectFrom('milestones').select('id').where('mentorship_id', '=', mentorship.id).execute();
    expect(milestones).toEqual([]);
  });

  it('refuses 409 not_enrolled unless the mentee is enrolled as a mentee and the mentor as a mentor', async () => {
    const programme = await newProgramme();
    const notYet = await ask(maria, anaId, programme.id);
    expect(notYet.status).toBe(409);
    expect((await json(notYet)).error.code).toBe('not_enrolled');
    // The mentor enrolled, but as a mentee.
    await enrol(ana, programme.id, 'mentee');
    const wrongRoles = await ask(maria, anaId, programme.id);
    expect((await json(wrongRoles)).error.code).toBe('not_enrolled');
    await enrol(maria, programme.id, 'mentee');
    const mentorMissing = await ask(maria, anaId, programme.id);
    expect(mentorMissing.status).toBe(409);
    expect((await json(mentorMissing)).error.message).toMatch(/mentor is not enrolled/);
    await enrol(ana, programme.id, 'mentor');
    expect((await ask(maria, anaId, programme.id)).status).toBe(201);
    const rows = await t.handle.db.selectFrom('mentorship_requests').select('id').where('mentor_id', '=', anaId).execute();
    expect(rows).toHaveLength(1);
  });

  it('refuses requests in an admin_matched programme (409 conflict), in an ended one (409 programme_ended) and in an unknown one (404)', async () => {
    const matched = await newProgramme({ matching: 'admin_matched' });
    await enrol(ana, matched.id, 'mentor');
    await enrol(maria, matched.id, 'mentee');
    const inMatched = await ask(maria, anaId, matched.id);
    expect(inMatched.status).toBe(409);
    const body = await json(inMatched);
    expect(body.error.code).toBe('conflict');
    expect(body.error.message).toMatch(/organisers introduce/);

    const short = await newProgramme({ startsOn: '2026-11-28', endsOn: '2026-12-05' });
    await enrol(ana, short.id, 'mentor');
    await enrol(maria, short.id, 'mentee');
    t.clock.set('2026-12-06T09:00:00Z');
    const ended = await ask(maria, anaId, short.id);
    expect(ended.status).toBe(409);
    expect((await json(ended)).error.code).toBe('programme_ended');

    const unknown = await ask(maria, anaId, '00000000-0000-4000-8000-000000000000');
    expect(unknown.status).toBe(404);
    const malformed = await ask(maria, anaId, 'data-careers');
    expect(malformed.status).toBe(400);
    expect(JSON.stringify((await json(malformed)).error.issues)).toContain('programmeId');
    expect(await t.handle.db.selectFrom('mentorship_requests').select('id').where('mentor_id', '=', anaId).execute()).toEqual([]);
  });

  it('does not start a mentorship once the programme has ended (409 programme_ended)', async () => {
    const short = await newProgramme({ startsOn: '2026-11-28', endsOn: '2026-12-05' });
    await enrol(ana, short.id, 'mentor');
    await enrol(maria, short.id, 'mentee');
    const id = (await json(await ask(maria, anaId, short.id))).id;
    t.clock.set('2026-12-06T09:00:00Z');
    const res = await call('POST', `/api/v1/mentorship-requests/${id}/accept`, { as: ana });
    expect(res.status).toBe(409);
    expect((await json(res)).error.code).toBe('programme_ended');
    expect(await t.handle.db.selectFrom('mentorships').select('id').where('mentor_id', '=', anaId).execute()).toEqual([]);
  });

  it('does not count introductions toward the mentee’s pending limit', async () => {
    // Three programmes, one introduction in each: a mentee is introduced once per programme.
    for (let i = 0; i < 3; i++) {
      const programme = await newProgramme({ matching: 'admin_matched' });
      await enrol(maria, programme.id, 'mentee');
      const mentor = person(`preq-intro-${run}-${i}`, `Intro Mentor ${i}`);
      const mentorId = await becomeMentor(t, mentor);
      await enrol(mentor, programme.id, 'mentor');
      const res = await call('POST', `/api/v1/admin/programmes/${programme.id}/matches`, { as: admin, body: { pairs: [{ menteeId: await userId(t, maria), mentorId }] } });
      expect(res.status, await res.clone().text()).toBe(201);
      expect((await json(res)).items).toHaveLength(1);
    }
    for (let i = 0; i < 5; i++) await sendRequest(t, maria, await becomeMentor(t, person(`preq-own-${run}-${i}`, `Own Mentor ${i}`)));
    const sixth = await call('POST', '/api/v1/mentorship-requests', { as: maria, body: requestBody(await becomeMentor(t, person(`preq-own-${run}-5`, 'Own Mentor 5'))) });
    expect(sixth.status).toBe(409);
    expect((await json(sixth)).error.code).toBe('too_many_pending_requests');
    const pending = await t.handle.db.selectFrom('mentorship_requests').select('introduced').where('mentee_id', '=', await userId(t, maria)).where('status', '=', 'pending').execute();
    expect(pending.filter((r) => r.introduced)).toHaveLength(3);
    expect(pending.filter((r) => !r.introduced)).toHaveLength(5);
  });
});
