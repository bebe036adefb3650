import {
  matchRubric,
  type MentorCard,
  type MentorProfile,
  type MentorSearchQuery,
  type MentorSearchResult,
  type MeetingFormat,
} from '@mentorkit/contract';
import { sql, type Kysely, type RawBuilder } from 'kysely';
import type { Database } from '../../db/schema.js';
import { decodeCursor, encodeCursor } from './cursor.js';
import { isoDay } from './availability.js';
import { explainMatch } from './match.js';
import { toTsQuery } from './text-query.js';

/** What the viewer brings to the match score, read once per search. */
interface ViewerContext {
  id: string;
  skills: string[];
  goals: string;
  industry: string;
  languages: string[];
  offset: number | null;
  programme: string;
}

async function loadViewer(db: Kysely<Database>, viewerId: string): Promise<ViewerContext> {
  const p = await db
    .selectFrom('profiles')
    .select(['skills', 'goals', 'industry', 'languages', 'programme'])
    // The mentors' offsets come from tz_offset_hours in the search SQL: the viewer's must come
    // from the same function (same instant, same time zone database) or equal zones could differ.
    .select(sql<number | null>`tz_offset_hours(time_zone)`.as('tz_offset'))
    .where('user_id', '=', viewerId)
    .executeTakeFirst();
  const lower = (xs: string[]) => xs.map((x) => x.toLocaleLowerCase('en'));
  return {
    id: viewerId,
    skills: lower(p?.skills ?? []),
    goals: (p?.goals ?? '').toLocaleLowerCase('en'),
    industry: (p?.industry ?? '').toLocaleLowerCase('en'),
    languages: lower(p?.languages ?? []),
    offset: p?.tz_offset ?? null,
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
const lowerAll = (xs: string[]) => xs.map((x) => x.toLocaleLowerCase('en'));
const escapeLike = (s: string) => s.replace(/[\\%_]/g, (c) => `\\${c}`);

type Facet = 'expertise' | 'industry';

/**
 * Every WHERE condition of a search, optionally leaving one facet's own filter out. `tsq` is the
 * text of a tsquery from `toTsQuery` ('' for no text search).
 */
function conditions(query: MentorSearchQuery, viewer: ViewerContext, today: string, tsq: string, omit?: Facet): RawBuilder<unknown>[] {
  const where: RawBuilder<unknown>[] = [
    sql`m.status = 'active'`,
    sql`u.deleted_at IS NULL`,
    sql`m.user_id <> ${viewer.id}`,
  ];
  if (tsq) where.push(sql`m.search_vector @@ ${tsq}::tsquery`);
  if (omit !== 'expertise' && query.expertise.length) where.push(sql`m.expertise_keys && ${textArray(lowerAll(query.expertise))}`);
  if (omit !== 'industry' && query.industry.length) where.push(sql`lower(p.industry) = ANY(${textArray(lowerAll(query.industry))})`);
  if (query.location) where.push(sql`p.location ILIKE ${'%' + escapeLike(query.location) + '%'}`);
  if (query.language.length) {
    where.push(sql`ARRAY(SELECT lower(l) FROM unnest(p.languages) l) && ${textArray(lowerAll(query.language))}`);
  }
  if (query.meetingFormat.length) where.push(sql`m.meeting_formats && ${textArray(query.meetingFormat)}`);
  if (query.minYearsExperience !== undefined) where.push(sql`m.years_of_experience >= ${query.minYearsExperience}`);
  if (query.graduationYearFrom !== undefined) where.push(sql`p.graduation_year >= ${query.graduationYearFrom}`);
  if (query.graduationYearTo !== undefined) where.push(sql`p.graduation_year <= ${query.graduationYearTo}`);
  const open = sql`m.accepting_mentees AND (m.away_until IS NULL OR m.away_until < ${today}::date)`;
  if (query.availability === 'accepting') where.push(sql`${open} AND m.open_mentorships < m.capacity`);
  if (query.availability === 'available') where.push(sql`${open} AND m.capacity - m.open_mentorships >= 2`);
  if (query.availability === 'limited') where.push(sql`${open} AND m.capacity - m.open_mentorships = 1`);
  return where;
}

/** Text as its words separated by single spaces, with a space either side, for whole-word `strpos`. */
const words = (text: RawBuilder<unknown>) => sql`(' ' || btrim(regexp_replace(${text}, '[^[:alnum:]]+', ' ', 'g')) || ' ')`;

const and = (parts: RawBuilder<unknown>[]) => sql.join(parts, sql` AND `);

const FROM = sql`mentors m JOIN users u ON u.id = m.user_id JOIN profiles p ON p.user_id = m.user_id`;

/** Column list of a card, including the rubric's parts (DESIGN.md §3, `matchRubric`). */
function cardColumns(viewer: ViewerContext, today: string, tsq: string) {
  const openNow = sql`(m.status = 'active' AND m.accepting_mentees AND (m.away_until IS NULL OR m.away_until < ${today}::date))`;
  const sharedSkills = sql`ARRAY(SELECT e FROM unnest(m.expertise) e WHERE lower(e) = ANY(${textArray(viewer.skills)}))`;
  // Whole words only: expertise "Go" is not in goals saying "going", "R" not in "career".
  const goalMatches = viewer.goals
    ? sql`ARRAY(SELECT e FROM unnest(m.expertise) e WHERE NOT lower(e) = ANY(${textArray(viewer.skills)})
        AND ${words(sql`lower(e)`)} <> '  '
        AND strpos(${words(sql`${viewer.goals}::text`)}, ${words(sql`lower(e)`)}) > 0)`
    : sql`'{}'::text[]`;
  const sharedLanguages = sql`ARRAY(SELECT l FROM unnest(p.languages) l WHERE lower(l) = ANY(${textArray(viewer.languages)}))`;
  const tzGap = viewer.offset === null ? sql`NULL::float8` : sql`abs(tz_offset_hours(p.time_zone) - ${viewer.offset}::float8)`;
  const rank = tsq ? sql`ts_rank_cd(m.search_vector, ${tsq}::tsquery, 1)::float8` : sql`0::float8`;
  return sql`
    m.user_id AS id, u.name, u.avatar_url, p.headline, p.position, p.company, p.industry, p.location,
    p.programme, p.graduation_year, p.languages, p.time_zone, p.bio, p.linkedin_url, p.website_url,
    m.expertise, m.meeting_formats, m.years_of_experience, m.capacity, m.open_mentorships, to_char(m.away_until, 'YYYY-MM-DD') AS away_until,
    m.mentoring_bio, m.median_response_hours, m.approved_at, m.status,
    CASE WHEN ${openNow} THEN greatest(m.capacity - m.open_mentorships, 0) ELSE 0 END AS free_slots,
    ${sharedSkills} AS shared_skills,
    ${goalMatches} AS goal_matches,
    CASE WHEN ${viewer.industry} <> '' AND lower(p.industry) = ${viewer.industry} THEN p.industry END AS same_industry,
    ${sharedLanguages} AS shared_languages,
    ${tzGap} AS tz_gap,
    CASE WHEN ${viewer.programme} <> '' AND lower(p.programme) = ${viewer.programme} THEN p.programme END AS same_programme,
    ${rank} AS rank`;
}

/** The score in SQL, so `sort=match` orders in the database; `explainMatch` words the parts. */
const scoreOf = (r: string) => sql.raw(`(
    least(${matchRubric.skills}, ${matchRubric.perSharedSkill} * (cardinality(${r}.shared_skills) + cardinality(${r}.goal_matches)))
    + CASE WHEN ${r}.same_industry IS NOT NULL THEN ${matchRubric.industry} ELSE 0 END
    + CASE WHEN cardinality(${r}.shared_languages) > 0 THEN ${matchRubric.language} ELSE 0 END
    + CASE WHEN ${r}.tz_gap <= ${matchRubric.timeZoneWithinHours} THEN ${matchRubric.timeZone} ELSE 0 END
    + CASE WHEN ${r}.same_programme IS NOT NULL THEN ${matchRubric.programme} ELSE 0 END
    + CASE WHEN ${r}.free_slots > 0 THEN ${matchRubric.openCapacity} ELSE 0 END)`);

/** Every sort is "key descending, id ascending" so one keyset condition pages them all. */
function sortKey(sort: MentorSearchQuery['sort'], tsq: string) {
  switch (sort) {
    case 'relevance':
      return tsq ? sql.raw('c.rank') : sql`${scoreOf('c')}::float8`;
    case 'match':
      return sql`(${scoreOf('c')} + c.rank / 1000.0)::float8`;
    case 'experience':
      return sql.raw('c.years_of_experience::float8');
    case 'newest':
      return sql.raw('extract(epoch FROM c.approved_at)::float8');
    case 'responsiveness':
      return sql.raw('(-coalesce(c.median_response_hours, 1e9))::float8');
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
  meeting_formats: string[];
  years_of_experience: number;
  capacity: number;
  open_mentorships: number;
  away_until: string | null;
  mentoring_bio: string;
  median_response_hours: number | null;
  approved_at: Date;
  status: 'active' | 'suspended';
  free_slots: number;
  shared_skills: string[];
  goal_matches: string[];
  same_industry: string | null;
  shared_languages: string[];
  tz_gap: number | null;
  same_programme: string | null;
  rank: number;
  score: number;
  sort_key: number;
  mentee_count: number;
  pending_expires_at: Date | null;
  has_open_mentorship: boolean;
}

/** Per-card facts about the viewer and the mentor's history; computed only for the page's rows. */
function pageColumns(viewerId: string) {
  return sql`
    (SELECT count(DISTINCT ms.mentee_id) FROM mentorships ms
      WHERE ms.mentor_id = c.id AND ms.status <> 'cancelled')::int AS mentee_count,
    (SELECT r.expires_at FROM mentorship_requests r
      WHERE r.mentee_id = ${viewerId} AND r.mentor_id = c.id AND r.status = 'pending') AS pending_expires_at,
    EXISTS (SELECT 1 FROM mentorships ms WHERE ms.mentor_id = c.id AND ms.mentee_id = ${viewerId}
      AND ms.status IN ('active', 'paused')) AS has_open_mentorship`;
}

function toCard(r: CardRow): MentorCard {
  const freeSlots = r.free_slots;
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
    availability: freeSlots <= 0 ? 'unavailable' : freeSlots === 1 ? 'limited' : 'available',
    freeSlots,
    capacity: r.capacity,
    yearsOfExperience: r.years_of_experience,
    menteeCount: r.mentee_count,
    medianResponseHours: r.median_response_hours === null ? null : Math.round(r.median_response_hours * 10) / 10,
    viewerRequestState: r.has_open_mentorship ? 'active' : r.pending_expires_at ? 'pending' : 'none',
    viewerRequestExpiresAt: r.pending_expires_at ? r.pending_expires_at.toISOString() : null,
    match: explainMatch({
      sharedSkills: r.shared_skills,
      goalMatches: r.goal_matches,
      sameIndustry: r.same_industry,
      sharedLanguages: r.shared_languages,
      timeZoneGapHours: r.tz_gap,
      sameProgramme: r.same_programme,
      freeSlots,
      capacity: r.capacity,
      score: r.score,
    }),
  };
}

export async function searchMentors(
  db: Kysely<Database>,
  viewerId: string,
  query: MentorSearchQuery,
  now: Date,
): Promise<MentorSearchResult> {
  const after = query.cursor ? decodeCursor(query.cursor, query.sort) : undefined;
  const viewer = await loadViewer(db, viewerId);
  const today = isoDay(now);
  const text = normalizeQuery(query.q);
  const q = text ? await toTsQuery(db, text) : '';
  // Text without a single searchable word (stop words, emoji, punctuation) matches nobody.
  if (text && !q) return { items: [], nextCursor: null, total: 0, facets: { expertise: [], industry: [] } };
  const key = sortKey(query.sort, q);
  const keyset = after ? sql`WHERE (k.sort_key < ${after.key}::float8 OR (k.sort_key = ${after.key}::float8 AND k.id > ${after.id}::uuid))` : sql``;

  const pageQuery = sql<CardRow>`
    WITH c AS (SELECT ${cardColumns(viewer, today, q)} FROM ${FROM} WHERE ${and(conditions(query, viewer, today, q))}),
    k AS (SELECT c.*, ${scoreOf('c')} AS score, ${key} AS sort_key FROM c)
    SELECT c.*, ${pageColumns(viewer.id)}
    FROM (SELECT * FROM k ${keyset} ORDER BY k.sort_key DESC, k.id ASC LIMIT ${query.limit + 1}) c
    ORDER BY c.sort_key DESC, c.id ASC`;

  const totalQuery = sql<{ total: number }>`
    SELECT count(*)::int AS total FROM ${FROM} WHERE ${and(conditions(query, viewer, today, q))}`;
  const expertiseFacet = sql<{ value: string; count: number }>`
    SELECT min(e COLLATE "C") AS value, count(DISTINCT m.user_id)::int AS count
    FROM ${FROM} CROSS JOIN LATERAL unnest(m.expertise) e
    WHERE ${and(conditions(query, viewer, today, q, 'expertise'))}
    GROUP BY lower(e) ORDER BY count(DISTINCT m.user_id) DESC, lower(e) COLLATE "C" LIMIT 25`;
  const industryFacet = sql<{ value: string; count: number }>`
    SELECT min(p.industry COLLATE "C") AS value, count(*)::int AS count
    FROM ${FROM}
    WHERE ${and(conditions(query, viewer, today, q, 'industry'))} AND p.industry <> ''
    GROUP BY lower(p.industry) ORDER BY count(*) DESC, lower(p.industry) COLLATE "C" LIMIT 25`;

  const [rows, total, expertise, industry] = await Promise.all([
    pageQuery.execute(db),
    totalQuery.execute(db),
    expertiseFacet.execute(db),
    industryFacet.execute(db),
  ]);
  const items = rows.rows.slice(0, query.limit);
  const last = items.at(-1);
  const nextCursor = rows.rows.length > query.limit && last ? encodeCursor({ sort: query.sort, key: last.sort_key, id: last.id }) : null;
  return {
    items: items.map(toCard),
    nextCursor,
    total: total.rows[0]?.total ?? 0,
    facets: { expertise: expertise.rows, industry: industry.rows },
  };
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** One mentor's full profile with stats; undefined for unknown, malformed or suspended ids. */
export async function getMentorProfile(db: Kysely<Database>, viewerId: string, mentorId: string, now: Date): Promise<MentorProfile | undefined> {
  if (!UUID.test(mentorId)) return undefined;
  const viewer = await loadViewer(db, viewerId);
  const today = isoDay(now);
  const result = await sql<CardRow & {
    active_mentees: number; completed: number; average_rating: number | null; rating_count: number;
  }>`
    WITH c AS (SELECT ${cardColumns(viewer, today, '')} FROM ${FROM}
      WHERE m.user_id = ${mentorId} AND m.status = 'active' AND u.deleted_at IS NULL)
    SELECT c.*, ${scoreOf('c')} AS score, 0 AS sort_key, ${pageColumns(viewer.id)},
      (SELECT count(*) FROM mentorships ms WHERE ms.mentor_id = c.id AND ms.status IN ('active', 'paused'))::int AS active_mentees,
      (SELECT count(*) FROM mentorships ms WHERE ms.mentor_id = c.id AND ms.status = 'completed')::int AS completed,
      (SELECT avg(f.rating)::float8 FROM feedback f JOIN mentorships ms ON ms.id = f.mentorship_id
        WHERE f.subject_id = c.id AND ms.mentor_id = c.id) AS average_rating,
      (SELECT count(*) FROM feedback f JOIN mentorships ms ON ms.id = f.mentorship_id
        WHERE f.subject_id = c.id AND ms.mentor_id = c.id)::int AS rating_count
    FROM c`.execute(db);
  const r = result.rows[0];
  if (!r) return undefined;
  return {
    ...toCard(r),
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
      medianResponseHours: r.median_response_hours === null ? null : Math.round(r.median_response_hours * 10) / 10,
      averageRating: r.average_rating === null ? null : Math.round(r.average_rating * 10) / 10,
      ratingCount: r.rating_count,
    },
  };
}
