import { id, mentorProfile, mentorSearchQuery, mentorSearchResult, mentorSettingsPatch, mentorSettingsResult } from '@mentorkit/contract';
import { acceptsGzip } from '../../http/content-coding.js';
import { defineRoute, ok } from '../../http/route.js';
import { updateMentorSettings } from './mentor-settings.service.js';
import { mentorProfile as findMentorProfile, searchMentors } from './mentors.service.js';

export const mentorRoutes = [
  defineRoute({
    method: 'get', path: '/mentors', operationId: 'searchMentors', summary: 'Search mentors, ranked, with match scores and facets', tag: 'mentors', auth: 'bearer', role: 'user',
    description: 'Answers carry an `ETag` and `Cache-Control: private, no-cache`: a browser revalidates each time, and while nothing '
      + 'the answer shows has changed, a request whose `If-None-Match` names its ETag gets 304 without a body.',
    query: mentorSearchQuery, errors: ['not_found'],
    responses: [ok(mentorSearchResult, 'A page of mentor cards'), { status: 304, description: 'The answer named in `If-None-Match` is still current' }],
  }, async (c, { query }) => {
    const { etag, answer } = await searchMentors(c.get('deps'), c.get('viewer'), query, c.req.header('if-none-match'));
    // Revalidated on every use, by this viewer only: the ETag names the viewer and everything shown.
    c.header('ETag', etag);
    c.header('Cache-Control', 'private, no-cache');
    c.header('Vary', 'Accept-Encoding', { append: true });
    if (!answer) return c.body(null, 304);
    const gzip = acceptsGzip(c.req.header('accept-encoding')) ? answer.gzip : undefined;
    if (gzip) c.header('Content-Encoding', 'gzip');
    return c.body(gzip ?? answer.json, 200, { 'Content-Type': 'application/json' });
  }),
  // Before `/mentors/{id}`: the static segment wins.
  defineRoute({
    method: 'patch', path: '/mentors/me', operationId: 'updateMentorSettings', summary: 'Change the caller’s mentor settings', tag: 'mentors', auth: 'bearer', role: 'approvedMentor',
    body: { schema: mentorSettingsPatch }, errors: ['not_found', 'conflict'], responses: [ok(mentorSettingsResult, 'The settings')],
  }, async (c, { body }) => c.json(await updateMentorSettings(c.get('deps'), c.get('viewer'), body), 200)),
  defineRoute({
    method: 'get', path: '/mentors/{id}', operationId: 'getMentor', summary: 'A mentor’s full profile, stats and the caller’s request state', tag: 'mentors', auth: 'bearer', role: 'user',
    params: { id }, errors: ['not_found'], responses: [ok(mentorProfile, 'The mentor')],
  }, async (c, { params }) => c.json(await findMentorProfile(c.get('deps'), c.get('viewer'), params.id), 200)),
];
