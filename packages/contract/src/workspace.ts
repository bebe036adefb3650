/**
 * The mentorship workspace: lifecycle, feedback, meetings and their calendar, the
 * timeline with milestones, and progress. Who may do what:
 *
 * - Lifecycle (`pause`, `resume`, `complete`, `cancel`): either party, along
 *   `mentorshipTransitions`; cancelling needs a reason.
 * - A completed or cancelled mentorship is read-only: every change answers
 *   `409 invalid_transition` — except feedback, which exists only after completion.
 * - Feedback: each party once, only on a completed mentorship; its subject is the other party.
 * - Meetings: either party schedules, edits, reschedules, completes (once it has started) and
 *   cancels. A paused mentorship still takes meetings (e.g. planning the first one after a break).
 * - The plan (target end date, templates, adding, editing, reordering and deleting milestones):
 *   the mentor only. Milestone status: either party, along `milestoneTransitions`.
 * - Progress notes: either party.
 */
import { z } from 'zod';
import { httpUrl, id, isoDate, isoDateTime, page, pageQuery, text } from './common.js';
import type { ListParams } from './common.js';
import { mentorship } from './mentorships.js';
import { meetingStatuses, mentorshipStatuses, milestoneStatuses } from './values.js';

// ---------------------------------------------------------------------------------------------
// Lifecycle

/** `POST /mentorships/:id/cancel`: cancelling needs a reason; pause/resume/complete take no body. */
export const cancelMentorshipInput = z.object({ reason: text(1000, 1) }).strict();
export type CancelMentorshipInput = z.input<typeof cancelMentorshipInput>;

/** The lifecycle actions and the status each leads to. */
export const mentorshipActions = { pause: 'paused', resume: 'active', complete: 'completed', cancel: 'cancelled' } as const;
export type MentorshipAction = keyof typeof mentorshipActions;

/** One status change of a mentorship, from the audit log (`GET /mentorships/:id/history`). */
export const statusChange = z.object({
  at: isoDateTime,
  from: z.enum(mentorshipStatuses).nullable(),
  to: z.enum(mentorshipStatuses),
  /** Who made the change; null for the server or an erased account. */
  actorId: id.nullable(),
  reason: z.string().nullable(),
});
export type StatusChange = z.infer<typeof statusChange>;
/** Oldest first. */
export const statusChangePage = page(statusChange);
export const historyQuery = pageQuery;

// ---------------------------------------------------------------------------------------------
// Feedback

export const feedbackInput = z.object({
  rating: z.number().int().min(1).max(5),
  comment: text(2000).default(''),
}).strict();
export type FeedbackInput = z.input<typeof feedbackInput>;

export const feedback = z.object({
  id,
  mentorshipId: id,
  authorId: id.nullable(),
  /** The other party: a mentee's feedback rates the mentor and feeds the mentor's profile stats. */
  subjectId: id.nullable(),
  rating: z.number().int(),
  comment: z.string(),
  createdAt: isoDateTime,
});
export type Feedback = z.infer<typeof feedback>;

/** `GET /mentorships/:id/feedback`: the caller's own feedback, and whether the other party left theirs. */
export const feedbackStatus = z.object({
  canLeaveFeedback: z.boolean(),
  mine: feedback.nullable(),
  otherPartySubmitted: z.boolean(),
});
export type FeedbackStatus = z.infer<typeof feedbackStatus>;

// ---------------------------------------------------------------------------------------------
// Meetings

/** A start time must carry its offset (`Z` or `+08:00`): a bare local time is ambiguous. */
export const meetingStartsAt = z.iso.datetime({ offset: true, local: false });

/** WHATWG `URL`, present in browsers and Node; the contract compiles without DOM or Node types. */
declare const URL: new (input: string) => { href: string };

/** http or https only; kept in its normalised form (`HTTPS://Host/a b` → `https://host/a%20b`). */
export const meetingVideoUrl = httpUrl.transform((value) => new URL(value).href);

export const meetingInput = z.object({
  title: text(200, 1),
  /** Must lie in the future (checked by the server against its clock). */
  startsAt: meetingStartsAt,
  durationMinutes: z.number().int().min(15).max(480),
  location: text(300).optional(),
  videoUrl: meetingVideoUrl.optional(),
  agenda: text(4000).optional(),
}).strict();
export type MeetingInput = z.input<typeof meetingInput>;

/**
 * `PATCH /meetings/:id`: edit or reschedule a scheduled meeting (either party). A new `startsAt`
 * must lie in the future. `null` clears location, video URL or agenda. Every change that alters
 * what a calendar shows bumps the meeting's iCalendar `SEQUENCE` by one.
 */
export const meetingPatch = z.object({
  title: text(200, 1),
  startsAt: meetingStartsAt,
  durationMinutes: z.number().int().min(15).max(480),
  location: text(300).nullable(),
  videoUrl: meetingVideoUrl.nullable(),
  agenda: text(4000).nullable(),
}).partial().strict().refine((p) => Object.keys(p).length > 0, 'Nothing to change');
export type MeetingPatch = z.input<typeof meetingPatch>;

