import { acceptResult, declineInput, id, mentorshipRequest, mentorshipRequestInput, mentorshipRequestPage, requestListQuery } from '@mentorkit/contract';
import { created, defineRoute, ok } from '../../http/route.js';
import { acceptRequest, createRequest, declineRequest, getRequest, listRequests, withdrawRequest } from './requests.service.js';

export const requestRoutes = [
  defineRoute({
    method: 'post', path: '/mentorship-requests', operationId: 'createRequest', summary: 'Ask a mentor', tag: 'requests', auth: 'bearer', role: 'user',
    description: 'With `programmeId`, inside a `mentee_choice` programme both people are enrolled in (each in their role) and that has not ended; '
      + 'the mentorship it starts then ends with the programme and begins with its template’s milestones.',
    body: { schema: mentorshipRequestInput }, idempotencyKey: true,
    errors: ['not_found', 'conflict', 'duplicate_request', 'too_many_pending_requests', 'mentor_unavailable', 'rate_limited', 'not_enrolled', 'programme_ended'],
    responses: [created(mentorshipRequest, 'The request')],
  }, async (c, { body }) => c.json(await createRequest(c.get('deps'), c.get('viewer'), body, c.req.header('idempotency-key')), 201)),
  defineRoute({
    method: 'get', path: '/mentorship-requests', operationId: 'listRequests', summary: 'Requests the caller sent or received', tag: 'requests', auth: 'bearer', role: 'self',
    query: requestListQuery, responses: [ok(mentorshipRequestPage, 'A page of requests')],
  }, async (c, { query }) => c.json(await listRequests(c.get('deps'), c.get('viewer'), query), 200)),
  defineRoute({
    method: 'get', path: '/mentorship-requests/{id}', operationId: 'getRequest', summary: 'One request', tag: 'requests', auth: 'bearer', role: 'party',
    params: { id }, errors: ['not_found'], responses: [ok(mentorshipRequest, 'The request')],
  }, async (c, { params }) => c.json(await getRequest(c.get('deps'), c.get('viewer'), params.id), 200)),
  defineRoute({
    method: 'post', path: '/mentorship-requests/{id}/accept', operationId: 'acceptRequest', summary: 'Accept a request (the mentor); starts the mentorship', tag: 'requests', auth: 'bearer', role: 'mentor',
    description: 'Idempotent: accepting an accepted request answers with the mentorship it made.',
    params: { id }, errors: ['forbidden', 'not_found', 'invalid_transition', 'capacity_reached', 'mentor_unavailable', 'conflict', 'programme_ended'],
    responses: [ok(acceptResult, 'The request with its new mentorship')],
  }, async (c, { params }) => c.json(await acceptRequest(c.get('deps'), c.get('viewer'), params.id), 200)),
  defineRoute({
    method: 'post', path: '/mentorship-requests/{id}/decline', operationId: 'declineRequest', summary: 'Decline a request with a reason (the mentor)', tag: 'requests', auth: 'bearer', role: 'mentor',
    params: { id }, body: { schema: declineInput }, errors: ['forbidden', 'not_found', 'invalid_transition'], responses: [ok(mentorshipRequest, 'The declined request')],
  }, async (c, { params, body }) => c.json(await declineRequest(c.get('deps'), c.get('viewer'), params.id, body), 200)),
  defineRoute({
    method: 'post', path: '/mentorship-requests/{id}/withdraw', operationId: 'withdrawRequest', summary: 'Withdraw a pending request (the mentee)', tag: 'requests', auth: 'bearer', role: 'mentee',
    params: { id }, errors: ['forbidden', 'not_found', 'invalid_transition'], responses: [ok(mentorshipRequest, 'The withdrawn request')],
  }, async (c, { params }) => c.json(await withdrawRequest(c.get('deps'), c.get('viewer'), params.id), 200)),
];
