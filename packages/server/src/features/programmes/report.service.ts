import { mentorshipStatuses, requestStatuses, type MentorshipStatus, type ProgrammeReport, type RequestStatus } from '@mentorkit/contract';
import type { Db } from '../../db/schema.js';
import type { ServiceContext, Viewer } from '../../http/env.js';
import { isoDay } from '../mentors/availability.js';
import { loadPeople, personOrThrow } from '../shared/people.repository.js';
import { toCsv } from './csv.js';
import { toProgramme } from './programmes.repository.js';
import { programmeOrNotFound } from './programmes.service.js';
import { enrolmentCounts, mentorshipTotals, programmeMentorshipFigures, quietMentorships, requestCounts } from './report.repository.js';

type Ctx = Pick<ServiceContext, 'db' | 'now' | 'config'>;

const DAY_MS = 86_400_000;

/** Reads in one REPEATABLE READ snapshot, so the report's numbers agree with each other. */
function snapshot<T>(db: Db, read: (db: Db) => Promise<T>): Promise<T> {
  return db.isTransaction ? read(db) : db.transaction().setIsolationLevel('repeatable read').execute(read);
}

const countsOf = <S extends string>(statuses: readonly S[], counts: Partial<Record<S, number>>) =>
  Object.fromEntries(statuses.map((s) => [s, counts[s] ?? 0])) as Record<S, number>;

/** `GET /admin/programmes/:id/report`: who enrolled and got matched, what happened since, and who has gone quiet. */
export async function programmeReport({ db, now, config }: Ctx, viewer: Pick<Viewer, 'id'>, id: string): Promise<ProgrammeReport> {
  const at = now();
  const atRiskDays = config.MENTORSHIP_AT_RISK_DAYS;
  return snapshot(db, async (db) => {
    const row = await programmeOrNotFound({ db }, id);
    const programme = await toProgramme(db, row, viewer.id, isoDay(at));
    const enrolments = await enrolmentCounts(db, row.id);
    const requests = await requestCounts(db, row.id);
    const totals = await mentorshipTotals(db, row.id, at);
    const quiet = await quietMentorships(db, row.id, at, new Date(at.getTime() - atRiskDays * DAY_MS));
    const people = await loadPeople(db, quiet.flatMap((m) => [m.mentorId, m.menteeId]));
    const median = totals.medianDaysToFirstMeeting;
    return {
      programme,
      enrolled: { mentors: enrolments.mentor.enrolled, mentees: enrolments.mentee.enrolled },
      matched: { mentors: enrolments.mentor.matched, mentees: enrolments.mentee.matched },
      unmatched: {
        mentors: enrolments.mentor.enrolled - enrolments.mentor.matched,
        mentees: enrolments.mentee.enrolled - enrolments.mentee.matched,
      },
      requests: countsOf<RequestStatus>(requestStatuses, requests),
      mentorships: countsOf<MentorshipStatus>(mentorshipStatuses, totals.byStatus),
      meetingsHeld: totals.meetingsHeld,
      milestones: { completed: totals.milestonesDone, total: totals.milestonesTotal },
      medianDaysToFirstMeeting: median === null ? null : Math.round(median * 10) / 10,
      atRiskDays,
      atRisk: quiet.map((m) => ({
        mentorshipId: m.id,
        mentor: personOrThrow(people, m.mentorId),
        mentee: personOrThrow(people, m.menteeId),
        startedAt: m.startedAt.toISOString(),
        lastActivityAt: m.lastActivityAt.toISOString(),
      })),
      generatedAt: at.toISOString(),
    };
  });
}

export const CSV_HEADER = ['Mentor', 'Mentee', 'Status', 'Started', 'Meetings held', 'Milestones (done/total)', 'Last activity'] as const;

/** `GET /admin/programmes/:id/report.csv`: one row per mentorship of the programme, and the file's name. */
export async function programmeReportCsv({ db, now }: Pick<ServiceContext, 'db' | 'now'>, id: string): Promise<{ filename: string; csv: string }> {
  const at = now();
  return snapshot(db, async (db) => {
    const row = await programmeOrNotFound({ db }, id);
    const mentorships = await programmeMentorshipFigures(db, row.id, at);
    const people = await loadPeople(db, mentorships.flatMap((m) => [m.mentorId, m.menteeId]));
    const csv = toCsv([
      CSV_HEADER,
      ...mentorships.map((m) => [
        personOrThrow(people, m.mentorId).name,
        personOrThrow(people, m.menteeId).name,
        m.status,
        isoDay(m.startedAt),
        m.meetingsHeld,
        `${m.milestonesDone}/${m.milestonesTotal}`,
        isoDay(m.lastActivityAt),
      ]),
    ]);
    // Slugs are lower-case letters, digits and hyphens: safe in a header as they are.
    return { filename: `${row.slug}-report.csv`, csv };
  });
}
