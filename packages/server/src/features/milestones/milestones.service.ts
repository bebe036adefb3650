import {
  canTransition,
  mentorOnlyMilestoneFields,
  milestoneTransitions,
  type Milestone,
  type milestoneInput,
  type MilestoneTemplate,
  type milestonePatch,
  type TimelineResult,
  type timelineInput,
} from '@mentorkit/contract';
import type { z } from 'zod';
import type { Db } from '../../db/schema.js';
import { ApiError, notFound } from '../../http/errors.js';
import type { ServiceContext, Viewer } from '../../http/env.js';
import {
  assertMentor,
  assertNotBeforeStart,
  assertOpen,
  bothParties,
  lockOpenMentorship,
  otherParty,
  partyMentorship,
  utcDay,
  type MentorshipRow,
} from '../lifecycle/workspace.js';
import { toMentorship } from '../mentorships/mentorships.repository.js';
import { createOnce } from '../shared/idempotency.js';
import { record } from '../activity/record.js';
import { enforceWorkspaceLimits } from '../shared/rate-limit.js';
import {
  deleteMilestone as removeMilestone,
  insertMilestone,
  insertMilestones,
  milestoneById,
  milestonesOf,
  neighbourOf,
  nextPosition,
  partyMilestone,
  setTargetEndDate,
  toMilestone,
  updateMilestone as writeMilestone,
  type MilestoneChanges,
  type MilestoneRow,
} from './milestones.repository.js';
import { planFromTemplate } from './templates.js';

/*
 * Who may edit what: the plan is the mentor's — the target end date, templates, adding and
 * deleting milestones, and their title, description, due date and order. Either party moves a
 * milestone's status (not started ⇄ in progress ⇄ completed): the mentee does the work, the
 * mentor confirms it. Nothing changes once the mentorship has ended.
 */

type Ctx = Pick<ServiceContext, 'db' | 'now'>;
type Actor = Pick<Viewer, 'id' | 'name'>;

/** The viewer's mentorship, locked, for a change of the plan: 404 for outsiders, 403 for the mentee, 409 once ended. */
async function lockPlan(trx: Db, id: string, viewerId: string, what: string) {
  const row = await partyMentorship(trx, id, viewerId, true);
  assertMentor(row, viewerId, what);
  assertOpen(row);
  return row;
}

/**
 * Writes a timeline into a mentorship the caller holds locked: the target end date and, with a
 * template, its milestones dated up to that date (only into an empty plan: 409 otherwise).
 * Undefined when it is already so and nothing was written. Shared by `setTimeline` and by the
 * start of a programme's mentorship, which begins with the programme's template and end date.
 */
export async function applyTimeline(
  trx: Db,
  row: MentorshipRow,
  input: { targetEndDate: string | null; template: MilestoneTemplate | null },
  at: Date,
): Promise<{ updated: MentorshipRow; created: MilestoneRow[]; targetEndDate: string | null } | undefined> {
  let targetEndDate = input.targetEndDate;
  let planned: ReturnType<typeof planFromTemplate>['milestones'] = [];
  if (input.template) {
    const existing = await milestonesOf(trx, row.id);
    if (existing.length > 0) {
      throw new ApiError('conflict', 'A template starts a plan, and this mentorship already has milestones: add them one by one, or delete the existing ones first');
    }
    const plan = planFromTemplate(input.template, { start: utcDay(row.started_at), today: utcDay(at), target: input.targetEndDate });
    targetEndDate = plan.targetEndDate;
    planned = plan.milestones;
  }
  if (targetEndDate === row.target_end_date && planned.length === 0) return undefined;
  const updated = await setTargetEndDate(trx, row.id, targetEndDate, at);
  const created = await insertMilestones(trx, row.id, planned, await nextPosition(trx, row.id), at);
  return { updated, created, targetEndDate };
}

/**
 * Sets the target end date; with a template, also writes its milestones dated up to that date
 * (only into an empty plan). Setting what is already there writes nothing.
 */
