import type { ProfileInput } from '@mentorkit/contract';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createTestContext, databaseKinds, json, type TestContext, type TestUser } from '../../test/harness.js';
import { createMentor } from '../mentors/mentors.fixtures.js';

const full: ProfileInput = {
  headline: 'Data analyst moving into product',
  bio: 'Five years of dashboards.\nNow learning discovery.',
  goals: 'Lead a product team within two years.',
  skills: ['SQL', 'Python', 'Storytelling'],
  industry: 'Technology',
  company: 'Globe Telecom',
  position: 'Senior Analyst',
  location: 'Makati, Metro Manila',
  timeZone: 'Asia/Manila',
  languages: ['English', 'Filipino'],
  graduationYear: 2018,
  programme: 'BS Computer Science',
  linkedinUrl: 'https://www.linkedin.com/in/ana',
  websiteUrl: 'http://ana.example.com/about?x=1',
};

const empty = {
  headline: '', bio: '', goals: '', skills: [], industry: '', company: '', position: '', location: '', timeZone: null,
  languages: [], graduationYear: null, programme: '', linkedinUrl: null, websiteUrl: null,
};

describe.each(databaseKinds)('GET /me and PUT /me/profile on %s', (kind) => {
  let t: TestContext;
  let ana: TestUser;
  const ben: TestUser = { sub: 'me-ben', name: 'Ben Admin', roles: ['admin'] };
  const cara: TestUser = { sub: 'me-cara', name: 'Cara Mentor' };

  beforeAll(async () => { t = await createTestContext(kind); });
  afterAll(async () => { await t?.close(); });
  // Each test has its own Ana, seen first at the same time: none finds what another left.
  let run = 0;
  beforeEach(() => {
    t.clock.set('2026-11-28T09:00:00Z');
    ana = { sub: `me-ana-${++run}`, name: 'Ana Villanueva', email: 'ana@example.edu' };
  });

  const put = (body: unknown, as: TestUser = ana, headers?: Record<string, string>) =>
    t.call('PUT', '/api/v1/me/profile', { as, body, ...(headers ? { headers } : {}) });
  const me = async (as: TestUser = ana) => {
    const res = await t.call('GET', '/api/v1/me', { as });
    expect(res.status).toBe(200);
    return json(res);
  };

  it('creates the user on first sight, with an empty profile and no mentor record', async () => {
    const body = await me();
    expect(body).toEqual({
      user: { id: expect.stringMatching(/^[0-9a-f-]{36}$/), name: 'Ana Villanueva', email: 'ana@example.edu', avatarUrl: null, createdAt: expect.any(String) },
      profile: { userId: body.user.id, ...empty, updatedAt: expect.any(String) },
      mentor: null,
      roles: ['alumnus'],
      language: 'en',
    });
  });

  it("gives the language the person chose for their email, which elements fall back to", async () => {
    const dan: TestUser = { sub: 'me-dan', name: 'Dan Dela Cruz', email: 'dan@example.edu' };
    expect((await me(dan)).language).toBe('en');
    const setLanguage = async (language: string) => {
      const res = await t.call('PUT', '/api/v1/me/notification-preferences', { as: dan, body: { language } });
      expect(res.status).toBe(200);
    };
    await setLanguage('fil');
    expect((await me(dan)).language).toBe('fil');
    // Switching an email kind keeps the language.
    expect((await t.call('PUT', '/api/v1/me/notification-preferences', { as: dan, body: { kinds: { message_digest: false } } })).status).toBe(200);
    expect((await me(dan)).language).toBe('fil');
    await setLanguage('en');
    expect((await me(dan)).language).toBe('en');
    // Another person's choice is theirs alone.
    expect((await me()).language).toBe('en');
  });

  it('lists the admin role from the token', async () => {
    expect((await me(ben)).roles).toEqual(['alumnus', 'admin']);
  });

  it('shows a mentor their settings with derived availability', async () => {
    const id = await createMentor(t, cara, { headline: 'Mentor' }, {
      expertise: ['SQL'], capacity: 2, awayUntil: '2026-12-01', yearsOfExperience: 9, mentoringBio: 'Hi',
      meetingFormats: ['video', 'phone'], approvedAt: '2026-02-03T04:05:06Z',
    });
    const body = await me(cara);
    expect(body.roles).toEqual(['alumnus', 'mentor']);
    expect(body.mentor).toEqual({
      userId: id, status: 'active', acceptingMentees: true, capacity: 2, awayUntil: '2026-12-01', expertise: ['SQL'],
      yearsOfExperience: 9, mentoringBio: 'Hi', meetingFormats: ['video', 'phone'], openMentorships: 0,
      availability: 'unavailable', approvedAt: '2026-02-03T04:05:06.000Z',
    });
    await t.handle.db.updateTable('mentors').set({ away_until: '2026-11-27' }).where('user_id', '=', id).execute();
    expect((await me(cara)).mentor).toMatchObject({ awayUntil: '2026-11-27', availability: 'available' });
    await t.handle.db.updateTable('mentors').set({ capacity: 1 }).where('user_id', '=', id).execute();
    expect((await me(cara)).mentor).toMatchObject({ availability: 'limited' });
    await t.handle.db.updateTable('mentors').set({ status: 'suspended' }).where('user_id', '=', id).execute();
    expect((await me(cara)).mentor).toMatchObject({ status: 'suspended', availability: 'unavailable' });
  });

  it('replaces the profile and answers with it', async () => {
    const res = await put(full);
    expect(res.status).toBe(200);
    const profile = await json(res);
    const id = (await me()).user.id;
    expect(profile).toEqual({ userId: id, ...full, updatedAt: '2026-11-28T09:00:00.000Z' });
    expect((await me()).profile).toEqual(profile);
  });

  it('turns absent fields into empty ones (PUT replaces)', async () => {
    t.clock.advance(60_000);
    const res = await put({ headline: 'Just a headline' });
    expect(res.status).toBe(200);
    expect(await json(res)).toMatchObject({ ...empty, headline: 'Just a headline', updatedAt: '2026-11-28T09:01:00.000Z' });
    expect((await put(full)).status).toBe(200);
  });

  it('trims text and de-duplicates skills and languages case-insensitively (first spelling wins)', async () => {
    const res = await put({
      ...full,
      headline: '   Data analyst  ',
      goals: '\n  Grow  \n',
      timeZone: ' Asia/Manila ',
      skills: [' SQL ', 'sql', 'Python', 'PYTHON  ', 'Data  Science', 'data  science'],
      languages: ['English', ' english', 'Filipino ', 'FILIPINO'],
    });
    expect(res.status).toBe(200);
    expect(await json(res)).toMatchObject({
      headline: 'Data analyst', goals: 'Grow', timeZone: 'Asia/Manila',
      skills: ['SQL', 'Python', 'Data  Science'], languages: ['English', 'Filipino'],
    });
  });

  it('accepts the limits exactly', async () => {
    const year = new Date().getUTCFullYear();
    const res = await put({
      ...full,
      headline: 'h'.repeat(140),
      skills: Array.from({ length: 30 }, (_, i) => `skill ${i}`),
      languages: Array.from({ length: 10 }, (_, i) => `language ${i}`),
      graduationYear: year + 8,
      timeZone: null,
      linkedinUrl: null,
      bio: 'tabs\tand\r\nline breaks are fine',
    });
    expect(res.status, await res.clone().text()).toBe(200);
    const body = await json(res);
    expect(body.skills).toHaveLength(30);
    expect(body.graduationYear).toBe(year + 8);
    expect(body.bio).toBe('tabs\tand\r\nline breaks are fine');
    expect((await put(full)).status).toBe(200);
  });

  const invalid: Array<[string, unknown, string]> = [
    ['a headline of 141 characters', { ...full, headline: 'h'.repeat(141) }, 'headline'],
    ['31 skills', { ...full, skills: Array.from({ length: 31 }, (_, i) => `skill ${i}`) }, 'skills'],
    ['11 languages', { ...full, languages: Array.from({ length: 11 }, (_, i) => `language ${i}`) }, 'languages'],
    ['a skill of 61 characters', { ...full, skills: ['s'.repeat(61)] }, 'skills'],
    ['an empty skill', { ...full, skills: ['  '] }, 'skills'],
    ['a javascript: URL', { ...full, linkedinUrl: 'javascript:alert(1)' }, 'linkedinUrl'],
    ['a data: URL', { ...full, websiteUrl: 'data:text/html,<script>alert(1)</script>' }, 'websiteUrl'],
    ['an ftp: URL', { ...full, websiteUrl: 'ftp://files.example.com' }, 'websiteUrl'],
    ['a relative URL', { ...full, websiteUrl: '/about' }, 'websiteUrl'],
    ['an unknown time zone', { ...full, timeZone: 'Mars/Olympus' }, 'timeZone'],
    ['a time zone with SQL in it', { ...full, timeZone: "UTC'; DROP TABLE users; --" }, 'timeZone'],
    ['graduation year 1800', { ...full, graduationYear: 1800 }, 'graduationYear'],
    ['a graduation year far in the future', { ...full, graduationYear: new Date().getUTCFullYear() + 9 }, 'graduationYear'],
    ['a fractional graduation year', { ...full, graduationYear: 2010.5 }, 'graduationYear'],
    ['a graduation year as a string', { ...full, graduationYear: '2010' }, 'graduationYear'],
    ['a NUL byte in the bio', { ...full, bio: 'hello\u0000world' }, 'bio'],
    ['a NUL byte in a skill', { ...full, skills: ['SQL\u0000'] }, 'skills'],
    ['an escape character in the headline', { ...full, headline: 'bold \u001b[1m' }, 'headline'],
    ['a bio of 4001 characters', { ...full, bio: 'b'.repeat(4001) }, 'bio'],
    ['a number headline', { ...full, headline: 5 }, 'headline'],
    ['a null headline', { ...full, headline: null }, 'headline'],
    ['skills as a string', { ...full, skills: 'SQL, Python' }, 'skills'],
    ['languages with a number', { ...full, languages: ['English', 7] }, 'languages'],
    ['a time zone as a number', { ...full, timeZone: 8 }, 'timeZone'],
    ['a URL as an object', { ...full, linkedinUrl: { href: 'https://x.example' } }, 'linkedinUrl'],
  ];
  it.each(invalid)('refuses %s with 400 naming the field, and changes nothing', async (_label, body, field) => {
    const before = (await me()).profile;
    const res = await put(body);
    expect(res.status).toBe(400);
    const error = (await json(res)).error;
    expect(error.code).toBe('validation_failed');
    expect(error.message).toContain(field);
    expect([...new Set(error.issues.map((i: { path: unknown[] }) => i.path[0]))]).toEqual([field]);
    expect(error.requestId).toBeTruthy();
    expect((await me()).profile).toEqual(before);
  });

  it('names every bad field at once', async () => {
    const res = await put({ ...full, headline: 'h'.repeat(141), timeZone: 'Mars/Olympus', graduationYear: 1800 });
    const error = (await json(res)).error;
    expect(error.issues.map((i: { path: unknown[] }) => i.path[0]).sort()).toEqual(['graduationYear', 'headline', 'timeZone']);
    expect(error.message).toBe('Invalid json: headline, timeZone, graduationYear');
  });

  it.each([
    ['malformed JSON', '{"headline": "x",'],
    ['a JSON array', '[]'],
    ['JSON null', 'null'],
    ['a JSON string', '"headline"'],
  ])('refuses %s with 400 validation_failed', async (_label, raw) => {
    const before = (await me()).profile;
    const res = await put(raw);
    expect(res.status).toBe(400);
    const body = await json(res);
    expect(body).toEqual({ error: expect.objectContaining({ code: 'validation_failed', requestId: expect.any(String) }) });
    expect((await me()).profile).toEqual(before);
  });

  it('refuses a body that is not sent as JSON instead of wiping the profile', async () => {
    expect((await put(full)).status).toBe(200);
    const before = (await me()).profile;
    expect(before.headline).toBe(full.headline);
    for (const headers of [{ 'content-type': 'text/plain;charset=UTF-8' }, { 'content-type': 'application/x-www-form-urlencoded' }]) {
      const res = await t.app.request('/api/v1/me/profile', {
        method: 'PUT',
        headers: { authorization: `Bearer ${await t.token(ana)}`, ...headers },
        body: JSON.stringify({ headline: 'x' }),
      });
      expect(res.status).toBe(400);
      expect((await json(res)).error.code).toBe('validation_failed');
    }
    const bare = await t.app.request('/api/v1/me/profile', { method: 'PUT', headers: { authorization: `Bearer ${await t.token(ana)}` } });
    expect(bare.status).toBe(400);
    expect((await me()).profile).toEqual(before);
    // a JSON media type with parameters or a +json suffix is fine
    const ok = await put({ ...full, headline: 'charset' }, ana, { 'content-type': 'application/json; charset=utf-8' });
    expect(ok.status).toBe(200);
    expect((await put(full, ana, { 'content-type': 'application/merge-patch+json' })).status).toBe(200);
  });

  it('refuses a body over 64 KB with 413', async () => {
    const res = await put({ ...full, bio: 'b'.repeat(70_000) });
    expect(res.status).toBe(413);
    expect((await json(res)).error.code).toBe('payload_too_large');
  });

  it('keeps each person to their own profile', async () => {
    const other: TestUser = { sub: 'me-other', name: 'Other Person' };
    expect((await put(full)).status).toBe(200);
    expect((await put({ headline: 'Other' }, other)).status).toBe(200);
    expect((await me()).profile.headline).toBe(full.headline);
    expect((await me(other)).profile.headline).toBe('Other');
  });

  it.each([
    ['GET', '/api/v1/me'],
    ['PUT', '/api/v1/me/profile'],
  ])('%s %s without a token → 401 in the error format', async (method, path) => {
    const res = await t.call(method, path, method === 'PUT' ? { body: full } : {});
    expect(res.status).toBe(401);
    expect(res.headers.get('www-authenticate')).toBe('Bearer');
    expect(await json(res)).toEqual({ error: { code: 'unauthenticated', message: expect.any(String), requestId: expect.any(String) } });
    const bad = await t.app.request(path, { method, headers: { authorization: 'Bearer not.a.token' } });
    expect(bad.status).toBe(401);
  });

  it('writes no error logs', () => {
    expect(t.logs.filter((l) => l.includes('"level":"error"'))).toEqual([]);
  });
});
