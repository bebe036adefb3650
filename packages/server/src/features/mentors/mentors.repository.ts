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
import { explainMatch } from './match.js';
import { DISPLAY_JOIN, displayColumns, freeSlots, lowerAll, score, searchStatement, type Viewer } from './search-sql.js';
import { tsQueryExpression } from './text-query.js';
import { zoneGap, zoneOffsets, zonesNear } from './time-zones.js';

/**
 * Mentor search: two statements per request. The first reads the viewer's profile (the match
 * score's inputs) and turns the search text into a tsquery; the second (`searchStatement`)
 * answers the page, the total and the facets at once. The match score is computed in SQL so
 * `sort=match` orders in the database; `explainMatch` words the parts for the page's rows.
 */

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

/**
 * The viewer's score inputs and, in the same round trip, the tsquery text of `text` ('' without
 * text or without a searchable word in it).
 */
async function loadViewer(db: Kysely<Database>, viewerId: string, offsets: Map<string, number>, text = ''): Promise<{ viewer: Viewer; tsq: string }> {
  const expr = text ? tsQueryExpression(text) : undefined;
  const result = await sql<{
    skills: string[] | null; goals: string | null; industry: string | null; languages: string[] | null;
    programme: string | null; time_zone: string | null; query: string | null;
  }>`
    SELECT p.skills, p.goals, p.industry, p.languages, p.programme, p.time_zone, ${expr ? sql`(${expr})::text` : sql`NULL::text`} AS query
    FROM (SELECT 1) one LEFT JOIN profiles p ON p.user_id = ${viewerId}::uuid`.execute(db);
  const p = result.rows[0];
  return {
    tsq: p?.query ?? '',
    viewer: {
      id: viewerId,
      skills: lowerAll(p?.skills ?? []),
      goalPhrases: phrasesOf(p?.goals ?? ''),
      industry: (p?.industry ?? '').toLocaleLowerCase('en'),
      languages: lowerAll(p?.languages ?? []),
      timeZone: p?.time_zone ?? null,
      nearZones: zonesNear(offsets, p?.time_zone ?? null, matchRubric.timeZoneWithinHours),
      programme: (p?.programme ?? '').toLocaleLowerCase('en'),
    },
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

type SearchRow = CardRow & { total: number; expertise_facet: string | null; industry_facet: string | null };

export async function searchMentors(db: Kysely<Database>, viewerId: string, query: MentorSearchQuery, now: Date): Promise<MentorSearchResult> {
  const after = query.cursor ? decodeCursor(query.cursor, query.sort) : undefined;
  const text = normalizeQuery(query.q);
  const offsets = await zoneOffsets(db, now);
  const { viewer, tsq } = await loadViewer(db, viewerId, offsets, text);
  // Text without a single searchable word (stop words, emoji, punctuation) matches nobody.
  if (text && !tsq) return EMPTY;
  const result = await searchStatement({ query, viewer, today: isoDay(now), tsq, after }).execute(db);
  const rows = (result.rows as SearchRow[]).filter((r) => r.id !== null);
  const items = rows.slice(0, query.limit);
  const last = items.at(-1);
  const first = result.rows[0] as SearchRow | undefined;
  return {
    items: items.map((r) => toCard(r, viewer, offsets)),
    nextCursor: rows.length > query.limit && last ? encodeCursor({ sort: query.sort, key: last.sort_key, id: last.id }) : null,
    total: first?.total ?? 0,
    facets: {
      expertise: first?.expertise_facet ? JSON.parse(first.expertise_facet) : [],
      industry: first?.industry_facet ? JSON.parse(first.industry_facet) : [],
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
  const result = await sql<CardRow & { active_mentees: number; completed: number; average_rating: number | null; rating_count: number; sees_contact: boolean }>`
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
