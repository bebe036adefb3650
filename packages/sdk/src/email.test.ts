import { createTestContext, databaseKinds, type TestContext } from '@mentorkit/server/testing';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { ApiError, createClient, type MentorkitClient } from './index.js';

const admin = { sub: 'sdk-mail-admin', name: 'Grace Lim', roles: ['admin'] };

describe.each(databaseKinds)('SDK email preferences and unsubscribe against the real app on %s', (kind) => {
  let t: TestContext;
  let asMentor: MentorkitClient;
  let asMentee: MentorkitClient;
  let anonymous: MentorkitClient;
  const appFetch = ((input: RequestInfo | URL, init?: RequestInit) =>
    t.app.request(input instanceof Request ? input : String(input), init)) as typeof fetch;

  const client = async (user: { sub: string; name: string; email?: string; roles?: string[] }) =>
    createClient({ baseUrl: 'http://mentoring.test', token: await t.token(user), fetch: appFetch });
  beforeAll(async () => {
    t = await createTestContext(kind, { MENTORSHIP_DEMO: '1' });
    anonymous = createClient({ baseUrl: 'http://mentoring.test', fetch: appFetch });
  });
  afterAll(async () => { await t?.close(); });

  // Each test has its own Ana (an approved mentor) and Maria, with the settings of anyone new.
  let run = 0;
  beforeEach(async () => {
    run++;
    asMentor = await client({ sub: `sdk-mail-mentor-${run}`, name: 'Ana Villanueva', email: 'ana@alumni.example.edu' });
    asMentee = await client({ sub: `sdk-mail-mentee-${run}`, name: 'Maria Santos', email: 'maria@alumni.example.edu' });
    const application = await asMentor.mentorApplications.submit({ expertise: ['SQL'], yearsOfExperience: 12, statement: 'Twelve years of data engineering and a habit of mentoring juniors.' });
    await (await client(admin)).admin.approve(application.id);
  });

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
