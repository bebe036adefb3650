import { REQUESTS_PER_DAY, REQUESTS_PER_HOUR } from '@mentorkit/contract';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { AUTH_FAILURE_WINDOW_MS, AUTH_FAILURES_PER_WINDOW } from '../../auth/auth-failures.js';
import { becomeMentor, person, requestBody } from '../../test/flows.js';
import { startMentorship, type Pair } from '../messages/messages.fixtures.js';
import { workspaceLimits } from './rate-limit.js';
import { createTestContext, databaseKinds, json, type TestContext, type TestUser } from '../../test/harness.js';

const HOUR = 3_600_000;

describe.each(databaseKinds)('rate limits on %s', (kind) => {
  let t: TestContext;
  beforeAll(async () => { t = await createTestContext(kind, { MENTORSHIP_TRUST_PROXY: '1' }); }, 120_000);
  afterAll(async () => { await t?.close(); });

  const requestCount = async (menteeSub: string) =>
    Number((await t.handle.db.selectFrom('mentorship_requests as r').innerJoin('users as u', 'u.id', 'r.mentee_id')
      .select((eb) => eb.fn.countAll<number>().as('n')).where('u.subject', '=', menteeSub).executeTakeFirstOrThrow()).n);

  describe('mentorship requests', () => {
    let mentorId: string;
    beforeAll(async () => { mentorId = await becomeMentor(t, person('rl-mentor', 'Patient Mentor'), { capacity: 20 }); }, 60_000);
    /** Each test's own mentee, whose requests no other test has counted. */
    let mentee: TestUser;
    let run = 0;
    beforeEach(() => { mentee = person(`rl-mentee-${++run}`, 'Eager Mentee'); });

    /** Sends a request and withdraws it at once (the pending cap is not what is tested here). */
    const sendAndWithdraw = async (headers: Record<string, string> = {}) => {
      const res = await t.call('POST', '/api/v1/mentorship-requests', { as: mentee, body: requestBody(mentorId), headers });
      if (res.status === 201) {
        const withdrawn = await t.call('POST', `/api/v1/mentorship-requests/${(await json(res.clone())).id}/withdraw`, { as: mentee });
        expect(withdrawn.status).toBe(200);
      }
      return res;
    };

    it(`allows ${REQUESTS_PER_HOUR} an hour, then answers 429 with Retry-After and writes nothing`, async () => {
      t.clock.set('2026-11-28T09:00:00Z');
      let first: Response | undefined;
      for (let i = 0; i < REQUESTS_PER_HOUR; i++) {
        const res = await sendAndWithdraw(i === 0 ? { 'idempotency-key': 'rl-first' } : {});
        expect(res.status, await res.clone().text()).toBe(201);
        first ??= res;
        t.clock.advance(60_000);
      }
      const before = await requestCount(mentee.sub);
      const limited = await sendAndWithdraw();
      expect(limited.status).toBe(429);
      const body = await json(limited);
      expect(body.error).toMatchObject({ code: 'rate_limited', message: expect.stringContaining(`${REQUESTS_PER_HOUR} mentorship requests an hour`), requestId: expect.any(String) });
      // The first request leaves the window an hour after it was sent: 50 minutes from now.
      expect(limited.headers.get('retry-after')).toBe(String(50 * 60));
      expect(await requestCount(mentee.sub)).toBe(before);
      // A replay of an earlier send is not a new request: it is answered, not limited.
      const replay = await t.call('POST', '/api/v1/mentorship-requests', { as: mentee, body: requestBody(mentorId), headers: { 'idempotency-key': 'rl-first' } });
      expect(replay.status).toBe(201);
      expect((await json(replay)).id).toBe((await json(first!)).id);
      // Other people are not affected.
      expect((await t.call('POST', '/api/v1/mentorship-requests', { as: person('rl-other'), body: requestBody(mentorId) })).status).toBe(201);
      t.clock.advance(50 * 60_000);
      expect((await sendAndWithdraw()).status).toBe(201);
    });

    it(`allows ${REQUESTS_PER_DAY} a day, however they are spread over the hours`, async () => {
      // A full first hour from 09:00, a minute apart, and one more when it has passed.
      t.clock.set('2026-11-28T09:00:00Z');
      for (let i = 0; i < REQUESTS_PER_HOUR; i++) {
        expect((await sendAndWithdraw()).status).toBe(201);
        t.clock.advance(60_000);
      }
      t.clock.advance(50 * 60_000);
      expect((await sendAndWithdraw()).status).toBe(201);
      let sent = REQUESTS_PER_HOUR + 1; // all within the last 24 hours
      while (sent < REQUESTS_PER_DAY) {
        t.clock.advance(HOUR);
        for (let i = 0; i < REQUESTS_PER_HOUR && sent < REQUESTS_PER_DAY; i++, sent++) expect((await sendAndWithdraw()).status).toBe(201);
      }
      t.clock.advance(HOUR);
      const limited = await sendAndWithdraw();
      expect(limited.status).toBe(429);
      expect((await json(limited)).error.message).toContain(`${REQUESTS_PER_DAY} mentorship requests a day`);
      // The day's first request was sent at 09:00: it leaves the window 24 hours later.
      expect(Number(limited.headers.get('retry-after'))).toBe((Date.parse('2026-11-29T09:00:00Z') - t.clock.now().getTime()) / 1000);
      t.clock.set('2026-11-29T09:00:01Z');
      expect((await sendAndWithdraw()).status).toBe(201);
    });
  });

  describe('invalid tokens', () => {
    const from = (address: string, token: string) =>
      t.app.request('/api/v1/me', { headers: { authorization: `Bearer ${token}`, 'x-forwarded-for': `10.0.0.1, ${address}` } });

    it(`turns an address away after ${AUTH_FAILURES_PER_WINDOW} invalid tokens in a window, valid ones too, until it ends`, async () => {
      const good = await t.token(person('rl-token-user'));
      expect((await from('203.0.113.7', good)).status).toBe(200);
      for (let i = 0; i < AUTH_FAILURES_PER_WINDOW; i++) expect((await from('203.0.113.7', `bad.token.${i}`)).status).toBe(401);
      const refused = await from('203.0.113.7', good);
      expect(refused.status).toBe(429);
      expect((await json(refused)).error).toMatchObject({ code: 'rate_limited', requestId: expect.any(String) });
      expect(Number(refused.headers.get('retry-after'))).toBe(AUTH_FAILURE_WINDOW_MS / 1000);
      // Another address, and the same person from it, are not affected.
      expect((await from('198.51.100.2', good)).status).toBe(200);
      t.clock.advance(AUTH_FAILURE_WINDOW_MS);
      expect((await from('203.0.113.7', good)).status).toBe(200);
    });

    it('never counts valid tokens or missing ones', async () => {
      const good = await t.token(person('rl-token-user'));
      for (let i = 0; i < AUTH_FAILURES_PER_WINDOW + 5; i++) expect((await from('192.0.2.9', good)).status).toBe(200);
      for (let i = 0; i < AUTH_FAILURES_PER_WINDOW + 5; i++) {
        expect((await t.app.request('/api/v1/me', { headers: { 'x-forwarded-for': '192.0.2.9' } })).status).toBe(401);
      }
      expect((await from('192.0.2.9', good)).status).toBe(200);
    });
  });
});

