import type { MailKind, NotificationKind } from '@mentorkit/contract';
import { sql, type Kysely, type Transaction } from 'kysely';
import type { Database } from '../../db/schema.js';
import { toIcsEvent } from '../calendar/calendar.repository.js';
import { renderCalendar } from '../calendar/ics.js';
import { meetingById } from '../meetings/meetings.repository.js';
import { loadPeople } from '../shared/people.repository.js';
import type { Notice } from '../shared/activity.js';
import { mailSettings } from './preferences.repository.js';
import type { MailTemplate, MeetingData, TemplateData } from './templates.js';

type Trx = Transaction<Database> | Kysely<Database>;

/** The notifications that deserve an email, with the kind a person can switch off. */
const mailFor: Partial<Record<NotificationKind, { kind: MailKind; template: MailTemplate }>> = {
  'request.received': { kind: 'request_received', template: 'request.received' },
  'request.accepted': { kind: 'request_answered', template: 'request.accepted' },
  'request.declined': { kind: 'request_answered', template: 'request.declined' },
  'request.reminder': { kind: 'request_reminder', template: 'request.reminder' },
  'meeting.scheduled': { kind: 'meeting_updates', template: 'meeting.scheduled' },
  'meeting.updated': { kind: 'meeting_updates', template: 'meeting.updated' },
  'meeting.cancelled': { kind: 'meeting_updates', template: 'meeting.cancelled' },
  'application.approved': { kind: 'application_decided', template: 'application.approved' },
  'application.rejected': { kind: 'application_decided', template: 'application.rejected' },
  'application.changes_requested': { kind: 'application_decided', template: 'application.changes_requested' },
  'programme.enrolled': { kind: 'programme_updates', template: 'programme.enrolled' },
  'programme.introduced': { kind: 'programme_updates', template: 'programme.introduced' },
};

export const TURNED_OFF = 'turned off by the recipient';

export interface OutboxInsert {
  userId: string;
  kind: MailKind;
  template: MailTemplate;
  data: Record<string, unknown>;
  dedupeKey?: string;
}

/**
 * The template's data, read inside the transaction that made the change, so the mail tells what
 * happened then. (Changes to one meeting in quick succession are merged into one mail before it
 * goes out: `queueMeetingMail`.)
 */
async function snapshot(trx: Trx, notice: Notice): Promise<Record<string, unknown> | undefined> {
  switch (notice.kind) {
    case 'request.received': {
      const d = notice.data;
      const row = await trx.selectFrom('mentorship_requests').select(['goals', 'message', 'skills_seeking', 'expires_at'])
        .where('id', '=', d.requestId).executeTakeFirst();
      if (!row) return undefined;
      const data: TemplateData['request.received'] = {
        requestId: d.requestId, menteeName: d.menteeName, goals: row.goals, message: row.message,
        skills: row.skills_seeking, expiresAt: row.expires_at.toISOString(),
      };
      return { ...data };
    }
    case 'request.accepted': {
      const d = notice.data;
      return { requestId: d.requestId, mentorshipId: d.mentorshipId, mentorName: d.mentorName } satisfies TemplateData['request.accepted'];
    }
    case 'request.declined': {
      const d = notice.data;
      const row = await trx.selectFrom('mentorship_requests').select(['decline_message']).where('id', '=', d.requestId).executeTakeFirst();
      return { requestId: d.requestId, mentorName: d.mentorName, reason: d.reason, message: row?.decline_message ?? null } satisfies TemplateData['request.declined'];
    }
    case 'request.reminder': {
      const d = notice.data;
      return { requestId: d.requestId, menteeName: d.menteeName, expiresAt: d.expiresAt } satisfies TemplateData['request.reminder'];
    }
    case 'meeting.scheduled':
    case 'meeting.updated':
    case 'meeting.cancelled': {
      const d = notice.data;
      const row = await meetingById(trx, d.meetingId);
      if (!row) return undefined;
      const people = await loadPeople(trx as Kysely<Database>, [row.mentor_id, row.mentee_id, ...(row.created_by ? [row.created_by] : [])]);
      const icsMethod = notice.kind === 'meeting.cancelled' ? 'CANCEL' : 'REQUEST';
      const data: MeetingData = {
        meetingId: row.id,
        mentorshipId: row.mentorship_id,
        title: row.title,
        startsAt: row.starts_at.toISOString(),
        previousStartsAt: notice.kind === 'meeting.updated' ? notice.data.previousStartsAt : null,
        durationMinutes: row.duration_minutes,
        location: row.location,
        videoUrl: row.video_url,
        byName: d.byName,
        reason: notice.kind === 'meeting.cancelled' ? notice.data.reason || null : null,
        rescheduled: notice.kind === 'meeting.updated' && notice.data.rescheduled,
        role: notice.userId === row.mentor_id ? 'mentor' : 'mentee',
        ics: renderCalendar({ stamp: row.updated_at, method: icsMethod, events: [toIcsEvent(row, people)] }),
        icsMethod,
      };
      return { ...data };
    }
    case 'application.approved':
    case 'application.rejected':
    case 'application.changes_requested': {
      const d = notice.data;
      return { applicationId: d.applicationId, notes: d.notes } satisfies TemplateData['application.approved'];
    }
    case 'programme.enrolled': {
      const d = notice.data;
      const row = await trx.selectFrom('programmes').select(['matching']).where('id', '=', d.programmeId).executeTakeFirst();
      if (!row) return undefined;
      return {
        programmeId: d.programmeId, programmeName: d.programmeName, programmeSlug: d.programmeSlug, role: d.role,
        matching: row.matching, startsOn: d.startsOn, endsOn: d.endsOn,
      } satisfies TemplateData['programme.enrolled'];
    }
    case 'programme.introduced': {
      const d = notice.data;
      const row = await trx.selectFrom('mentorship_requests').select(['expires_at']).where('id', '=', d.requestId).executeTakeFirst();
      if (!row) return undefined;
      return {
        programmeId: d.programmeId, programmeName: d.programmeName, requestId: d.requestId, mentorName: d.mentorName,
        score: d.score, reasons: d.reasons, expiresAt: row.expires_at.toISOString(),
      } satisfies TemplateData['programme.introduced'];
    }
    default:
      return undefined;
  }
}

