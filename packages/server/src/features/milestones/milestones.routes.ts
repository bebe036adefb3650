import {
  canTransition,
  mentorOnlyMilestoneFields,
  milestoneInput,
  milestonePatch,
  milestoneTransitions,
  timelineInput,
  type Milestone,
  type TimelineResult,
} from '@mentorkit/contract';
import { Hono } from 'hono';
import type { Transaction } from 'kysely';
import type { Database } from '../../db/schema.js';
import { ApiError, notFound } from '../../http/errors.js';
import type { AppEnv } from '../../http/env.js';
import { validate } from '../../http/validate.js';
import {
  assertMentor,
  assertNotBeforeStart,
  assertOpen,
  bothParties,
  lockOpenMentorship,
  otherParty,
  partyMentorship,
  utcDay,
  viewerRequired,
} from '../lifecycle/workspace.js';
import { toMentorship } from '../mentorships/mentorships.repository.js';
import { createOnce, idempotencyKeyFrom } from '../shared/idempotency.js';
import { record } from '../shared/record.js';
import { enforceWorkspaceLimits } from '../shared/rate-limit.js';
import { milestoneById, milestonesOf, nextPosition, partyMilestone, toMilestone, type MilestoneRow } from './milestones.repository.js';
import { planFromTemplate } from './templates.js';

/*
 * Who may edit what: the plan is the mentor's — the target end date, templates, adding and
 * deleting milestones, and their title, description, due date and order. Either party moves a
 * milestone's status (not started ⇄ in progress ⇄ completed): the mentee does the work, the
 * mentor confirms it. Nothing changes once the mentorship has ended.
 */

