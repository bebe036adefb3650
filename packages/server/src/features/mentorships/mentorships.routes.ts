import { id, mentorship, mentorshipListQuery, mentorshipPage } from '@mentorkit/contract';
import { defineRoute, ok } from '../../http/route.js';
import { getMentorship, listMentorships } from './mentorships.service.js';

export const mentorshipRoutes = [
  defineRoute({
    method: 'get', path: '/mentorships', operationId: 'listMentorships', summary: 'The caller’s mentorships', tag: 'mentorships', auth: 'bearer', role: 'self',
    query: mentorshipListQuery, responses: [ok(mentorshipPage, 'A page of mentorships')],
  }, async (c, { query }) => c.json(await listMentorships(c.get('deps'), c.get('viewer'), query), 200)),
  defineRoute({
    method: 'get', path: '/mentorships/{id}', operationId: 'getMentorship', summary: 'One mentorship', tag: 'mentorships', auth: 'bearer', role: 'party',
    params: { id }, errors: ['not_found'], responses: [ok(mentorship, 'The mentorship')],
  }, async (c, { params }) => c.json(await getMentorship(c.get('deps'), c.get('viewer'), params.id), 200)),
];
