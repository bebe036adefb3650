import { devTokenRequest, type DevTokenResponse } from '@mentorkit/contract';
import { Hono } from 'hono';
import { signToken } from '../../auth/verify.js';
import { personas } from '../../demo/personas.js';
import type { AppEnv } from '../../http/env.js';
import { validate } from '../../http/validate.js';

/** Demo-only routes; `createApp` mounts them only when `MENTORSHIP_DEMO=1`. */
export const devRoutes = new Hono<AppEnv>().post('/token', validate('json', devTokenRequest), async (c) => {
  const { config, now } = c.get('deps');
  const { persona } = c.req.valid('json');
  const p = personas[persona];
  const roles = p.roles.map((r) => (r === 'admin' ? config.MENTORSHIP_ADMIN_ROLE : r));
  const { token, expiresAt } = await signToken(
    config.MENTORSHIP_JWT_SECRET!,
    { sub: p.sub, name: p.name, email: p.email, roles },
    { expiresInSeconds: 3600, issuer: config.MENTORSHIP_JWT_ISSUER, audience: config.MENTORSHIP_JWT_AUDIENCE, now: now() },
  );
  const body: DevTokenResponse = { token, expiresAt: expiresAt.toISOString(), persona, name: p.name };
  return c.json(body, 200);
});
