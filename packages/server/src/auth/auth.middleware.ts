import { createMiddleware } from 'hono/factory';
import { ApiError } from '../http/errors.js';
import type { AppEnv } from '../http/env.js';
import type { Kysely } from 'kysely';
import type { Database } from '../db/schema.js';
import { AuthFailureLimiter, clientAddress } from './auth-failures.js';
import { UserLookup } from './user-lookup.js';
import { upsertUserFromClaims } from './users.repository.js';
import { InvalidTokenError } from './verify.js';

/** What authentication keeps between requests; one of each per app. */
export interface AuthState {
  /** Invalid tokens per client address (shared with the realtime socket of the same process). */
  failures: AuthFailureLimiter;
  users: UserLookup;
}

export const createAuthState = (db: Kysely<Database>): AuthState => ({ failures: new AuthFailureLimiter(), users: new UserLookup(db) });

/**
 * The middleware that requires a valid bearer token and sets `viewer`. The token itself is never
 * logged or kept.
 */
export const requireViewer = ({ failures, users }: AuthState) => createMiddleware<AppEnv>(async (c, next) => {
  const header = c.req.header('authorization') ?? '';
  const match = /^Bearer\s+([A-Za-z0-9_\-.=]+)$/i.exec(header.trim());
  if (!match?.[1]) throw new ApiError('unauthenticated', 'A bearer token is required', undefined, { 'WWW-Authenticate': 'Bearer' });
  const deps = c.get('deps');
  const { config, verifier, db } = deps;
  // An address that keeps sending bad tokens is turned away before any signature is checked.
  const address = clientAddress(c);
  const wait = address === undefined ? 0 : failures.retryAfter(address, deps.now().getTime());
  if (wait > 0) throw new ApiError('rate_limited', `Too many invalid tokens from this address; try again in ${wait} s`, undefined, { 'Retry-After': String(wait) });
  let claims;
  try {
    claims = await verifier.verify(match[1]);
  } catch (err) {
    if (err instanceof InvalidTokenError) {
      if (address !== undefined) failures.fail(address, deps.now().getTime());
      // A signed token with an unusable claim is the portal's bug (or an attack): say which claim.
      if (err.claim) deps.logger.warn('token refused', { requestId: c.get('requestId'), claim: err.claim, reason: err.message });
      throw new ApiError('unauthenticated', err.message, undefined, { 'WWW-Authenticate': 'Bearer error="invalid_token"' });
    }
    throw err;
  }
  const viewer = await upsertUserFromClaims(db, users, claims, claims.roles.includes(config.MENTORSHIP_ADMIN_ROLE));
  c.set('viewer', viewer);
  await next();
});

export const requireAdmin = createMiddleware<AppEnv>(async (c, next) => {
  if (!c.get('viewer')?.isAdmin) throw new ApiError('forbidden', 'Administrators only');
  await next();
});
