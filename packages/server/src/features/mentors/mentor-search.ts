import type { MentorSearchQuery, MentorSearchResult } from '@mentorkit/contract';
import { sql, type Kysely } from 'kysely';
import { MATCH_INPUTS } from '../../auth/user-lookup.js';
import { perTurn } from '../../db/batch.js';
import { PREPARED } from '../../db/prepared.js';
import type { Database } from '../../db/schema.js';
import { enrolledIds } from '../programmes/programmes.repository.js';
import { isoDay } from './availability.js';
import { decodeCursor } from './cursor.js';
import { EMPTY, normalizeQuery, searchMentors, searchResult, viewerFromProfile, type ViewerProfileRow } from './mentors.repository.js';
import { SearchAnswers } from './search-answers.js';
import { SearchCache } from './search-cache.js';
import { MentorIndex } from './search-index.js';
import { facetConditions, readCards, type CardsRequest, type Viewer } from './search-sql.js';
import { tsQueryExpression } from './text-query.js';
import { zoneOffsets } from './time-zones.js';

/**
 * Mentor search as one app holds it: whole answers per viewer (`search-answers.ts`), the facts
 * every viewer shares for the searches the index does not answer (`search-cache.ts`), and the
 * index of what search filters and orders by (`search-index.ts`). Made once per app by
 * `createApp`; two apps (tests, two instances in one process) never share any of it.
 */
export interface MentorSearch {
  readonly answers: SearchAnswers;
  readonly facts: SearchCache;
  readonly index: MentorIndex;
  /**
   * One search for one viewer, exact as of `generation` (read before anything else the search
   * reads) or later. `query.programme`, if any, is a programme's id (the service resolves a slug).
   * `matchInputs`, when given, are the viewer's (`Viewer.matchInputs`, read with `generation`):
   * the viewer's profile is then not read again.
   */
  search(viewerId: string, query: MentorSearchQuery, now: Date, generation: bigint, matchInputs?: string | null): Promise<MentorSearchResult>;
}

export interface MentorSearchOptions {
  db: Kysely<Database>;
  /** Entries of each cache (`MENTORSHIP_SEARCH_CACHE_SIZE`); 0 keeps nothing. The index is not a cache and is always kept. */
  cacheSize: number;
}

/** The most searches one batched statement serves. */
const BATCH = 50;

declare module '../../http/env.js' {
  interface AppDeps {
    /** Mentor search's index and caches; `createApp` makes them when absent (tests and benchmarks pass their own). */
    mentorSearch?: MentorSearch;
  }
}

/** Nothing touches the database until the first search. */
export function createMentorSearch({ db, cacheSize }: MentorSearchOptions): MentorSearch {
  const answers = new SearchAnswers(cacheSize);
  const facts = new SearchCache(cacheSize);
  const index = new MentorIndex(db);
  // Under load, concurrent searches reach each statement together: one statement serves them all.
  const cards = perTurn((requests: readonly CardsRequest[]) => readCards(db, requests), BATCH);
  const ranksOf = perTurn((requests: readonly RanksRequest[]) => readRanks(db, requests), BATCH);
  const tsQueryOf = perTurn((texts: readonly string[]) => readTsQueries(db, texts), BATCH);
  return {
    answers,
    facts,
    index,
    async search(viewerId, query, now, generation, matchInputs) {
      // `location` is a case-insensitive substring match in the database's locale (ILIKE): the
      // index does not imitate it, the database answers.
      if (query.location) return searchMentors(db, viewerId, query, now, { cache: facts, generation });
      const after = query.cursor ? decodeCursor(query.cursor, query.sort) : undefined;
      const text = normalizeQuery(query.q);
      const today = isoDay(now);
      const offsets = await zoneOffsets(db, now);
      const [inputs, tsq] = await Promise.all([
        matchInputs === undefined ? readMatchInputs(db, viewerId) : matchInputs,
        text ? tsQueryOf(text) : '',
        index.ensure(generation),
      ]);
      const viewer = viewerFromProfile(viewerId, inputs === null ? undefined : (JSON.parse(inputs) as ViewerProfileRow), offsets);
      // Text without a single searchable word (stop words, emoji, punctuation) matches nobody.
      if (text && !tsq) return EMPTY;
      // In a programme: only its enrolled mentors' slots are searched (enrolments move the generation).
      const programmeId = query.programme;
      const enrolled = programmeId
        ? index.slotsOf(await facts.get(generation, JSON.stringify(['programme mentors', programmeId]), () => enrolledIds(db, programmeId, 'mentor')))
        : undefined;
      let found;
      if (tsq) {
        // What the text matches is the index's to say, unless the query holds what only the database evaluates (phrases).
        const texts = index.textMatches(tsq)
          ?? index.slotsOf((await facts.get(generation, JSON.stringify(['text matches', tsq]), () => loadMatches(db, tsq))));
        const matched = enrolled ? intersect(texts, enrolled) : texts;
        const ranked = query.sort === 'relevance' || query.sort === 'match';
        found = index.search({ query, viewer, today, tsq, matched, after, collect: ranked });
        if (ranked && found.candidates.length) {
          // The text rank of the mentors that pass every filter (the same for every viewer: kept with the shared facts when caching is on).
          const { q: _q, cursor: _cursor, sort: _sort, limit: _limit, ...filters } = query;
          const candidates = found.candidates;
          const ranks = index.textRanks(tsq, found.passing)
            ?? await facts.get(generation, JSON.stringify(['text ranks', tsq, today, filters]), () => ranksOf({ tsq, ids: candidates }));
          found = index.search({ query, viewer, today, tsq, matched, ranks, after, then: found });
        }
      } else {
        found = index.search({ query, viewer, today, tsq, matched: enrolled, after });
      }
      const rows = found.rows.length ? await cards({ rows: found.rows, viewerId, today }) : [];
      return searchResult(rows, { viewer, offsets, query, facts: found.facts, self: found.self });
    },
  };
}

