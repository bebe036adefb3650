import type { Milestone } from '@mentorkit/contract';
import type { Selectable } from 'kysely';
import type { MilestonesTable } from '../../db/schema.js';
import { notFound } from '../../http/errors.js';
import { utcDay, type Db } from '../lifecycle/workspace.js';
import { UUID } from '../shared/paging.js';

export type MilestoneRow = Selectable<MilestonesTable>;

/** Overdue: due before today (UTC) and not completed. */
export function toMilestone(r: MilestoneRow, now: Date): Milestone {
  return {
    id: r.id,
    mentorshipId: r.mentorship_id,
    title: r.title,
    description: r.description,
    dueDate: r.due_date,
    status: r.status,
    position: r.position,
    overdue: r.due_date !== null && r.status !== 'completed' && r.due_date < utcDay(now),
    completedAt: r.completed_at?.toISOString() ?? null,
    createdAt: r.created_at.toISOString(),
    updatedAt: r.updated_at.toISOString(),
  };
}

/** A mentorship's plan in order. */
export function milestonesOf(db: Db, mentorshipId: string) {
  return db.selectFrom('milestones').selectAll().where('mentorship_id', '=', mentorshipId)
    .orderBy('position').orderBy('created_at').orderBy('id').execute();
}

export async function milestoneById(db: Db, id: string, lock = false) {
  let q = db.selectFrom('milestones').selectAll().where('id', '=', id);
  if (lock) q = q.forUpdate();
  return q.executeTakeFirst();
}

/** A milestone of one of the viewer's mentorships, with its mentorship's parties; 404 for anyone else. */
export async function partyMilestone(db: Db, id: string, viewerId: string) {
  const row = UUID.test(id)
    ? await db.selectFrom('milestones as ml').innerJoin('mentorships as ms', 'ms.id', 'ml.mentorship_id')
      .select(['ml.id', 'ml.mentorship_id', 'ms.mentor_id', 'ms.mentee_id'])
      .where('ml.id', '=', id).executeTakeFirst()
    : undefined;
  if (!row || (row.mentor_id !== viewerId && row.mentee_id !== viewerId)) throw notFound('Milestone');
  return row;
}

export async function nextPosition(db: Db, mentorshipId: string): Promise<number> {
  const row = await db.selectFrom('milestones').select((eb) => eb.fn.max('position').as('last'))
    .where('mentorship_id', '=', mentorshipId).executeTakeFirst();
  return (row?.last ?? 0) + 1;
}
