import { matchRubric, type MentorSearchQuery } from '@mentorkit/contract';
import { sql, type RawBuilder } from 'kysely';

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
const and = (parts: RawBuilder<unknown>[]) => sql.join(parts, sql` AND `);

/**
 * Conditions of a search, except the two facets' own (see `facetConditions`). `tsq` is the
 * tsquery text (a constant, so the planner estimates the GIN scan from the real words).
 */
export function conditions(query: MentorSearchQuery, viewerId: string, today: string, tsq: string): RawBuilder<unknown>[] {
  const where: RawBuilder<unknown>[] = [sql`m.status = 'active'`, sql`m.listed`, sql`m.user_id <> ${viewerId}::uuid`];
  if (tsq) where.push(sql`m.search_vector @@ ${tsq}::tsquery`);
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

/** Whether the sort key is the match score, which must then be computed for every candidate. */
const sortsByScore = (sort: MentorSearchQuery['sort'], tsq: string) => sort === 'match' || (sort === 'relevance' && !tsq);

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

/** Display columns and per-viewer facts for rows `k` already chosen, joined as `m`, `u`, `p`. */
export function displayColumns(viewerId: string) {
  return sql`
    u.name, u.avatar_url, p.headline, p.position, p.company, p.industry, p.location, p.programme,
    p.graduation_year, p.languages, p.time_zone, p.bio, p.linkedin_url, p.website_url,
    m.expertise, m.expertise_words, m.meeting_formats, m.years_of_experience, m.capacity,
    to_char(m.away_until, 'YYYY-MM-DD') AS away_until, m.mentoring_bio, m.median_response_hours, m.approved_at,
    (SELECT count(DISTINCT ms.mentee_id) FROM mentorships ms
      WHERE ms.mentor_id = m.user_id AND ms.status <> 'cancelled')::int AS mentee_count,
    (SELECT r.expires_at FROM mentorship_requests r
      WHERE r.mentee_id = ${viewerId}::uuid AND r.mentor_id = m.user_id AND r.status = 'pending') AS pending_expires_at,
    EXISTS (SELECT 1 FROM mentorships ms WHERE ms.mentor_id = m.user_id AND ms.mentee_id = ${viewerId}::uuid
      AND ms.status IN ('active', 'paused')) AS has_open_mentorship`;
}

export const DISPLAY_JOIN = sql`JOIN mentors m ON m.user_id = k.id JOIN users u ON u.id = k.id JOIN profiles p ON p.user_id = k.id`;

/** How many values each facet lists. */
const FACET_SIZE = 25;

/**
 * The whole search in one statement: the rows matching every filter but the two facets' own
 * are read once (`base`); the page, the total and both facets come from them. Counting never
 * needs DISTINCT: a mentor is one row of `base`, and holds each expertise once whatever its
 * spelling (the mentors trigger de-duplicates, migration 0006).
 * The facets are text so only the first row's copy is parsed; the page's rows carry them once.
 */
export function searchStatement(options: {
  query: MentorSearchQuery;
  viewer: Viewer;
  today: string;
  tsq: string;
  after: { key: number; id: string } | undefined;
}) {
  const { query, viewer, today, tsq, after } = options;
  const facets = facetConditions(query);
  const keyset = after
    ? sql`AND (b.sort_key < ${after.key}::float8 OR (b.sort_key = ${after.key}::float8 AND b.id > ${after.id}::uuid))`
    : sql``;
  const byScore = sortsByScore(query.sort, tsq);
  const key = sortKey(query.sort, tsq, byScore ? score(viewer, today, sql`(SELECT phrases FROM known_phrases)::text[]`) : sql`0`);
  return sql`
    WITH ${byScore ? sql`known_phrases AS MATERIALIZED (${knownPhrases(viewer)}),` : sql``} base AS MATERIALIZED (
      SELECT m.user_id AS id, m.expertise, m.expertise_keys, m.industry, m.industry_key,
        ${facets.expertise} AS in_expertise, ${facets.industry} AS in_industry,
        CASE WHEN ${facets.expertise} AND ${facets.industry} THEN ${key} END AS sort_key
      FROM mentors m WHERE ${and(conditions(query, viewer.id, today, tsq))}
    ), top AS (
      SELECT b.id, b.sort_key FROM base b WHERE b.in_expertise AND b.in_industry ${keyset}
      ORDER BY b.sort_key DESC, b.id ASC LIMIT ${query.limit + 1}::int
    ), counts AS (
      SELECT
        (SELECT count(*) FROM base b WHERE b.in_expertise AND b.in_industry)::int AS total,
        (SELECT json_agg(json_build_object('value', f.value, 'count', f.count) ORDER BY f.count DESC, f.key)::text FROM (
          SELECT x.k COLLATE "C" AS key, min(x.e COLLATE "C") AS value, count(*)::int AS count
          FROM (SELECT unnest(b.expertise_keys) AS k, unnest(b.expertise) AS e FROM base b WHERE b.in_industry) x
          GROUP BY x.k COLLATE "C" ORDER BY count(*) DESC, x.k COLLATE "C" LIMIT ${FACET_SIZE}::int) f) AS expertise_facet,
        (SELECT json_agg(json_build_object('value', f.value, 'count', f.count) ORDER BY f.count DESC, f.key)::text FROM (
          SELECT b.industry_key COLLATE "C" AS key, min(b.industry COLLATE "C") AS value, count(*)::int AS count
          FROM base b WHERE b.in_expertise AND b.industry_key <> ''
          GROUP BY b.industry_key COLLATE "C" ORDER BY count(*) DESC, b.industry_key COLLATE "C" LIMIT ${FACET_SIZE}::int) f) AS industry_facet
    )
    SELECT c.total,
      CASE WHEN row_number() OVER (ORDER BY r.sort_key DESC, r.id ASC) = 1 THEN c.expertise_facet END AS expertise_facet,
      CASE WHEN row_number() OVER (ORDER BY r.sort_key DESC, r.id ASC) = 1 THEN c.industry_facet END AS industry_facet,
      r.*
    FROM counts c LEFT JOIN LATERAL (
      SELECT k.id, k.sort_key, ${score(viewer, today)} AS score, ${freeSlots(today)} AS free_slots, ${displayColumns(viewer.id)}
      FROM top k ${DISPLAY_JOIN}
    ) r ON true
    ORDER BY r.sort_key DESC, r.id ASC`;
}
