/**
 * Programme matching scores and explains pairs with `matchParts`, the JavaScript twin of the SQL
 * `score()` that orders search. Over random people (skills, goals, industries, languages and
 * programmes in mixed case and accents, time zones with half and quarter hours, unknown zones,
 * mentors full, away, not accepting), for every enrolled mentee and mentor the JavaScript score
 * equals the SQL score, and the score and reasons equal what search shows that mentee for that
 * mentor (`GET /mentors?sort=match`, `GET /mentors/:id`), in the order search gives.
 */
import { mentorCard } from '@mentorkit/contract';
import fc from 'fast-check';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestContext, databaseKinds, json, type TestContext, type TestUser } from '../../test/harness.js';
import { isoDay } from '../mentors/availability.js';
import { matchParts } from '../mentors/match.js';
import { ensureUser } from '../mentors/mentors.fixtures.js';
import { viewerFromProfile } from '../mentors/mentors.repository.js';
import { score } from '../mentors/search-sql.js';
import { zoneOffsets } from '../mentors/time-zones.js';
import { explainPair, scoreMatrix } from './match-scores.js';
import { menteesToMatch, mentorsToMatch } from './suggestions.repository.js';

const EXPERTISE = ['Python', 'python', 'SQL', 'Data Science', 'UX Design', 'Leadership', 'Go', 'Career Change', 'Public Speaking', 'Écoles', 'C++', 'Machine Learning'];
const GOALS = ['', 'I want to learn python and data science', 'Move into leadership; public speaking too', 'go and sql', 'a career change into UX design', 'Écoles et machine learning'];
const ZONES = [null, 'Europe/London', 'Europe/Paris', 'America/New_York', 'Asia/Manila', 'Asia/Tokyo', 'Asia/Kolkata', 'Asia/Kathmandu', 'Australia/Adelaide', 'UTC', 'Mars/Base'];

const personArb = fc.record({
  skills: fc.subarray(['python', 'SQL', 'Leadership', 'go', 'écoles', 'UX DESIGN', 'c++']),
  goals: fc.constantFrom(...GOALS),
  industry: fc.constantFrom('', 'Technology', 'technology', 'Finance', 'Énergie', 'énergie'),
  languages: fc.subarray(['English', 'Spanish', 'french', 'Tagalog', 'FILIPINO', 'Filipino']),
  timeZone: fc.constantFrom(...ZONES),
  programme: fc.constantFrom('', 'MBA', 'mba', 'BSc Computing'),
  mentor: fc.option(fc.record({
    expertise: fc.subarray(EXPERTISE, { maxLength: 6 }),
    accepting: fc.integer({ min: 0, max: 4 }).map((n) => n !== 0),
    capacity: fc.integer({ min: 1, max: 4 }),
    open: fc.integer({ min: 0, max: 4 }),
    away: fc.constantFrom(null, null, '2026-11-01', '2026-11-28', '2026-12-24'),
  }), { nil: undefined, freq: 2 }),
});

