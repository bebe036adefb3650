import { createHash } from 'node:crypto';
import { createRemoteJWKSet, errors as joseErrors, jwtVerify, SignJWT, type JWTPayload, type JWTVerifyResult } from 'jose';
import type { Config } from '../config.js';

export interface Claims {
  issuer: string;
  subject: string;
  name: string;
  email: string | null;
  picture: string | null;
  roles: string[];
}

export interface TokenVerifier {
  /** Resolves the claims of a valid token; rejects with `InvalidTokenError` otherwise. */
  verify(token: string): Promise<Claims>;
}

export class InvalidTokenError extends Error {
  override name = 'InvalidTokenError';
  /** The claim that made the token unacceptable, when one did (logged; the token never is). */
  constructor(message: string, readonly claim?: string) {
    super(message);
  }
}

const str = (v: unknown, max = 300): string | null =>
  typeof v === 'string' && v.trim() !== '' ? v.trim().slice(0, max) : null;

/** Longest `sub` or `iss` kept: the columns' width. */
const MAX_IDENTITY_LENGTH = 255;
// eslint-disable-next-line no-control-regex
const CONTROL = /[\u0000-\u001f\u007f-\u009f]/;

/**
 * `sub` and `iss` name the account, so they are taken exactly as signed or refused: trimming or
 * cutting them would let two different identities (`" ana"` and `"ana"`, or two long subjects
 * equal in their first 255 characters) sign in as one user. Display claims are still tidied.
 */
function identityClaim(payload: JWTPayload, claim: 'sub' | 'iss'): string | undefined {
  const value = payload[claim];
  if (value === undefined) return undefined;
  if (typeof value !== 'string' || value === '') throw new InvalidTokenError(`Token claim ${claim} is not a non-empty string`, claim);
  if (value.length > MAX_IDENTITY_LENGTH) throw new InvalidTokenError(`Token claim ${claim} is longer than ${MAX_IDENTITY_LENGTH} characters`, claim);
  if (value.trim() !== value) throw new InvalidTokenError(`Token claim ${claim} has leading or trailing whitespace`, claim);
  if (CONTROL.test(value)) throw new InvalidTokenError(`Token claim ${claim} contains control characters`, claim);
  return value;
}

function toClaims(payload: JWTPayload): Claims {
  const subject = identityClaim(payload, 'sub');
  if (!subject) throw new InvalidTokenError('Token has no subject', 'sub');
  const roles = Array.isArray(payload['roles']) ? payload['roles'].filter((r): r is string => typeof r === 'string') : [];
  const picture = str(payload['picture'], 2000);
  return {
    issuer: identityClaim(payload, 'iss') ?? '',
    subject,
    name: str(payload['name'], 200) ?? '',
    email: str(payload['email'], 320),
    picture: picture && /^https?:\/\//.test(picture) ? picture : null,
    roles,
  };
}

/** `MENTORSHIP_JWT_MAX_AGE`'s default, in seconds: a day. */
export const DEFAULT_JWT_MAX_AGE = 24 * 3600;

/**
 * A leaked token is good until its `exp`: a portal (or an attacker holding its key for a moment)
 * minting year-long tokens would make that forever. The lifetime is `exp − iat`, or `exp − now`
 * when the token does not say when it was issued (so its remaining life is what counts).
 */
function checkLifetime(payload: JWTPayload, maxAgeSeconds: number): void {
  const issuedAt = typeof payload.iat === 'number' ? payload.iat : Date.now() / 1000;
  if (payload.exp! - issuedAt > maxAgeSeconds + CLOCK_TOLERANCE_S) {
    throw new InvalidTokenError(`Token lifetime exceeds ${maxAgeSeconds} s (MENTORSHIP_JWT_MAX_AGE)`, 'exp');
  }
}

const CLOCK_TOLERANCE_S = 5;

/**
 * HS256 with `MENTORSHIP_JWT_SECRET`, or RS256/ES256 from `MENTORSHIP_JWKS_URL` (keys cached and
 * refetched on an unknown `kid` by jose). The algorithm list is pinned, so `none` and algorithm
 * confusion are refused; `exp` and `sub` are required; issuer and audience checked when set.
 */