// Writes that reach the other party's inbox are limited like requests and messages.
describe.each(databaseKinds)('workspace write limits on %s', (kind) => {
  let t: TestContext;
  let pair: Pair;
  const mentor = person('wl-mentor', 'Wendy Mentor');
  const mentee = person('wl-mentee', 'Walt Mentee');
  beforeAll(async () => {
    t = await createTestContext(kind);
    pair = await startMentorship(t, mentor, mentee);
  }, 120_000);
  afterAll(async () => { await t?.close(); });

  const count = async (table: 'meetings' | 'milestones' | 'progress_notes' | 'email_outbox' | 'audit_log') =>
    Number((await t.handle.db.selectFrom(table).select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow()).n);
  const meeting = (i: number) => ({ title: `Sync ${i}`, startsAt: '2026-12-20T10:00:00+00:00', durationMinutes: 30 });
  const expectLimited = async (res: Response, label: string) => {
    expect(res.status).toBe(429);
    expect(Number(res.headers.get('retry-after'))).toBeGreaterThan(0);
    expect((await json(res)).error).toMatchObject({ code: 'rate_limited', message: expect.stringContaining(label) });
  };

  it('meetings: created, edited and cancelled count together; beyond the hourly budget 429 with Retry-After, nothing written or mailed', async () => {
    t.clock.set('2026-12-01T09:00:00Z');
    const [hourly] = workspaceLimits.meetings.limits;
    const created = await json(await t.call('POST', `/api/v1/mentorships/${pair.mentorshipId}/meetings`, { as: mentee, body: meeting(0) }));
    for (let i = 1; i < hourly.max - 1; i++) {
      const res = await t.call('PATCH', `/api/v1/meetings/${created.id}`, { as: mentee, body: { title: `Sync edit ${i}` } });
      expect(res.status, await res.clone().text()).toBe(200);
    }
    expect((await t.call('POST', `/api/v1/mentorships/${pair.mentorshipId}/meetings`, { as: mentee, body: meeting(1) })).status).toBe(201);
    const before = { meetings: await count('meetings'), outbox: await count('email_outbox'), audit: await count('audit_log') };
    await expectLimited(await t.call('POST', `/api/v1/mentorships/${pair.mentorshipId}/meetings`, { as: mentee, body: meeting(2) }), 'meeting changes an hour');
    await expectLimited(await t.call('PATCH', `/api/v1/meetings/${created.id}`, { as: mentee, body: { title: 'One more' } }), 'meeting changes an hour');
    await expectLimited(await t.call('POST', `/api/v1/meetings/${created.id}/cancel`, { as: mentee, body: { reason: 'Spam' } }), 'meeting changes an hour');
    expect({ meetings: await count('meetings'), outbox: await count('email_outbox'), audit: await count('audit_log') }).toEqual(before);
    // The other party has a budget of their own; the limited one gets theirs back as the hour passes.
    expect((await t.call('POST', `/api/v1/meetings/${created.id}/cancel`, { as: mentor, body: { reason: 'Too many edits' } })).status).toBe(200);
    t.clock.advance(3_600_000);
    expect((await t.call('POST', `/api/v1/mentorships/${pair.mentorshipId}/meetings`, { as: mentee, body: meeting(3) })).status).toBe(201);
  });

  it('progress notes: beyond the hourly budget 429, nothing written', async () => {
    t.clock.set('2026-12-02T09:00:00Z');
    const [hourly] = workspaceLimits.progressNotes.limits;
    for (let i = 0; i < hourly.max; i++) {
      expect((await t.call('POST', `/api/v1/mentorships/${pair.mentorshipId}/progress-notes`, { as: mentee, body: { body: `Note ${i}` } })).status).toBe(201);
    }
    const before = await count('progress_notes');
    await expectLimited(await t.call('POST', `/api/v1/mentorships/${pair.mentorshipId}/progress-notes`, { as: mentee, body: { body: 'One too many' } }), 'progress notes an hour');
    expect(await count('progress_notes')).toBe(before);
  });

  it('milestones: created, edited and deleted count together; beyond the hourly budget 429, nothing written', async () => {
    t.clock.set('2026-12-03T09:00:00Z');
    const [hourly] = workspaceLimits.milestones.limits;
    const created = await json(await t.call('POST', `/api/v1/mentorships/${pair.mentorshipId}/milestones`, { as: mentor, body: { title: 'Portfolio' } }));
    for (let i = 1; i < hourly.max; i++) {
      const res = await t.call('PATCH', `/api/v1/milestones/${created.id}`, { as: mentor, body: { status: i % 2 === 1 ? 'in_progress' : 'not_started' } });
      expect(res.status, await res.clone().text()).toBe(200);
    }
    const before = await count('milestones');
    await expectLimited(await t.call('POST', `/api/v1/mentorships/${pair.mentorshipId}/milestones`, { as: mentor, body: { title: 'Another' } }), 'milestone changes an hour');
    await expectLimited(await t.call('DELETE', `/api/v1/milestones/${created.id}`, { as: mentor }), 'milestone changes an hour');
    expect(await count('milestones')).toBe(before);
  }, 60_000);
});

describe('invalid tokens without a trusted proxy', () => {
  it('ignores X-Forwarded-For, and limits nobody it cannot tell apart (no socket address in-process)', async () => {
    const t = await createTestContext('pglite');
    try {
      const good = await t.token(person('rl-noproxy'));
      const call = (token: string) => t.app.request('/api/v1/me', { headers: { authorization: `Bearer ${token}`, 'x-forwarded-for': '203.0.113.7' } });
      for (let i = 0; i < AUTH_FAILURES_PER_WINDOW + 5; i++) expect((await call(`bad.token.${i}`)).status).toBe(401);
      expect((await call(good)).status).toBe(200);
    } finally {
      await t.close();
    }
  });
});
