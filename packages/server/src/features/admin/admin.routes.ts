import {
  adminMentorPage,
  adminMentorQuery,
  applicationListQuery,
  approveInput,
  decisionInput,
  id,
  mentorApplication,
  mentorApplicationPage,
  mentorStatusResult,
  programmeStats as programmeStatsSchema,
  suspendInput,
} from '@mentorkit/contract';
import { defineRoute, ok } from '../../http/route.js';
import { decideApplication, listApplications, listMentors, programmeStats, reactivateMentor, suspendMentor } from './admin.service.js';

export const adminRoutes = [
  defineRoute({
    method: 'get', path: '/admin/mentor-applications', operationId: 'listApplications', summary: 'Applications by status, longest waiting first', tag: 'admin', auth: 'bearer', role: 'admin',
    query: applicationListQuery, responses: [ok(mentorApplicationPage, 'A page of applications')],
  }, async (c, { query }) => c.json(await listApplications(c.get('deps'), query), 200)),
  defineRoute({
    method: 'post', path: '/admin/mentor-applications/{id}/approve', operationId: 'approveApplication', summary: 'Approve an application; the applicant becomes a mentor', tag: 'admin', auth: 'bearer', role: 'admin',
    params: { id }, body: { schema: approveInput }, errors: ['not_found', 'invalid_transition'], responses: [ok(mentorApplication, 'The application')],
  }, async (c, { params, body }) => c.json(await decideApplication(c.get('deps'), c.get('viewer'), params.id, 'approve', body.notes), 200)),
  defineRoute({
    method: 'post', path: '/admin/mentor-applications/{id}/reject', operationId: 'rejectApplication', summary: 'Reject an application with notes', tag: 'admin', auth: 'bearer', role: 'admin',
    params: { id }, body: { schema: decisionInput }, errors: ['not_found', 'invalid_transition'], responses: [ok(mentorApplication, 'The application')],
  }, async (c, { params, body }) => c.json(await decideApplication(c.get('deps'), c.get('viewer'), params.id, 'reject', body.notes), 200)),
  defineRoute({
    method: 'post', path: '/admin/mentor-applications/{id}/request-changes', operationId: 'requestApplicationChanges', summary: 'Ask the applicant for changes', tag: 'admin', auth: 'bearer', role: 'admin',
    params: { id }, body: { schema: decisionInput }, errors: ['not_found', 'invalid_transition'], responses: [ok(mentorApplication, 'The application')],
  }, async (c, { params, body }) => c.json(await decideApplication(c.get('deps'), c.get('viewer'), params.id, 'request-changes', body.notes), 200)),
  defineRoute({
    method: 'get', path: '/admin/mentors', operationId: 'listMentorsForAdmin', summary: 'Mentors with workload and rating', tag: 'admin', auth: 'bearer', role: 'admin',
    query: adminMentorQuery, responses: [ok(adminMentorPage, 'A page of mentors')],
  }, async (c, { query }) => c.json(await listMentors(c.get('deps'), query), 200)),
  defineRoute({
    method: 'post', path: '/admin/mentors/{id}/suspend', operationId: 'suspendMentor', summary: 'Suspend a mentor: hides them and declines their pending requests', tag: 'admin', auth: 'bearer', role: 'admin',
    params: { id }, body: { schema: suspendInput }, errors: ['not_found', 'invalid_transition'], responses: [ok(mentorStatusResult, 'The new status')],
  }, async (c, { params, body }) => c.json(await suspendMentor(c.get('deps'), c.get('viewer'), params.id, body.reason), 200)),
  defineRoute({
    method: 'post', path: '/admin/mentors/{id}/reactivate', operationId: 'reactivateMentor', summary: 'Reactivate a suspended mentor', tag: 'admin', auth: 'bearer', role: 'admin',
    params: { id }, errors: ['not_found', 'invalid_transition'], responses: [ok(mentorStatusResult, 'The new status')],
  }, async (c, { params }) => c.json(await reactivateMentor(c.get('deps'), c.get('viewer'), params.id), 200)),
  defineRoute({
    method: 'get', path: '/admin/stats', operationId: 'programmeStats', summary: 'Programme statistics', tag: 'admin', auth: 'bearer', role: 'admin',
    responses: [ok(programmeStatsSchema, 'The statistics')],
  }, async (c) => c.json(await programmeStats(c.get('deps')), 200)),
];