/** Mounted at `/mentorships`: the timeline (target date, templates) and new milestones. */
export const mentorshipMilestoneRoutes = new Hono<AppEnv>()
  .use(viewerRequired)
  .put('/:id/timeline', validate('json', timelineInput), async (c) => {
    const { db, now } = c.get('deps');
    const viewer = c.get('viewer');
    const input = c.req.valid('json');
    const result = await db.transaction().execute(async (trx): Promise<TimelineResult> => {
      const row = await lockPlan(trx, c.req.param('id'), viewer.id, 'set the timeline');
      await enforceWorkspaceLimits(trx, 'milestones', viewer.id, now());
      assertNotBeforeStart(row, input.targetEndDate, 'targetEndDate');
      const at = now();
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
      if (targetEndDate === row.target_end_date && planned.length === 0) {
        return { mentorship: await toMentorship(trx, row), milestones: (await milestonesOf(trx, row.id)).map((m) => toMilestone(m, at)) };
      }
      const updated = await trx.updateTable('mentorships').set({ target_end_date: targetEndDate, updated_at: at })
        .where('id', '=', row.id).returningAll().executeTakeFirstOrThrow();
      const first = await nextPosition(trx, row.id);
      const created = planned.length === 0 ? [] : await trx.insertInto('milestones').values(planned.map((m, i) => ({
        mentorship_id: row.id, title: m.title, description: m.description, due_date: m.dueDate, position: first + i, created_at: at, updated_at: at,
      }))).returningAll().execute();
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
    return c.json(result, 200);
  })
  .post('/:id/milestones', validate('json', milestoneInput), async (c) => {
    const { db, now } = c.get('deps');
    const viewer = c.get('viewer');
    const input = c.req.valid('json');
    const { resource } = await createOnce(
      db,
      { userId: viewer.id, scope: 'milestone', key: idempotencyKeyFrom(c.req.header('idempotency-key')) },
      async (trx, id) => {
        const row = await lockPlan(trx, c.req.param('id'), viewer.id, 'add milestones');
        await enforceWorkspaceLimits(trx, 'milestones', viewer.id, now());
        assertNotBeforeStart(row, input.dueDate, 'dueDate');
        const at = now();
        const inserted = await trx.insertInto('milestones').values({
          id, mentorship_id: row.id, title: input.title, description: input.description, due_date: input.dueDate,
          position: await nextPosition(trx, row.id), created_at: at, updated_at: at,
        }).returningAll().executeTakeFirstOrThrow();
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
    return c.json(resource, 201);
  });

/** The viewer's mentorship, locked, for a change of the plan: 404 for outsiders, 403 for the mentee, 409 once ended. */
async function lockPlan(trx: Transaction<Database>, id: string, viewerId: string, what: string) {
  const row = await partyMentorship(trx, id, viewerId, true);
  assertMentor(row, viewerId, what);
  assertOpen(row);
  return row;
}

/** Mounted at `/milestones`. */
export const milestoneRoutes = new Hono<AppEnv>()
  .use(viewerRequired)
  /**
   * Status: either party. Title, description, due date and `move`: the mentor only — a mentee
   * sending any of them gets 403 and nothing changes. A patch that changes nothing writes nothing.
   */
  .patch('/:id', validate('json', milestonePatch), async (c) => {
    const { db, now } = c.get('deps');
    const viewer = c.get('viewer');
    const patch = c.req.valid('json');
    const seen = await partyMilestone(db, c.req.param('id'), viewer.id);
    const editsPlan = mentorOnlyMilestoneFields.filter((f) => patch[f] !== undefined);
    if (editsPlan.length > 0 && seen.mentor_id !== viewer.id) {
      throw new ApiError('forbidden', `Only the mentor can change ${editsPlan.join(', ')}; either of you can change the status`);
    }
    const milestone = await db.transaction().execute(async (trx): Promise<Milestone> => {
      const mentorship = await lockOpenMentorship(trx, seen.mentorship_id, viewer.id);
      const row = await milestoneById(trx, seen.id, true);
      if (!row) throw notFound('Milestone');
      await enforceWorkspaceLimits(trx, 'milestones', viewer.id, now());
      assertNotBeforeStart(mentorship, patch.dueDate, 'dueDate');
      const at = now();
      const set: Partial<Pick<MilestoneRow, 'title' | 'description' | 'due_date' | 'status' | 'completed_at' | 'position'>> = {};
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
        let q = trx.selectFrom('milestones').selectAll().where('mentorship_id', '=', row.mentorship_id);
        q = patch.move === 'up'
          ? q.where('position', '<', row.position).orderBy('position', 'desc')
          : q.where('position', '>', row.position).orderBy('position', 'asc');
        const neighbour = await q.limit(1).forUpdate().executeTakeFirst();
        if (neighbour) {
          swapped = await trx.updateTable('milestones').set({ position: row.position, updated_at: at })
            .where('id', '=', neighbour.id).returningAll().executeTakeFirstOrThrow();
          set.position = neighbour.position;
          changed.push('position');
        }
      }
      if (changed.length === 0) return toMilestone(row, at);
      const updated = await trx.updateTable('milestones').set({ ...set, updated_at: at })
        .where('id', '=', row.id).returningAll().executeTakeFirstOrThrow();
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
    return c.json(milestone, 200);
  })
  /** The mentor only. */
  .delete('/:id', async (c) => {
    const { db, now } = c.get('deps');
    const viewer = c.get('viewer');
    const seen = await partyMilestone(db, c.req.param('id'), viewer.id);
    if (seen.mentor_id !== viewer.id) throw new ApiError('forbidden', 'Only the mentor can delete milestones');
    await db.transaction().execute(async (trx) => {
      const mentorship = await lockOpenMentorship(trx, seen.mentorship_id, viewer.id);
      const row = await milestoneById(trx, seen.id, true);
      if (!row) throw notFound('Milestone');
      await enforceWorkspaceLimits(trx, 'milestones', viewer.id, now());
      const at = now();
      await trx.deleteFrom('milestones').where('id', '=', row.id).execute();
      await record(trx, {
        now: at,
        audit: { actorId: viewer.id, action: 'milestone.deleted', entityType: 'milestone', entityId: row.id, from: row.status, details: { mentorshipId: row.mentorship_id, title: row.title } },
        notices: [{ userId: mentorship.mentee_id, kind: 'milestone.removed', data: { mentorshipId: row.mentorship_id, milestoneId: row.id, title: row.title, byId: viewer.id, byName: viewer.name } }],
        events: bothParties(mentorship, 'milestone.updated', { ...toMilestone(row, at), deleted: true } satisfies Milestone),
      });
    });
    return c.body(null, 204);
  });
