import { matchRubric, type MentorSearchQuery } from '@mentorkit/contract';
import { sql, type Kysely, type RawBuilder } from 'kysely';
import { PREPARED } from '../../db/prepared.js';
import type { Database } from '../../db/schema.js';

/**
 * SQL pieces of mentor search over `mentors m`. Every filter and every part of the match score
 * reads columns of `mentors` alone (copied from users and profiles by triggers, migration 0004),
 * so counting, faceting and scoring never join; only the page's rows join for display.
 */

/** What the viewer brings to the match score (see `loadViewer`). */
export interface Viewer {
  id: string;
  /** Lower-cased skills. */
  skills: string[];
  /** Every run of 1–4 consecutive words of the goals, lower-cased, for whole-word matching. */
  goalPhrases: string[];
  industry: string;
  languages: string[];
  timeZone: string | null;
  /** Zones within `matchRubric.timeZoneWithinHours` of the viewer's right now. */
  nearZones: string[];
  programme: string;
}

export const lowerAll = (xs: string[]) => xs.map((x) => x.toLocaleLowerCase('en'));
const textArray = (xs: string[]) => sql`${xs}::text[]`;
const escapeLike = (s: string) => s.replace(/[\\%_]/g, (c) => `\\${c}`);
export const and = (parts: RawBuilder<unknown>[]) => sql.join(parts, sql` AND `);

/**
 * Conditions of a search, except the two facets' own (see `facetConditions`) and the viewer's
 * exclusion, which the callers add where it applies. `tsquery` is the text's tsquery: a constant
 * (bound as a value, so the planner estimates the GIN scan from the real words) or an expression.
 * `query.programme` is the programme's id by now (the service resolves a slug).
 */
export function conditions(query: MentorSearchQuery, today: string, tsquery: RawBuilder<unknown> | undefined): RawBuilder<unknown>[] {
  const where: RawBuilder<unknown>[] = [sql`m.status = 'active'`, sql`m.listed`];
  if (tsquery) where.push(sql`m.search_vector @@ ${tsquery}`);
  if (query.programme) {
    where.push(sql`EXISTS (SELECT 1 FROM programme_enrolments e
      WHERE e.programme_id = ${query.programme}::uuid AND e.role = 'mentor' AND e.user_id = m.user_id)`);
  }
  if (query.location) where.push(sql`m.location ILIKE ${'%' + escapeLike(query.location) + '%'}::text`);
  if (query.language.length) where.push(sql`m.language_keys && ${textArray(lowerAll(query.language))}`);
  if (query.meetingFormat.length) where.push(sql`m.meeting_formats && ${textArray(query.meetingFormat)}`);
  if (query.minYearsExperience !== undefined) where.push(sql`m.years_of_experience >= ${query.minYearsExperience}::int`);
  if (query.graduationYearFrom !== undefined) where.push(sql`m.graduation_year >= ${query.graduationYearFrom}::int`);
  if (query.graduationYearTo !== undefined) where.push(sql`m.graduation_year <= ${query.graduationYearTo}::int`);
  const open = sql`m.accepting_mentees AND (m.away_until IS NULL OR m.away_until < ${today}::date)`;
  if (query.availability === 'accepting') where.push(sql`${open} AND m.open_mentorships < m.capacity`);
  if (query.availability === 'available') where.push(sql`${open} AND m.capacity - m.open_mentorships >= 2`);
  if (query.availability === 'limited') where.push(sql`${open} AND m.capacity - m.open_mentorships = 1`);
  return where;
}

/** The expertise and industry filters, kept apart: each facet counts with the other's only. */
export function facetConditions(query: MentorSearchQuery) {
  return {
    expertise: query.expertise.length ? sql`m.expertise_keys && ${textArray(lowerAll(query.expertise))}` : sql`true`,
    industry: query.industry.length ? sql`m.industry_key = ANY(${textArray(lowerAll(query.industry))})` : sql`true`,
  };
}

export const freeSlots = (today: string) =>
  sql`CASE WHEN m.status = 'active' AND m.accepting_mentees AND (m.away_until IS NULL OR m.away_until < ${today}::date)
    THEN greatest(m.capacity - m.open_mentorships, 0) ELSE 0 END`;

/**
 * `matchRubric` in SQL over `mentors m` alone. The shared-skills count unnests the mentor's
 * expertise only when an array overlap (a cheap C comparison) says something can match, so
 * scoring thousands of mentors for `sort=match` costs little for the many with nothing shared.
 * `phrases` replaces the viewer's goal phrases by an expression yielding the same matches (see
 * `knownPhrases`).
 */
