import { devTokenRequest, devTokenResponse } from '@mentorkit/contract';
import { defineRoute, ok } from '../../http/route.js';
import { signDemoToken } from './dev.service.js';

/** Demo-only routes; the app mounts them only when `MENTORSHIP_DEMO=1` with an HS256 secret. */
export const devRoutes = [
  defineRoute({
    method: 'post', path: '/dev/token', operationId: 'demoToken', summary: 'A token for a demo persona', tag: 'demo', auth: 'none', role: 'anyone', demoOnly: true,
    body: { schema: devTokenRequest }, responses: [ok(devTokenResponse, 'A signed token for the persona')],
  }, async (c, { body }) => c.json(await signDemoToken(c.get('deps'), body.persona), 200)),
];
