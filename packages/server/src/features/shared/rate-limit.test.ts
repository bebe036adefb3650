import { REQUESTS_PER_DAY, REQUESTS_PER_HOUR } from '@mentorkit/contract';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AUTH_FAILURE_WINDOW_MS, AUTH_FAILURES_PER_WINDOW } from '../../auth/auth-failures.js';
import { becomeMentor, person, requestBody } from '../../test/flows.js';
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
    const mentee: TestUser = person('rl-mentee', 'Eager Mentee');
    beforeAll(async () => { mentorId = await becomeMentor(t, person('rl-mentor', 'Patient Mentor'), { capacity: 20 }); }, 60_000);

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
      let sent = REQUESTS_PER_HOUR + 1; // from the test above, all within the last 24 hours
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
