import { id, matchSuggestions } from '@mentorkit/contract';
import { defineRoute, ok } from '../../http/route.js';
import { suggestMatches } from './suggestions.service.js';

export const suggestionRoutes = [
  defineRoute({
    method: 'post', path: '/admin/programmes/{id}/match-suggestions', operationId: 'suggestMatches',
    summary: 'The optimal assignment of an admin-matched programme\'s unmatched mentees to its mentors, pair by pair explained', tag: 'admin', auth: 'bearer', role: 'admin',
    description: 'Maximises the total match score (the score and reasons each mentee sees for that mentor in search), each mentee at most once, '
      + 'each mentor within their free slots and `maxMenteesPerMentor` (counting the programme\'s pending introductions and open mentorships); '
      + 'ties go to the lower mentor id. Creates nothing: confirm the pairs kept with `POST /admin/programmes/{id}/matches`.',
    params: { id }, errors: ['not_found', 'programme_ended', 'conflict'],
    responses: [ok(matchSuggestions, 'The suggested pairs, the mentees left without a mentor, and the total score')],
  }, async (c, { params }) => c.json(await suggestMatches(c.get('deps'), params.id), 200)),
];
