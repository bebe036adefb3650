import { id, milestone, milestoneInput, milestonePatch, timelineInput, timelineResult } from '@mentorkit/contract';
import { created, defineRoute, noContent, ok } from '../../http/route.js';
import { idempotencyKeyFrom } from '../shared/idempotency.js';
import { addMilestone, deleteMilestone, setTimeline, updateMilestone } from './milestones.service.js';

/** The plan of a mentorship: its timeline (target date, templates) and milestones. */
export const milestoneRoutes = [
  defineRoute({
    method: 'put', path: '/mentorships/{id}/timeline', operationId: 'setTimeline', summary: 'Set the target end date, optionally from a template (the mentor)', tag: 'timeline', auth: 'bearer', role: 'mentor',
    params: { id }, body: { schema: timelineInput }, errors: ['forbidden', 'not_found', 'invalid_transition', 'conflict', 'rate_limited'], responses: [ok(timelineResult, 'The timeline')],
  }, async (c, { params, body }) => c.json(await setTimeline(c.get('deps'), c.get('viewer'), params.id, body), 200)),
  defineRoute({
    method: 'post', path: '/mentorships/{id}/milestones', operationId: 'addMilestone', summary: 'Add a milestone (the mentor)', tag: 'timeline', auth: 'bearer', role: 'mentor',
    params: { id }, body: { schema: milestoneInput }, idempotencyKey: true, errors: ['forbidden', 'not_found', 'invalid_transition', 'rate_limited'],
    responses: [created(milestone, 'The milestone')],
  }, async (c, { params, body }) => {
    const key = idempotencyKeyFrom(c.req.header('idempotency-key'));
    return c.json(await addMilestone(c.get('deps'), c.get('viewer'), params.id, body, key), 201);
  }),
  defineRoute({
    method: 'patch', path: '/milestones/{id}', operationId: 'updateMilestone', summary: 'Change a milestone: status (either party), plan fields (the mentor)', tag: 'timeline', auth: 'bearer', role: 'party',
    params: { id }, body: { schema: milestonePatch }, errors: ['forbidden', 'not_found', 'invalid_transition', 'rate_limited'], responses: [ok(milestone, 'The milestone')],
  }, async (c, { params, body }) => c.json(await updateMilestone(c.get('deps'), c.get('viewer'), params.id, body), 200)),
  defineRoute({
    method: 'delete', path: '/milestones/{id}', operationId: 'deleteMilestone', summary: 'Delete a milestone (the mentor)', tag: 'timeline', auth: 'bearer', role: 'mentor',
    params: { id }, errors: ['forbidden', 'not_found', 'invalid_transition', 'rate_limited'], responses: [noContent('Deleted')],
  }, async (c, { params }) => {
    await deleteMilestone(c.get('deps'), c.get('viewer'), params.id);
    return c.body(null, 204);
  }),
];
