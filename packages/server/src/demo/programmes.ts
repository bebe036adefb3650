import type { MilestoneTemplate } from '@mentorkit/contract';
import { sql, type Insertable, type Kysely } from 'kysely';
import type {
  ConversationsTable,
  Database,
  MeetingsTable,
  MentorshipRequestsTable,
  MentorshipsTable,
  MessagesTable,
  MilestonesTable,
  ProgrammeEnrolmentsTable,
} from '../db/schema.js';
import { addDays } from '../features/lifecycle/workspace.js';
import { isoDay } from '../features/mentors/availability.js';
import { planFromTemplate } from '../features/milestones/templates.js';
import { stableUuid } from './generator.js';

/*
 * The demo's two programmes, so the tour has one of each kind to show:
 *
 * - Data Careers 2027 (`mentee_choice`), enrolling: starts in two weeks. Ana (the mentor persona),
 *   a few data mentors, Kwame (mentee2) and a few analysts are enrolled. Maria (the mentee
 *   persona) is not, so she can join it and request Ana inside it during the tour.
 * - Leadership Circle 2026 (`admin_matched`), running: started six weeks ago, ends in two months,
 *   with the leadership template. Four introductions became mentorships with meetings held and
 *   milestones done (one has been quiet for a month: at risk in the report), one introduction is
 *   still waiting, and three enrolled mentees are unmatched while the enrolled mentors still have
 *   room, so "Suggest matches" has work to do.
 *
 * Everything is derived from `now` and the already written (deterministic) demo data, with
 * name-based ids, so every install gets the same programmes.
 */

const DAY_MS = 86_400_000;
const HOUR_MS = 3_600_000;

export const DEMO_PROGRAMME_SLUGS = { enrolling: 'data-careers-2027', running: 'leadership-circle-2026' } as const;

type Db = Kysely<Database>;

interface Picked {
  id: string;
  name: string;
}

/** Generated mentors (no persona) who are active, accepting, not away and have `minFree` free slots, by subject. */
async function pickMentors(db: Db, today: string, expertise: string[], minFree: number, exclude: string[], limit: number): Promise<Picked[]> {
  const { rows } = await sql<Picked>`
    SELECT u.id, u.name FROM mentors m JOIN users u ON u.id = m.user_id
    WHERE u.subject LIKE 'demo-alumnus-%' AND m.status = 'active' AND m.accepting_mentees
      AND (m.away_until IS NULL OR m.away_until < ${today}::date)
      AND m.capacity - m.open_mentorships >= ${minFree}
      AND m.expertise && ${sql.val(expertise)}::text[]
      AND NOT (u.id = ANY(${sql.val(exclude)}::uuid[]))
    ORDER BY u.subject LIMIT ${limit}`.execute(db);
  return rows;
}

/** Generated alumni who are not mentors, with a skill in `skills` and nothing open or pending, by subject. */
async function pickMentees(db: Db, skills: string[], exclude: string[], limit: number): Promise<Picked[]> {
  const { rows } = await sql<Picked>`
    SELECT u.id, u.name FROM users u JOIN profiles p ON p.user_id = u.id
    WHERE u.subject LIKE 'demo-alumnus-%'
      AND NOT EXISTS (SELECT 1 FROM mentors m WHERE m.user_id = u.id)
      AND NOT EXISTS (SELECT 1 FROM mentor_applications a WHERE a.user_id = u.id)
      AND NOT EXISTS (SELECT 1 FROM mentorships s WHERE s.mentee_id = u.id AND s.status IN ('active', 'paused'))
      AND NOT EXISTS (SELECT 1 FROM mentorship_requests r WHERE r.mentee_id = u.id AND r.status = 'pending')
      AND p.skills && ${sql.val(skills)}::text[]
      AND NOT (u.id = ANY(${sql.val(exclude)}::uuid[]))
    ORDER BY u.subject LIMIT ${limit}`.execute(db);
  return rows;
}