/** The slots of `slots` that are also in `among`. */
function intersect(slots: number[], among: number[]): number[] {
  const keep = new Set(among);
  return slots.filter((slot) => keep.has(slot));
}

/** The viewer's match inputs (`MATCH_INPUTS`), for a search that was not given those read with its user: a fixed statement, prepared once per connection. */
async function readMatchInputs(db: Kysely<Database>, viewerId: string): Promise<string | null> {
  const row = (await sql<{ inputs: string | null }>`${PREPARED}
    SELECT ${MATCH_INPUTS} AS inputs FROM (SELECT 1) one LEFT JOIN profiles p ON p.user_id = ${viewerId}::uuid`.execute(db)).rows[0];
  return row?.inputs ?? null;
}

/** Each text's tsquery as PostgreSQL prints it ('' without a searchable word), in one statement. */
async function readTsQueries(db: Kysely<Database>, texts: readonly string[]): Promise<string[]> {
  const exprs = texts.map((text) => tsQueryExpression(text));
  const row = (await sql<Record<string, string | null>>`SELECT ${sql.join(exprs.map((e, i) => sql`(${e ?? sql`NULL`})::text AS ${sql.ref(`q${i}`)}`))}`
    .execute(db)).rows[0]!;
  return texts.map((_, i) => row[`q${i}`] ?? '');
}

/** The visible mentors that `tsq` matches, from the database (for what the index does not evaluate). */
async function loadMatches(db: Kysely<Database>, tsq: string): Promise<string[]> {
  const row = (await sql<{ matches: string | null }>`
    SELECT json_agg(m.user_id)::text AS matches FROM mentors m
    WHERE m.search_vector @@ ${tsq}::tsquery AND m.status = 'active' AND m.listed`.execute(db)).rows[0]!;
  return row.matches ? (JSON.parse(row.matches) as string[]) : [];
}

interface RanksRequest {
  tsq: string;
  ids: string[];
}

/**
 * `ts_rank_cd(search_vector, tsq, 1)` of the mentors `ids`, for each request: a fixed statement,
 * prepared once per connection.
 */
async function readRanks(db: Kysely<Database>, requests: readonly RanksRequest[]): Promise<Map<string, number>[]> {
  const ids = requests.flatMap((r) => r.ids);
  const pages = requests.flatMap((r, page) => r.ids.map(() => page + 1));
  const rows = (await sql<{ page: number; id: string; rank: number }>`${PREPARED}
    SELECT k.page, m.user_id::text AS id, ts_rank_cd(m.search_vector, q.q, 1)::float8 AS rank
    FROM unnest(${ids}::uuid[], ${pages}::int[]) AS k(id, page)
    JOIN unnest(${requests.map((r) => r.tsq)}::tsquery[]) WITH ORDINALITY AS q(q, page) ON q.page = k.page
    JOIN mentors m ON m.user_id = k.id`.execute(db)).rows;
  const ranks = requests.map(() => new Map<string, number>());
  for (const r of rows) ranks[r.page - 1]!.set(r.id, r.rank);
  return ranks;
}