export function score(viewer: Viewer, today: string, phrases: RawBuilder<unknown> = textArray(viewer.goalPhrases)) {
  const skills = textArray(viewer.skills);
  const shared = sql`CASE WHEN m.expertise_keys && ${skills} OR m.expertise_words && ${phrases} THEN
    (SELECT count(*) FILTER (WHERE x.k = ANY(${skills}) OR x.w = ANY(${phrases}))
      FROM unnest(m.expertise_keys, m.expertise_words) AS x(k, w)) ELSE 0 END`;
  return sql`(
    least(${matchRubric.skills}::int, ${matchRubric.perSharedSkill}::int * ${shared})
    + CASE WHEN ${viewer.industry}::text <> '' AND m.industry_key = ${viewer.industry}::text THEN ${matchRubric.industry}::int ELSE 0 END
    + CASE WHEN m.language_keys && ${textArray(viewer.languages)} THEN ${matchRubric.language}::int ELSE 0 END
    + CASE WHEN m.time_zone = ANY(${textArray(viewer.nearZones)}) THEN ${matchRubric.timeZone}::int ELSE 0 END
    + CASE WHEN ${viewer.programme}::text <> '' AND m.programme_key = ${viewer.programme}::text THEN ${matchRubric.programme}::int ELSE 0 END
    + CASE WHEN ${freeSlots(today)} > 0 THEN ${matchRubric.openCapacity}::int ELSE 0 END)`;
}

/**
 * The viewer's goal phrases that are some mentor's expertise, one GIN probe each
 * (`mentors_expertise_words`, migration 0006). Goals give a hundred phrases or more ("my", "my
 * next", "my next step", …) and comparing each mentor's expertise with all of them costs more
 * than the rest of the score; the few that are anybody's expertise give exactly the same matches.
 * Worth it only when every candidate is scored (`sort=match`, or relevance without text); the
 * statement computes it once, as `known_phrases`.
 */
function knownPhrases(viewer: Viewer) {
  return sql`SELECT ARRAY(SELECT ph FROM unnest(${textArray(viewer.goalPhrases)}) ph
    WHERE EXISTS (SELECT 1 FROM mentors g WHERE g.expertise_words @> ARRAY[ph])) AS phrases`;
}

/**
 * Whether the order depends on who is looking: the match score is the viewer's, and must then be
 * computed for every candidate. Other orders (text rank, experience, newest, responsiveness) are
 * the same for everyone, so a first page can be shared.
 */
export const sortsByScore = (sort: MentorSearchQuery['sort'], tsq: string) => sort === 'match' || (sort === 'relevance' && !tsq);

/**
 * Every sort is "key descending, id ascending" over `mentors m`, so one keyset condition pages
 * them all. `matchScore` is the score's SQL when the sort uses it.
 */
function sortKey(sort: MentorSearchQuery['sort'], tsq: string, matchScore: RawBuilder<unknown>) {
  const rank = tsq ? sql`ts_rank_cd(m.search_vector, ${tsq}::tsquery, 1)::float8` : sql`0::float8`;
  switch (sort) {
    case 'relevance':
      return tsq ? rank : sql`${matchScore}::float8`;
    case 'match':
      return sql`(${matchScore} + ${rank} / 1000.0)::float8`;
    case 'experience':
      return sql`m.years_of_experience::float8`;
    case 'newest':
      return sql`extract(epoch FROM m.approved_at)::float8`;
    case 'responsiveness':
      return sql`(-coalesce(m.median_response_hours, 1e9))::float8`;
  }
}

/**
 * A row of `displayColumns` (what a card shows, and what its match score reads: `matchParts`)
 * with its free slots and sort key.
 */
export interface CardRow {
  id: string;
  name: string;
  avatar_url: string | null;
  headline: string;
  position: string;
  company: string;
  industry: string;
  location: string;
  programme: string;
  graduation_year: number | null;
  languages: string[];
  time_zone: string | null;
  expertise: string[];
  expertise_keys: string[];
  expertise_words: string[];
  industry_key: string;
  language_keys: string[];
  programme_key: string;
  meeting_formats: string[];
  years_of_experience: number;
  capacity: number;
  median_response_hours: number | null;
  free_slots: number;
  sort_key: number;
  mentee_count: number;
  pending_expires_at: Date | null;
  has_open_mentorship: boolean;
}

/** A card's row and the profile's own columns (`profileColumns`). */
export interface ProfileRow extends CardRow {
  bio: string;
  linkedin_url: string | null;
  website_url: string | null;
  away_until: string | null;
  mentoring_bio: string;
  approved_at: Date;
}

/**
 * What a card shows, and the per-viewer facts, for rows `k` already chosen, joined as `m`, `u`,
 * `p`. The long texts of a profile stay out: a page of cards would read and send them for nothing.
 */
