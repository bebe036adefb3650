import { createHmac, timingSafeEqual } from 'node:crypto';
import { mailKinds, type MailKind } from '@mentorkit/contract';
import type { Config } from '../../config.js';

/** How long an unsubscribe link works: long enough for someone clearing an old inbox. */
export const UNSUBSCRIBE_TTL_DAYS = 180;

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

/**
 * The key that signs unsubscribe links. An explicit `MENTORSHIP_UNSUBSCRIBE_SECRET` wins;
 * otherwise it is derived from the JWT secret with a purpose label, so a value signed for one
 * use can never be replayed as the other and rotating the JWT secret also retires old links.
 * Undefined only when neither secret exists (JWKS sign-in without SMTP): then no mail leaves.
 */
export function unsubscribeKey(config: Config): Buffer | undefined {
  if (config.MENTORSHIP_UNSUBSCRIBE_SECRET) return Buffer.from(config.MENTORSHIP_UNSUBSCRIBE_SECRET, 'utf8');
  if (!config.MENTORSHIP_JWT_SECRET) return undefined;
  return createHmac('sha256', config.MENTORSHIP_JWT_SECRET).update('mentorkit/unsubscribe/v1').digest();
}

const mac = (key: Buffer, payload: string) => createHmac('sha256', key).update(payload).digest('base64url');

/**
 * `v1.<user id>.<kind>.<expiry, unix seconds>.<HMAC-SHA256 of the rest>`: everything the
 * unsubscribe endpoint needs, so the link works without a sign-in and without a stored token.
 */
export function signUnsubscribeToken(key: Buffer, claims: { userId: string; kind: MailKind }, now: Date): string {
  const expires = Math.floor(now.getTime() / 1000) + UNSUBSCRIBE_TTL_DAYS * 86_400;
  const payload = `v1.${claims.userId}.${claims.kind}.${expires}`;
  return `${payload}.${mac(key, payload)}`;
}

export type TokenCheck = { ok: true; userId: string; kind: MailKind } | { ok: false; reason: 'malformed' | 'forged' | 'expired' };

/** Checks the signature (in constant time) before anything else, then the expiry. */
export function verifyUnsubscribeToken(key: Buffer, token: string, now: Date): TokenCheck {
  const parts = token.split('.');
  if (parts.length !== 5 || parts[0] !== 'v1') return { ok: false, reason: 'malformed' };
  const [, userId, kind, expires, signature] = parts as [string, string, string, string, string];
  const expected = Buffer.from(mac(key, parts.slice(0, 4).join('.')));
  const given = Buffer.from(signature);
  if (given.length !== expected.length || !timingSafeEqual(given, expected)) return { ok: false, reason: 'forged' };
  // A valid signature over a bad payload means our own bug; refuse it all the same.
  if (!UUID.test(userId) || !(mailKinds as readonly string[]).includes(kind) || !/^\d{1,12}$/.test(expires)) {
    return { ok: false, reason: 'malformed' };
  }
  if (Number(expires) * 1000 <= now.getTime()) return { ok: false, reason: 'expired' };
  return { ok: true, userId, kind: kind as MailKind };
}
