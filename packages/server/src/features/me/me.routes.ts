import { me, profile, profileInput } from '@mentorkit/contract';
import { defineRoute, ok } from '../../http/route.js';
import { getMe, replaceProfile } from './me.service.js';

export const meRoutes = [
  defineRoute({
    method: 'get', path: '/me', operationId: 'getMe', summary: 'The caller: user, profile, mentor status, roles and language', tag: 'me', auth: 'bearer', role: 'self',
    responses: [ok(me, 'The caller')],
  }, async (c) => c.json(await getMe(c.get('deps'), c.get('viewer')), 200)),
  defineRoute({
    method: 'put', path: '/me/profile', operationId: 'replaceProfile', summary: 'Replace the caller’s profile', tag: 'me', auth: 'bearer', role: 'self',
    body: { schema: profileInput }, responses: [ok(profile, 'The stored profile')],
  }, async (c, { body }) => c.json(await replaceProfile(c.get('deps'), c.get('viewer'), body), 200)),
];
