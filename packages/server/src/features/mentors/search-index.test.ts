/**
 * The search index (`search-index.ts`) answers exactly as the plain SQL search
 * (`searchMentors`, every filter, score and order in the database): the same items in the same
 * order with the same scores and reasons, the same total, facets and cursors, page after page,
 * over random mentors, random viewers (mentors among them) and random queries.
 */
import { mentorSearchQuery, meetingFormats, type MentorSearchResult } from '@mentorkit/contract';
import fc from 'fast-check';
import { sql, type Kysely } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DatabaseHandle } from '../../db/connect.js';
import type { Database } from '../../db/schema.js';
import { UserLookup } from '../../auth/user-lookup.js';
import { createTestDatabase, databaseKinds } from '../../test/harness.js';
import { createMentorSearch } from './mentor-search.js';
import { searchMentors } from './mentors.repository.js';
import { readSearchGeneration } from './search-answers.js';
import { tsQueryExpression } from './text-query.js';

const NOW = new Date('2026-11-28T09:00:00Z');
const EXPERTISE = ['Python', 'python', 'SQL', 'Data Science', 'data science', 'Leadership', 'Go', 'UX Design', 'Career Change', 'Machine Learning', 'Public Speaking', 'Écoles', 'écoles'];
const INDUSTRIES = ['', 'Technology', 'technology', 'Finance', 'Health Care'];
const LANGUAGES = ['English', 'Spanish', 'french', 'Tagalog'];
const ZONES = [null, 'Europe/London', 'Europe/Paris', 'America/New_York', 'Asia/Manila', 'Asia/Tokyo', 'UTC', 'Mars/Base'];
const PROGRAMMES = ['', 'MBA', 'mba', 'BSc Computing'];
const NAMES = ['Ana Santos', 'Ben Python', 'Chen Data', 'Dee Leader', 'Eli Go', 'Fay Design'];
const GOALS = ['', 'I want to learn python and data science', 'Move into leadership; public speaking too', 'go and sql', 'career change into ux design'];

const mentorArb = fc.record({
  name: fc.constantFrom(...NAMES),
  deleted: fc.integer({ min: 0, max: 7 }).map((n) => n === 0),
  expertise: fc.subarray(EXPERTISE, { maxLength: 5 }),
  industry: fc.constantFrom(...INDUSTRIES),
  languages: fc.subarray(LANGUAGES),
  timeZone: fc.constantFrom(...ZONES),
  programme: fc.constantFrom(...PROGRAMMES),
  graduationYear: fc.option(fc.integer({ min: 1990, max: 2024 }), { nil: null }),
  skills: fc.subarray(['python', 'SQL', 'Leadership', 'go', 'Écoles']),
  goals: fc.constantFrom(...GOALS),
  suspended: fc.integer({ min: 0, max: 9 }).map((n) => n === 0),
  accepting: fc.integer({ min: 0, max: 4 }).map((n) => n !== 0),
  capacity: fc.integer({ min: 1, max: 4 }),
  open: fc.integer({ min: 0, max: 4 }),
  away: fc.constantFrom(null, null, '2026-11-01', '2026-11-28', '2026-12-24'),
  years: fc.integer({ min: 0, max: 12 }),
  formats: fc.subarray([...meetingFormats], { minLength: 1 }),
  responseHours: fc.option(fc.constantFrom(1.5, 3, 24, 0.25), { nil: null }),
  approvedDay: fc.integer({ min: 1, max: 9 }),
  isMentor: fc.integer({ min: 0, max: 5 }).map((n) => n !== 0),
});

type Person = typeof mentorArb extends fc.Arbitrary<infer T> ? T : never;

