import type { Milestone, MilestoneStatus, Progress, ProgressNote, TimelineEntry, TimelineEntryKind } from '@mentorkit/contract';
import type { Db } from '../../db/schema.js';
import type { ServiceContext, Viewer } from '../../http/env.js';
import { bothParties, lockOpenMentorship, otherParty, partyMentorship, type MentorshipRow } from '../lifecycle/workspace.js';
import { milestonesOf, toMilestone } from '../milestones/milestones.repository.js';
import { createOnce } from '../shared/idempotency.js';
import { record } from '../activity/record.js';
import { enforceWorkspaceLimits } from '../shared/rate-limit.js';
import {
  insertProgressNote,
  latestNotes,
  latestPercent,
  meetingsOfMentorship,
  mentorshipAudit,
  milestoneAudit,
  progressNoteById,
} from './progress.repository.js';

const NOTES_SHOWN = 200;
const TIMELINE_SOURCE_LIMIT = 500;

/** A progress note by either party of an open mentorship. */
export async function addProgressNote(
  { db, now }: Pick<ServiceContext, 'db' | 'now'>,
  viewer: Pick<Viewer, 'id' | 'name'>,
  mentorshipId: string,
  input: { body: string; progressPercent?: number | null | undefined },
  idempotencyKey: string | undefined,
): Promise<ProgressNote> {
  const { resource } = await createOnce(
    db,
    { userId: viewer.id, scope: 'progress-note', key: idempotencyKey },
    async (trx, id) => {
      const mentorship = await lockOpenMentorship(trx, mentorshipId, viewer.id);
      const at = now();
      await enforceWorkspaceLimits(trx, 'progressNotes', viewer.id, at);
      const note = await insertProgressNote(trx, { id, mentorshipId: mentorship.id, authorId: viewer.id, body: input.body, progressPercent: input.progressPercent ?? null, at });
      await record(trx, {
        now: at,
        audit: { actorId: viewer.id, action: 'progress.noted', entityType: 'progress_note', entityId: id, details: { mentorshipId: mentorship.id, progressPercent: note.progressPercent } },
        notices: [{ userId: otherParty(mentorship, viewer.id), kind: 'progress.note_added', data: { mentorshipId: mentorship.id, noteId: id, progressPercent: note.progressPercent, byId: viewer.id, byName: viewer.name } }],
        events: bothParties(mentorship, 'progress.created', note),
      });
      return note;
    },
    (id) => progressNoteById(db, id),
  );
  return resource;
}

/** The progress of one of the viewer's mentorships: percent, counts, milestones, notes and timeline. */
export async function getProgress({ db, now }: Pick<ServiceContext, 'db' | 'now'>, viewer: Pick<Viewer, 'id'>, mentorshipId: string): Promise<Progress> {
  const mentorship = await partyMentorship(db, mentorshipId, viewer.id);
  return progressOf(db, mentorship, now());
}

/**
 * DESIGN.md §2: (completed + ½ · in-progress) / milestones when there are milestones; otherwise
 * the percent of the latest note that gave one; otherwise 0.
 */
export function computeProgress(milestones: Pick<Milestone, 'status'>[], notesNewestFirst: Pick<ProgressNote, 'progressPercent'>[]): Pick<Progress, 'progressPercent' | 'basis'> {
  if (milestones.length > 0) {
    const completed = milestones.filter((m) => m.status === 'completed').length;
    const inProgress = milestones.filter((m) => m.status === 'in_progress').length;
    return { progressPercent: Math.round((100 * (completed + inProgress / 2)) / milestones.length), basis: 'milestones' };
  }
  const latest = notesNewestFirst.find((n) => n.progressPercent !== null);
  return latest ? { progressPercent: latest.progressPercent!, basis: 'notes' } : { progressPercent: 0, basis: 'none' };
}

async function progressOf(db: Db, mentorship: MentorshipRow, now: Date): Promise<Progress> {
  const milestones = (await milestonesOf(db, mentorship.id)).map((m) => toMilestone(m, now));
  const notes = await latestNotes(db, mentorship.id, NOTES_SHOWN);
  const percent = await latestPercent(db, mentorship.id);
  return {
    mentorshipId: mentorship.id,
    status: mentorship.status,
    ...computeProgress(milestones, percent !== undefined ? [{ progressPercent: percent }] : []),
    targetEndDate: mentorship.target_end_date,
    counts: {
      milestones: milestones.length,
      completed: milestones.filter((m) => m.status === 'completed').length,
      inProgress: milestones.filter((m) => m.status === 'in_progress').length,
      overdue: milestones.filter((m) => m.overdue).length,
    },
    milestones,
    notes,
    timeline: await timelineOf(db, mentorship, notes),
  };
}