export function displayColumns(viewerId: RawBuilder<unknown>) {
  return sql`
    u.name, u.avatar_url, p.headline, p.position, p.company, p.industry, p.location, p.programme,
    p.graduation_year, p.languages, p.time_zone,
    m.expertise, m.expertise_keys, m.expertise_words, m.industry_key, m.language_keys, m.programme_key, m.meeting_formats, m.years_of_experience, m.capacity, m.median_response_hours,
    (SELECT count(DISTINCT ms.mentee_id) FROM mentorships ms
      WHERE ms.mentor_id = m.user_id AND ms.status <> 'cancelled')::int AS mentee_count,
    (SELECT r.expires_at FROM mentorship_requests r
      WHERE r.mentee_id = ${viewerId} AND r.mentor_id = m.user_id AND r.status = 'pending') AS pending_expires_at,
    EXISTS (SELECT 1 FROM mentorships ms WHERE ms.mentor_id = m.user_id AND ms.mentee_id = ${viewerId}
      AND ms.status IN ('active', 'paused')) AS has_open_mentorship`;
}

/** A profile's columns beyond a card's (`ProfileRow`). */
export const profileColumns = sql`p.bio, p.linkedin_url, p.website_url, m.mentoring_bio, m.approved_at,
    to_char(m.away_until, 'YYYY-MM-DD') AS away_until`;

export const DISPLAY_JOIN = sql`JOIN mentors m ON m.user_id = k.id JOIN users u ON u.id = k.id JOIN profiles p ON p.user_id = k.id`;

/** How many values each facet lists. */
export const FACET_SIZE = 25;
/**
 * Facets are counted for everyone at once, the viewer included, and the viewer's own expertise
 * (at most 30 values, contract `mentorProfileInput`) taken off afterwards: 30 values past the
 * 25 shown are enough to refill the list whatever the viewer holds.
 */
export const FACET_MARGIN = 30;

/** A facet value as counted for everyone: its key (lower case), its spelling and its count. */
export type FacetEntry = [key: string, value: string, count: number];

/**
 * What a search yields that does not depend on the viewer, the viewer counted like anyone else
 * (`facts` in search-cache terms): the total, both facets, and with `top` the first rows of an
 * order that is the same for everyone (`limit + 2`, so one more than a page remains once the
 * viewer is taken out). Everything is read once from the rows matching every filter but the
 * two facets' own (`base`); counting never needs DISTINCT: a mentor is one row of `base`, and
 * holds each expertise once whatever its spelling (the mentors trigger de-duplicates, migration 0006).
 */
export function factsStatement(options: { query: MentorSearchQuery; today: string; tsq: string; top: boolean }) {
  const { query, today, tsq, top } = options;
  const facets = facetConditions(query);
  const key = top ? sortKey(query.sort, tsq, sql`0`) : sql`NULL::float8`;
  const facetList = (rows: RawBuilder<unknown>) => sql`(SELECT json_agg(json_build_array(f.key, f.value, f.count) ORDER BY f.count DESC, f.key)::text FROM (${rows}) f)`;
  return sql<{ total: number; expertise_facet: string | null; industry_facet: string | null; top: string | null }>`
    WITH base AS MATERIALIZED (
      SELECT m.user_id AS id, m.expertise, m.expertise_keys, m.industry, m.industry_key,
        ${facets.expertise} AS in_expertise, ${facets.industry} AS in_industry,
        CASE WHEN ${facets.expertise} AND ${facets.industry} THEN ${key} END AS sort_key
      FROM mentors m WHERE ${and(conditions(query, today, tsq ? sql`${tsq}::tsquery` : undefined))}
    )
    SELECT
      (SELECT count(*) FROM base b WHERE b.in_expertise AND b.in_industry)::int AS total,
      ${facetList(sql`
        SELECT x.k COLLATE "C" AS key, min(x.e COLLATE "C") AS value, count(*)::int AS count
        FROM (SELECT unnest(b.expertise_keys) AS k, unnest(b.expertise) AS e FROM base b WHERE b.in_industry) x
        GROUP BY x.k COLLATE "C" ORDER BY count(*) DESC, x.k COLLATE "C" LIMIT ${FACET_SIZE + FACET_MARGIN}::int`)} AS expertise_facet,
      ${facetList(sql`
        SELECT b.industry_key COLLATE "C" AS key, min(b.industry COLLATE "C") AS value, count(*)::int AS count
        FROM base b WHERE b.in_expertise AND b.industry_key <> ''
        GROUP BY b.industry_key COLLATE "C" ORDER BY count(*) DESC, b.industry_key COLLATE "C" LIMIT ${FACET_SIZE + 1}::int`)} AS industry_facet,
      ${top
        ? sql`(SELECT json_agg(json_build_array(t.id, t.sort_key) ORDER BY t.sort_key DESC, t.id)::text FROM (
            SELECT b.id, b.sort_key FROM base b WHERE b.in_expertise AND b.in_industry
            ORDER BY b.sort_key DESC, b.id ASC LIMIT ${query.limit + 2}::int) t)`
        : sql`NULL::text`} AS top`;
}

