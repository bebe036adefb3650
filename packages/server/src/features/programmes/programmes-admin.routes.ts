import {
  adminProgrammeListQuery,
  enrolment,
  enrolmentInput,
  enrolmentListQuery,
  enrolmentPage,
  id,
  programme,
  programmeInput,
  programmeListQuery,
  programmePage,
  programmePatch,
  unenrolQuery,
} from '@mentorkit/contract';
import { z } from 'zod';
import { created, defineRoute, noContent, ok } from '../../http/route.js';
import { createProgramme, enrol, getProgramme, leaveProgramme, listAdminProgrammes, listEnrolments, listProgrammes, updateProgramme } from './programmes.service.js';

/** A programme's id, or its slug as portal pages use it. */
const idOrSlug = z.string().min(1).max(80).describe('The programme’s id or its slug');

/** Programme administration (admins) and enrolment (everyone signed in). */
export const programmeAdministrationRoutes = [
  defineRoute({
    method: 'get', path: '/admin/programmes', operationId: 'listAdminProgrammes', summary: 'Every programme, ended ones too, soonest start first', tag: 'admin', auth: 'bearer', role: 'admin',
    query: adminProgrammeListQuery, responses: [ok(programmePage, 'A page of programmes')],
  }, async (c, { query }) => c.json(await listAdminProgrammes(c.get('deps'), c.get('viewer'), query), 200)),
  defineRoute({
    method: 'post', path: '/admin/programmes', operationId: 'createProgramme', summary: 'Create a programme; its slug is made from the name unless given', tag: 'admin', auth: 'bearer', role: 'admin',
    body: { schema: programmeInput }, errors: ['slug_taken'], responses: [created(programme, 'The programme')],
  }, async (c, { body }) => c.json(await createProgramme(c.get('deps'), c.get('viewer'), body), 201)),
  defineRoute({
    method: 'patch', path: '/admin/programmes/{id}', operationId: 'updateProgramme', summary: 'Change a programme; its dates are checked merged with the stored ones', tag: 'admin', auth: 'bearer', role: 'admin',
    description: 'Renaming keeps the slug; give `slug` to change it.',
    params: { id }, body: { schema: programmePatch }, errors: ['not_found', 'slug_taken'], responses: [ok(programme, 'The programme')],
  }, async (c, { params, body }) => c.json(await updateProgramme(c.get('deps'), c.get('viewer'), params.id, body), 200)),
  defineRoute({
    method: 'get', path: '/admin/programmes/{id}/enrolments', operationId: 'listProgrammeEnrolments', summary: 'The people enrolled in a programme, in the order they enrolled', tag: 'admin', auth: 'bearer', role: 'admin',
    params: { id }, query: enrolmentListQuery, errors: ['not_found'], responses: [ok(enrolmentPage, 'A page of enrolments')],
  }, async (c, { params, query }) => c.json(await listEnrolments(c.get('deps'), params.id, query), 200)),
  defineRoute({
    method: 'get', path: '/programmes', operationId: 'listProgrammes', summary: 'Programmes that have not ended, soonest start first, with the caller’s roles', tag: 'programmes', auth: 'bearer', role: 'user',
    query: programmeListQuery, responses: [ok(programmePage, 'A page of programmes')],
  }, async (c, { query }) => c.json(await listProgrammes(c.get('deps'), c.get('viewer'), query), 200)),
  defineRoute({
    method: 'get', path: '/programmes/{idOrSlug}', operationId: 'getProgramme', summary: 'One programme, by id or slug', tag: 'programmes', auth: 'bearer', role: 'user',
    params: { idOrSlug }, errors: ['not_found'], responses: [ok(programme, 'The programme')],
  }, async (c, { params }) => c.json(await getProgramme(c.get('deps'), c.get('viewer'), params.idOrSlug), 200)),
  defineRoute({
    method: 'post', path: '/programmes/{id}/enrolment', operationId: 'enrol', summary: 'Enrol in a programme as a mentor or a mentee', tag: 'programmes', auth: 'bearer', role: 'user',
    description: 'Open until the programme’s enrolment closes (its end date without one), whatever the start. Only approved mentors who are not suspended enrol as mentors.',
    params: { id }, body: { schema: enrolmentInput }, errors: ['not_found', 'forbidden', 'duplicate_enrolment', 'enrolment_closed'],
    responses: [created(enrolment, 'The enrolment')],
  }, async (c, { params, body }) => c.json(await enrol(c.get('deps'), c.get('viewer'), params.id, body), 201)),
  defineRoute({
    method: 'delete', path: '/programmes/{id}/enrolment', operationId: 'leaveProgramme', summary: 'Leave a programme, in one role or in every role', tag: 'programmes', auth: 'bearer', role: 'self',
    description: 'Requests and mentorships made in the programme go on. Possible until the programme ends.',
    params: { id }, query: unenrolQuery, errors: ['not_found', 'programme_ended'], responses: [noContent('Left')],
  }, async (c, { params, query }) => {
    await leaveProgramme(c.get('deps'), c.get('viewer'), params.id, query.role);
    return c.body(null, 204);
  }),
];
