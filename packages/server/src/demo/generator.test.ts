import { id as uuidSchema, isTimeZone, mentorApplicationInput, mentorSettingsPatch, profileInput } from '@mentorkit/contract';
import { sql, type RawBuilder } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { deriveAvailability, isoDay } from '../features/mentors/availability.js';
import { expireRequests, remindMentors } from '../jobs/requests.job.js';
import { createTestDatabase, databaseKinds } from '../test/harness.js';
import type { DatabaseHandle } from '../db/connect.js';
import {
  asPhrase,
  generateAlumni,
  generateAlumnus,
  genericExpertise,
  industries,
  insertAlumni,
  insertHistory,
  isMentorIndex,
  programmes,
  stableUuid,
  type GeneratedAlumnus,
  type HistoryCounts,
} from './generator.js';

const NOW = new Date('2026-11-28T09:00:00Z');
const people = [...generateAlumni(3000, 4242, { now: NOW })];
const mentors = people.filter((p) => p.mentor !== null);

describe('generateAlumni', () => {
  it('is deterministic: the same seed gives the same people, another seed others', () => {
    expect([...generateAlumni(3000, 4242, { now: NOW })]).toEqual(people);
    const other = [...generateAlumni(200, 4243, { now: NOW })];
    const same = other.filter((p, i) => p.name === people[i]!.name && p.profile.bio === people[i]!.profile.bio);
    expect(same.length).toBeLessThan(10);
  });

  it('gives each index the same person whatever the range it is generated in', () => {
    const middle = [...generateAlumni(25, 4242, { now: NOW, from: 1000 })];
    expect(middle).toEqual(people.slice(1000, 1025));
    expect(generateAlumnus(2999, 4242, { now: NOW })).toEqual(people[2999]);
  });

  it('makes exactly round(count × share) mentors, spread over any prefix', () => {
    expect(mentors).toHaveLength(600);
    expect(people.slice(0, 500).filter((p) => p.mentor).length).toBe(100);
    expect([...generateAlumni(300, 1, { now: NOW, mentorShare: 0.2 })].filter((p) => p.mentor)).toHaveLength(60);
    expect(Array.from({ length: 7 }, (_, i) => isMentorIndex(i, 0.5))).toEqual([false, true, false, true, false, true, false]);
  });

  it('writes profiles that pass the contract unchanged (no trimming, no duplicate tags)', () => {
    for (const p of people) {
      const parsed = profileInput.safeParse(p.profile);
      if (!parsed.success) throw new Error(`${p.subject}: ${JSON.stringify(parsed.error.issues)}`);
      expect(parsed.data).toEqual(p.profile);
    }
  });

  it('uses real IANA time zones that fit the place', () => {
    const zonesByCountry = new Map<string, Set<string>>();
    for (const p of people) {
      expect(isTimeZone(p.profile.timeZone), p.profile.timeZone).toBe(true);
      expect(new Intl.DateTimeFormat('en', { timeZone: p.profile.timeZone }).resolvedOptions().timeZone).toBeTruthy();
      const country = p.profile.location.split(', ').at(-1)!;
      if (!zonesByCountry.has(country)) zonesByCountry.set(country, new Set());
      zonesByCountry.get(country)!.add(p.profile.timeZone);
    }
    expect([...zonesByCountry.get('Philippines')!]).toEqual(['Asia/Manila']);
    expect([...zonesByCountry.get('India')!]).toEqual(['Asia/Kolkata']);
    expect([...zonesByCountry.get('Japan')!]).toEqual(['Asia/Tokyo']);
    expect(zonesByCountry.get('United States')).toEqual(new Set(['America/Los_Angeles', 'America/New_York', 'America/Chicago', 'Pacific/Honolulu']));
    expect(new Set(people.map((p) => p.profile.timeZone)).size).toBeGreaterThanOrEqual(25);
  });

  it('is varied: many cultures, languages, programmes, industries; graduation years 1985–2026', () => {
    expect(new Set(people.map((p) => p.culture)).size).toBeGreaterThanOrEqual(15);
    expect(new Set(people.flatMap((p) => p.profile.languages)).size).toBeGreaterThanOrEqual(25);
    expect(people.every((p) => p.profile.languages[0] === 'English')).toBe(true);
    expect(new Set(people.map((p) => p.profile.programme)).size).toBe(programmes.length);
    expect(new Set(people.map((p) => p.profile.industry)).size).toBe(industries.length);
    const years = people.map((p) => p.profile.graduationYear);
    expect(Math.min(...years)).toBe(1985);
    expect(Math.max(...years)).toBe(2026);
    expect(new Set(people.map((p) => p.name)).size).toBeGreaterThan(2000);
    expect(new Set(people.map((p) => p.subject)).size).toBe(people.length);
    expect(new Set(people.map((p) => p.email)).size).toBe(people.length);
    expect(people.some((p) => /[^\x00-\x7f]/.test(p.name))).toBe(true); // diacritics survive
    expect(people.every((p) => /^[a-z0-9.]+@alumni\.northbridge\.example\.edu$/.test(p.email))).toBe(true);
  });

  it('fits position, company, skills and expertise to the industry', () => {
    const generic = new Set(genericExpertise);
    for (const p of people) {
      const industry = industries.find((i) => i.name === p.profile.industry)!;
      expect(industry.positions.flat()).toContain(p.profile.position);
      expect(industry.companies).toContain(p.profile.company);
      expect(p.profile.skills.filter((s) => industry.skills.includes(s)).length).toBeGreaterThanOrEqual(3);
      if (p.mentor) {
        for (const e of p.mentor.expertise) expect(industry.expertise.includes(e) || generic.has(e), `${e} in ${industry.name}`).toBe(true);
        expect(p.mentor.expertise.filter((e) => industry.expertise.includes(e)).length).toBeGreaterThanOrEqual(2);
      }
    }
  });

  it('gives mentors valid settings, seniority and an application the contract accepts', () => {
    for (const p of mentors) {
      const m = p.mentor!;
      const settings = mentorSettingsPatch.safeParse({
        acceptingMentees: m.acceptingMentees, capacity: m.capacity, awayUntil: m.awayUntil, expertise: m.expertise,
        yearsOfExperience: m.yearsOfExperience, mentoringBio: m.mentoringBio, meetingFormats: m.meetingFormats,
      });
      if (!settings.success) throw new Error(`${p.subject}: ${JSON.stringify(settings.error.issues)}`);
      expect(mentorApplicationInput.safeParse({ expertise: m.expertise, yearsOfExperience: m.yearsOfExperience, statement: m.applicationStatement }).success).toBe(true);
      expect(m.capacity).toBeGreaterThanOrEqual(1);
      expect(m.capacity).toBeLessThanOrEqual(6);
      expect(m.meetingFormats.length).toBeGreaterThan(0);
      expect(p.profile.graduationYear).toBeLessThanOrEqual(NOW.getUTCFullYear() - 5);
      expect(m.yearsOfExperience).toBeLessThanOrEqual(NOW.getUTCFullYear() - p.profile.graduationYear);
      // The bio and the mentoring bio tell the same story.
      if (/ years in /.test(p.profile.bio)) expect(p.profile.bio).toContain(`${m.yearsOfExperience} years in `);
      if (/^\d+ years in /.test(m.mentoringBio)) expect(m.mentoringBio.startsWith(`${m.yearsOfExperience} years in `)).toBe(true);
      expect(m.approvedAt.getTime()).toBeGreaterThan(m.applicationCreatedAt.getTime());
      expect(m.applicationCreatedAt.getTime()).toBeGreaterThanOrEqual(p.createdAt.getTime());
      expect(m.approvedAt.getTime()).toBeLessThan(NOW.getTime());
    }
    const capacities = mentors.map((p) => p.mentor!.capacity);
    const count = (c: number) => capacities.filter((x) => x === c).length;
    expect(count(3)).toBeGreaterThan(capacities.length * 0.35); // mostly 3
    for (const c of [1, 2, 4, 5, 6]) expect(count(c)).toBeGreaterThan(0);
    // Every route to "unavailable" and "limited" exists before any history is added.
    const today = isoDay(NOW);
    expect(mentors.some((p) => !p.mentor!.acceptingMentees)).toBe(true);
    expect(mentors.some((p) => p.mentor!.awayUntil !== null && p.mentor!.awayUntil >= today)).toBe(true);
    expect(mentors.some((p) => p.mentor!.awayUntil !== null && p.mentor!.awayUntil < today)).toBe(true);
  });

  it('writes goals that name expertise areas, so match scores have something to find', () => {
    const vocabulary = [...industries.flatMap((i) => i.expertise), ...genericExpertise].map((e) => e.toLowerCase());
    const withGoals = people.filter((p) => p.profile.goals !== '');
    expect(withGoals.length).toBeGreaterThan(people.length * 0.85);
    const mentioning = withGoals.filter((p) => vocabulary.some((v) => p.profile.goals.toLowerCase().includes(v)));
    expect(mentioning.length).toBeGreaterThan(withGoals.length * 0.95);
  });

  it('writes running text with acronyms intact', () => {
    expect(asPhrase('NCLEX Preparation')).toBe('NCLEX preparation');
    expect(asPhrase('Data Engineering')).toBe('data engineering');
    expect(asPhrase('BPO & Shared Services')).toBe('BPO & shared services');
    expect(asPhrase('EdTech')).toBe('EdTech');
    expect(people.some((p) => /\bSQL\b|\bNCLEX\b|\bCPA\b/.test(p.profile.goals))).toBe(true);
    expect(people.some((p) => /\b(sql|nclex|cpa)\b/.test(p.profile.goals))).toBe(false);
  });

  it('derives stable, valid UUIDs', () => {
    expect(stableUuid('a')).toBe(stableUuid('a'));
    expect(stableUuid('a')).not.toBe(stableUuid('b'));
    expect(uuidSchema.safeParse(stableUuid('user|iss|sub')).success).toBe(true);
  });
});

