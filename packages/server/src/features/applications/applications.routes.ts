import { mentorApplication, mentorApplicationInput, myMentorApplication } from '@mentorkit/contract';
import { created, defineRoute, ok } from '../../http/route.js';
import { applyAsMentor, myApplication, resubmitApplication } from './applications.service.js';

/** An alumnus applies for mentor status, reads the status, and resubmits after "changes requested". */
export const applicationRoutes = [
  defineRoute({
    method: 'post', path: '/mentor-applications', operationId: 'applyAsMentor', summary: 'Apply for mentor status', tag: 'applications', auth: 'bearer', role: 'self',
    body: { schema: mentorApplicationInput }, idempotencyKey: true, errors: ['conflict'], responses: [created(mentorApplication, 'The application')],
  }, async (c, { body }) => c.json(await applyAsMentor(c.get('deps'), c.get('viewer'), body, c.req.header('idempotency-key')), 201)),
  defineRoute({
    method: 'get', path: '/mentor-applications/mine', operationId: 'getMyApplication', summary: 'The caller’s latest application', tag: 'applications', auth: 'bearer', role: 'self',
    responses: [ok(myMentorApplication, 'The latest application, or `application: null` when the caller never applied')],
  }, async (c) => c.json(await myApplication(c.get('deps'), c.get('viewer')), 200)),
  defineRoute({
    method: 'put', path: '/mentor-applications/mine', operationId: 'resubmitApplication', summary: 'Resubmit after changes were requested', tag: 'applications', auth: 'bearer', role: 'self',
    body: { schema: mentorApplicationInput }, errors: ['not_found', 'invalid_transition'], responses: [ok(mentorApplication, 'The application, pending again')],
  }, async (c, { body }) => c.json(await resubmitApplication(c.get('deps'), c.get('viewer'), body), 200)),
];
