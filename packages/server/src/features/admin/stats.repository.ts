import type { ProgrammeStats } from '@mentorkit/contract';
import { sql } from 'kysely';
import type { Db } from '../../db/schema.js';

const ratio = (num: number, den: number) => (den === 0 ? null : Math.round((num / den) * 1000) / 1000);

/** Programme numbers for admins, each a single aggregate query. */
export async function programmeStats(db: Db, now: Date): Promise<ProgrammeStats> {
  const [apps, mentors, requests, median, mentorships, weekly] = await Promise.all([
    sql<{ status: string; n: number }>`SELECT status, count(*)::int AS n FROM mentor_applications GROUP BY status`.execute(db),
    sql<{ active: number; suspended: number; accepting: number }>`
      SELECT count(*) FILTER (WHERE status = 'active')::int AS active,
             count(*) FILTER (WHERE status = 'suspended')::int AS suspended,
             count(*) FILTER (WHERE status = 'active' AND accepting_mentees)::int AS accepting
      FROM mentors`.execute(db),
    sql<{ status: string; n: number }>`SELECT status, count(*)::int AS n FROM mentorship_requests GROUP BY status`.execute(db),
    sql<{ hours: number | null }>`
      SELECT percentile_cont(0.5) WITHIN GROUP (ORDER BY extract(epoch FROM responded_at - created_at) / 3600.0)::float8 AS hours
      FROM mentorship_requests WHERE status IN ('accepted', 'declined') AND responded_at > ${now}::timestamptz - interval '90 days'`.execute(db),
    sql<{ status: string; n: number }>`SELECT status, count(*)::int AS n FROM mentorships GROUP BY status`.execute(db),
    sql<{ week: string; requests: number; accepted: number }>`
      SELECT to_char(w.week, 'YYYY-MM-DD') AS week,
             count(r.id)::int AS requests,
             count(r.id) FILTER (WHERE r.status = 'accepted')::int AS accepted
      FROM generate_series(date_trunc('week', ${now}::timestamptz) - interval '11 weeks', date_trunc('week', ${now}::timestamptz), interval '1 week') AS w(week)
      LEFT JOIN mentorship_requests r ON r.created_at >= w.week AND r.created_at < w.week + interval '1 week'
      GROUP BY w.week ORDER BY w.week`.execute(db),
  ]);
  const count = (rows: { status: string; n: number }[], status: string) => rows.find((r) => r.status === status)?.n ?? 0;
  const a = apps.rows;
  const r = requests.rows;
  const m = mentorships.rows;
  const decided = count(a, 'approved') + count(a, 'rejected');
  const answered = count(r, 'accepted') + count(r, 'declined') + count(r, 'expired');
  const hours = median.rows[0]?.hours ?? null;
  return {
    applications: {
      total: a.reduce((s, x) => s + x.n, 0),
      pending: count(a, 'pending') + count(a, 'changes_requested'),
      approved: count(a, 'approved'),
      rejected: count(a, 'rejected'),
    },
    approvalRate: ratio(count(a, 'approved'), decided),
    mentors: mentors.rows[0] ?? { active: 0, suspended: 0, accepting: 0 },
    requests: {
      total: r.reduce((s, x) => s + x.n, 0),
      pending: count(r, 'pending'),
      accepted: count(r, 'accepted'),
      declined: count(r, 'declined'),
      expired: count(r, 'expired'),
      withdrawn: count(r, 'withdrawn'),
    },
    acceptanceRate: ratio(count(r, 'accepted'), answered),
    medianResponseHours: hours === null ? null : Math.round(hours * 10) / 10,
    mentorships: { active: count(m, 'active'), paused: count(m, 'paused'), completed: count(m, 'completed'), cancelled: count(m, 'cancelled') },
    weekly: weekly.rows,
  };
}
