import { createTestContext, databaseKinds, type TestContext } from '@mentorkit/server/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ApiError, createClient, type MentorkitClient } from './index.js';

const mentor = { sub: 'sdk-mail-mentor', name: 'Ana Villanueva', email: 'ana@alumni.example.edu' };
const mentee = { sub: 'sdk-mail-mentee', name: 'Maria Santos', email: 'maria@alumni.example.edu' };
const admin = { sub: 'sdk-mail-admin', name: 'Grace Lim', roles: ['admin'] };

describe.each(databaseKinds)('SDK email preferences and unsubscribe against the real app on %s', (kind) => {
  let t: TestContext;
  let asMentor: MentorkitClient;
  let asMentee: MentorkitClient;
  let anonymous: MentorkitClient;
  const appFetch = ((input: RequestInfo | URL, init?: RequestInit) =>
    t.app.request(input instanceof Request ? input : String(input), init)) as typeof fetch;

  beforeAll(async () => {
    t = await createTestContext(kind, { MENTORSHIP_DEMO: '1' });
    const client = async (user: typeof mentor | typeof admin) => createClient({ baseUrl: 'http://mentoring.test', token: await t.token(user), fetch: appFetch });
    asMentor = await client(mentor);
    asMentee = await client(mentee);
    anonymous = createClient({ baseUrl: 'http://mentoring.test', fetch: appFetch });
    const application = await asMentor.mentorApplications.submit({ expertise: ['SQL'], yearsOfExperience: 12, statement: 'Twelve years of data engineering and a habit of mentoring juniors.' });
    await (await client(admin)).admin.approve(application.id);
  });
  afterAll(async () => { await t?.close(); });

  it('reads and switches preferences, naming the field of a bad one', async () => {
    const prefs = await asMentor.notifications.preferences();
    expect(prefs).toMatchObject({ email: 'ana@alumni.example.edu', language: 'en', kinds: { request_received: true, message_digest: true } });
    const updated = await asMentor.notifications.updatePreferences({ kinds: { message_digest: false }, language: 'fil' });
    expect(updated).toMatchObject({ language: 'fil', kinds: { message_digest: false, request_received: true } });
    const bad = await asMentor.notifications.updatePreferences({ language: 'de' as 'en' }).catch((e: unknown) => e);
    expect(bad).toBeInstanceOf(ApiError);
    expect(bad).toMatchObject({ code: 'validation_failed', status: 400 });
    expect((bad as ApiError).issueFor('language')).toBeTruthy();
    await expect(anonymous.notifications.preferences()).rejects.toMatchObject({ code: 'unauthenticated', status: 401 });
  });

  it('unsubscribes with the link of a real mail, and refuses a forged one', async () => {
    await asMentee.requests.create({ mentorId: (await asMentor.me.get()).user.id, goals: 'Move from analytics into data engineering within a year.' });
    // The demo's outbox page shows the headers each mail would carry.
    const page = await (await t.app.request('/dev/mail')).text();
    // Other mails (the mentor's approved application) share the page, in an order the test's fixed clock leaves open.
    const article = page.split('<article>').find((a) => a.includes(' · request_received · '))!;
    const token = decodeURIComponent(/unsubscribe\?token=([^&\s]+?)&gt;/.exec(article)![1]!);
    expect(await anonymous.notifications.unsubscribe(token)).toEqual({ kind: 'request_received', unsubscribed: true });
    expect((await asMentor.notifications.preferences()).kinds.request_received).toBe(false);
    const forged = await anonymous.notifications.unsubscribe(token.replace('request_received', 'message_digest')).catch((e: unknown) => e);
    expect(forged).toMatchObject({ code: 'validation_failed', status: 400 });
  });
});