/**
 * A page of the viewer's own search: the rows after `after` in the search's order, the viewer
 * left out, with what the cards show. Used when the order is the viewer's (the match score) or
 * past the first page.
 */
export function pageStatement(options: {
  query: MentorSearchQuery;
  viewer: Viewer;
  today: string;
  tsq: string;
  after: { key: number; id: string } | undefined;
}) {
  const { query, viewer, today, tsq, after } = options;
  const facets = facetConditions(query);
  const keyset = after
    ? sql`WHERE b.sort_key < ${after.key}::float8 OR (b.sort_key = ${after.key}::float8 AND b.id > ${after.id}::uuid)`
    : sql``;
  const byScore = sortsByScore(query.sort, tsq);
  const key = sortKey(query.sort, tsq, byScore ? score(viewer, today, sql`(SELECT phrases FROM known_phrases)::text[]`) : sql`0`);
  const where = [
    ...conditions(query, today, tsq ? sql`${tsq}::tsquery` : undefined),
    sql`m.user_id <> ${viewer.id}::uuid`, facets.expertise, facets.industry,
  ];
  return sql<CardRow>`
    WITH ${byScore ? sql`known_phrases AS MATERIALIZED (${knownPhrases(viewer)}),` : sql``} top AS (
      SELECT b.id, b.sort_key FROM (SELECT m.user_id AS id, ${key} AS sort_key FROM mentors m WHERE ${and(where)}) b ${keyset}
      ORDER BY b.sort_key DESC, b.id ASC LIMIT ${query.limit + 1}::int
    )
    SELECT k.id, k.sort_key, ${freeSlots(today)} AS free_slots, ${displayColumns(sql`${viewer.id}::uuid`)}
    FROM top k ${DISPLAY_JOIN}
    ORDER BY k.sort_key DESC, k.id ASC`;
}

/** A page of cards to read: rows already chosen (ids with their sort keys), in that order, for a viewer on a day. */
export interface CardsRequest {
  rows: { id: string; key: number }[];
  viewerId: string;
  today: string;
}

/**
 * What the cards show for pages whose rows are already chosen, each page in its rows' order: one
 * statement for all the pages of one day (a fixed text, prepared once per connection). Each page
 * comes as one JSON text: the driver then parses one value instead of some 30 columns a card, six
 * of them arrays (its text-array parser was a tenth of a cold search's CPU).
 */
export async function readCards(db: Kysely<Database>, requests: readonly CardsRequest[]): Promise<CardRow[][]> {
  const pages: CardRow[][] = requests.map(() => []);
  for (const today of new Set(requests.map((r) => r.today))) {
    const ids: string[] = [];
    const keys: number[] = [];
    const pageOf: number[] = [];
    const viewers: string[] = [];
    requests.forEach((r, page) => {
      if (r.today !== today) return;
      for (const row of r.rows) {
        ids.push(row.id);
        keys.push(row.key);
        pageOf.push(page);
        viewers.push(r.viewerId);
      }
    });
    if (!ids.length) continue;
    const rows = (await sql<{ page: number; cards: string }>`${PREPARED}
      SELECT c.page, json_agg(c ORDER BY c.ord)::text AS cards FROM (
        SELECT k.page, k.ord, k.id, k.sort_key, ${freeSlots(today)} AS free_slots, ${displayColumns(sql`k.viewer`)}
        FROM unnest(${ids}::uuid[], ${keys}::float8[], ${pageOf}::int[], ${viewers}::uuid[]) WITH ORDINALITY AS k(id, sort_key, page, viewer, ord)
        ${DISPLAY_JOIN}
        WHERE m.status = 'active' AND m.listed) c
      GROUP BY c.page`.execute(db)).rows;
    // JSON has no dates: the one timestamp of a card comes back as its ISO text.
    for (const { page, cards } of rows) {
      pages[page] = (JSON.parse(cards) as (Omit<CardRow, 'pending_expires_at'> & { pending_expires_at: string | null })[])
        .map((card) => ({ ...card, pending_expires_at: card.pending_expires_at === null ? null : new Date(card.pending_expires_at) }));
    }
  }
  return pages;
}

/** The cards of one page (`readCards`). */
export async function displayCards(db: Kysely<Database>, request: CardsRequest): Promise<CardRow[]> {
  return request.rows.length ? (await readCards(db, [request]))[0]! : [];
}