export async function setTimeline({ db, now }: Ctx, viewer: Actor, mentorshipId: string, input: z.output<typeof timelineInput>): Promise<TimelineResult> {
  return db.transaction().execute(async (trx): Promise<TimelineResult> => {
    const row = await lockPlan(trx, mentorshipId, viewer.id, 'set the timeline');
    await enforceWorkspaceLimits(trx, 'milestones', viewer.id, now());
    assertNotBeforeStart(row, input.targetEndDate, 'targetEndDate');
    const at = now();
    const applied = await applyTimeline(trx, row, { targetEndDate: input.targetEndDate, template: input.template ?? null }, at);
    if (!applied) {
      return { mentorship: await toMentorship(trx, row), milestones: (await milestonesOf(trx, row.id)).map((m) => toMilestone(m, at)) };
    }
    const { updated, created, targetEndDate } = applied;
    const mentorship = await toMentorship(trx, updated);
    const createdMilestones = created.map((m) => toMilestone(m, at));
    await record(trx, {
      now: at,
      audit: {
        actorId: viewer.id, action: 'mentorship.timeline_set', entityType: 'mentorship', entityId: row.id,
        details: { mentorshipId: row.id, targetEndDate, previousTargetEndDate: row.target_end_date, template: input.template ?? null, milestonesAdded: created.length },
      },
      notices: [{
        userId: row.mentee_id,
        kind: 'timeline.updated',
        data: { mentorshipId: row.id, targetEndDate, template: input.template ?? null, milestonesAdded: created.length, byId: viewer.id, byName: viewer.name },
      }],
      events: [
        ...bothParties(row, 'mentorship.updated', mentorship),
        ...createdMilestones.flatMap((m) => bothParties(row, 'milestone.updated', m)),
      ],
    });
    for (const m of createdMilestones) {
      await record(trx, { now: at, audit: { actorId: viewer.id, action: 'milestone.created', entityType: 'milestone', entityId: m.id, to: m.status, details: { mentorshipId: row.id, title: m.title, dueDate: m.dueDate, template: input.template } } });
    }
    return { mentorship, milestones: (await milestonesOf(trx, row.id)).map((m) => toMilestone(m, at)) };
  });
}

/** Appends a milestone to the plan (the mentor). */
export async function addMilestone(
  { db, now }: Ctx,
  viewer: Actor,
  mentorshipId: string,
  input: z.output<typeof milestoneInput>,
  idempotencyKey: string | undefined,
): Promise<Milestone> {
  const { resource } = await createOnce(
    db,
    { userId: viewer.id, scope: 'milestone', key: idempotencyKey },
    async (trx, id) => {
      const row = await lockPlan(trx, mentorshipId, viewer.id, 'add milestones');
      await enforceWorkspaceLimits(trx, 'milestones', viewer.id, now());
      assertNotBeforeStart(row, input.dueDate, 'dueDate');
      const at = now();
      const inserted = await insertMilestone(trx, id, row.id, input, await nextPosition(trx, row.id), at);
      const milestone = toMilestone(inserted, at);
      await record(trx, {
        now: at,
        audit: { actorId: viewer.id, action: 'milestone.created', entityType: 'milestone', entityId: id, to: milestone.status, details: { mentorshipId: row.id, title: milestone.title, dueDate: milestone.dueDate } },
        notices: [{ userId: row.mentee_id, kind: 'milestone.added', data: { mentorshipId: row.id, milestoneId: id, title: milestone.title, dueDate: milestone.dueDate, byId: viewer.id, byName: viewer.name } }],
        events: bothParties(row, 'milestone.updated', milestone),
      });
      return milestone;
    },
    async (id) => toMilestone((await milestoneById(db, id))!, now()),
  );
  return resource;
}

/**
 * Status: either party. Title, description, due date and `move`: the mentor only — a mentee
 * sending any of them gets 403 and nothing changes. A patch that changes nothing writes nothing.
 */
