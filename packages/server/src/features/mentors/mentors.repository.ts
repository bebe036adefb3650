import {
  matchRubric,
  type MentorCard,
  type MentorProfile,
  type MentorSearchQuery,
  type MentorSearchResult,
  type MeetingFormat,
} from '@mentorkit/contract';
import { sql, type Kysely } from 'kysely';
import type { Database } from '../../db/schema.js';
import { isoDay } from './availability.js';
import { decodeCursor, encodeCursor } from './cursor.js';
import { explainMatch, matchParts } from './match.js';
import { SearchCache } from './search-cache.js';
import {
  and, conditions, DISPLAY_JOIN, displayColumns, FACET_SIZE, facetConditions, factsStatement, freeSlots, lowerAll, pageStatement,
  displayCards, profileColumns, sortsByScore, type CardRow, type ProfileRow, type FacetEntry, type Viewer,
} from './search-sql.js';
import { tsQueryExpression } from './text-query.js';
import { zoneOffsets, zonesNear } from './time-zones.js';

/**
 * Mentor search. A request reads the viewer (the match score's inputs, the search text turned
 * into a tsquery and whether the viewer is among the results) in one statement; then the facts
 * every viewer shares (total, facets and, when the order is everyone's, the first rows:
 * `factsStatement`), from the cache of the caller's search generation or the database; then
 * the page's cards (`displayCards` for shared first rows, else `pageStatement`). The match
 * score is computed in SQL so `sort=match` orders in the database; a card's score and reasons
 * come from `matchParts` (the same score in JavaScript, match-scores.test.ts holds them equal)
 * and `explainMatch`.
 */

export const wordsOf = (text: string) => text.toLocaleLowerCase('en').split(/[^\p{L}\p{N}]+/u).filter(Boolean);

export function phrasesOf(text: string, longest = 4): string[] {
  const words = wordsOf(text);
  const phrases = new Set<string>();
  for (let i = 0; i < words.length; i++) {
    for (let n = 1; n <= longest && i + n <= words.length; n++) phrases.add(words.slice(i, i + n).join(' '));
  }
  return [...phrases];
}

/** The viewer's own mentor row as the search sees it: whether and how it is counted in the facts. */
export interface SelfInSearch {
  /** Matches every filter but the two facets'. */
  inBase: boolean;
  inExpertise: boolean;
  inIndustry: boolean;
  expertiseKeys: string[];
  industryKey: string;
}

/**
 * The viewer's score inputs and, in the same round trip, the tsquery text of `text` ('' without
 * text or without a searchable word in it) and, for a search, how the viewer's own mentor row
 * takes part in it.
 */
async function loadViewer(
  db: Kysely<Database>, viewerId: string, offsets: Map<string, number>, text = '',
  search?: { query: MentorSearchQuery; today: string },
): Promise<{ viewer: Viewer; tsq: string; self: SelfInSearch | undefined }> {
  const expr = text ? tsQueryExpression(text) : undefined;
  const facets = search && facetConditions(search.query);
  const result = await sql<{
    skills: string[] | null; goals: string | null; industry: string | null; languages: string[] | null;
    programme: string | null; time_zone: string | null; query: string | null;
    in_base: boolean | null; in_expertise: boolean | null; in_industry: boolean | null; expertise_keys: string[] | null; industry_key: string | null;
  }>`
    SELECT p.skills, p.goals, p.industry, p.languages, p.programme, p.time_zone, ${expr ? sql`(${expr})::text` : sql`NULL::text`} AS query,
      ${search && facets
        ? sql`${and(conditions(search.query, search.today, expr && sql`(${expr})`))} AS in_base, ${facets.expertise} AS in_expertise,
          ${facets.industry} AS in_industry, m.expertise_keys, m.industry_key`
        : sql`NULL::bool AS in_base, NULL::bool AS in_expertise, NULL::bool AS in_industry,
          NULL::text[] AS expertise_keys, NULL::text AS industry_key`}
    FROM (SELECT 1) one LEFT JOIN profiles p ON p.user_id = ${viewerId}::uuid
    ${search ? sql`LEFT JOIN mentors m ON m.user_id = ${viewerId}::uuid` : sql``}`.execute(db);
  const p = result.rows[0];
  return {
    tsq: p?.query ?? '',
    self: p?.in_base
      ? { inBase: true, inExpertise: !!p.in_expertise, inIndustry: !!p.in_industry, expertiseKeys: p.expertise_keys ?? [], industryKey: p.industry_key ?? '' }
      : undefined,
    viewer: viewerFromProfile(viewerId, p, offsets),
  };
}