async function insertPeople(db: Kysely<Database>, people: Person[], run: number): Promise<string[]> {
  const ids: string[] = [];
  for (const [i, p] of people.entries()) {
    const user = await db.insertInto('users').values({ issuer: 'https://idp.example', subject: `prop-${run}-${i}`, name: p.name })
      .returning('id').executeTakeFirstOrThrow();
    await db.insertInto('profiles').values({
      user_id: user.id, headline: `${p.name} headline`, industry: p.industry, languages: p.languages, time_zone: p.timeZone,
      programme: p.programme, graduation_year: p.graduationYear, skills: p.skills, goals: p.goals, company: 'Acme',
    }).execute();
    if (p.isMentor) {
      await db.insertInto('mentors').values({
        user_id: user.id, application_id: null, status: p.suspended ? 'suspended' : 'active', accepting_mentees: p.accepting,
        capacity: p.capacity, away_until: p.away, expertise: p.expertise, years_of_experience: p.years, meeting_formats: p.formats,
        median_response_hours: p.responseHours, approved_at: `2026-0${p.approvedDay}-01T00:00:00Z`,
        ...(p.suspended ? { suspended_at: '2026-11-01T00:00:00Z', suspended_reason: 'Property test' } : {}),
      }).execute();
      await sql`UPDATE mentors SET open_mentorships = ${Math.min(p.open, p.capacity)}::int WHERE user_id = ${user.id}::uuid`.execute(db);
    }
    if (p.deleted) await db.updateTable('users').set({ deleted_at: '2026-11-02T00:00:00Z' }).where('id', '=', user.id).execute();
    ids.push(user.id);
  }
  return ids;
}

/** A filter that is mostly absent, so that most searches find several mentors to order. */
const sometimes = <T>(arb: fc.Arbitrary<T[]>) => fc.oneof({ arbitrary: fc.constant([] as T[]), weight: 3 }, { arbitrary: arb, weight: 1 });
const rarely = <T>(arb: fc.Arbitrary<T>) => fc.oneof({ arbitrary: fc.constant(undefined), weight: 5 }, { arbitrary: arb, weight: 1 });

const queryArb = fc.record({
  sort: fc.constantFrom('relevance', 'match', 'match', 'experience', 'newest', 'responsiveness'),
  availability: fc.constantFrom('accepting', 'available', 'limited', 'all', 'all'),
  q: rarely(fc.constantFrom('python', 'data', 'leadership', 'santos', 'design', 'acme', 'the', 'python -data', 'go or sql', '-python', '"data science"', 'acme or -leadership', 'design -santos -go')),
  expertise: sometimes(fc.subarray(['Python', 'data science', 'Leadership', 'go', 'ÉCOLES'], { minLength: 1 })),
  industry: sometimes(fc.subarray(['technology', 'Finance'], { minLength: 1 })),
  language: sometimes(fc.subarray(['english', 'Spanish'], { minLength: 1 })),
  meetingFormat: sometimes(fc.subarray([...meetingFormats], { minLength: 1, maxLength: 2 })),
  minYearsExperience: rarely(fc.integer({ min: 0, max: 12 })),
  graduationYearFrom: rarely(fc.integer({ min: 1990, max: 2024 })),
  graduationYearTo: rarely(fc.integer({ min: 1990, max: 2024 })),
  limit: fc.integer({ min: 1, max: 6 }),
});

