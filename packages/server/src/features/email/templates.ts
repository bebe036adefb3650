import type { MailKind, MailLanguage } from '@mentorkit/contract';
import { oneLine, render, type Block, type Rendered } from './render.js';
import { formatDay, formatWhen, strings } from './strings.js';

/** What each template reads from its outbox row's `data` (written by enqueue.ts). */
export interface TemplateData {
  'request.received': { requestId: string; menteeName: string; goals: string; message: string; skills: string[]; expiresAt: string };
  'request.accepted': { requestId: string; mentorshipId: string; mentorName: string };
  'request.declined': { requestId: string; mentorName: string; reason: string; message: string | null };
  'request.reminder': { requestId: string; menteeName: string; expiresAt: string };
  'meeting.scheduled': MeetingData;
  'meeting.updated': MeetingData;
  'meeting.cancelled': MeetingData;
  'application.approved': { applicationId: string; notes: string };
  'application.rejected': { applicationId: string; notes: string };
  'application.changes_requested': { applicationId: string; notes: string };
  'messages.digest': { day: string; conversations: Array<{ mentorshipId: string; otherName: string; unread: number }> };
  'programme.enrolled': {
    programmeId: string; programmeName: string; programmeSlug: string; role: 'mentor' | 'mentee';
    /** How the programme matches people: it decides what the enrolled person does next. */
    matching: 'mentee_choice' | 'admin_matched'; startsOn: string; endsOn: string;
  };
  'programme.introduced': {
    programmeId: string; programmeName: string; requestId: string; mentorName: string; score: number; reasons: string[];
    /** When the request expires if the mentor does not answer. */
    expiresAt: string;
  };
}

export interface MeetingData {
  meetingId: string;
  mentorshipId: string;
  title: string;
  startsAt: string;
  previousStartsAt: string | null;
  durationMinutes: number;
  location: string | null;
  videoUrl: string | null;
  byName: string;
  reason: string | null;
  rescheduled: boolean;
  /** The recipient's side, so the link opens their dashboard. */
  role: 'mentor' | 'mentee';
  /** The iCalendar text attached to the mail (METHOD:REQUEST or CANCEL), fixed when the change happened. */
  ics: string;
  icsMethod: 'REQUEST' | 'CANCEL';
}

export type MailTemplate = keyof TemplateData;

export interface MailContext {
  language: MailLanguage;
  recipientName: string;
  timeZone: string | null;
  portalUrl: string;
  unsubscribeUrl: string;
}

/**
 * A link into the portal: `?request=…` (or `mentorship`, `meeting`) says what to open and the
 * fragment names the view (`#mentor-dashboard`, `#my-mentoring`, `#find`), as the demo portal
 * reads it. A portal with other routes can map these.
 */
export function portalLink(portalUrl: string, view: 'mentor-dashboard' | 'my-mentoring' | 'find', params: Record<string, string> = {}): string {
  const url = new URL(portalUrl);
  for (const [key, value] of Object.entries(params)) url.searchParams.set(key, value);
  url.hash = view;
  return url.toString();
}

type Parts = { subject: string; heading: string; blocks: Block[] };