/** The profile columns the match score reads (any of them null when the viewer has no profile). */
export interface ViewerProfileRow {
  skills: string[] | null;
  goals: string | null;
  industry: string | null;
  languages: string[] | null;
  programme: string | null;
  time_zone: string | null;
}

/** The match score's inputs from the viewer's profile row (undefined: no profile). */
export function viewerFromProfile(viewerId: string, p: ViewerProfileRow | undefined, offsets: Map<string, number>): Viewer {
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
 * Free text for `tsQueryExpression`: no control characters (NUL breaks PostgreSQL) or lone
 * surrogates, bounded to 256 code points (never cutting an emoji's surrogate pair in half).
 */
export function normalizeQuery(q: string | undefined): string {
  const clean = (q ?? '').replace(/[\p{Cc}\p{Cs}]/gu, ' ').replace(/\s+/g, ' ').trim();
  return Array.from(clean).slice(0, 256).join('').trim();
}

const roundTenth = (x: number | null) => (x === null ? null : Math.round(x * 10) / 10);

function toCard(r: CardRow, viewer: Viewer, offsets: Map<string, number>): MentorCard {
  const free = r.free_slots;
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
    match: explainMatch(matchParts(viewer, r, offsets)),
  };
}

const NO_CACHE = new SearchCache(0);

export const EMPTY: MentorSearchResult = { items: [], nextCursor: null, total: 0, facets: { expertise: [], industry: [] } };

/** What `factsStatement` found, parsed; shared by every viewer of one generation. */
export interface SearchFacts {
  total: number;
  expertise: FacetEntry[];
  industry: FacetEntry[];
  /** The first rows when the order is everyone's. */
  top: { id: string; key: number }[] | undefined;
}

/** Byte order of UTF-8, which is code point order: PostgreSQL's `COLLATE "C"` of the facets. */
const byCodePoint = (a: string, b: string) => Buffer.compare(Buffer.from(a), Buffer.from(b));

/**
 * A facet without the viewer: the facts count everyone, and the viewer never sees themself, so
 * the values they hold count one less (and a value only they hold goes).
 */
function facetWithout(entries: FacetEntry[], own: Set<string>) {
  const counted = own.size ? entries.map(([key, value, count]): FacetEntry => [key, value, own.has(key) ? count - 1 : count]) : entries;
  return counted
    .filter(([, , count]) => count > 0)
    .sort((a, b) => b[2] - a[2] || byCodePoint(a[0], b[0]))
    .slice(0, FACET_SIZE)
    .map(([, value, count]) => ({ value, count }));
}

/** The cache key of a search's facts: everything they depend on, the viewer excepted. */
function factsKey(query: MentorSearchQuery, tsq: string, today: string, top: boolean) {
  const { q: _q, cursor: _cursor, sort, limit, ...filters } = query;
  return JSON.stringify([tsq, today, filters, top ? [sort, limit] : null]);
}

async function loadFacts(db: Kysely<Database>, query: MentorSearchQuery, tsq: string, today: string, top: boolean): Promise<SearchFacts> {
  const row = (await factsStatement({ query, today, tsq, top }).execute(db)).rows[0]!;
  return {
    total: row.total,
    expertise: row.expertise_facet ? JSON.parse(row.expertise_facet) : [],
    industry: row.industry_facet ? JSON.parse(row.industry_facet) : [],
    top: top ? (JSON.parse(row.top ?? '[]') as [string, number][]).map(([id, key]) => ({ id, key })) : undefined,
  };
}

/** The facts cache of a search and the search generation its entries are keyed by (read before the search). */
export interface SearchFactsCache {
  cache: SearchCache;
  generation: bigint;
}

/**
 * One search for one viewer. With `shared`, what every viewer shares (total, facets, the first rows
 * of an order that is everyone's) comes from its cache when the generation has it; the page of an
 * order by the viewer's score, and every card, are always read (whole answers are kept above this:
 * `search-answers.ts`).
 */
export async function searchMentors(
  db: Kysely<Database>, viewerId: string, query: MentorSearchQuery, now: Date, shared: SearchFactsCache = { cache: NO_CACHE, generation: 0n },
): Promise<MentorSearchResult> {
  const after = query.cursor ? decodeCursor(query.cursor, query.sort) : undefined;
  const text = normalizeQuery(query.q);
  const today = isoDay(now);
  const offsets = await zoneOffsets(db, now);
  const { viewer, tsq, self } = await loadViewer(db, viewerId, offsets, text, { query, today });
  // Text without a single searchable word (stop words, emoji, punctuation) matches nobody.
  if (text && !tsq) return EMPTY;
  const everyones = !after && !sortsByScore(query.sort, tsq);
  const key = factsKey(query, tsq, today, everyones);
  const facts = await shared.cache.get(shared.generation, key, () => loadFacts(db, query, tsq, today, everyones));
  let rows: CardRow[];
  if (facts.top) {
    const chosen = facts.top.filter((r) => r.id !== viewerId).slice(0, query.limit + 1);
    rows = await displayCards(db, { rows: chosen, viewerId, today });
  } else {
    rows = (await pageStatement({ query, viewer, today, tsq, after }).execute(db)).rows;
  }
  return searchResult(rows, { viewer, offsets, query, facts, self });
}

/**
 * The answer from the page's rows (`limit + 1` at most: one more says there is a next page) and
 * the facts counted for everyone, the viewer's own mentor row (`self`) taken out of them.
 */
export function searchResult(
  rows: CardRow[],
  options: { viewer: Viewer; offsets: Map<string, number>; query: MentorSearchQuery; facts: SearchFacts; self: SelfInSearch | undefined },
): MentorSearchResult {
  const { viewer, offsets, query, facts, self } = options;
  const items = rows.slice(0, query.limit);
  const last = items.at(-1);
  const own = self?.inBase;
  const counted = own && self.inExpertise && self.inIndustry;
  return {
    items: items.map((r) => toCard(r, viewer, offsets)),
    nextCursor: rows.length > query.limit && last ? encodeCursor({ sort: query.sort, key: last.sort_key, id: last.id }) : null,
    total: facts.total - (counted ? 1 : 0),
    facets: {
      expertise: facetWithout(facts.expertise, new Set(own && self.inIndustry ? self.expertiseKeys : [])),
      industry: facetWithout(facts.industry, new Set(own && self.inExpertise && self.industryKey ? [self.industryKey] : [])),
    },
  };
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * One mentor's full profile with stats; undefined for unknown, malformed, suspended or deleted ids.
 * Contact details (LinkedIn, website) are shown only to the mentor's own mentees: inside an active
 * or paused mentorship, and after a completed one (they worked together); a cancelled mentorship
 * or a mere request does not open them, and everyone else sees null.
 */
export async function getMentorProfile(db: Kysely<Database>, viewerId: string, mentorId: string, now: Date): Promise<MentorProfile | undefined> {
  if (!UUID.test(mentorId)) return undefined;
  const offsets = await zoneOffsets(db, now);
  const { viewer } = await loadViewer(db, viewerId, offsets);
  const today = isoDay(now);
  const result = await sql<ProfileRow & { active_mentees: number; completed: number; average_rating: number | null; rating_count: number; sees_contact: boolean }>`
    WITH k AS (
      SELECT m.user_id AS id, ${freeSlots(today)} AS free_slots, 0 AS sort_key
      FROM mentors m WHERE m.user_id = ${mentorId} AND m.status = 'active' AND m.listed
    )
    SELECT k.id, k.free_slots, k.sort_key, ${displayColumns(sql`${viewerId}::uuid`)}, ${profileColumns},
      (SELECT count(*) FROM mentorships ms WHERE ms.mentor_id = k.id AND ms.status IN ('active', 'paused'))::int AS active_mentees,
      (SELECT count(*) FROM mentorships ms WHERE ms.mentor_id = k.id AND ms.status = 'completed')::int AS completed,
      (SELECT avg(f.rating)::float8 FROM feedback f JOIN mentorships ms ON ms.id = f.mentorship_id
        WHERE f.subject_id = k.id AND ms.mentor_id = k.id) AS average_rating,
      (SELECT count(*) FROM feedback f JOIN mentorships ms ON ms.id = f.mentorship_id
        WHERE f.subject_id = k.id AND ms.mentor_id = k.id)::int AS rating_count,
      (k.id = ${viewerId} OR EXISTS (SELECT 1 FROM mentorships ms WHERE ms.mentor_id = k.id AND ms.mentee_id = ${viewerId}
        AND ms.status IN ('active', 'paused', 'completed'))) AS sees_contact
    FROM k ${DISPLAY_JOIN}`.execute(db);
  const r = result.rows[0];
  if (!r) return undefined;
  return {
    ...toCard(r, viewer, offsets),
    bio: r.bio,
    mentoringBio: r.mentoring_bio,
    timeZone: r.time_zone,
    awayUntil: r.away_until,
    linkedinUrl: r.sees_contact ? r.linkedin_url : null,
    websiteUrl: r.sees_contact ? r.website_url : null,
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
