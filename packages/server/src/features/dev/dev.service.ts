import type { DemoPersona, DevTokenResponse } from '@mentorkit/contract';
import { signToken } from '../../auth/verify.js';
import { personas } from '../../demo/personas.js';
import type { ServiceContext } from '../../http/env.js';

/** A one-hour token for a demo persona, signed with the configured HS256 secret. */
export async function signDemoToken({ config, now }: Pick<ServiceContext, 'config' | 'now'>, persona: DemoPersona): Promise<DevTokenResponse> {
  const p = personas[persona];
  const roles = p.roles.map((r) => (r === 'admin' ? config.MENTORSHIP_ADMIN_ROLE : r));
  const { token, expiresAt } = await signToken(
    config.MENTORSHIP_JWT_SECRET!,
    { sub: p.sub, name: p.name, email: p.email, roles },
    { expiresInSeconds: 3600, issuer: config.MENTORSHIP_JWT_ISSUER, audience: config.MENTORSHIP_JWT_AUDIENCE, now: now() },
  );
  return { token, expiresAt: expiresAt.toISOString(), persona, name: p.name };
}