describe.each(databaseKinds)('match scores of programme matching on %s', (kind) => {
  let t: TestContext;
  beforeAll(async () => { t = await createTestContext(kind); }, 120_000);
  afterAll(async () => { await t?.close(); });

  it('equal the SQL score, and the score and reasons search shows the mentee, for random mentees and mentors', async () => {
    const { db } = t.handle;
    const people = fc.sample(personArb, { numRuns: 36, seed: 20261209 });
    const users = new Map<string, TestUser>();
    const programme = await db.insertInto('programmes').values({
      slug: 'score-check', name: 'Score check', starts_on: '2026-11-01', ends_on: '2027-03-31', matching: 'admin_matched',
    }).returning('id').executeTakeFirstOrThrow();
    for (const [i, p] of people.entries()) {
      const user = { sub: `scores-${i}`, name: `Person ${String(i).padStart(2, '0')}` };
      const id = await ensureUser(t, user);
      users.set(id, user);
      await db.updateTable('profiles').set({
        skills: p.skills, goals: p.goals, industry: p.industry, languages: p.languages, time_zone: p.timeZone, programme: p.programme,
      }).where('user_id', '=', id).execute();
      await db.insertInto('programme_enrolments').values({ programme_id: programme.id, user_id: id, role: 'mentee' }).execute();
      if (!p.mentor) continue;
      await db.insertInto('mentors').values({
        user_id: id, application_id: null, accepting_mentees: p.mentor.accepting, capacity: p.mentor.capacity,
        away_until: p.mentor.away, expertise: p.mentor.expertise, years_of_experience: 3, meeting_formats: ['video'],
      }).execute();
      await sql`UPDATE mentors SET open_mentorships = ${Math.min(p.mentor.open, p.mentor.capacity)}::int WHERE user_id = ${id}::uuid`.execute(db);
      await db.insertInto('programme_enrolments').values({ programme_id: programme.id, user_id: id, role: 'mentor' }).execute();
    }

    const now = t.clock.now();
    const today = isoDay(now);
    const offsets = await zoneOffsets(db, now);
    const mentees = await menteesToMatch(db, programme.id);
    const mentors = await mentorsToMatch(db, programme.id, today);
    expect(mentees).toHaveLength(people.length);
    expect(mentors).toHaveLength(people.filter((p) => p.mentor).length);
    const seen = { skills: 0, goals: 0, industry: 0, languages: 0, nearZone: 0, partHourZone: 0, programme: 0, room: 0, full: 0, pairs: 0 };

    for (const mentee of mentees) {
      const viewer = viewerFromProfile(mentee.id, mentee, offsets);
      // The SQL score of every mentor for this viewer, as search orders by it.
      const bySql = new Map((await sql<{ id: string; score: number }>`
        SELECT m.user_id::text AS id, ${score(viewer, today)} AS score FROM mentors m
        WHERE m.user_id = ANY(${mentors.map((m) => m.id)}::uuid[])`.execute(db)).rows.map((r) => [r.id, Number(r.score)]));
      const matrix = scoreMatrix([viewer], mentors, offsets, () => true);
      mentors.forEach((mentor, j) => {
        const parts = matchParts(viewer, mentor, offsets);
        expect(parts.score, `${mentee.id} → ${mentor.id}`).toBe(bySql.get(mentor.id));
        expect(matrix[j]).toBe(parts.score);
        if (mentor.id === mentee.id) return;
        seen.pairs++;
        if (parts.sharedSkills.length) seen.skills++;
        if (parts.goalMatches.length) seen.goals++;
        if (parts.sameIndustry) seen.industry++;
        if (parts.sharedLanguages.length) seen.languages++;
        if (parts.timeZoneGapHours !== null && parts.timeZoneGapHours <= 3) seen.nearZone++;
        if (parts.timeZoneGapHours !== null && !Number.isInteger(parts.timeZoneGapHours)) seen.partHourZone++;
        if (parts.sameProgramme) seen.programme++;
        if (parts.freeSlots > 0) seen.room++;
        else seen.full++;
      });

      // What search shows this mentee: every mentor (themself excepted), by score, with the same words.
      const as = users.get(mentee.id)!;
      const res = await t.call('GET', '/api/v1/mentors?sort=match&availability=all&limit=100', { as });
      expect(res.status).toBe(200);
      const cards = (await json(res)).items.map((c: unknown) => mentorCard.parse(c));
      const others = mentors.filter((m) => m.id !== mentee.id);
      expect(cards.map((c: { id: string }) => c.id).sort()).toEqual(others.map((m) => m.id).sort());
      for (const card of cards) {
        expect(card.match, `${mentee.id} sees ${card.id}`).toEqual(explainPair(viewer, others.find((m) => m.id === card.id)!, offsets));
      }
      const shown = cards.map((c: { match: { score: number } }) => c.match.score);
      expect(shown).toEqual([...shown].sort((a, b) => b - a));
      const first = others[0];
      if (first) {
        const profile = await json(await t.call('GET', `/api/v1/mentors/${first.id}`, { as }));
        expect(profile.match).toEqual(explainPair(viewer, first, offsets));
      }
    }
    // The data exercised every part of the rubric, both ways.
    for (const [part, n] of Object.entries(seen)) expect(n, part).toBeGreaterThan(part === 'pairs' ? 300 : 5);
    expect(seen.pairs - seen.skills - seen.goals).toBeGreaterThan(20);
  }, 300_000);
});
