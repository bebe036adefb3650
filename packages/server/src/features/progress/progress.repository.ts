import type { Milestone, MilestoneStatus, Progress, ProgressNote, TimelineEntry, TimelineEntryKind } from '@mentorkit/contract';
import { sql, type Selectable } from 'kysely';
import type { ProgressNotesTable } from '../../db/schema.js';
import type { Db, MentorshipRow } from '../lifecycle/workspace.js';
import { meetingsWithParties } from '../meetings/meetings.repository.js';
import { milestonesOf, toMilestone } from '../milestones/milestones.repository.js';

export const NOTES_SHOWN = 200;
const TIMELINE_SOURCE_LIMIT = 500;

export function toProgressNote(r: Selectable<ProgressNotesTable>): ProgressNote {
  return {
    id: r.id,
    mentorshipId: r.mentorship_id,
    authorId: r.author_id,
    body: r.body,
    progressPercent: r.progress_percent,
    createdAt: r.created_at.toISOString(),
  };
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

  const own = await db.selectFrom('audit_log').select(['action', 'actor_id', 'from_state', 'to_state', 'details', 'created_at', 'entity_id'])
    .where('entity_type', '=', 'mentorship').where('entity_id', '=', mentorship.id)
    .orderBy('id').limit(TIMELINE_SOURCE_LIMIT).execute();
  for (const a of own) {
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

  // Milestone rows may be gone (deleted): their history lives in the audit log, found through the
  // mentorship id its details carry (index `audit_by_mentorship`).
  const milestoneAudit = await db.selectFrom('audit_log').select(['action', 'actor_id', 'from_state', 'to_state', 'details', 'created_at', 'entity_id'])
    .where(sql<string>`details->>'mentorshipId'`, '=', mentorship.id)
    .where('entity_type', '=', 'milestone').where('action', '<>', 'milestone.moved')
    .orderBy('id').limit(TIMELINE_SOURCE_LIMIT).execute();
  for (const a of milestoneAudit) {
    const words = milestoneWords(a.from_state, a.to_state, a.action);
    const title = typeof a.details['title'] === 'string' ? a.details['title'] : '';
    push('milestone', { at: a.created_at.toISOString(), action: words.action, actorId: a.actor_id, refId: a.entity_id, title: `${words.title}: ${title}`, detail: null });
  }

  const meetings = await meetingsWithParties(db).where('m.mentorship_id', '=', mentorship.id)
    .orderBy('m.starts_at').limit(TIMELINE_SOURCE_LIMIT).execute();
  for (const m of meetings) {
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

export async function progressOf(db: Db, mentorship: MentorshipRow, now: Date): Promise<Progress> {
  const milestones = (await milestonesOf(db, mentorship.id)).map((m) => toMilestone(m, now));
  const notes = (await db.selectFrom('progress_notes').selectAll().where('mentorship_id', '=', mentorship.id)
    .orderBy('created_at', 'desc').orderBy('id', 'desc').limit(NOTES_SHOWN).execute()).map(toProgressNote);
  const latestWithPercent = await db.selectFrom('progress_notes').select('progress_percent')
    .where('mentorship_id', '=', mentorship.id).where('progress_percent', 'is not', null)
    .orderBy('created_at', 'desc').orderBy('id', 'desc').limit(1).executeTakeFirst();
  return {
    mentorshipId: mentorship.id,
    status: mentorship.status,
    ...computeProgress(milestones, latestWithPercent ? [{ progressPercent: latestWithPercent.progress_percent }] : []),
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
