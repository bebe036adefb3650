import { sql, type Kysely } from 'kysely';
import type { Database } from '../db/schema.js';

/**
 * The invariants of requests, mentorships and capacity (DESIGN §2), checked in SQL. Each query
 * returns the rows that break one; an empty result everywhere is a consistent database.
 */
const checks: Record<string, string> = {
  'a mentor over capacity': `SELECT user_id, capacity, open_mentorships FROM mentors WHERE open_mentorships > capacity`,
  'a mentor whose open-mentorship counter differs from the mentorships': `
    SELECT m.user_id, m.open_mentorships, count(ms.id) AS actual FROM mentors m
    LEFT JOIN mentorships ms ON ms.mentor_id = m.user_id AND ms.status IN ('active', 'paused')
    GROUP BY m.user_id, m.open_mentorships HAVING m.open_mentorships <> count(ms.id)`,
  'a mentor with more open mentorships than capacity (counted)': `
    SELECT m.user_id, m.capacity, count(ms.id) AS actual FROM mentors m
    JOIN mentorships ms ON ms.mentor_id = m.user_id AND ms.status IN ('active', 'paused')
    GROUP BY m.user_id, m.capacity HAVING count(ms.id) > m.capacity`,
  'two open mentorships for one pair': `
    SELECT mentor_id, mentee_id, count(*) FROM mentorships WHERE status IN ('active', 'paused')
    GROUP BY mentor_id, mentee_id HAVING count(*) > 1`,
  'an accepted request without exactly one mentorship': `
    SELECT r.id, count(ms.id) FROM mentorship_requests r LEFT JOIN mentorships ms ON ms.request_id = r.id
    WHERE r.status = 'accepted' GROUP BY r.id HAVING count(ms.id) <> 1`,
  'a mentorship whose request is not accepted': `
    SELECT ms.id, r.status FROM mentorships ms JOIN mentorship_requests r ON r.id = ms.request_id WHERE r.status <> 'accepted'`,
  'a mentorship without a conversation': `
    SELECT ms.id FROM mentorships ms LEFT JOIN conversations c ON c.mentorship_id = ms.id WHERE c.id IS NULL`,
  'two pending requests for one pair': `
    SELECT mentee_id, mentor_id, count(*) FROM mentorship_requests WHERE status = 'pending'
    GROUP BY mentee_id, mentor_id HAVING count(*) > 1`,
  'more than 5 pending requests for a mentee': `
    SELECT mentee_id, count(*) FROM mentorship_requests WHERE status = 'pending' GROUP BY mentee_id HAVING count(*) > 5`,
  'a pending request to a suspended mentor': `
    SELECT r.id FROM mentorship_requests r JOIN mentors m ON m.user_id = r.mentor_id WHERE r.status = 'pending' AND m.status = 'suspended'`,
  'a request whose last transition has no audit row': `
    SELECT r.id, r.status FROM mentorship_requests r WHERE NOT EXISTS (
      SELECT 1 FROM audit_log a WHERE a.entity_type = 'mentorship_request' AND a.entity_id = r.id AND a.to_state = r.status)`,
};

export async function invariantViolations(db: Kysely<Database>): Promise<Record<string, unknown[]>> {
  const out: Record<string, unknown[]> = {};
  for (const [name, query] of Object.entries(checks)) {
    const { rows } = await sql`${sql.raw(query)}`.execute(db);
    if (rows.length > 0) out[name] = rows.slice(0, 5);
  }
  return out;
}
