import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DatabaseHandle } from '../db/connect.js';
import { createTestContext, createTestDatabase, databaseKinds, json, type TestContext, type TestUser } from '../test/harness.js';
import { personas } from './personas.js';
import { DEMO_PROGRAMME_SLUGS } from './programmes.js';
import { seedDemo } from './seed.js';

const tables = [
  'users', 'profiles', 'mentor_applications', 'mentors', 'mentorship_requests', 'mentorships', 'conversations', 'feedback',
  'programmes', 'programme_enrolments', 'meetings', 'milestones', 'messages',
] as const;

async function counts(handle: DatabaseHandle): Promise<Record<string, number>> {
  const out: Record<string, number> = {};
  for (const t of tables) {
    const r = await sql<{ n: number }>`SELECT count(*)::int AS n FROM ${sql.table(t)}`.execute(handle.db);
    out[t] = r.rows[0]!.n;
  }
  return out;
}

/** What `POST /dev/token` would put in the persona's token (the harness config has no issuer). */
const as = (key: keyof typeof personas): TestUser => ({ sub: personas[key].sub, name: personas[key].name, email: personas[key].email, roles: personas[key].roles });

describe.each(databaseKinds)('seedDemo on %s', (kind) => {
  let t: TestContext;
  let before: Record<string, number>;
  let firstRun: boolean;
  const programmeId = async (slug: string) => (await t.handle.db.selectFrom('programmes').select('id').where('slug', '=', slug).executeTakeFirstOrThrow()).id;

  beforeAll(async () => {
    t = await createTestContext(kind);
    firstRun = await seedDemo(t.handle.db, { issuer: '', now: t.clock.now() });
    before = await counts(t.handle);
  }, 120_000);
  afterAll(async () => { await t?.close(); });

  it('writes about 300 alumni with about 60 mentors, plus the five personas', () => {
    expect(firstRun).toBe(true);
    expect(before.users).toBe(305);
    expect(before.profiles).toBe(305);
    expect(before.mentors).toBe(62);
    expect(before.mentorship_requests).toBeGreaterThan(60);
    expect(before.mentorships).toBeGreaterThan(30);
    expect(before.feedback).toBeGreaterThan(5);
    expect(before.conversations).toBe(before.mentorships);
  });

  it('is idempotent: a second run returns false and writes nothing', async () => {
    expect(await seedDemo(t.handle.db, { issuer: '', now: t.clock.now() })).toBe(false);
    expect(await seedDemo(t.handle.db, { issuer: '', now: new Date(t.clock.now().getTime() + 86_400_000) })).toBe(false);
    expect(await counts(t.handle)).toEqual(before);
  });

  it('creates the personas under the given issuer, exactly as their demo tokens describe them', async () => {
    const users = await t.handle.db.selectFrom('users').select(['subject', 'name', 'email', 'is_admin', 'issuer', 'avatar_url'])
      .where('subject', 'in', Object.values(personas).map((p) => p.sub)).orderBy('subject').execute();
    expect(users).toEqual(Object.values(personas).map((p) => ({
      subject: p.sub, name: p.name, email: p.email, is_admin: p.roles.includes('admin'), issuer: '', avatar_url: null,
    })).sort((a, b) => a.subject.localeCompare(b.subject)));

    // Signing in with the persona's token changes nothing: the seed matches the claims.
    const stamp = async () => (await t.handle.db.selectFrom('users').select(['updated_at']).where('subject', '=', personas.admin.sub).executeTakeFirstOrThrow()).updated_at.getTime();
    const at = await stamp();
    const me = await json(await t.call('GET', '/api/v1/me', { as: as('admin') }));
    expect(me.roles).toContain('admin');
    expect(await stamp()).toBe(at);
    expect((await counts(t.handle)).users).toBe(before.users);
  });

  it('gives Maria a rich profile', async () => {
    const res = await t.call('GET', '/api/v1/me', { as: as('mentee') });
    expect(res.status).toBe(200);
    const me = await json(res);
    expect(me.profile).toMatchObject({
      timeZone: 'Asia/Manila', languages: ['English', 'Filipino'], programme: 'BS Computer Science',
      skills: expect.arrayContaining(['SQL', 'Python', 'Data Analysis']),
    });
    expect(me.profile.goals).toMatch(/data engineering/);
    expect(me.profile.goals).toMatch(/leadership/);
    expect(me.mentor ?? null).toBeNull();
  });

  it('makes the mentor personas approved, accepting mentors with free slots', async () => {
    for (const key of ['mentor', 'mentor2'] as const) {
      const m = await t.handle.db.selectFrom('mentors').innerJoin('users', 'users.id', 'mentors.user_id')
        .innerJoin('mentor_applications', 'mentor_applications.id', 'mentors.application_id')
        .select(['mentors.status', 'mentors.accepting_mentees', 'mentors.away_until', 'mentors.capacity', 'mentors.open_mentorships', 'mentor_applications.status as application'])
        .where('users.subject', '=', personas[key].sub).executeTakeFirstOrThrow();
      expect(m).toMatchObject({ status: 'active', accepting_mentees: true, away_until: null, application: 'approved' });
      expect(m.capacity - m.open_mentorships).toBeGreaterThanOrEqual(2);
    }
    // Ana has something to do: requests waiting and a running mentorship.
    const pending = await json(await t.call('GET', '/api/v1/mentorship-requests?role=mentor&status=pending', { as: as('mentor') }));
    expect(pending.items.length).toBe(2);
  });

  it('leaves the mentee personas without requests, so the demo flow starts clean', async () => {
    const rows = await sql<{ n: number }>`
      SELECT count(*)::int AS n FROM mentorship_requests r JOIN users u ON u.id = r.mentee_id
      WHERE u.subject IN (${personas.mentee.sub}, ${personas.mentee2.sub})`.execute(t.handle.db);
    expect(rows.rows[0]!.n).toBe(0);
  });

  it('gives Maria meaningful match scores and reasons', async () => {
    const res = await t.call('GET', '/api/v1/mentors?sort=match&limit=10', { as: as('mentee') });
    expect(res.status).toBe(200);
    const body = await json(res);
    expect(body.items.length).toBe(10);
    const ana = body.items.find((c: { name: string }) => c.name === personas.mentor.name);
    expect(ana, 'Ana is among the ten best matches').toBeTruthy();
    expect(ana.match.score).toBeGreaterThanOrEqual(80);
    expect(ana.match.reasons).toEqual(expect.arrayContaining([
      expect.stringMatching(/^Shares 2 of your skills: SQL, Python/),
      expect.stringMatching(/^Expert in what your goals mention: .*Data Engineering/),
      'Same programme: BS Computer Science',
      'Same time zone as you',
    ]));
    expect(ana.availability).toBe('available');
    const scores = body.items.map((c: { match: { score: number } }) => c.match.score);
    expect(new Set(scores).size).toBeGreaterThan(2);
  });

  it('shows every derived availability in search', async () => {
    const res = await t.call('GET', '/api/v1/mentors?availability=all&limit=100', { as: as('mentee2') });
    const body = await json(res);
    expect(body.items.length).toBe(62);
    const seen = new Set(body.items.map((c: { availability: string }) => c.availability));
    expect([...seen].sort()).toEqual(['available', 'limited', 'unavailable']);
    expect(body.items.some((c: { medianResponseHours: number | null }) => c.medianResponseHours !== null)).toBe(true);
  });

  it('keeps every mentor within capacity', async () => {
    const rows = await sql<{ n: number }>`
      SELECT count(*)::int AS n FROM mentors m
      WHERE m.open_mentorships > m.capacity
         OR m.open_mentorships <> (SELECT count(*) FROM mentorships s WHERE s.mentor_id = m.user_id AND s.status IN ('active', 'paused'))`.execute(t.handle.db);
    expect(rows.rows[0]!.n).toBe(0);
  });

  it('has an enrolling mentee-choice programme with Ana and Kwame in it, and not Maria', async () => {
    const res = await t.call('GET', `/api/v1/admin/programmes/${await programmeId(DEMO_PROGRAMME_SLUGS.enrolling)}/report`, { as: as('admin') });
    expect(res.status, await res.clone().text()).toBe(200);
    const { programme, enrolled, mentorships } = await json(res);
    expect(programme).toMatchObject({ slug: 'data-careers-2027', matching: 'mentee_choice', status: 'enrolling', enrolmentOpen: true, viewerRoles: [] });
    expect(enrolled.mentors).toBeGreaterThanOrEqual(3);
    expect(enrolled.mentees).toBeGreaterThanOrEqual(3);
    expect(Object.values(mentorships).every((n) => n === 0)).toBe(true);
    const roles = async (key: keyof typeof personas) => (await t.handle.db.selectFrom('programme_enrolments as e').innerJoin('users as u', 'u.id', 'e.user_id')
      .innerJoin('programmes as p', 'p.id', 'e.programme_id').select('e.role').where('u.subject', '=', personas[key].sub).where('p.slug', '=', DEMO_PROGRAMME_SLUGS.enrolling)
      .execute()).map((r) => r.role);
    expect(await roles('mentor')).toEqual(['mentor']);
    expect(await roles('mentee2')).toEqual(['mentee']);
    expect(await roles('mentee')).toEqual([]);
  });

  it('has a running admin-matched programme with mentorships, one at risk, and work left for "Suggest matches"', async () => {
    const id = await programmeId(DEMO_PROGRAMME_SLUGS.running);
    const report = await json(await t.call('GET', `/api/v1/admin/programmes/${id}/report`, { as: as('admin') }));
    expect(report.programme).toMatchObject({ slug: 'leadership-circle-2026', matching: 'admin_matched', status: 'running', milestoneTemplate: 'leadership', maxMenteesPerMentor: 2 });
    expect(report.mentorships).toMatchObject({ active: 4 });
    expect(report.requests).toMatchObject({ accepted: 4, pending: 1 });
    expect(report.matched).toEqual({ mentors: 4, mentees: 4 });
    expect(report.unmatched.mentees).toBeGreaterThanOrEqual(3);
    expect(report.unmatched.mentors).toBeGreaterThanOrEqual(1);
    expect(report.meetingsHeld).toBeGreaterThanOrEqual(7);
    expect(report.milestones.completed).toBeGreaterThan(0);
    expect(report.milestones.completed).toBeLessThan(report.milestones.total);
    expect(report.medianDaysToFirstMeeting).toBeGreaterThan(4);
    expect(report.atRisk).toHaveLength(1);
    const quietDays = (t.clock.now().getTime() - Date.parse(report.atRisk[0].lastActivityAt)) / 86_400_000;
    expect(quietDays).toBeGreaterThanOrEqual(30);
    // Every mentorship of the programme carries its end and its template's milestones.
    const rows = await t.handle.db.selectFrom('mentorships as s').select(['s.target_end_date', (eb) => eb.selectFrom('milestones as x').whereRef('x.mentorship_id', '=', 's.id').select((e) => e.fn.countAll<number>().as('n')).as('milestones')])
      .where('s.programme_id', '=', id).execute();
    expect(rows.map((r) => [r.target_end_date, Number(r.milestones)])).toEqual(rows.map(() => [report.programme.endsOn, 6]));
    // Enrolled mentors with room beyond what they already have in the programme, and unmatched mentees to give them.
    const free = await sql<{ n: number }>`
      SELECT count(*)::int AS n FROM programme_enrolments e JOIN mentors m ON m.user_id = e.user_id
      WHERE e.programme_id = ${id} AND e.role = 'mentor' AND m.capacity > m.open_mentorships
        AND (SELECT count(*) FROM mentorship_requests r WHERE r.programme_id = e.programme_id AND r.mentor_id = e.user_id AND r.status IN ('pending', 'accepted')) < 2`.execute(t.handle.db);
    expect(free.rows[0]!.n).toBeGreaterThanOrEqual(3);
    const csv = await t.call('GET', `/api/v1/admin/programmes/${id}/report.csv`, { as: as('admin') });
    expect((await csv.text()).trim().split('\r\n')).toHaveLength(5);
  });

  it('leaves a queue of applications for the admin', async () => {
    const res = await t.call('GET', '/api/v1/admin/mentor-applications?status=pending', { as: as('admin') });
    expect(res.status).toBe(200);
    expect((await json(res)).items).toHaveLength(3);
  });

  it('writes the same data on every install', async () => {
    const other = await createTestDatabase(kind);
    try {
      expect(await seedDemo(other.db, { issuer: '', now: t.clock.now() })).toBe(true);
      const snapshot = async (h: DatabaseHandle) => (await sql<Record<string, unknown>>`
        SELECT u.id, u.subject, u.name, p.headline, p.goals, m.capacity, m.open_mentorships, m.median_response_hours,
               (SELECT count(*) FROM mentorship_requests r WHERE r.mentee_id = u.id)::int AS requests,
               (SELECT string_agg(e.programme_id || ':' || e.role, ',' ORDER BY e.programme_id, e.role) FROM programme_enrolments e WHERE e.user_id = u.id) AS enrolments
        FROM users u JOIN profiles p ON p.user_id = u.id LEFT JOIN mentors m ON m.user_id = u.id
        ORDER BY u.subject`.execute(h.db)).rows;
      expect(await snapshot(other)).toEqual(await snapshot(t.handle));
    } finally {
      await other.close();
    }
  });
});