const enrolment = (programmeId: string, role: 'mentor' | 'mentee', userId: string, at: Date, goals = ''): Insertable<ProgrammeEnrolmentsTable> =>
  ({ programme_id: programmeId, role, user_id: userId, goals, enrolled_at: at });

/**
 * Writes both programmes, their enrolments and the running one's history. Call after the
 * people and their marketplace history exist (it picks mentors with room and mentees with
 * nothing open).
 */
export async function insertDemoProgrammes(db: Db, options: { now: Date; adminId: string; mentorId: string; mentee2Id: string }): Promise<void> {
  const { now, adminId } = options;
  const nowMs = now.getTime();
  const today = isoDay(now);
  const at = (days: number, hours = 0) => new Date(nowMs + days * DAY_MS + hours * HOUR_MS);

  // Data Careers 2027: enrolling.
  const dataId = stableUuid(`programme|${DEMO_PROGRAMME_SLUGS.enrolling}`);
  const dataStarts = addDays(today, 14);
  await db.insertInto('programmes').values({
    id: dataId,
    slug: DEMO_PROGRAMME_SLUGS.enrolling,
    name: 'Data Careers 2027',
    description: 'Four months for alumni moving into data analysis, data engineering or data science: choose a mentor from the programme, agree on a plan, and meet every two weeks. Open to every alumnus; mentors are Northbridge alumni working in data.',
    starts_on: dataStarts,
    ends_on: addDays(dataStarts, 17 * 7),
    enrolment_closes_on: addDays(dataStarts, 14),
    matching: 'mentee_choice',
    milestone_template: 'career-change-12-week',
    max_mentees_per_mentor: 3,
    created_by: adminId,
    created_at: at(-12),
    updated_at: at(-12),
  }).execute();
  const dataSkills = ['SQL', 'Python', 'Data Analysis', 'Tableau', 'Power BI'];
  const dataMentors = await pickMentors(db, today, ['Data Engineering', 'Data Science', 'Data Analysis', 'Machine Learning', 'SQL', 'Python', 'Software Engineering', 'Cloud Architecture'], 1, [options.mentorId], 4);
  const dataMentees = await pickMentees(db, dataSkills, [options.mentee2Id], 5);
  await db.insertInto('programme_enrolments').values([
    enrolment(dataId, 'mentor', options.mentorId, at(-11), 'Happy to help analysts make the move into data engineering, as I did.'),
    ...dataMentors.map((m, i) => enrolment(dataId, 'mentor', m.id, at(-10 + i))),
    enrolment(dataId, 'mentee', options.mentee2Id, at(-3), 'I estimate costs on construction sites and want to learn enough SQL and Python to analyse project data myself.'),
    ...dataMentees.map((m, i) => enrolment(dataId, 'mentee', m.id, at(-9 + i), i % 2 === 0 ? 'I want to move from reporting into data engineering.' : '')),
  ]).execute();

  // Leadership Circle 2026: running, admin-matched.
  const leadId = stableUuid(`programme|${DEMO_PROGRAMME_SLUGS.running}`);
  const leadStarts = addDays(today, -42);
  const leadEnds = addDays(today, 60);
  const template: MilestoneTemplate = 'leadership';
  await db.insertInto('programmes').values({
    id: leadId,
    slug: DEMO_PROGRAMME_SLUGS.running,
    name: 'Leadership Circle 2026',
    description: 'For alumni who lead a team for the first time, or soon will: the alumni office introduces each participant to an experienced leader, and the pair works through the leadership plan over three months.',
    starts_on: leadStarts,
    ends_on: leadEnds,
    enrolment_closes_on: null,
    matching: 'admin_matched',
    milestone_template: template,
    max_mentees_per_mentor: 2,
    created_by: adminId,
    created_at: at(-70),
    updated_at: at(-70),
  }).execute();
  const taken = [options.mentorId, ...dataMentors.map((m) => m.id)];
  const leadMentors = await pickMentors(db, today, ['Leadership', 'People Management', 'Engineering Management', 'Sales Leadership', 'Educational Leadership'], 2, taken, 6);
  const leadMentees = await pickMentees(db, ['Leadership', 'Project Management', 'Stakeholder Management', 'Communication'], [options.mentee2Id, ...dataMentees.map((m) => m.id)], 8);
  await db.insertInto('programme_enrolments').values([
    ...leadMentors.map((m, i) => enrolment(leadId, 'mentor', m.id, at(-60 + i))),
    ...leadMentees.map((m, i) => enrolment(leadId, 'mentee', m.id, at(-58 + i), i % 3 === 0 ? 'I was just promoted to team lead and want to get delegation and feedback right.' : '')),
  ]).execute();

  const requests: Insertable<MentorshipRequestsTable>[] = [];
  const mentorships: Insertable<MentorshipsTable>[] = [];
  const conversations: Insertable<ConversationsTable>[] = [];
  const milestones: Insertable<MilestonesTable>[] = [];
  const meetings: Insertable<MeetingsTable>[] = [];
  const messages: Insertable<MessagesTable>[] = [];
  const introGoals = 'Introduced by the alumni office for Leadership Circle 2026: growing into leading a team.';
  const pairs = Math.min(4, leadMentors.length, leadMentees.length);
  for (let i = 0; i < pairs; i++) {
    const mentor = leadMentors[i]!;
    const mentee = leadMentees[i]!;
    const atRisk = i === pairs - 1;
    const introducedAt = at(-41 + i, 2);
    const startedAt = new Date(introducedAt.getTime() + (6 + 5 * i) * HOUR_MS);
    const requestId = stableUuid(`programme-request|${leadId}|${i}`);
    const mentorshipId = stableUuid(`programme-mentorship|${leadId}|${i}`);
    const conversationId = stableUuid(`programme-conversation|${leadId}|${i}`);
    requests.push({
      id: requestId, mentee_id: mentee.id, mentor_id: mentor.id, status: 'accepted', goals: introGoals, skills_seeking: ['Leadership'],
      message: '', created_at: introducedAt, expires_at: new Date(introducedAt.getTime() + 14 * DAY_MS), responded_at: startedAt,
      programme_id: leadId, introduced: true,
    });
    mentorships.push({
      id: mentorshipId, request_id: requestId, mentor_id: mentor.id, mentee_id: mentee.id, status: 'active',
      started_at: startedAt, target_end_date: leadEnds, updated_at: startedAt, programme_id: leadId,
    });
    // The plan as the mentorship got it on its first day.
    const startDay = isoDay(startedAt);
    const plan = planFromTemplate(template, { start: startDay, today: startDay, target: leadEnds });
    // The quiet pair did the first step and stopped; the others are on schedule.
    const done = atRisk ? 1 : plan.milestones.filter((m) => m.dueDate < today).length;
    plan.milestones.forEach((m, position) => {
      const completed = position < done;
      milestones.push({
        id: stableUuid(`programme-milestone|${mentorshipId}|${position}`), mentorship_id: mentorshipId, title: m.title, description: m.description,
        due_date: m.dueDate, status: completed ? 'completed' : position === done && !atRisk ? 'in_progress' : 'not_started', position,
        completed_at: completed ? new Date(Math.min(nowMs - HOUR_MS, Date.parse(`${m.dueDate}T10:00:00Z`))) : null,
        created_at: startedAt, updated_at: completed ? new Date(Math.min(nowMs - HOUR_MS, Date.parse(`${m.dueDate}T10:00:00Z`))) : startedAt,
      });
    });
    // Meetings every two weeks from the fifth day; the quiet pair met once. The others have the next one booked.
    const meetingTimes: number[] = [];
    for (let t = startedAt.getTime() + 5 * DAY_MS; t < nowMs - DAY_MS && (!atRisk || meetingTimes.length < 1); t += 14 * DAY_MS) meetingTimes.push(t);
    meetingTimes.forEach((t, n) => meetings.push({
      id: stableUuid(`programme-meeting|${mentorshipId}|${n}`), mentorship_id: mentorshipId, created_by: mentor.id,
      title: n === 0 ? 'Kick-off: leadership self-assessment' : `Check-in ${n + 1}`, starts_at: new Date(t), duration_minutes: n === 0 ? 60 : 45,
      video_url: 'https://meet.example.edu/leadership-circle', status: 'completed',
      notes: n === 0 ? 'Went through the self-assessment; next: ask three colleagues for feedback.' : null,
      created_at: new Date(t - 4 * DAY_MS), updated_at: new Date(t + HOUR_MS),
    }));
    if (!atRisk) {
      const next = nowMs + (3 + i) * DAY_MS;
      meetings.push({
        id: stableUuid(`programme-meeting|${mentorshipId}|next`), mentorship_id: mentorshipId, created_by: mentee.id,
        title: `Check-in ${meetingTimes.length + 1}`, starts_at: new Date(next), duration_minutes: 45,
        video_url: 'https://meet.example.edu/leadership-circle', status: 'scheduled', created_at: at(-2 - i), updated_at: at(-2 - i),
      });
    }
    // A few messages; the quiet pair's last one is from the week they started, a month ago.
    const said: Array<[number, string, string]> = atRisk
      ? [[startedAt.getTime() + HOUR_MS, mentor.id, `Welcome to the Leadership Circle, ${mentee.name.split(' ')[0]}! When suits you for a first call?`],
        [startedAt.getTime() + 6 * DAY_MS, mentee.id, 'Thanks for the kick-off. Things are busy at work; I will get back to you about the next session.']]
      : [[startedAt.getTime() + HOUR_MS, mentor.id, `Welcome to the Leadership Circle, ${mentee.name.split(' ')[0]}! When suits you for a first call?`],
        [startedAt.getTime() + 3 * HOUR_MS, mentee.id, 'Thank you! Any weekday evening works for me.'],
        [nowMs - (2 + i) * DAY_MS - 3 * HOUR_MS, mentee.id, 'I held the difficult conversation we rehearsed. It went better than I feared.'],
        [nowMs - (2 + i) * DAY_MS, mentor.id, 'Well done! Let us go through it at our next check-in.']];
    conversations.push({ id: conversationId, mentorship_id: mentorshipId, created_at: startedAt, last_message_at: new Date(said.at(-1)![0]) });
    said.forEach(([t, sender, body], n) => messages.push({
      id: stableUuid(`programme-message|${conversationId}|${n}`), conversation_id: conversationId, sender_id: sender, body, client_id: `demo-${n}`, created_at: new Date(t),
    }));
  }
  // One more introduction, sent two days ago and still waiting for the mentor's answer.
  if (leadMentees.length > pairs && leadMentors.length > pairs) {
    const sentAt = at(-2);
    requests.push({
      id: stableUuid(`programme-request|${leadId}|pending`), mentee_id: leadMentees[pairs]!.id, mentor_id: leadMentors[pairs]!.id, status: 'pending',
      goals: introGoals, skills_seeking: ['Leadership'], message: '', created_at: sentAt, expires_at: new Date(sentAt.getTime() + 14 * DAY_MS),
      programme_id: leadId, introduced: true,
    });
  }
  if (requests.length) await db.insertInto('mentorship_requests').values(requests).execute();
  if (mentorships.length) await db.insertInto('mentorships').values(mentorships).execute();
  if (conversations.length) await db.insertInto('conversations').values(conversations).execute();
  if (milestones.length) await db.insertInto('milestones').values(milestones).execute();
  if (meetings.length) await db.insertInto('meetings').values(meetings).execute();
  // In time order, so each conversation's `seq` follows the order the messages were written.
  messages.sort((a, b) => (a.created_at as Date).getTime() - (b.created_at as Date).getTime());
  if (messages.length) await db.insertInto('messages').values(messages).execute();
}