describe.each(databaseKinds)('search index against the plain SQL search on %s', (kind) => {
  let handle: DatabaseHandle;
  const runs: { ids: string[] }[] = [];
  beforeAll(async () => {
    handle = await createTestDatabase(kind);
  }, 180_000);
  afterAll(async () => { await handle?.close(); });

  it('gives the same pages (order, scores, reasons, totals, facets, cursors) for random data, viewers and queries', async () => {
    const { db } = handle;
    // Three rounds of data, each added to the last: the index follows by reading the changes.
    const search = createMentorSearch({ db, cacheSize: 0 });
    const pages: number[] = [];
    for (let round = 0; round < 3; round++) {
      const people = fc.sample(mentorArb, { numRuns: 30, seed: 1000 + round });
      runs.push({ ids: await insertPeople(db, people, round) });
      const ids = runs.flatMap((r) => r.ids);
      await fc.assert(
        fc.asyncProperty(fc.constantFrom(...ids), queryArb, async (viewerId, params) => {
          let cursor: string | undefined;
          for (let page = 0; page < 3; page++) {
            const query = mentorSearchQuery.parse({ ...params, ...(cursor ? { cursor } : {}) });
            const generation = await readSearchGeneration(db);
            const expected: MentorSearchResult = await searchMentors(db, viewerId, query, NOW);
            const actual = await search.search(viewerId, query, NOW, generation);
            expect(actual).toEqual(expected);
            pages.push(expected.items.length);
            if (!expected.nextCursor) break;
            cursor = expected.nextCursor;
          }
        }),
        { numRuns: 60, seed: 77 + round },
      );
    }
    expect(search.index.size).toBeGreaterThan(0);
    // The comparison means something: most pages hold several mentors to order.
    expect(pages.filter((n) => n >= 2).length).toBeGreaterThan(pages.length / 2);
  }, 600_000);

  it('gives the same first pages without filters, where the index keeps the facts and scores only the mentors sharing a skill, while mentors change', async () => {
    const { db } = handle;
    const search = createMentorSearch({ db, cacheSize: 0 });
    // Mentors of whom half share one or two of the viewers' skills and half share none, so that
    // both the pruned order (enough sharers outscore everyone else) and its fallback are met.
    const people = fc.sample(mentorArb, { numRuns: 60, seed: 4242 }).map((p, i) => ({
      ...p, isMentor: true, deleted: false, expertise: i % 2 ? ['Machine Learning'] : i % 3 ? ['Python'] : ['Python', 'SQL'],
    }));
    runs.push({ ids: await insertPeople(db, people, 3) });
    const ids = runs.flatMap((r) => r.ids);
    const unfiltered = fc.record({
      sort: fc.constantFrom('relevance', 'match', 'experience', 'newest'),
      availability: fc.constantFrom('accepting', 'available', 'limited', 'all'),
      limit: fc.integer({ min: 1, max: 8 }),
    });
    // Each run first changes one mentor (what decides their availability class, or their expertise), then searches.
    const change = fc.record({
      mentor: fc.constantFrom(...ids),
      accepting: fc.boolean(),
      open: fc.integer({ min: 0, max: 4 }),
      away: fc.constantFrom(null, '2026-11-01', '2026-12-24'),
      expertise: fc.constantFrom(['Machine Learning'], ['Python'], ['Python', 'SQL'], ['Leadership', 'Go'], []),
    });
    await fc.assert(
      fc.asyncProperty(fc.constantFrom(...ids), unfiltered, change, async (viewerId, params, c) => {
        await sql`UPDATE mentors SET accepting_mentees = ${c.accepting}, open_mentorships = least(${c.open}::int, capacity),
          away_until = ${c.away}::date, expertise = ${c.expertise}::text[] WHERE user_id = ${c.mentor}::uuid`.execute(db);
        let cursor: string | undefined;
        for (let page = 0; page < 2; page++) {
          const query = mentorSearchQuery.parse({ ...params, ...(cursor ? { cursor } : {}) });
          const generation = await readSearchGeneration(db);
          const expected: MentorSearchResult = await searchMentors(db, viewerId, query, NOW);
          expect(await search.search(viewerId, query, NOW, generation)).toEqual(expected);
          if (!expected.nextCursor) break;
          cursor = expected.nextCursor;
        }
      }),
      { numRuns: 80, seed: 99 },
    );
    // A later day: away dates that ended move mentors between classes.
    const later = new Date('2026-12-25T09:00:00Z');
    const query = mentorSearchQuery.parse({ sort: 'match' });
    const generation = await readSearchGeneration(db);
    expect(await search.search(ids[0]!, query, later, generation)).toEqual(await searchMentors(db, ids[0]!, query, later));
  }, 600_000);

  it('answers searches made together (their statements batched) as each alone, with the viewer read at sign-in', async () => {
    const { db } = handle;
    const search = createMentorSearch({ db, cacheSize: 0 });
    const lookup = new UserLookup(db);
    const people = runs.flatMap((r, run) => r.ids.map((id, i) => ({ id, subject: `prop-${run}-${i}` })));
    const queries = [{}, { q: 'python' }, { q: 'go or sql', sort: 'match' }, { q: '"data science"' }, { q: 'design -santos' }, { sort: 'experience', availability: 'all' }];
    const asked = people.slice(0, 24).map((p, i) => ({ ...p, query: mentorSearchQuery.parse(queries[i % queries.length]) }));
    const generation = await readSearchGeneration(db);
    const expected = [];
    for (const a of asked) expected.push(await searchMentors(db, a.id, a.query, NOW));
    // Each viewer's match inputs as authentication reads them, then every search at once.
    const users = await Promise.all(asked.map((a) => lookup.load('https://idp.example', a.subject)));
    const actual = await Promise.all(asked.map((a, i) => search.search(a.id, a.query, NOW, generation, users[i]!.match_inputs)));
    expect(actual).toEqual(expected);
    expect(expected.filter((r) => r.items.length >= 2).length).toBeGreaterThan(asked.length / 2);
  }, 120_000);

  it('ranks a word, or words joined by OR, exactly as ts_rank_cd does, over documents of every weight and repeated words', async () => {
    const { db } = handle;
    const search = createMentorSearch({ db, cacheSize: 0 });
    const vocabulary = ['python', 'data', 'go', 'sql', 'design', 'leadership', 'the', 'market', 'marketing', 'pythonic', 'écoles'];
    const text = (min: number, max: number) => fc.array(fc.constantFrom(...vocabulary), { minLength: min, maxLength: max }).map((w) => w.join(' '));
    const documents = fc.sample(fc.record({ bio: text(0, 300), mentoring: text(0, 40), headline: text(0, 8) }), { numRuns: 40, seed: 31 });
    const ids = await insertPeople(db, fc.sample(mentorArb, { numRuns: 40, seed: 32 }).map((p) => ({ ...p, isMentor: true })), 5);
    for (const [i, id] of ids.entries()) {
      const d = documents[i]!;
      // One document with a word more often than a tsvector keeps positions of (256).
      const bio = i === 0 ? `${'data '.repeat(700)}python` : d.bio;
      await sql`UPDATE profiles SET bio = ${bio}, headline = ${d.headline} WHERE user_id = ${id}::uuid`.execute(db);
      await sql`UPDATE mentors SET mentoring_bio = ${d.mentoring} WHERE user_id = ${id}::uuid`.execute(db);
    }
    const compare = async () => {
      await search.index.ensure(await readSearchGeneration(db));
      for (const words of ['python', 'data', 'go or sql', 'marketing', 'design or data or python', 'écoles', 'the or leadership', 'zebra or python']) {
        const { tsq } = (await sql<{ tsq: string }>`SELECT (${tsQueryExpression(words)!})::text AS tsq`.execute(db)).rows[0]!;
        const expected = new Map((await sql<{ id: string; rank: number }>`
          SELECT user_id::text AS id, ts_rank_cd(search_vector, ${tsq}::tsquery, 1)::float8 AS rank FROM mentors WHERE user_id = ANY(${ids}::uuid[])`.execute(db)).rows
          .map((r) => [r.id, r.rank]));
        expect(search.index.textRanks(tsq, search.index.slotsOf(ids)), `${words} → ${tsq}`).toEqual(expected);
      }
    };
    await compare();
    const slots = search.index.slotsOf(ids);
    // Half the documents rewritten again and again, until the index writes its lists anew without what the changes left
    // behind: the other half are then read only from where the compaction moved them.
    const rewrites = fc.sample(text(20, 120), { numRuns: 800, seed: 33 });
    for (const [i, mentoring] of rewrites.entries()) {
      await sql`UPDATE mentors SET mentoring_bio = ${mentoring} WHERE user_id = ${ids[i % 20]!}::uuid`.execute(db);
      if (i % 40 === 39) await search.index.ensure(await readSearchGeneration(db));
    }
    await compare();
    expect(search.index.compactions).toBeGreaterThan(0);
    expect(search.index.slotsOf(ids)).toEqual(slots);
    // What it does not rank (AND, NOT, phrases) is left to the database.
    expect(search.index.textRanks("'python' & 'data'", slots)).toBeUndefined();
    expect(search.index.textRanks("!'python'", slots)).toBeUndefined();
    expect(search.index.textRanks("'python' <-> 'data'", slots)).toBeUndefined();
  }, 120_000);
});