export const completeMeetingInput = z.object({ notes: text(8000, 1) }).strict();
export type CompleteMeetingInput = z.input<typeof completeMeetingInput>;
export const cancelMeetingInput = z.object({ reason: text(1000, 1) }).strict();
export type CancelMeetingInput = z.input<typeof cancelMeetingInput>;

/**
 * A scheduled meeting of either participant that overlaps this one: a warning, never a refusal.
 * `meetingId` and `title` are given only for meetings the viewer takes part in; for the other
 * party's meetings elsewhere the viewer learns only that they are busy then.
 */
export const meetingOverlap = z.object({
  meetingId: id.nullable(),
  title: z.string().nullable(),
  startsAt: isoDateTime,
  endsAt: isoDateTime,
  /** Which of this meeting's two participants is busy. */
  participantIds: z.array(id),
});
export type MeetingOverlap = z.infer<typeof meetingOverlap>;

export const meeting = z.object({
  id,
  mentorshipId: id,
  mentorId: id,
  menteeId: id,
  title: z.string(),
  /** UTC instants (`…Z`); elements show them in the viewer's zone and the other party's. */
  startsAt: isoDateTime,
  endsAt: isoDateTime,
  durationMinutes: z.number().int(),
  location: z.string().nullable(),
  videoUrl: z.string().nullable(),
  agenda: z.string().nullable(),
  status: z.enum(meetingStatuses),
  notes: z.string().nullable(),
  cancelReason: z.string().nullable(),
  /** iCalendar SEQUENCE: 0 when scheduled, +1 on every reschedule, edit or cancel. */
  sequence: z.number().int(),
  createdBy: id.nullable(),
  createdAt: isoDateTime,
  updatedAt: isoDateTime,
  /** Present on single-meeting answers (create, update, get); absent in lists and events. */
  overlaps: z.array(meetingOverlap).optional(),
});
export type Meeting = z.infer<typeof meeting>;
export const meetingPage = page(meeting);

/**
 * `GET /meetings`: the caller's meetings across all their mentorships, by start time. A meeting is
 * in range when it overlaps [from, to); `from` defaults to now (upcoming meetings, including one
 * running now). Encode the `+` of an offset as `%2B` in a query string.
 */
export const meetingListQuery = pageQuery.extend({
  from: isoDateTime.optional(),
  to: isoDateTime.optional(),
  status: z.enum(meetingStatuses).optional(),
  mentorshipId: id.optional(),
  limit: z.coerce.number().int().min(1).max(100).default(50),
}).refine((q) => !q.from || !q.to || new Date(q.from) < new Date(q.to), { message: 'from must be before to', path: ['to'] });
export type MeetingListParams = ListParams<typeof meetingListQuery>;

// ---------------------------------------------------------------------------------------------
// Calendar feed

/**
 * `POST /me/calendar-feed` creates or rotates the caller's private feed token (the old URL stops
 * working at once). The token is shown only in this answer: the server keeps only its hash.
 */
export const calendarFeed = z.object({
  token: z.string(),
  /** `/api/v1/calendar/<token>.ics`, relative to the API's origin. */
  path: z.string(),
  /** The same, absolute, as the server saw its own origin (a proxy may change it). */
  url: z.string(),
});
export type CalendarFeed = z.infer<typeof calendarFeed>;
export const calendarFeedStatus = z.object({ enabled: z.boolean() });
export type CalendarFeedStatus = z.infer<typeof calendarFeedStatus>;

// ---------------------------------------------------------------------------------------------
// Timeline and milestones

export const milestoneTemplates = ['technical-8-week', 'career-change-12-week', 'leadership', 'research-project', 'startup'] as const;
export type MilestoneTemplate = (typeof milestoneTemplates)[number];

/** What a template is for and how long it runs when no target end date is given. */
export const milestoneTemplateCatalog: Record<MilestoneTemplate, { label: string; defaultWeeks: number; summary: string }> = {
  'technical-8-week': { label: '8-week technical skill', defaultWeeks: 8, summary: 'Learn one technical skill through a guided project.' },
  'career-change-12-week': { label: '12-week career change', defaultWeeks: 12, summary: 'From target role to applications and a transition plan.' },
  leadership: { label: 'Leadership', defaultWeeks: 12, summary: 'Self-assessment, feedback, delegation and leading an initiative.' },
  'research-project': { label: 'Research project', defaultWeeks: 16, summary: 'From research question to write-up and presentation.' },
  startup: { label: 'Start-up', defaultWeeks: 12, summary: 'Customer discovery, MVP, business model and pitch.' },
};