const statusWords: Record<string, string> = {
  'mentorship.started': 'Mentorship started',
  'mentorship.paused': 'Mentorship paused',
  'mentorship.resumed': 'Mentorship resumed',
  'mentorship.completed': 'Mentorship completed',
  'mentorship.cancelled': 'Mentorship cancelled',
};

const milestoneWords = (from: string | null, to: string | null, action: string): { action: string; title: string } => {
  if (action === 'milestone.created') return { action: 'created', title: 'Milestone added' };
  if (action === 'milestone.deleted') return { action: 'removed', title: 'Milestone removed' };
  if (action === 'milestone.status_changed') {
    const key = `${from}>${to}` as `${MilestoneStatus}>${MilestoneStatus}`;
    const words: Partial<Record<typeof key, [string, string]>> = {
      'not_started>in_progress': ['started', 'Milestone started'],
      'in_progress>completed': ['completed', 'Milestone completed'],
      'completed>in_progress': ['reopened', 'Milestone reopened'],
      'in_progress>not_started': ['reset', 'Milestone set back to not started'],
    };
    const [a, t] = words[key] ?? ['status_changed', 'Milestone status changed'];
    return { action: a, title: t };
  }
  return { action: 'edited', title: 'Milestone edited' };
};

/** Meetings (at their start), status and plan changes, milestone changes and notes, oldest first. */
async function timelineOf(db: Db, mentorship: MentorshipRow, notes: ProgressNote[]): Promise<TimelineEntry[]> {
  const entries: (TimelineEntry & { order: number })[] = [];
  const push = (kind: TimelineEntryKind, e: Omit<TimelineEntry, 'kind'>) => entries.push({ kind, ...e, order: entries.length });

  for (const a of await mentorshipAudit(db, mentorship.id, TIMELINE_SOURCE_LIMIT)) {
    const at = a.created_at.toISOString();
    if (a.action === 'mentorship.timeline_set') {
      const target = typeof a.details['targetEndDate'] === 'string' ? a.details['targetEndDate'] : null;
      const template = typeof a.details['template'] === 'string' ? a.details['template'] : null;
      push('plan', {
        at, action: 'timeline_set', actorId: a.actor_id, refId: mentorship.id,
        title: target ? `Target end date set to ${target}` : 'Target end date cleared',
        detail: template ? `Plan created from the ${template} template (${String(a.details['milestonesAdded'] ?? 0)} milestones)` : null,
      });
    } else if (a.to_state && statusWords[a.action]) {
      push('status', {
        at, action: a.to_state, actorId: a.actor_id, refId: mentorship.id, title: statusWords[a.action]!,
        detail: typeof a.details['reason'] === 'string' ? a.details['reason'] : null,
      });
    }
  }

  for (const a of await milestoneAudit(db, mentorship.id, TIMELINE_SOURCE_LIMIT)) {
    const words = milestoneWords(a.from_state, a.to_state, a.action);
    const title = typeof a.details['title'] === 'string' ? a.details['title'] : '';
    push('milestone', { at: a.created_at.toISOString(), action: words.action, actorId: a.actor_id, refId: a.entity_id, title: `${words.title}: ${title}`, detail: null });
  }

  for (const m of await meetingsOfMentorship(db, mentorship.id, TIMELINE_SOURCE_LIMIT)) {
    push('meeting', {
      at: m.starts_at.toISOString(), action: m.status, actorId: m.created_by, refId: m.id, title: m.title,
      detail: m.status === 'completed' ? m.notes : m.status === 'cancelled' ? m.cancel_reason : m.agenda,
    });
  }

  for (const n of notes) {
    push('note', {
      at: n.createdAt, action: null, actorId: n.authorId, refId: n.id,
      title: n.progressPercent === null ? 'Progress note' : `Progress note (${n.progressPercent}%)`, detail: n.body,
    });
  }

  return entries
    .sort((a, b) => a.at.localeCompare(b.at) || a.order - b.order)
    .map(({ order: _order, ...entry }) => entry);
}
