import {
  cancelMentorshipInput,
  feedback,
  feedbackInput,
  feedbackStatus as feedbackStatusSchema,
  historyQuery,
  id,
  mentorship,
  statusChangePage,
} from '@mentorkit/contract';
import { created, defineRoute, ok } from '../../http/route.js';
import { idempotencyKeyFrom } from '../shared/idempotency.js';
import { changeMentorshipStatus, feedbackStatus, leaveFeedback, mentorshipHistory } from './lifecycle.service.js';

/** Pause, resume, complete, cancel (either party), the history of status changes, and feedback after completion. */
export const lifecycleRoutes = [
  ...(['pause', 'resume', 'complete'] as const).map((action) => defineRoute({
    method: 'post', path: `/mentorships/{id}/${action}`, operationId: `${action}Mentorship`, summary: `${action[0]!.toUpperCase()}${action.slice(1)} a mentorship (either party)`,
    tag: 'mentorships', auth: 'bearer', role: 'party', params: { id }, errors: ['not_found', 'invalid_transition'], responses: [ok(mentorship, 'The mentorship')],
  }, async (c, { params }) => c.json(await changeMentorshipStatus(c.get('deps'), c.get('viewer'), params.id, action), 200))),
  defineRoute({
    method: 'post', path: '/mentorships/{id}/cancel', operationId: 'cancelMentorship', summary: 'Cancel a mentorship with a reason (either party)', tag: 'mentorships', auth: 'bearer', role: 'party',
    params: { id }, body: { schema: cancelMentorshipInput }, errors: ['not_found', 'invalid_transition'], responses: [ok(mentorship, 'The mentorship')],
  }, async (c, { params, body }) => c.json(await changeMentorshipStatus(c.get('deps'), c.get('viewer'), params.id, 'cancel', body.reason), 200)),
  defineRoute({
    method: 'get', path: '/mentorships/{id}/history', operationId: 'mentorshipHistory', summary: 'Status changes of a mentorship', tag: 'mentorships', auth: 'bearer', role: 'party',
    params: { id }, query: historyQuery, errors: ['not_found'], responses: [ok(statusChangePage, 'A page of status changes')],
  }, async (c, { params, query }) => c.json(await mentorshipHistory(c.get('deps'), c.get('viewer'), params.id, query), 200)),
  defineRoute({
    method: 'get', path: '/mentorships/{id}/feedback', operationId: 'feedbackStatus', summary: 'Whether the caller can leave feedback, and what was given', tag: 'mentorships', auth: 'bearer', role: 'party',
    params: { id }, errors: ['not_found'], responses: [ok(feedbackStatusSchema, 'The feedback status')],
  }, async (c, { params }) => c.json(await feedbackStatus(c.get('deps'), c.get('viewer'), params.id), 200)),
  defineRoute({
    method: 'post', path: '/mentorships/{id}/feedback', operationId: 'leaveFeedback', summary: 'Rate the other party after completion', tag: 'mentorships', auth: 'bearer', role: 'party',
    params: { id }, body: { schema: feedbackInput }, idempotencyKey: true, errors: ['not_found', 'invalid_transition', 'conflict'],
    responses: [created(feedback, 'The feedback')],
  }, async (c, { params, body }) => {
    const key = idempotencyKeyFrom(c.req.header('idempotency-key'));
    return c.json(await leaveFeedback(c.get('deps'), c.get('viewer'), params.id, body, key), 201);
  }),
];