/**
 * `PUT /mentorships/:id/timeline` (mentor only). `targetEndDate` may not be before the
 * mentorship's start. A `template` adds its dated milestones, spread from today (or the start) to
 * the target date — or over the template's default length, which then becomes the target date.
 * A template is refused (409) when the plan already has milestones.
 */
export const timelineInput = z.object({
  targetEndDate: isoDate.nullable(),
  template: z.enum(milestoneTemplates).optional(),
}).strict();
export type TimelineInput = z.input<typeof timelineInput>;

/** `POST /mentorships/:id/milestones` (mentor only): appended at the end of the plan. */
export const milestoneInput = z.object({
  title: text(200, 1),
  description: text(4000).default(''),
  /** Not before the mentorship's start date. */
  dueDate: isoDate.nullable().default(null),
}).strict();
export type MilestoneInput = z.input<typeof milestoneInput>;

/**
 * `PATCH /milestones/:id`. `status` may be changed by either party (along
 * `milestoneTransitions`); `title`, `description`, `dueDate` and `move` only by the mentor
 * (a mentee sending them gets 403, nothing changed).
 */
export const milestonePatch = z.object({
  title: text(200, 1),
  description: text(4000),
  dueDate: isoDate.nullable(),
  status: z.enum(milestoneStatuses),
  /** Moves the milestone one place up or down in the plan (no-op at either end). */
  move: z.enum(['up', 'down']),
}).partial().strict().refine((p) => Object.keys(p).length > 0, 'Nothing to change');
export type MilestonePatch = z.input<typeof milestonePatch>;
/** The fields only the mentor may change. */
export const mentorOnlyMilestoneFields = ['title', 'description', 'dueDate', 'move'] as const;

export const milestone = z.object({
  id,
  mentorshipId: id,
  title: z.string(),
  description: z.string(),
  dueDate: isoDate.nullable(),
  status: z.enum(milestoneStatuses),
  /** Order in the plan, ascending; gaps are possible. */
  position: z.number().int(),
  /** Due before today (UTC) and not completed. */
  overdue: z.boolean(),
  completedAt: isoDateTime.nullable(),
  createdAt: isoDateTime,
  updatedAt: isoDateTime,
  /** Only on the `milestone.updated` realtime event of a deletion. */
  deleted: z.literal(true).optional(),
});
export type Milestone = z.infer<typeof milestone>;

/** `PUT /mentorships/:id/timeline` answers with the mentorship and its whole plan. */
export const timelineResult = z.object({
  mentorship,
  milestones: z.array(milestone),
});
export type TimelineResult = z.infer<typeof timelineResult>;

// ---------------------------------------------------------------------------------------------
// Progress

export const progressNoteInput = z.object({
  body: text(4000, 1),
  progressPercent: z.number().int().min(0).max(100).optional(),
}).strict();
export type ProgressNoteInput = z.input<typeof progressNoteInput>;

export const progressNote = z.object({
  id,
  mentorshipId: id,
  authorId: id.nullable(),
  body: z.string(),
  progressPercent: z.number().int().nullable(),
  createdAt: isoDateTime,
});
export type ProgressNote = z.infer<typeof progressNote>;

export const timelineEntryKinds = ['status', 'plan', 'meeting', 'milestone', 'note'] as const;
export type TimelineEntryKind = (typeof timelineEntryKinds)[number];

/**
 * One entry of the progress timeline. `meeting` entries sit at the meeting's start;
 * `status`, `plan` and `milestone` entries come from the audit log; `note` entries at their writing.
 */
export const timelineEntry = z.object({
  kind: z.enum(timelineEntryKinds),
  at: isoDateTime,
  /** e.g. `paused`, `created`, `completed`, `removed`, a meeting's status; null for notes. */
  action: z.string().nullable(),
  title: z.string(),
  detail: z.string().nullable(),
  /** The meeting, milestone, note or mentorship the entry is about. */
  refId: id.nullable(),
  actorId: id.nullable(),
});
export type TimelineEntry = z.infer<typeof timelineEntry>;

/**
 * `GET /mentorships/:id/progress`. `progressPercent` = round(100 · (completed + ½ · in-progress) /
 * milestones) when there are milestones (`basis: "milestones"`), else the percent of the latest
 * progress note that gave one (`"notes"`), else 0 (`"none"`). `timeline` is oldest first.
 */
export const progress = z.object({
  mentorshipId: id,
  status: z.enum(mentorshipStatuses),
  progressPercent: z.number().int().min(0).max(100),
  basis: z.enum(['milestones', 'notes', 'none']),
  targetEndDate: isoDate.nullable(),
  counts: z.object({
    milestones: z.number().int(),
    completed: z.number().int(),
    inProgress: z.number().int(),
    overdue: z.number().int(),
  }),
  milestones: z.array(milestone),
  /** Newest first, at most 200. */
  notes: z.array(progressNote),
  timeline: z.array(timelineEntry),
});
export type Progress = z.infer<typeof progress>;
