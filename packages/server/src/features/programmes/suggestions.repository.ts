import { sql } from 'kysely';
import type { Db } from '../../db/schema.js';
import type { MentorMatchColumns } from '../mentors/match.js';
import type { ViewerProfileRow } from '../mentors/mentors.repository.js';
import { freeSlots } from '../mentors/search-sql.js';
import { roomCounts } from './programmes.repository.js';

/** An enrolled mentee still to match, with the profile columns the match score reads of a viewer. */
export interface MenteeToMatch extends ViewerProfileRow {
  id: string;
}

/** An enrolled mentor who can take mentees, with what the match score reads and what bounds their room. */
export interface MentorToMatch extends MentorMatchColumns {
  id: string;
  /** Pending introductions to the mentor, in any programme: each takes a slot once accepted. */
  pending_introductions: number;
  /** The programme's mentees the mentor already has: pending introductions in it and open mentorships of it. */
  programme_mentees: number;
}

/**
 * The programme's enrolled mentees with nothing under way in it yet (no pending or accepted
 * request in it, no mentorship of it: `matchedIds`), erased accounts left out, in id order, with
 * the profile columns search reads of a viewer (`loadViewer`). One statement.
 */
export async function menteesToMatch(db: Db, programmeId: string): Promise<MenteeToMatch[]> {
  const result = await sql<MenteeToMatch>`
    SELECT e.user_id::text AS id, p.skills, p.goals, p.industry, p.languages, p.programme, p.time_zone
    FROM programme_enrolments e
    JOIN users u ON u.id = e.user_id
    LEFT JOIN profiles p ON p.user_id = e.user_id
    WHERE e.programme_id = ${programmeId}::uuid AND e.role = 'mentee' AND u.deleted_at IS NULL
      AND NOT EXISTS (SELECT 1 FROM mentorship_requests r WHERE r.programme_id = e.programme_id AND r.mentee_id = e.user_id
        AND r.status IN ('pending', 'accepted'))
      AND NOT EXISTS (SELECT 1 FROM mentorships ms WHERE ms.programme_id = e.programme_id AND ms.mentee_id = e.user_id)
    ORDER BY e.user_id`.execute(db);
  return result.rows;
}

/**
 * The programme's enrolled mentors that search shows (active, listed), in id order, with the
 * columns of their `mentors` row the match score reads, the profile's spellings the reasons show,
 * the free slots as search counts them on `today`, and the counts that bound how many more of the
 * programme's mentees each can take (`roomCounts`). One statement.
 */
export async function mentorsToMatch(db: Db, programmeId: string, today: string): Promise<MentorToMatch[]> {
  const result = await sql<MentorToMatch>`
    SELECT m.user_id::text AS id, m.expertise, m.expertise_keys, m.expertise_words, m.industry, m.industry_key,
      coalesce(p.languages, '{}') AS languages, m.language_keys, m.time_zone, coalesce(p.programme, '') AS programme, m.programme_key,
      m.capacity, ${freeSlots(today)} AS free_slots,
      ${roomCounts(programmeId)}
    FROM programme_enrolments e
    JOIN mentors m ON m.user_id = e.user_id
    LEFT JOIN profiles p ON p.user_id = e.user_id
    WHERE e.programme_id = ${programmeId}::uuid AND e.role = 'mentor' AND m.status = 'active' AND m.listed
    ORDER BY m.user_id`.execute(db);
  return result.rows;
}