/**
 * Writes outbox rows in the caller's transaction. A kind the recipient switched off is still
 * recorded, as `skipped` with the reason, so "why did I get no mail?" has an answer in one place
 * (and the demo's /dev/mail shows it); the worker never touches such a row.
 */
export async function insertOutbox(trx: Trx, mails: OutboxInsert[], now: Date, dueAt = now): Promise<void> {
  if (mails.length === 0) return;
  const settings = await mailSettings(trx, mails.map((m) => m.userId));
  await trx.insertInto('email_outbox')
    .values(mails.map((m) => {
      const off = settings.get(m.userId)?.disabled.has(m.kind) ?? false;
      return {
        user_id: m.userId,
        kind: m.kind,
        template: m.template,
        data: JSON.stringify(m.data),
        dedupe_key: m.dedupeKey ?? null,
        status: off ? 'skipped' as const : 'pending' as const,
        last_error: off ? TURNED_OFF : null,
        next_attempt_at: dueAt,
        created_at: now,
        updated_at: now,
      };
    }))
    .onConflict((oc) => oc.column('dedupe_key').doNothing())
    .execute();
}

/**
 * How long a meeting mail waits before it goes out, so that the changes made meanwhile (a title
 * fixed, a time moved twice, a cancellation) reach the other party as one mail with the final
 * state instead of one mail each.
 */
export const MEETING_MAIL_DELAY_MS = 2 * 60_000;

/**
 * A meeting mail: merged into the recipient's mail about the same meeting that is still waiting
 * (never tried), or queued to go out after `MEETING_MAIL_DELAY_MS`. The merged mail carries the
 * meeting as it is now, with its current SEQUENCE in the `.ics`; it stays an invitation when the
 * recipient has not been invited yet, becomes a cancellation when the meeting was cancelled, and
 * otherwise says "moved" from the time the recipient last knew. The waiting row is locked: if a
 * worker is claiming it right now, the lock waits for the claim and the row is no longer pending,
 * so this change gets a mail of its own.
 */
async function queueMeetingMail(trx: Trx, mail: OutboxInsert, now: Date): Promise<void> {
  const data = mail.data as unknown as MeetingData;
  const waiting = await trx.selectFrom('email_outbox').select(['id', 'template', 'data'])
    .where('user_id', '=', mail.userId)
    .where('status', '=', 'pending')
    .where('attempts', '=', 0)
    .where('template', 'in', ['meeting.scheduled', 'meeting.updated'])
    .where(sql<string>`data->>'meetingId'`, '=', data.meetingId)
    .forUpdate().executeTakeFirst();
  if (!waiting) return insertOutbox(trx, [mail], now, new Date(now.getTime() + MEETING_MAIL_DELAY_MS));
  const earlier = waiting.data as unknown as MeetingData;
  const template: MailTemplate = mail.template === 'meeting.cancelled' ? 'meeting.cancelled' : waiting.template === 'meeting.scheduled' ? 'meeting.scheduled' : 'meeting.updated';
  const merged: MeetingData = template === 'meeting.scheduled'
    ? { ...data, previousStartsAt: null, rescheduled: false }
    : { ...data, previousStartsAt: earlier.previousStartsAt ?? data.previousStartsAt, rescheduled: earlier.rescheduled || data.rescheduled };
  await trx.updateTable('email_outbox')
    .set({ template, data: JSON.stringify(merged), updated_at: now })
    .where('id', '=', waiting.id).execute();
}

/** Called by `record()` for every batch of notifications: the ones that deserve mail get a row. */
export async function enqueueMailFor(trx: Trx, notices: Notice[], now: Date): Promise<void> {
  const mails: OutboxInsert[] = [];
  for (const notice of notices) {
    const route = mailFor[notice.kind];
    if (!route) continue;
    const data = await snapshot(trx, notice);
    if (!data) continue;
    const mail = { userId: notice.userId, kind: route.kind, template: route.template, data };
    if (route.kind === 'meeting_updates') await queueMeetingMail(trx, mail, now);
    else mails.push(mail);
  }
  await insertOutbox(trx, mails, now);
}