function compose(template: MailTemplate, raw: Record<string, unknown>, ctx: MailContext): Parts {
  const s = strings[ctx.language];
  const when = (iso: string) => formatWhen(iso, ctx.language, ctx.timeZone);
  const link = portalLink.bind(null, ctx.portalUrl);
  const hello: Block = { type: 'p', text: s.greeting(ctx.recipientName) };
  switch (template) {
    case 'request.received': {
      const d = raw as unknown as TemplateData['request.received'];
      const blocks: Block[] = [hello, { type: 'p', text: s.requestReceived.intro(d.menteeName) }, { type: 'quote', label: s.requestReceived.goals, text: d.goals }];
      if (d.message) blocks.push({ type: 'quote', label: s.requestReceived.message, text: d.message });
      if (d.skills.length > 0) blocks.push({ type: 'facts', items: [[s.requestReceived.skills, d.skills.join(', ')]] });
      blocks.push(
        { type: 'button', label: s.requestReceived.button, href: link('mentor-dashboard', { request: d.requestId }) },
        { type: 'p', text: s.requestReceived.expires(formatDay(d.expiresAt, ctx.language, ctx.timeZone)) },
      );
      return { subject: s.requestReceived.subject(d.menteeName), heading: s.requestReceived.subject(d.menteeName), blocks };
    }
    case 'request.accepted': {
      const d = raw as unknown as TemplateData['request.accepted'];
      return {
        subject: s.requestAccepted.subject(d.mentorName),
        heading: s.requestAccepted.subject(d.mentorName),
        blocks: [hello, { type: 'p', text: s.requestAccepted.intro(d.mentorName) },
          { type: 'button', label: s.requestAccepted.button, href: link('my-mentoring', { mentorship: d.mentorshipId }) }],
      };
    }
    case 'request.declined': {
      const d = raw as unknown as TemplateData['request.declined'];
      const blocks: Block[] = [hello, { type: 'p', text: s.requestDeclined.intro(d.mentorName) },
        { type: 'facts', items: [[s.requestDeclined.reason, s.requestDeclined.reasons[d.reason] ?? s.requestDeclined.reasons['other']!]] }];
      if (d.message) blocks.push({ type: 'quote', label: s.requestDeclined.message, text: d.message });
      blocks.push({ type: 'button', label: s.requestDeclined.button, href: link('find') });
      return { subject: s.requestDeclined.subject(d.mentorName), heading: s.requestDeclined.subject(d.mentorName), blocks };
    }
    case 'request.reminder': {
      const d = raw as unknown as TemplateData['request.reminder'];
      return {
        subject: s.requestReminder.subject(d.menteeName),
        heading: s.requestReminder.subject(d.menteeName),
        blocks: [hello, { type: 'p', text: s.requestReminder.intro(d.menteeName, formatDay(d.expiresAt, ctx.language, ctx.timeZone)) },
          { type: 'button', label: s.requestReminder.button, href: link('mentor-dashboard', { request: d.requestId }) }],
      };
    }
    case 'meeting.scheduled':
    case 'meeting.updated':
    case 'meeting.cancelled': {
      const d = raw as unknown as MeetingData;
      const view = d.role === 'mentor' ? 'mentor-dashboard' : 'my-mentoring';
      const facts: Array<[string, string]> = [[s.when, `${when(d.startsAt)} (${s.duration(d.durationMinutes)})`]];
      if (template === 'meeting.updated' && d.rescheduled && d.previousStartsAt) facts.push([s.meetingUpdated.previously, when(d.previousStartsAt)]);
      if (d.location) facts.push([s.where, d.location]);
      if (d.videoUrl) facts.push([s.video, d.videoUrl]);
      if (template === 'meeting.cancelled') {
        const blocks: Block[] = [hello, { type: 'p', text: s.meetingCancelled.intro(d.byName) }, { type: 'facts', items: facts }];
        if (d.reason) blocks.push({ type: 'quote', label: s.meetingCancelled.reason, text: d.reason });
        blocks.push({ type: 'p', text: s.meetingCancelled.attached },
          { type: 'button', label: s.meetingCancelled.button, href: link(view, { mentorship: d.mentorshipId }) });
        return { subject: s.meetingCancelled.subject(d.title), heading: s.meetingCancelled.subject(d.title), blocks };
      }
      const t = template === 'meeting.scheduled' ? s.meetingScheduled : s.meetingUpdated;
      const subject = template === 'meeting.updated' && d.rescheduled ? s.meetingUpdated.subjectMoved(d.title) : t.subject(d.title);
      const intro = template === 'meeting.updated' && d.rescheduled ? s.meetingUpdated.introMoved(d.byName) : t.intro(d.byName);
      return {
        subject,
        heading: subject,
        blocks: [hello, { type: 'p', text: intro }, { type: 'facts', items: facts }, { type: 'p', text: t.attached },
          { type: 'button', label: t.button, href: link(view, { meeting: d.meetingId }) }],
      };
    }
    case 'application.approved':
    case 'application.rejected':
    case 'application.changes_requested': {
      const d = raw as unknown as TemplateData['application.approved'];
      const t = template === 'application.approved' ? s.applicationApproved : template === 'application.rejected' ? s.applicationRejected : s.applicationChanges;
      const blocks: Block[] = [hello, { type: 'p', text: t.intro }];
      if (d.notes) blocks.push({ type: 'quote', label: s.notes, text: d.notes });
      blocks.push({ type: 'button', label: t.button, href: link('mentor-dashboard') });
      return { subject: t.subject, heading: t.subject, blocks };
    }
    case 'messages.digest': {
      const d = raw as unknown as TemplateData['messages.digest'];
      const total = d.conversations.reduce((sum, c) => sum + c.unread, 0);
      return {
        subject: s.digest.subject(total),
        heading: s.digest.subject(total),
        blocks: [hello, { type: 'p', text: s.digest.intro(total) },
          { type: 'p', text: d.conversations.map((c) => s.digest.line(c.otherName, c.unread)).join('\n') },
          { type: 'button', label: s.digest.button, href: link('my-mentoring') }],
      };
    }
    case 'programme.enrolled': {
      const d = raw as unknown as TemplateData['programme.enrolled'];
      const t = s.programmeEnrolled;
      // Calendar dates, not instants: formatted as they are, in no one's time zone.
      const day = (date: string) => formatDay(date, ctx.language, null);
      const chooses = d.matching === 'mentee_choice';
      const button = d.role === 'mentee' && chooses
        ? { type: 'button' as const, label: t.findButton, href: link('find', { programme: d.programmeSlug }) }
        : { type: 'button' as const, label: t.openButton, href: link(d.role === 'mentor' ? 'mentor-dashboard' : 'my-mentoring', { programme: d.programmeSlug }) };
      return {
        subject: t.subject(d.programmeName),
        heading: t.subject(d.programmeName),
        blocks: [hello, { type: 'p', text: d.role === 'mentor' ? t.introMentor(d.programmeName) : t.introMentee(d.programmeName) },
          { type: 'facts', items: [[t.role, t.roles[d.role]], [t.dates, t.range(day(d.startsOn), day(d.endsOn))]] },
          { type: 'p', text: t.next[chooses ? 'menteeChoice' : 'adminMatched'][d.role] },
          button],
      };
    }
    case 'programme.introduced': {
      const d = raw as unknown as TemplateData['programme.introduced'];
      const t = s.programmeIntroduced;
      const blocks: Block[] = [hello, { type: 'p', text: t.intro(d.mentorName, d.programmeName) },
        { type: 'facts', items: [[t.score, `${d.score}/100`]] }];
      if (d.reasons.length > 0) blocks.push({ type: 'quote', label: t.why, text: d.reasons.map((r) => `• ${r}`).join('\n') });
      blocks.push(
        { type: 'p', text: t.next(d.mentorName, formatDay(d.expiresAt, ctx.language, ctx.timeZone)) },
        { type: 'button', label: t.button, href: link('my-mentoring', { request: d.requestId }) },
      );
      return { subject: t.subject(d.mentorName, d.programmeName), heading: t.subject(d.mentorName, d.programmeName), blocks };
    }
  }
}

/** The subject and both parts of one mail, in the recipient's language. */
export function renderMail(kind: MailKind, template: MailTemplate, data: Record<string, unknown>, ctx: MailContext): Rendered {
  const s = strings[ctx.language];
  const parts = compose(template, data, ctx);
  return render({
    ...parts,
    footer: {
      reason: s.footerReason(s.kind[kind]),
      unsubscribeLabel: s.unsubscribe,
      unsubscribeUrl: ctx.unsubscribeUrl,
      settingsLabel: s.settings,
      settingsUrl: portalLink(ctx.portalUrl, 'my-mentoring', { settings: 'email' }),
    },
  }, ctx.language);
}

/**
 * A mail's subject alone, as it went out (`GET /me/export` lists mail by subject and date). The
 * subject uses no link or time zone; the placeholder portal URL only lets the body be composed.
 */
export function mailSubject(template: MailTemplate, data: Record<string, unknown>, language: MailLanguage): string {
  return oneLine(compose(template, data, { language, recipientName: '', timeZone: null, portalUrl: 'http://localhost/', unsubscribeUrl: '' }).subject);
}