export async function updateMilestone({ db, now }: Ctx, viewer: Actor, milestoneId: string, patch: z.output<typeof milestonePatch>): Promise<Milestone> {
  const seen = await partyMilestone(db, milestoneId, viewer.id);
  const editsPlan = mentorOnlyMilestoneFields.filter((f) => patch[f] !== undefined);
  if (editsPlan.length > 0 && seen.mentor_id !== viewer.id) {
    throw new ApiError('forbidden', `Only the mentor can change ${editsPlan.join(', ')}; either of you can change the status`);
  }
  return db.transaction().execute(async (trx): Promise<Milestone> => {
    const mentorship = await lockOpenMentorship(trx, seen.mentorship_id, viewer.id);
    const row = await milestoneById(trx, seen.id, true);
    if (!row) throw notFound('Milestone');
    await enforceWorkspaceLimits(trx, 'milestones', viewer.id, now());
    assertNotBeforeStart(mentorship, patch.dueDate, 'dueDate');
    const at = now();
    const set: MilestoneChanges = {};
    const changed: string[] = [];
    if (patch.title !== undefined && patch.title !== row.title) { set.title = patch.title; changed.push('title'); }
    if (patch.description !== undefined && patch.description !== row.description) { set.description = patch.description; changed.push('description'); }
    if (patch.dueDate !== undefined && patch.dueDate !== row.due_date) { set.due_date = patch.dueDate; changed.push('dueDate'); }
    if (patch.status !== undefined && patch.status !== row.status) {
      if (!canTransition(milestoneTransitions, row.status, patch.status)) {
        throw new ApiError('invalid_transition', `A milestone that is ${row.status.replace('_', ' ')} cannot become ${patch.status.replace('_', ' ')}`);
      }
      set.status = patch.status;
      set.completed_at = patch.status === 'completed' ? at : null;
      changed.push('status');
    }
    let swapped: MilestoneRow | undefined;
    if (patch.move) {
      const neighbour = await neighbourOf(trx, row, patch.move);
      if (neighbour) {
        swapped = await writeMilestone(trx, neighbour.id, { position: row.position }, at);
        set.position = neighbour.position;
        changed.push('position');
      }
    }
    if (changed.length === 0) return toMilestone(row, at);
    const updated = await writeMilestone(trx, row.id, set, at);
    const milestone = toMilestone(updated, at);
    const moveOnly = changed.length === 1 && changed[0] === 'position';
    await record(trx, {
      now: at,
      audit: {
        actorId: viewer.id,
        action: set.status ? 'milestone.status_changed' : moveOnly ? 'milestone.moved' : 'milestone.edited',
        entityType: 'milestone', entityId: row.id,
        ...(set.status ? { from: row.status, to: set.status } : {}),
        details: { mentorshipId: row.mentorship_id, title: updated.title, changed, ...(set.due_date !== undefined ? { dueDate: set.due_date } : {}) },
      },
      // Reordering alone is too small to notify about; the events still update both screens.
      notices: moveOnly ? [] : [{
        userId: otherParty(mentorship, viewer.id),
        kind: 'milestone.updated',
        data: { mentorshipId: row.mentorship_id, milestoneId: row.id, title: updated.title, status: updated.status, changed, byId: viewer.id, byName: viewer.name },
      }],
      events: [
        ...bothParties(mentorship, 'milestone.updated', milestone),
        ...(swapped ? bothParties(mentorship, 'milestone.updated', toMilestone(swapped, at)) : []),
      ],
    });
    return milestone;
  });
}

/** Removes a milestone from the plan (the mentor). */
export async function deleteMilestone({ db, now }: Ctx, viewer: Actor, milestoneId: string): Promise<void> {
  const seen = await partyMilestone(db, milestoneId, viewer.id);
  if (seen.mentor_id !== viewer.id) throw new ApiError('forbidden', 'Only the mentor can delete milestones');
  await db.transaction().execute(async (trx) => {
    const mentorship = await lockOpenMentorship(trx, seen.mentorship_id, viewer.id);
    const row = await milestoneById(trx, seen.id, true);
    if (!row) throw notFound('Milestone');
    await enforceWorkspaceLimits(trx, 'milestones', viewer.id, now());
    const at = now();
    await removeMilestone(trx, row.id);
    await record(trx, {
      now: at,
      audit: { actorId: viewer.id, action: 'milestone.deleted', entityType: 'milestone', entityId: row.id, from: row.status, details: { mentorshipId: row.mentorship_id, title: row.title } },
      notices: [{ userId: mentorship.mentee_id, kind: 'milestone.removed', data: { mentorshipId: row.mentorship_id, milestoneId: row.id, title: row.title, byId: viewer.id, byName: viewer.name } }],
      events: bothParties(mentorship, 'milestone.updated', { ...toMilestone(row, at), deleted: true } satisfies Milestone),
    });
  });
}
