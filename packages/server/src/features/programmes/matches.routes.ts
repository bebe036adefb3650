import { id, matchesInput, matchesResult } from '@mentorkit/contract';
import { created, defineRoute } from '../../http/route.js';
import { confirmMatches } from './matches.service.js';

export const matchRoutes = [
  defineRoute({
    method: 'post', path: '/admin/programmes/{id}/matches', operationId: 'confirmMatches', summary: 'Introduce reviewed pairs of a programme: a request per pair, refusals per pair', tag: 'admin', auth: 'bearer', role: 'admin',
    description: 'Each valid pair becomes a pending request from the mentee to the mentor, marked `introduced`; each other pair is listed in '
      + '`refused` with its reason (not enrolled, mentee repeated in the set, mentor without room, already pending or mentoring), and the valid ones are still made.',
    params: { id }, body: { schema: matchesInput }, errors: ['not_found', 'programme_ended', 'conflict'],
    responses: [created(matchesResult, 'The requests made and the pairs refused')],
  }, async (c, { params, body }) => c.json(await confirmMatches(c.get('deps'), c.get('viewer'), params.id, body), 201)),
];