export function createVerifier(
  config: Pick<Config, 'MENTORSHIP_JWT_SECRET' | 'MENTORSHIP_JWKS_URL' | 'MENTORSHIP_JWT_ISSUER' | 'MENTORSHIP_JWT_AUDIENCE'> &
    Partial<Pick<Config, 'MENTORSHIP_JWT_MAX_AGE'>>,
): TokenVerifier {
  const maxAge = config.MENTORSHIP_JWT_MAX_AGE ?? DEFAULT_JWT_MAX_AGE;
  const options = {
    issuer: config.MENTORSHIP_JWT_ISSUER,
    audience: config.MENTORSHIP_JWT_AUDIENCE,
    requiredClaims: ['exp', 'sub'],
    clockTolerance: CLOCK_TOLERANCE_S,
  };
  let verifyJwt: (token: string) => Promise<JWTVerifyResult>;
  if (config.MENTORSHIP_JWKS_URL) {
    const jwks = createRemoteJWKSet(new URL(config.MENTORSHIP_JWKS_URL), { cacheMaxAge: 10 * 60_000, cooldownDuration: 30_000 });
    verifyJwt = (token) => jwtVerify(token, jwks, { ...options, algorithms: ['RS256', 'ES256'] });
  } else if (config.MENTORSHIP_JWT_SECRET) {
    const secret = new TextEncoder().encode(config.MENTORSHIP_JWT_SECRET);
    verifyJwt = (token) => jwtVerify(token, secret, { ...options, algorithms: ['HS256'] });
  } else {
    throw new Error('No token verification key configured');
  }
  const verified = new VerifiedTokens();
  return {
    async verify(token) {
      const known = verified.get(token);
      if (known) return known;
      try {
        const { payload } = await verifyJwt(token);
        checkLifetime(payload, maxAge);
        const claims = toClaims(payload);
        verified.add(token, claims, payload.exp! * 1000);
        return claims;
      } catch (err) {
        if (err instanceof InvalidTokenError) throw err;
        if (err instanceof joseErrors.JOSEError || err instanceof TypeError) {
          throw new InvalidTokenError(err instanceof joseErrors.JWTExpired ? 'Token expired' : 'Invalid token');
        }
        throw err;
      }
    },
  };
}

/**
 * Tokens verified lately, so a client's next requests skip the signature check (an HMAC or RSA
 * operation that costs more CPU than the rest of authentication). Entries hold claims under a
 * SHA-256 digest of the token, never the token, and last until the token's `exp` or one minute,
 * whichever comes first: a key removed from the JWKS stops working within a minute, as it would
 * with jose's own key cache. Only successful verifications are kept.
 */
class VerifiedTokens {
  static readonly MAX_AGE_MS = 60_000;
  static readonly CAPACITY = 10_000;
  readonly #entries = new Map<string, { claims: Claims; until: number }>();

  get(token: string): Claims | undefined {
    const key = digest(token);
    const entry = this.#entries.get(key);
    if (!entry) return undefined;
    this.#entries.delete(key);
    if (Date.now() >= entry.until) return undefined;
    this.#entries.set(key, entry);
    return entry.claims;
  }

  add(token: string, claims: Claims, expiresAt: number): void {
    this.#entries.set(digest(token), { claims, until: Math.min(expiresAt, Date.now() + VerifiedTokens.MAX_AGE_MS) });
    if (this.#entries.size > VerifiedTokens.CAPACITY) this.#entries.delete(this.#entries.keys().next().value!);
  }
}

const digest = (token: string) => createHash('sha256').update(token).digest('base64url');

/** Signs an HS256 token (demo personas and tests). */
export async function signToken(
  secret: string,
  claims: { sub: string; name?: string; email?: string; picture?: string; roles?: string[] },
  options: { expiresInSeconds?: number; issuer?: string | undefined; audience?: string | undefined; now?: Date } = {},
): Promise<{ token: string; expiresAt: Date }> {
  const now = Math.floor((options.now ?? new Date()).getTime() / 1000);
  const exp = now + (options.expiresInSeconds ?? 3600);
  let jwt = new SignJWT({ ...claims }).setProtectedHeader({ alg: 'HS256', typ: 'JWT' }).setIssuedAt(now).setExpirationTime(exp);
  if (options.issuer) jwt = jwt.setIssuer(options.issuer);
  if (options.audience) jwt = jwt.setAudience(options.audience);
  return { token: await jwt.sign(new TextEncoder().encode(secret)), expiresAt: new Date(exp * 1000) };
}
