import type { MentorSearchQuery, MentorSearchResult } from '@mentorkit/contract';
import { sql, type Kysely } from 'kysely';
import { PREPARED } from '../../db/prepared.js';
import type { Database } from '../../db/schema.js';
import { isoDay } from './availability.js';
import { decodeCursor } from './cursor.js';
import { EMPTY, normalizeQuery, searchMentors, searchResult, viewerFromProfile, type ViewerProfileRow } from './mentors.repository.js';
import { SearchAnswers } from './search-answers.js';
import { SearchCache } from './search-cache.js';
import { MentorIndex, type TextMatches } from './search-index.js';
import { displayStatement, facetConditions, type Viewer } from './search-sql.js';
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
  /** One search for one viewer, exact as of `generation` (read before anything else the search reads) or later. */
  search(viewerId: string, query: MentorSearchQuery, now: Date, generation: bigint): Promise<MentorSearchResult>;
}

export interface MentorSearchOptions {
  db: Kysely<Database>;
  /** Entries of each cache (`MENTORSHIP_SEARCH_CACHE_SIZE`); 0 keeps nothing. The index is not a cache and is always kept. */
  cacheSize: number;
}

/** Nothing touches the database until the first search. */
export function createMentorSearch({ db, cacheSize }: MentorSearchOptions): MentorSearch {
  const answers = new SearchAnswers(cacheSize);
  const facts = new SearchCache(cacheSize);
  const index = new MentorIndex(db);
  return {
    answers,
    facts,
    index,
    async search(viewerId, query, now, generation) {
      // `location` is a case-insensitive substring match in the database's locale (ILIKE): the
      // index does not imitate it, the database answers.
      if (query.location) return searchMentors(db, viewerId, query, now, { cache: facts, generation });
      const after = query.cursor ? decodeCursor(query.cursor, query.sort) : undefined;
      const text = normalizeQuery(query.q);
      const today = isoDay(now);
      const offsets = await zoneOffsets(db, now);
      const ranked = query.sort === 'relevance' || query.sort === 'match';
      // What the text matches is the same for every viewer: kept with the shared facts (by generation) when caching is on.
      const textKey = JSON.stringify(['text matches', text, ranked, query.expertise, query.industry]);
      const [viewer, textFound, ] = await Promise.all([
        loadViewer(db, viewerId, offsets),
        text ? facts.get(generation, textKey, () => loadMatches(db, text, ranked, query)) : undefined,
        index.ensure(generation),
      ]);
      const tsq = textFound?.tsq ?? '';
      const matches = textFound?.matches;
      // Text without a single searchable word (stop words, emoji, punctuation) matches nobody.
      if (text && !tsq) return EMPTY;
      const found = index.search({ query, viewer, today, tsq, matches, after });
      const rows = found.rows.length ? (await displayStatement({ rows: found.rows, viewer, today }).execute(db)).rows : [];
      return searchResult(rows, { viewer, offsets, query, facts: found.facts, self: found.self });
    },
  };
}

/** The viewer's score inputs: a fixed statement, prepared once per connection. */
async function loadViewer(db: Kysely<Database>, viewerId: string, offsets: Map<string, number>): Promise<Viewer> {
  const row = (await sql<ViewerProfileRow>`${PREPARED}
    SELECT p.skills, p.goals, p.industry, p.languages, p.programme, p.time_zone
    FROM (SELECT 1) one LEFT JOIN profiles p ON p.user_id = ${viewerId}::uuid`.execute(db)).rows[0];
  return viewerFromProfile(viewerId, row, offsets);
}

/**
 * The text's tsquery and the visible mentors it matches, with their text rank when the order uses
 * it; the rank only for the mentors both facet filters keep (the others are counted, never shown).
 */
async function loadMatches(
  db: Kysely<Database>, text: string, ranked: boolean, query: MentorSearchQuery,
): Promise<{ tsq: string; matches: TextMatches }> {
  const expr = tsQueryExpression(text);
  if (!expr) return { tsq: '', matches: new Map() };
  const facets = facetConditions(query);
  const rank = ranked
    ? sql`CASE WHEN ${facets.expertise} AND ${facets.industry} THEN ts_rank_cd(m.search_vector, q.tsq, 1)::float8 ELSE 0::float8 END`
    : sql`0::float8`;
  const row = (await sql<{ query: string | null; matches: string | null }>`
    WITH q AS MATERIALIZED (SELECT (${expr})::tsquery AS tsq)
    SELECT (SELECT q.tsq::text FROM q) AS query,
      (SELECT json_agg(json_build_array(m.user_id, ${rank}))::text FROM q JOIN mentors m ON m.search_vector @@ q.tsq
        WHERE numnode(q.tsq) > 0 AND m.status = 'active' AND m.listed) AS matches`.execute(db)).rows[0]!;
  return { tsq: row.query ?? '', matches: new Map(row.matches ? (JSON.parse(row.matches) as [string, number][]) : []) };
}
