import type { ProfileInput } from '@mentorkit/contract';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { admin, person } from '../../test/flows.js';
import { createTestContext, databaseKinds, json, type TestContext, type TestUser } from '../../test/harness.js';
import { addMentorship, addRequest, createMentor, putProfile, type MentorSpec } from '../mentors/mentors.fixtures.js';

const API = '/api/v1';
const UNKNOWN = '00000000-0000-4000-8000-000000000000';

/** Enrolling now (the test clock says 2026-11-28), running from January. */
const base = { name: 'Data Leaders 2027', startsOn: '2027-01-10', endsOn: '2027-06-30', matching: 'admin_matched' };

const manila = { industry: 'Technology', languages: ['English'], timeZone: 'Asia/Manila' } satisfies ProfileInput;

interface Suggestion { menteeId: string; mentorId: string; score: number; reasons: string[]; mentee: { id: string; name: string }; mentor: { id: string; name: string } }

describe.each(databaseKinds)('programme match suggestions on %s', (kind) => {
  let t: TestContext;
  beforeEach(async () => { t = await createTestContext(kind); });
  afterEach(async () => { await t?.close(); });

  const call = (method: string, path: string, as: TestUser | undefined, body?: unknown) =>
    t.call(method, `${API}${path}`, { ...(as ? { as } : {}), ...(body === undefined ? {} : { body }) });
  const programme = async (body: Record<string, unknown> = {}) => {
    const res = await call('POST', '/admin/programmes', admin, { ...base, ...body });
    expect(res.status, await res.clone().text()).toBe(201);
    return (await json(res)).id as string;
  };
  const enrol = async (programmeId: string, as: TestUser, role: 'mentor' | 'mentee') => {
    const res = await call('POST', `/programmes/${programmeId}/enrolment`, as, { role });
    expect(res.status, await res.clone().text()).toBe(201);
  };
  const mentor = async (programmeId: string, user: TestUser, profile: ProfileInput, spec: MentorSpec) => {
    const id = await createMentor(t, user, profile, spec);
    await enrol(programmeId, user, 'mentor');
    return id;
  };
  const mentee = async (programmeId: string, user: TestUser, profile: ProfileInput) => {
    const id = await putProfile(t, user, profile);
    await enrol(programmeId, user, 'mentee');
    return id;
  };
  const suggest = async (programmeId: string) => {
    const res = await call('POST', `/admin/programmes/${programmeId}/match-suggestions`, admin);
    expect(res.status, await res.clone().text()).toBe(200);
    return json(res) as Promise<{ items: Suggestion[]; unmatched: string[]; unmatchedPeople: { id: string; name: string }[]; totalScore: number }>;
  };
  const pairsOf = (items: Suggestion[]) => items.map((i) => [i.mentee.name, i.mentor.name]);
  const count = async (table: 'mentorship_requests' | 'audit_log' | 'notifications') =>
    Number((await t.handle.db.selectFrom(table).select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow()).n);

  it('maximises the total score where taking the best pair first would not, with the reasons the mentee sees in search', async () => {
    const id = await programme({ maxMenteesPerMentor: 1 });
    // Xavier and Yasmin both suit Ana (100 and 95); only Xavier suits Ben (52, Yasmin 30). Taking
    // the best pair first (Ana–Xavier, 100) leaves Ben with Yasmin: 130. The optimum is 147.
    await mentor(id, person('sg-xavier', 'Xavier Mentor'), { ...manila, programme: 'BS CS' }, { expertise: ['SQL', 'Python', 'Go'], capacity: 3 });
    await mentor(id, person('sg-yasmin', 'Yasmin Mentor'), manila, { expertise: ['SQL', 'Python', 'Leadership'], capacity: 3 });
    const ana = person('sg-ana', 'Ana Mentee');
    const ben = person('sg-ben', 'Ben Mentee');
    await mentee(id, ana, { ...manila, programme: 'BS CS', skills: ['SQL', 'Python', 'Leadership', 'Go'] });
    await mentee(id, ben, { languages: ['English'], timeZone: 'Asia/Manila', programme: 'BS CS', skills: ['Go'] });
    const [requests, audits, notices] = [await count('mentorship_requests'), await count('audit_log'), await count('notifications')];

    const body = await suggest(id);
    expect(pairsOf(body.items)).toEqual([['Ana Mentee', 'Yasmin Mentor'], ['Ben Mentee', 'Xavier Mentor']]);
    expect(body.items.map((i) => i.score)).toEqual([95, 52]);
    expect(body).toMatchObject({ totalScore: 147, unmatched: [], unmatchedPeople: [] });
    expect(body.items[1]!.reasons).toEqual([
      'Shares your skill: Go', 'Speaks English', 'Same time zone as you', 'Same programme: BS CS', 'Has room: 3 of 3 mentee slots free',
    ]);
    // The admin reads what each mentee reads on that mentor's profile.
    for (const item of body.items) {
      const as = item.mentee.name === 'Ana Mentee' ? ana : ben;
      const profile = await json(await call('GET', `/mentors/${item.mentorId}`, as));
      expect(profile.match).toEqual({ score: item.score, reasons: item.reasons });
    }
    // A pure read: nothing made, recorded or sent; the same answer twice.
    expect([await count('mentorship_requests'), await count('audit_log'), await count('notifications')]).toEqual([requests, audits, notices]);
    expect(await suggest(id)).toEqual(body);
  });

  it('keeps each mentor within maxMenteesPerMentor and their free slots, counting pending introductions; confirmed suggestions are all accepted', async () => {
    const id = await programme({ maxMenteesPerMentor: 2 });
    const wide = await mentor(id, person('sg-wide', 'Wide Mentor'), manila, { expertise: ['SQL'], capacity: 5 });
    const narrow = await mentor(id, person('sg-narrow', 'Narrow Mentor'), manila, { expertise: ['SQL'], capacity: 2 });
    await mentor(id, person('sg-closed', 'Closed Mentor'), manila, { expertise: ['SQL'], capacity: 5, acceptingMentees: false });
    await mentor(id, person('sg-away', 'Away Mentor'), manila, { expertise: ['SQL'], capacity: 5, awayUntil: '2026-12-24' });
    // Narrow has one open mentorship outside the programme: one free slot.
    await addMentorship(t, narrow, await putProfile(t, person('sg-outside', 'Outside Mentee'), {}), 'active');
    const names = ['Mia', 'Noa', 'Oli', 'Pia', 'Rui', 'Sam'];
    for (const name of names) await mentee(id, person(`sg-${name}`, `${name} Mentee`), { ...manila, skills: ['SQL'] });

    const first = await suggest(id);
    const byMentor = (items: Suggestion[]) => items.reduce<Record<string, number>>((n, i) => ({ ...n, [i.mentor.name]: (n[i.mentor.name] ?? 0) + 1 }), {});
    // Wide: the programme's limit of 2 (of 5 free); Narrow: its 1 free slot; Closed and Away: none.
    expect(byMentor(first.items)).toEqual({ 'Wide Mentor': 2, 'Narrow Mentor': 1 });
    expect(first.unmatched).toHaveLength(3);
    expect(first.unmatchedPeople.map((p) => p.id)).toEqual(first.unmatched);
    expect(first.unmatchedPeople.map((p) => p.name)).toEqual([...first.unmatchedPeople.map((p) => p.name)].sort());
    expect(first.items.map((i) => i.mentee.name)).toEqual([...first.items.map((i) => i.mentee.name)].sort());
    expect(first.totalScore).toBe(first.items.reduce((s, i) => s + i.score, 0));

    // The admin keeps one of Wide's pairs: it is introduced, and counts against Wide's limit after.
    const kept = first.items.find((i) => i.mentorId === wide)!;
    const confirmed = await call('POST', `/admin/programmes/${id}/matches`, admin, { pairs: [{ menteeId: kept.menteeId, mentorId: kept.mentorId }] });
    expect(confirmed.status, await confirmed.clone().text()).toBe(201);
    expect((await json(confirmed)).refused).toEqual([]);
    const second = await suggest(id);
    expect(second.items.map((i) => i.menteeId).concat(second.unmatched)).not.toContain(kept.menteeId);
    expect(byMentor(second.items)).toEqual({ 'Wide Mentor': 1, 'Narrow Mentor': 1 });
    expect(second.unmatched).toHaveLength(3);
    // Every suggested pair passes the confirmation's rules as it stands.
    const all = await call('POST', `/admin/programmes/${id}/matches`, admin, { pairs: second.items.map((i) => ({ menteeId: i.menteeId, mentorId: i.mentorId })) });
    expect(all.status).toBe(201);
    expect((await json(all)).refused).toEqual([]);
    const third = await suggest(id);
    expect(third.items).toEqual([]);
    expect(third.unmatched).toHaveLength(3);
  });

  it('leaves out mentees already matched in the programme, and never suggests a pair already pending or mentoring, or a person with themself', async () => {
    const id = await programme();
    const rosa = person('sg-rosa', 'Rosa Mentor');
    const rosaId = await mentor(id, rosa, manila, { expertise: ['SQL'], capacity: 6 });
    const lee = await mentor(id, person('sg-lee', 'Lee Mentor'), { timeZone: 'America/New_York' }, { expertise: ['Design'], capacity: 6 });
    await enrol(id, rosa, 'mentee'); // Rosa is also a mentee of the programme
    const asked = await mentee(id, person('sg-asked', 'Asked Mentee'), { ...manila, skills: ['SQL'] });
    const mentored = await mentee(id, person('sg-mentored', 'Mentored Mentee'), { ...manila, skills: ['SQL'] });
    const declined = await mentee(id, person('sg-declined', 'Declined Mentee'), { ...manila, skills: ['SQL'] });
    const pending = await mentee(id, person('sg-pending', 'Pending Mentee'), { ...manila, skills: ['SQL'] });
    const inProgramme = async (requestOrMentorship: 'mentorship_requests' | 'mentorships', rowId: string) =>
      t.handle.db.updateTable(requestOrMentorship).set({ programme_id: id }).where('id', '=', rowId).execute();
    await inProgramme('mentorship_requests', await addRequest(t, lee, asked));
    await inProgramme('mentorships', await addMentorship(t, lee, mentored));
    await inProgramme('mentorship_requests', await addRequest(t, lee, declined, { status: 'declined' }));
    // Outside the programme, Pending already asked Rosa: the pair would be refused, so Pending goes to Lee.
    await addRequest(t, rosaId, pending);

    const body = await suggest(id);
    const pairs = Object.fromEntries(body.items.map((i) => [i.mentee.name, i.mentor.name]));
    expect(pairs).toEqual({ 'Declined Mentee': 'Rosa Mentor', 'Pending Mentee': 'Lee Mentor', 'Rosa Mentor': 'Lee Mentor' });
    expect(body.unmatched).toEqual([]);
    expect(body.items.map((i) => i.menteeId)).not.toContain(asked);
    expect(body.items.map((i) => i.menteeId)).not.toContain(mentored);
    expect(body.items.find((i) => i.menteeId === declined)).toMatchObject({ mentorId: rosaId });
  });

  it('answers an empty programme, and refuses an unknown or malformed id (404), an ended programme and a mentee_choice one (409)', async () => {
    const empty = await programme();
    expect(await suggest(empty)).toEqual({ items: [], unmatched: [], unmatchedPeople: [], totalScore: 0 });
    for (const bad of [UNKNOWN, 'not-a-uuid']) {
      const res = await call('POST', `/admin/programmes/${bad}/match-suggestions`, admin);
      expect(res.status).toBe(404);
      expect((await json(res)).error.code).toBe('not_found');
    }
    const ended = await t.handle.db.insertInto('programmes').values({
      slug: 'spring-2026', name: 'Spring 2026', starts_on: '2026-03-01', ends_on: '2026-06-30', matching: 'admin_matched',
    }).returning('id').executeTakeFirstOrThrow();
    const late = await call('POST', `/admin/programmes/${ended.id}/match-suggestions`, admin);
    expect(late.status).toBe(409);
    expect((await json(late)).error.code).toBe('programme_ended');
    const choice = await programme({ name: 'Open Choice 2027', matching: 'mentee_choice' });
    const chosen = await call('POST', `/admin/programmes/${choice}/match-suggestions`, admin);
    expect(chosen.status).toBe(409);
    expect((await json(chosen)).error).toMatchObject({ code: 'conflict' });
    expect((await json(await call('POST', `/admin/programmes/${choice}/match-suggestions`, admin))).error.message).toMatch(/admin-matched/);
  });

  it('is for admins only: 401 without a token, 403 for an enrolled mentor, an enrolled mentee and an outsider', async () => {
    const id = await programme();
    const rosa = person('sg-rosa2', 'Rosa Mentor');
    const tom = person('sg-tom', 'Tom Mentee');
    await mentor(id, rosa, manila, { expertise: ['SQL'] });
    await mentee(id, tom, manila);
    expect((await call('POST', `/admin/programmes/${id}/match-suggestions`, undefined)).status).toBe(401);
    for (const as of [rosa, tom, person('sg-outsider', 'Olga Outsider')]) {
      const res = await call('POST', `/admin/programmes/${id}/match-suggestions`, as);
      expect(res.status).toBe(403);
      expect((await json(res)).error.code).toBe('forbidden');
    }
    expect((await call('POST', `/admin/programmes/${UNKNOWN}/match-suggestions`, tom)).status).toBe(403);
  });
});
