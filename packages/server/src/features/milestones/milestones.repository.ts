import type { Milestone } from '@mentorkit/contract';
import type { Selectable } from 'kysely';
import type { Db, MilestonesTable } from '../../db/schema.js';
import { notFound } from '../../http/errors.js';
import { utcDay } from '../lifecycle/workspace.js';
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

export function setTargetEndDate(db: Db, mentorshipId: string, targetEndDate: string | null, at: Date) {
  return db.updateTable('mentorships').set({ target_end_date: targetEndDate, updated_at: at })
    .where('id', '=', mentorshipId).returningAll().executeTakeFirstOrThrow();
}

export interface NewMilestone {
  title: string;
  description: string;
  dueDate: string | null;
}

/** Appends milestones in the order given, numbered from `first`. */
export async function insertMilestones(db: Db, mentorshipId: string, milestones: NewMilestone[], first: number, at: Date): Promise<MilestoneRow[]> {
  if (milestones.length === 0) return [];
  return db.insertInto('milestones').values(milestones.map((m, i) => ({
    mentorship_id: mentorshipId, title: m.title, description: m.description, due_date: m.dueDate, position: first + i, created_at: at, updated_at: at,
  }))).returningAll().execute();
}

export function insertMilestone(db: Db, id: string, mentorshipId: string, milestone: NewMilestone, position: number, at: Date) {
  return db.insertInto('milestones').values({
    id, mentorship_id: mentorshipId, title: milestone.title, description: milestone.description, due_date: milestone.dueDate,
    position, created_at: at, updated_at: at,
  }).returningAll().executeTakeFirstOrThrow();
}

/** The milestone just before (`up`) or after (`down`) `row` in its plan, locked; undefined at either end. */
export function neighbourOf(db: Db, row: MilestoneRow, move: 'up' | 'down') {
  let q = db.selectFrom('milestones').selectAll().where('mentorship_id', '=', row.mentorship_id);
  q = move === 'up'
    ? q.where('position', '<', row.position).orderBy('position', 'desc')
    : q.where('position', '>', row.position).orderBy('position', 'asc');
  return q.limit(1).forUpdate().executeTakeFirst();
}

export type MilestoneChanges = Partial<Pick<MilestoneRow, 'title' | 'description' | 'due_date' | 'status' | 'completed_at' | 'position'>>;

export function updateMilestone(db: Db, id: string, set: MilestoneChanges, at: Date) {
  return db.updateTable('milestones').set({ ...set, updated_at: at })
    .where('id', '=', id).returningAll().executeTakeFirstOrThrow();
}

export async function deleteMilestone(db: Db, id: string): Promise<void> {
  await db.deleteFrom('milestones').where('id', '=', id).execute();
}
