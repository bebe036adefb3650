import { mailKinds } from '@mentorkit/contract';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createTestContext, databaseKinds, json, type TestContext, type TestUser } from '../../test/harness.js';
import { becomeMentor, sendRequest } from '../../test/flows.js';
import { signUnsubscribeToken, unsubscribeKey, UNSUBSCRIBE_TTL_DAYS } from './tokens.js';

const PREFS = '/api/v1/me/notification-preferences';
const noMail: TestUser = { sub: 'prefs-nomail', name: 'No Mail' };

describe.each(databaseKinds)('notification preferences, unsubscribe and /dev/mail on %s', (kind) => {
  let t: TestContext;
  let lena: TestUser;
  let lenaId: string;
  const disabledKinds = async (userId: string) =>
    (await t.handle.db.selectFrom('notification_preferences').select('disabled_kinds').where('user_id', '=', userId).executeTakeFirst())?.disabled_kinds ?? [];
  const token = (claims: { userId: string; kind: (typeof mailKinds)[number] }, at = t.clock.now()) => signUnsubscribeToken(unsubscribeKey(t.config)!, claims, at);

  beforeAll(async () => {
    t = await createTestContext(kind, { MENTORSHIP_DEMO: '1' });
  });
  afterAll(async () => { await t?.close(); });
  /** Each test's own Lena, with the settings of anyone new: no test sees what another switched. */
  let run = 0;
  beforeEach(async () => {
    lena = { sub: `prefs-lena-${++run}`, name: 'Lena Cruz', email: 'lena@alumni.example.edu' };
    lenaId = (await json(await t.call('GET', '/api/v1/me', { as: lena }))).user.id;
  });
  /** Lena's own choices: Filipino, and no reminders of requests. */
  const lenaChooses = async () => {
    const res = await t.call('PUT', PREFS, { as: lena, body: { kinds: { request_reminder: false }, language: 'fil' } });
    expect(res.status).toBe(200);
  };

  it('answers every kind switched on, in English, with the address mail goes to', async () => {
    const res = await t.call('GET', PREFS, { as: lena });
    expect(res.status).toBe(200);
    expect(await json(res)).toEqual({
      email: 'lena@alumni.example.edu', language: 'en', updatedAt: null,
      kinds: Object.fromEntries(mailKinds.map((k) => [k, true])),
    });
    expect((await json(await t.call('GET', PREFS, { as: noMail }))).email).toBeNull();
  });

  it('switches kinds and the language; kinds left out keep their setting', async () => {
    let res = await t.call('PUT', PREFS, { as: lena, body: { kinds: { message_digest: false } } });
    expect(res.status).toBe(200);
    res = await t.call('PUT', PREFS, { as: lena, body: { kinds: { request_reminder: false }, language: 'fil' } });
    const body = await json(res);
    expect(body).toMatchObject({ language: 'fil', kinds: { message_digest: false, request_reminder: false, request_received: true } });
    expect(body.updatedAt).toBe(t.clock.now().toISOString());
    res = await t.call('PUT', PREFS, { as: lena, body: { kinds: { message_digest: true } } });
    expect(await json(res)).toMatchObject({ language: 'fil', kinds: { message_digest: true, request_reminder: false } });
    expect(await disabledKinds(lenaId)).toEqual(['request_reminder']);
  });

  it('refuses bad input with 400 naming the field, and changes nothing', async () => {
    const before = await disabledKinds(lenaId);
    for (const body of [{}, { kinds: {} }, { kinds: { nonsense: false } }, { kinds: { message_digest: 'no' } }, { language: 'de' }, { language: 'en', extra: 1 }, '[]']) {
      const res = await t.call('PUT', PREFS, { as: lena, body });
      expect(res.status, JSON.stringify(body)).toBe(400);
      expect((await json(res)).error.code).toBe('validation_failed');
    }
    const notJson = await t.app.request(PREFS, { method: 'PUT', headers: { authorization: `Bearer ${await t.token(lena)}`, 'content-type': 'text/plain' }, body: 'kinds=off' });
    expect(notJson.status).toBe(400);
    expect(await disabledKinds(lenaId)).toEqual(before);
  });

  it('needs a signed-in person (401)', async () => {
    expect((await t.call('GET', PREFS)).status).toBe(401);
    expect((await t.call('PUT', PREFS, { body: { language: 'en' } })).status).toBe(401);
    const bad = await t.call('GET', PREFS, { headers: { authorization: 'Bearer not.a.token' } });
    expect(bad.status).toBe(401);
    expect((await json(bad)).error.code).toBe('unauthenticated');
  });

  it('unsubscribes with a signed token and no sign-in; again is harmless', async () => {
    await lenaChooses();
    const url = `/api/v1/unsubscribe?token=${encodeURIComponent(token({ userId: lenaId, kind: 'meeting_updates' }))}`;
    for (let i = 0; i < 2; i++) {
      const res = await t.app.request(url, { method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded' }, body: 'List-Unsubscribe=One-Click' });
      expect(res.status).toBe(200);
      expect(await json(res)).toEqual({ kind: 'meeting_updates', unsubscribed: true });
    }
    expect(await disabledKinds(lenaId)).toEqual(['meeting_updates', 'request_reminder']);
  });

  it('refuses a forged, tampered, expired or missing token with 400 and changes nothing', async () => {
    const before = await disabledKinds(lenaId);
    const good = token({ userId: lenaId, kind: 'request_received' });
    const [v, u, , e, sig] = good.split('.');
    const expired = token({ userId: lenaId, kind: 'request_received' }, new Date(t.clock.now().getTime() - UNSUBSCRIBE_TTL_DAYS * 86_400_000 - 1000));
    const forgedKey = signUnsubscribeToken(Buffer.from('someone-elses-key-that-is-long-enough'), { userId: lenaId, kind: 'request_received' }, t.clock.now());
    const cases: Array<[string, RegExp]> = [
      [[v, u, 'message_digest', e, sig].join('.'), /not valid/],
      [forgedKey, /not valid/],
      [expired, /expired/],
      ['garbage', /not valid/],
    ];
    for (const [bad, message] of cases) {
      const res = await t.app.request(`/api/v1/unsubscribe?token=${encodeURIComponent(bad)}`, { method: 'POST' });
      expect(res.status).toBe(400);
      const body = await json(res);
      expect(body.error.code).toBe('validation_failed');
      expect(body.error.message).toMatch(message);
    }
    expect((await t.app.request('/api/v1/unsubscribe', { method: 'POST' })).status).toBe(400);
    expect(await disabledKinds(lenaId)).toEqual(before);
  });

  it('shows a confirmation page on GET (no change: link scanners fetch GETs) that posts without scripts', async () => {
    await lenaChooses();
    const before = await disabledKinds(lenaId);
    const raw = token({ userId: lenaId, kind: 'application_decided' });
    const res = await t.app.request(`/api/v1/unsubscribe?token=${encodeURIComponent(raw)}`);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toMatch(/^text\/html/);
    const page = await res.text();
    expect(page).toContain('<form method="post"');
    expect(page).toContain('mga pasya sa aplikasyon bilang mentor'); // Lena reads Filipino
    expect(page).not.toContain('<script');
    expect(await disabledKinds(lenaId)).toEqual(before);
    const posted = await t.app.request(`/api/v1/unsubscribe?token=${encodeURIComponent(raw)}`, { method: 'POST', headers: { accept: 'text/html', 'content-type': 'application/x-www-form-urlencoded' }, body: 'List-Unsubscribe=One-Click' });
    expect(posted.status).toBe(200);
    expect(await posted.text()).toContain('Tapos na');
    expect(await disabledKinds(lenaId)).toContain('application_decided');
    const forged = await t.app.request('/api/v1/unsubscribe?token=v1.x.y.z.w');
    expect(forged.status).toBe(400);
    expect(await forged.text()).toContain('not valid');
  });

  it('in demo mode lists the outbox at /dev/mail, rendered and escaped', async () => {
    const mentor: TestUser = { sub: 'prefs-mentor', name: 'Mentor <i>Mentor</i>', email: 'mentor@alumni.example.edu' };
    const mentorId = await becomeMentor(t, mentor);
    await sendRequest(t, lena, mentorId, { message: '<script>alert("pwned")</script>' });
    const res = await t.app.request('/dev/mail');
    expect(res.status).toBe(200);
    expect(res.headers.get('content-security-policy')).toContain("default-src 'none'");
    const page = await res.text();
    expect(page).toContain('Lena Cruz asked you to be their mentor');
    expect(page).toContain('You are now a mentor');
    expect(page).toContain('<iframe sandbox');
    expect(page).not.toContain('<script>alert');
    expect(page).not.toContain('<i>Mentor</i>');
    // The mail's own HTML is escaped once more inside srcdoc.
    expect(page).toContain('&amp;lt;script&amp;gt;alert(&amp;quot;pwned&amp;quot;)');
  });

  it('has no /dev/mail outside demo mode', async () => {
    const plain = await createTestContext(kind);
    try {
      expect((await plain.app.request('/dev/mail')).status).toBe(404);
    } finally {
      await plain.close();
    }
  });
});