describe.each(databaseKinds)('insertAlumni and insertHistory on %s', (kind) => {
  let handle: DatabaseHandle;
  let counts: HistoryCounts;
  const sample: GeneratedAlumnus[] = people.slice(0, 1500);

  beforeAll(async () => {
    handle = await createTestDatabase(kind);
    const written = await handle.db.transaction().execute((trx) => insertAlumni(trx, sample, { issuer: 'https://portal.example.edu', batchSize: 400 }));
    expect(written.map((w) => w.subject)).toEqual(sample.map((p) => p.subject));
    counts = await handle.db.transaction().execute((trx) => insertHistory(trx, written, { now: NOW, seed: 4242, batchSize: 500 }));
  }, 120_000);
  afterAll(async () => { await handle?.close(); });

  const rows = async <T>(query: RawBuilder<T>) => (await query.execute(handle.db)).rows;

  it('writes every person, profile and mentor, with the search triggers applied', async () => {
    const [c] = await rows(sql<{ users: number; profiles: number; mentors: number; apps: number; empty_vectors: number; bad_keys: number }>`
      SELECT (SELECT count(*) FROM users)::int AS users, (SELECT count(*) FROM profiles)::int AS profiles,
             (SELECT count(*) FROM mentors)::int AS mentors,
             (SELECT count(*) FROM mentor_applications WHERE status = 'approved')::int AS apps,
             (SELECT count(*) FROM mentors WHERE search_vector = ''::tsvector)::int AS empty_vectors,
             (SELECT count(*) FROM mentors WHERE expertise_keys <> ARRAY(SELECT lower(e) FROM unnest(expertise) e))::int AS bad_keys`);
    expect(c).toEqual({ users: 1500, profiles: 1500, mentors: 300, apps: 300, empty_vectors: 0, bad_keys: 0 });
    const [p] = await rows(sql<{ time_zone: string; languages: string[]; skills: string[] }>`
      SELECT p.time_zone, p.languages, p.skills FROM profiles p JOIN users u ON u.id = p.user_id WHERE u.subject = ${sample[7]!.subject}`);
    expect(p).toEqual({ time_zone: sample[7]!.profile.timeZone, languages: sample[7]!.profile.languages, skills: sample[7]!.profile.skills });
  });

  it('writes a believable amount of history', () => {
    expect(counts.requests).toBeGreaterThan(300);
    expect(counts.mentorships).toBeGreaterThan(150);
    expect(counts.feedback).toBeGreaterThan(30);
    expect(counts.conversations).toBe(counts.mentorships);
  });

  it('never puts a mentor over capacity, and the slot counter matches the mentorships', async () => {
    const bad = await rows(sql<{ user_id: string }>`
      SELECT m.user_id FROM mentors m
      WHERE m.open_mentorships > m.capacity
         OR m.open_mentorships <> (SELECT count(*) FROM mentorships s WHERE s.mentor_id = m.user_id AND s.status IN ('active', 'paused'))`);
    expect(bad).toEqual([]);
    const [full] = await rows(sql<{ n: number }>`SELECT count(*)::int AS n FROM mentors WHERE open_mentorships = capacity AND open_mentorships > 0`);
    expect(full!.n).toBeGreaterThan(0);
  });

  it('keeps the request and mentorship rules', async () => {
    const [v] = await rows(sql<Record<string, number>>`
      SELECT
        (SELECT count(*) FROM mentorship_requests WHERE mentee_id = mentor_id)::int AS self_requests,
        (SELECT count(*) FROM (SELECT 1 FROM mentorships WHERE status IN ('active', 'paused') GROUP BY mentor_id, mentee_id HAVING count(*) > 1) x)::int AS double_open,
        (SELECT count(*) FROM (SELECT 1 FROM mentorship_requests WHERE status = 'pending' GROUP BY mentor_id, mentee_id HAVING count(*) > 1) x)::int AS double_pending,
        (SELECT count(*) FROM (SELECT 1 FROM mentorship_requests WHERE status = 'pending' GROUP BY mentee_id HAVING count(*) > 5) x)::int AS over_five,
        (SELECT count(*) FROM mentorship_requests WHERE status IN ('accepted', 'declined') AND (responded_at IS NULL OR responded_at <= created_at OR responded_at > ${NOW}::timestamptz))::int AS bad_answers,
        (SELECT count(*) FROM mentorship_requests WHERE status = 'pending' AND (expires_at <= ${NOW}::timestamptz OR created_at > ${NOW}::timestamptz))::int AS stale_pending,
        (SELECT count(*) FROM mentorship_requests WHERE reminded_at IS NOT NULL
          AND (reminded_at > ${NOW}::timestamptz OR reminded_at < created_at + interval '3 days'))::int AS bad_reminders,
        (SELECT count(*) FROM mentorship_requests r JOIN mentors m ON m.user_id = r.mentor_id WHERE r.created_at < m.approved_at)::int AS before_approval,
        (SELECT count(*) FROM mentorships s JOIN mentorship_requests r ON r.id = s.request_id
          WHERE r.status <> 'accepted' OR r.mentor_id <> s.mentor_id OR r.mentee_id <> s.mentee_id OR s.started_at <> r.responded_at)::int AS mismatched,
        (SELECT count(*) FROM mentorships s WHERE s.ended_at IS NOT NULL AND (s.ended_at <= s.started_at OR s.ended_at > ${NOW}::timestamptz))::int AS bad_ends,
        (SELECT count(*) FROM mentorships s WHERE NOT EXISTS (SELECT 1 FROM conversations c WHERE c.mentorship_id = s.id))::int AS no_conversation,
        (SELECT count(*) FROM feedback f JOIN mentorships s ON s.id = f.mentorship_id
          WHERE s.status <> 'completed' OR f.subject_id <> s.mentor_id OR f.author_id <> s.mentee_id OR f.created_at < s.ended_at)::int AS bad_feedback`);
    expect(v).toEqual({
      self_requests: 0, double_open: 0, double_pending: 0, over_five: 0, bad_answers: 0, stale_pending: 0, bad_reminders: 0, before_approval: 0,
      mismatched: 0, bad_ends: 0, no_conversation: 0, bad_feedback: 0,
    });
    const statuses = await rows(sql<{ status: string }>`SELECT DISTINCT status FROM mentorship_requests ORDER BY status`);
    expect(statuses.map((s) => s.status)).toEqual(['accepted', 'declined', 'expired', 'pending']);
    const ms = await rows(sql<{ status: string }>`SELECT DISTINCT status FROM mentorships ORDER BY status`);
    expect(ms.map((s) => s.status)).toEqual(['active', 'cancelled', 'completed', 'paused']);
  });

  it('leaves the expiry and reminder jobs nothing to catch up on', async () => {
    expect(await expireRequests(handle.db, NOW)).toBe(0);
    expect(await remindMentors(handle.db, NOW)).toBe(0);
  });

  it('answers requests within hours and sets each mentor’s median reply time over 90 days', async () => {
    const answers = await rows(sql<{ mentor_id: string; hours: number }>`
      SELECT mentor_id, extract(epoch FROM responded_at - created_at)::float8 / 3600 AS hours FROM mentorship_requests
      WHERE status IN ('accepted', 'declined') AND responded_at > ${NOW}::timestamptz - interval '90 days'`);
    expect(answers.length).toBeGreaterThan(100);
    expect(Math.max(...answers.map((a) => a.hours))).toBeLessThan(14 * 24);
    const byMentor = new Map<string, number[]>();
    for (const a of answers) byMentor.set(a.mentor_id, [...(byMentor.get(a.mentor_id) ?? []), a.hours]);
    const medians = await rows(sql<{ user_id: string; median_response_hours: number | null }>`SELECT user_id, median_response_hours FROM mentors`);
    let checked = 0;
    for (const m of medians) {
      const hours = byMentor.get(m.user_id);
      if (!hours) {
        expect(m.median_response_hours).toBeNull();
        continue;
      }
      const sorted = hours.sort((a, b) => a - b);
      const mid = (sorted.length - 1) / 2;
      const expected = (sorted[Math.floor(mid)]! + sorted[Math.ceil(mid)]!) / 2;
      expect(m.median_response_hours).toBeCloseTo(expected, 6);
      checked++;
    }
    expect(checked).toBeGreaterThan(50);
  });

  it('produces every derived availability', async () => {
    const ms = await handle.db.selectFrom('mentors').select(['status', 'accepting_mentees', 'away_until', 'capacity', 'open_mentorships']).execute();
    const seen = new Map<string, number>();
    for (const m of ms) {
      const a = deriveAvailability({ status: m.status, acceptingMentees: m.accepting_mentees, awayUntil: m.away_until, capacity: m.capacity, openMentorships: m.open_mentorships }, isoDay(NOW));
      seen.set(a, (seen.get(a) ?? 0) + 1);
    }
    for (const a of ['available', 'limited', 'unavailable']) expect(seen.get(a) ?? 0, a).toBeGreaterThan(ms.length * 0.1);
  });
});
