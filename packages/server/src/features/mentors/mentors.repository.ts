import {
  matchRubric,
  type FacetCount,
  type MentorCard,
  type MentorProfile,
  type MentorSearchQuery,
  type MentorSearchResult,
  type MeetingFormat,
} from '@mentorkit/contract';
import { sql, type Kysely, type RawBuilder } from 'kysely';
import type { Database } from '../../db/schema.js';
import { isoDay } from './availability.js';
import { decodeCursor, encodeCursor } from './cursor.js';
import { explainMatch } from './match.js';
import { toTsQuery } from './text-query.js';
import { zoneGap, zoneOffsets, zonesNear } from './time-zones.js';

/**
 * Mentor search. Filtering, counting, faceting and scoring read `mentors` alone (its columns
 * copied from users and profiles by triggers, migration 0004); only the page's rows join users
 * and profiles for display. The match score is computed in SQL so `sort=match` orders in the
 * database; `explainMatch` words the parts for the page's rows.
 */

/** What the viewer brings to the match score, read once per search. */
interface Viewer {
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

const lowerAll = (xs: string[]) => xs.map((x) => x.toLocaleLowerCase('en'));

/** Lower-cased words (letters and digits), the same split as `expertise_words` in SQL. */
export const wordsOf = (text: string) => text.toLocaleLowerCase('en').split(/[^\p{L}\p{N}]+/u).filter(Boolean);

export function phrasesOf(text: string, longest = 4): string[] {
  const words = wordsOf(text);
  const phrases = new Set<string>();
  for (let i = 0; i < words.length; i++) {
    for (let n = 1; n <= longest && i + n <= words.length; n++) phrases.add(words.slice(i, i + n).join(' '));
  }
  return [...phrases];
}

async function loadViewer(db: Kysely<Database>, viewerId: string, offsets: Map<string, number>): Promise<Viewer> {
  const p = await db.selectFrom('profiles')
    .select(['skills', 'goals', 'industry', 'languages', 'programme', 'time_zone'])
    .where('user_id', '=', viewerId).executeTakeFirst();
  return {
    id: viewerId,
    skills: lowerAll(p?.skills ?? []),
    goalPhrases: phrasesOf(p?.goals ?? ''),
    industry: (p?.industry ?? '').toLocaleLowerCase('en'),
    languages: lowerAll(p?.languages ?? []),
    timeZone: p?.time_zone ?? null,
    nearZones: zonesNear(offsets, p?.time_zone ?? null, matchRubric.timeZoneWithinHours),
    programme: (p?.programme ?? '').toLocaleLowerCase('en'),
  };
}

/**
 * Free text for `toTsQuery`: no control characters (NUL breaks PostgreSQL) or lone
 * surrogates, bounded to 256 code points (never cutting an emoji's surrogate pair in half).
 */
export function normalizeQuery(q: string | undefined): string {
  const clean = (q ?? '').replace(/[\p{Cc}\p{Cs}]/gu, ' ').replace(/\s+/g, ' ').trim();
  return Array.from(clean).slice(0, 256).join('').trim();
}

const textArray = (xs: string[]) => sql`${xs}::text[]`;
const escapeLike = (s: string) => s.replace(/[\\%_]/g, (c) => `\\${c}`);
const and = (parts: RawBuilder<unknown>[]) => sql.join(parts, sql` AND `);

/** Conditions of a search on `mentors m`, except the two facets' own (see `facetConditions`). */
function conditions(query: MentorSearchQuery, viewerId: string, today: string, tsq: string): RawBuilder<unknown>[] {
  const where: RawBuilder<unknown>[] = [sql`m.status = 'active'`, sql`m.listed`, sql`m.user_id <> ${viewerId}`];
  if (tsq) where.push(sql`m.search_vector @@ ${tsq}::tsquery`);
  if (query.location) where.push(sql`m.location ILIKE ${'%' + escapeLike(query.location) + '%'}`);
  if (query.language.length) where.push(sql`m.language_keys && ${textArray(lowerAll(query.language))}`);
  if (query.meetingFormat.length) where.push(sql`m.meeting_formats && ${textArray(query.meetingFormat)}`);
  if (query.minYearsExperience !== undefined) where.push(sql`m.years_of_experience >= ${query.minYearsExperience}`);
  if (query.graduationYearFrom !== undefined) where.push(sql`m.graduation_year >= ${query.graduationYearFrom}`);
  if (query.graduationYearTo !== undefined) where.push(sql`m.graduation_year <= ${query.graduationYearTo}`);
  const open = sql`m.accepting_mentees AND (m.away_until IS NULL OR m.away_until < ${today}::date)`;
  if (query.availability === 'accepting') where.push(sql`${open} AND m.open_mentorships < m.capacity`);
  if (query.availability === 'available') where.push(sql`${open} AND m.capacity - m.open_mentorships >= 2`);
  if (query.availability === 'limited') where.push(sql`${open} AND m.capacity - m.open_mentorships = 1`);
  return where;
}

/** The expertise and industry filters, kept apart: each facet counts with the other's only. */
function facetConditions(query: MentorSearchQuery) {
  return {
    expertise: query.expertise.length ? sql`m.expertise_keys && ${textArray(lowerAll(query.expertise))}` : sql`true`,
    industry: query.industry.length ? sql`m.industry_key = ANY(${textArray(lowerAll(query.industry))})` : sql`true`,
  };
}

const freeSlots = (today: string) =>
  sql`CASE WHEN m.status = 'active' AND m.accepting_mentees AND (m.away_until IS NULL OR m.away_until < ${today}::date)
    THEN greatest(m.capacity - m.open_mentorships, 0) ELSE 0 END`;

/** `matchRubric` in SQL over `mentors m` alone. */
function score(viewer: Viewer, today: string) {
  const skills = textArray(viewer.skills);
  const shared = sql`(SELECT count(*) FILTER (WHERE x.k = ANY(${skills}) OR x.w = ANY(${textArray(viewer.goalPhrases)}))
    FROM unnest(m.expertise_keys, m.expertise_words) AS x(k, w))`;
  return sql`(
    least(${matchRubric.skills}, ${matchRubric.perSharedSkill} * ${shared})
    + CASE WHEN ${viewer.industry} <> '' AND m.industry_key = ${viewer.industry} THEN ${matchRubric.industry} ELSE 0 END
    + CASE WHEN m.language_keys && ${textArray(viewer.languages)} THEN ${matchRubric.language} ELSE 0 END
    + CASE WHEN m.time_zone = ANY(${textArray(viewer.nearZones)}) THEN ${matchRubric.timeZone} ELSE 0 END
    + CASE WHEN ${viewer.programme} <> '' AND m.programme_key = ${viewer.programme} THEN ${matchRubric.programme} ELSE 0 END
    + CASE WHEN ${freeSlots(today)} > 0 THEN ${matchRubric.openCapacity} ELSE 0 END)`;
}

/** Every sort is "key descending, id ascending", so one keyset condition pages them all. */
function sortKey(sort: MentorSearchQuery['sort'], tsq: string) {
  switch (sort) {
    case 'relevance':
      return tsq ? sql.raw('k.rank') : sql.raw('k.score::float8');
    case 'match':
      return sql.raw('(k.score + k.rank / 1000.0)::float8');
    case 'experience':
      return sql.raw('k.years_of_experience::float8');
    case 'newest':
      return sql.raw('extract(epoch FROM k.approved_at)::float8');
    case 'responsiveness':
      return sql.raw('(-coalesce(k.median_response_hours, 1e9))::float8');
  }
}

interface CardRow {
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
  bio: string;
  linkedin_url: string | null;
  website_url: string | null;
  expertise: string[];
  expertise_words: string[];
  meeting_formats: string[];
  years_of_experience: number;
  capacity: number;
  away_until: string | null;
  mentoring_bio: string;
  median_response_hours: number | null;
  approved_at: Date;
  free_slots: number;
  score: number;
  sort_key: number;
  mentee_count: number;
  pending_expires_at: Date | null;
  has_open_mentorship: boolean;
}

/** Display columns and per-viewer facts for rows `k` already chosen, joined as `m`, `u`, `p`. */
function displayColumns(viewerId: string) {
  return sql`
    u.name, u.avatar_url, p.headline, p.position, p.company, p.industry, p.location, p.programme,
    p.graduation_year, p.languages, p.time_zone, p.bio, p.linkedin_url, p.website_url,
    m.expertise, m.expertise_words, m.meeting_formats, m.years_of_experience, m.capacity,
    to_char(m.away_until, 'YYYY-MM-DD') AS away_until, m.mentoring_bio, m.median_response_hours, m.approved_at,
    (SELECT count(DISTINCT ms.mentee_id) FROM mentorships ms
      WHERE ms.mentor_id = m.user_id AND ms.status <> 'cancelled')::int AS mentee_count,
    (SELECT r.expires_at FROM mentorship_requests r
      WHERE r.mentee_id = ${viewerId} AND r.mentor_id = m.user_id AND r.status = 'pending') AS pending_expires_at,
    EXISTS (SELECT 1 FROM mentorships ms WHERE ms.mentor_id = m.user_id AND ms.mentee_id = ${viewerId}
      AND ms.status IN ('active', 'paused')) AS has_open_mentorship`;
}

const DISPLAY_JOIN = sql`JOIN mentors m ON m.user_id = k.id JOIN users u ON u.id = k.id JOIN profiles p ON p.user_id = k.id`;

const roundTenth = (x: number | null) => (x === null ? null : Math.round(x * 10) / 10);

function toCard(r: CardRow, viewer: Viewer, offsets: Map<string, number>): MentorCard {
  const free = r.free_slots;
  const skills = new Set(viewer.skills);
  const phrases = new Set(viewer.goalPhrases);
  const sharedSkills = r.expertise.filter((e) => skills.has(e.toLocaleLowerCase('en')));
  const goalMatches = r.expertise.filter((e, i) => !skills.has(e.toLocaleLowerCase('en')) && phrases.has(r.expertise_words[i] ?? ''));
  const languages = new Set(viewer.languages);
  return {
    id: r.id,
    name: r.name,
    avatarUrl: r.avatar_url,
    headline: r.headline,
    position: r.position,
    company: r.company,
    industry: r.industry,
    location: r.location,
    programme: r.programme,
    graduationYear: r.graduation_year,
    expertise: r.expertise,
    meetingFormats: r.meeting_formats as MeetingFormat[],
    languages: r.languages,
    availability: free <= 0 ? 'unavailable' : free === 1 ? 'limited' : 'available',
    freeSlots: free,
    capacity: r.capacity,
    yearsOfExperience: r.years_of_experience,
    menteeCount: r.mentee_count,
    medianResponseHours: roundTenth(r.median_response_hours),
    viewerRequestState: r.has_open_mentorship ? 'active' : r.pending_expires_at ? 'pending' : 'none',
    viewerRequestExpiresAt: r.pending_expires_at ? r.pending_expires_at.toISOString() : null,
    match: explainMatch({
      sharedSkills,
      goalMatches,
      sameIndustry: viewer.industry && r.industry.toLocaleLowerCase('en') === viewer.industry ? r.industry : null,
      sharedLanguages: r.languages.filter((l) => languages.has(l.toLocaleLowerCase('en'))),
      timeZoneGapHours: viewer.nearZones.length && r.time_zone ? zoneGap(offsets, viewer.timeZone, r.time_zone) : null,
      sameProgramme: viewer.programme && r.programme.toLocaleLowerCase('en') === viewer.programme ? r.programme : null,
      freeSlots: free,
      capacity: r.capacity,
      score: r.score,
    }),
  };
}

const EMPTY: MentorSearchResult = { items: [], nextCursor: null, total: 0, facets: { expertise: [], industry: [] } };

export async function searchMentors(db: Kysely<Database>, viewerId: string, query: MentorSearchQuery, now: Date): Promise<MentorSearchResult> {
  const after = query.cursor ? decodeCursor(query.cursor, query.sort) : undefined;
  const text = normalizeQuery(query.q);
  const [offsets, tsq] = await Promise.all([zoneOffsets(db, now), text ? toTsQuery(db, text) : Promise.resolve('')]);
  // Text without a single searchable word (stop words, emoji, punctuation) matches nobody.
  if (text && !tsq) return EMPTY;
  const viewer = await loadViewer(db, viewerId, offsets);
  const today = isoDay(now);
  const where = conditions(query, viewerId, today, tsq);
  const facets = facetConditions(query);
  const rank = tsq ? sql`ts_rank_cd(m.search_vector, ${tsq}::tsquery, 1)::float8` : sql`0::float8`;
  const keyset = after
    ? sql`AND (${sortKey(query.sort, tsq)} < ${after.key}::float8 OR (${sortKey(query.sort, tsq)} = ${after.key}::float8 AND k.id > ${after.id}::uuid))`
    : sql``;

  const pageQuery = sql<CardRow>`
    WITH k AS (
      SELECT m.user_id AS id, ${score(viewer, today)} AS score, ${rank} AS rank, ${freeSlots(today)} AS free_slots,
        m.years_of_experience, m.approved_at, m.median_response_hours
      FROM mentors m WHERE ${and([...where, facets.expertise, facets.industry])}
    ), top AS (
      SELECT k.id, k.score, k.free_slots, ${sortKey(query.sort, tsq)} AS sort_key FROM k WHERE true ${keyset}
      ORDER BY sort_key DESC, k.id ASC LIMIT ${query.limit + 1}
    )
    SELECT k.id, k.score, k.free_slots, k.sort_key, ${displayColumns(viewerId)}
    FROM top k ${DISPLAY_JOIN}
    ORDER BY k.sort_key DESC, k.id ASC`;

  // One pass for the count and both facets: each facet drops its own filter, keeps the other's.
  const countsQuery = sql<{ total: number; expertise: FacetCount[] | null; industry: FacetCount[] | null }>`
    WITH base AS MATERIALIZED (
      SELECT m.user_id, m.expertise, m.industry, m.industry_key,
        ${facets.expertise} AS in_expertise, ${facets.industry} AS in_industry
      FROM mentors m WHERE ${and(where)}
    )
    SELECT
      (SELECT count(*) FROM base WHERE in_expertise AND in_industry)::int AS total,
      (SELECT json_agg(json_build_object('value', value, 'count', count) ORDER BY count DESC, key) FROM (
        SELECT lower(e) COLLATE "C" AS key, min(e COLLATE "C") AS value, count(DISTINCT user_id)::int AS count
        FROM base CROSS JOIN LATERAL unnest(expertise) e WHERE in_industry
        GROUP BY lower(e) ORDER BY count(DISTINCT user_id) DESC, lower(e) COLLATE "C" LIMIT 25) f) AS expertise,
      (SELECT json_agg(json_build_object('value', value, 'count', count) ORDER BY count DESC, key) FROM (
        SELECT industry_key COLLATE "C" AS key, min(industry COLLATE "C") AS value, count(*)::int AS count
        FROM base WHERE in_expertise AND industry_key <> ''
        GROUP BY industry_key ORDER BY count(*) DESC, industry_key COLLATE "C" LIMIT 25) f) AS industry`;

  const [rows, counts] = await Promise.all([pageQuery.execute(db), countsQuery.execute(db)]);
  const items = rows.rows.slice(0, query.limit);
  const last = items.at(-1);
  const c = counts.rows[0];
  return {
    items: items.map((r) => toCard(r, viewer, offsets)),
    nextCursor: rows.rows.length > query.limit && last ? encodeCursor({ sort: query.sort, key: last.sort_key, id: last.id }) : null,
    total: c?.total ?? 0,
    facets: { expertise: c?.expertise ?? [], industry: c?.industry ?? [] },
  };
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** One mentor's full profile with stats; undefined for unknown, malformed, suspended or deleted ids. */
export async function getMentorProfile(db: Kysely<Database>, viewerId: string, mentorId: string, now: Date): Promise<MentorProfile | undefined> {
  if (!UUID.test(mentorId)) return undefined;
  const offsets = await zoneOffsets(db, now);
  const viewer = await loadViewer(db, viewerId, offsets);
  const today = isoDay(now);
  const result = await sql<CardRow & { active_mentees: number; completed: number; average_rating: number | null; rating_count: number }>`
    WITH k AS (
      SELECT m.user_id AS id, ${score(viewer, today)} AS score, ${freeSlots(today)} AS free_slots, 0 AS sort_key
      FROM mentors m WHERE m.user_id = ${mentorId} AND m.status = 'active' AND m.listed
    )
    SELECT k.id, k.score, k.free_slots, k.sort_key, ${displayColumns(viewerId)},
      (SELECT count(*) FROM mentorships ms WHERE ms.mentor_id = k.id AND ms.status IN ('active', 'paused'))::int AS active_mentees,
      (SELECT count(*) FROM mentorships ms WHERE ms.mentor_id = k.id AND ms.status = 'completed')::int AS completed,
      (SELECT avg(f.rating)::float8 FROM feedback f JOIN mentorships ms ON ms.id = f.mentorship_id
        WHERE f.subject_id = k.id AND ms.mentor_id = k.id) AS average_rating,
      (SELECT count(*) FROM feedback f JOIN mentorships ms ON ms.id = f.mentorship_id
        WHERE f.subject_id = k.id AND ms.mentor_id = k.id)::int AS rating_count
    FROM k ${DISPLAY_JOIN}`.execute(db);
  const r = result.rows[0];
  if (!r) return undefined;
  return {
    ...toCard(r, viewer, offsets),
    bio: r.bio,
    mentoringBio: r.mentoring_bio,
    timeZone: r.time_zone,
    awayUntil: r.away_until,
    linkedinUrl: r.linkedin_url,
    websiteUrl: r.website_url,
    approvedAt: r.approved_at.toISOString(),
    stats: {
      menteesHelped: r.mentee_count,
      activeMentees: r.active_mentees,
      completedMentorships: r.completed,
      medianResponseHours: roundTenth(r.median_response_hours),
      averageRating: roundTenth(r.average_rating),
      ratingCount: r.rating_count,
    },
  };
}
