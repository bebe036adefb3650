import { describe, expect, it } from 'vitest';
import { loadConfig } from '../../config.js';
import { signUnsubscribeToken, UNSUBSCRIBE_TTL_DAYS, unsubscribeKey, verifyUnsubscribeToken } from './tokens.js';

const USER = '6f1c1b0e-3a52-4a4e-9a7e-2f9a8e0c1d2b';
const now = new Date('2026-11-28T09:00:00Z');
const config = loadConfig({ MENTORSHIP_JWT_SECRET: 'x'.repeat(40) });
const key = unsubscribeKey(config)!;

describe('unsubscribe tokens', () => {
  it('round-trips the user and kind until the expiry', () => {
    const token = signUnsubscribeToken(key, { userId: USER, kind: 'message_digest' }, now);
    expect(verifyUnsubscribeToken(key, token, now)).toEqual({ ok: true, userId: USER, kind: 'message_digest' });
    const justBefore = new Date(now.getTime() + UNSUBSCRIBE_TTL_DAYS * 86_400_000 - 1000);
    expect(verifyUnsubscribeToken(key, token, justBefore).ok).toBe(true);
    const after = new Date(now.getTime() + UNSUBSCRIBE_TTL_DAYS * 86_400_000);
    expect(verifyUnsubscribeToken(key, token, after)).toEqual({ ok: false, reason: 'expired' });
  });

  it('refuses a changed kind, user or expiry, another key, and garbage', () => {
    const token = signUnsubscribeToken(key, { userId: USER, kind: 'request_received' }, now);
    const [v, u, , e, sig] = token.split('.');
    expect(verifyUnsubscribeToken(key, [v, u, 'message_digest', e, sig].join('.'), now)).toEqual({ ok: false, reason: 'forged' });
    expect(verifyUnsubscribeToken(key, [v, USER.replace('6f', '7f'), 'request_received', e, sig].join('.'), now)).toEqual({ ok: false, reason: 'forged' });
    expect(verifyUnsubscribeToken(key, [v, u, 'request_received', String(Number(e) + 86400), sig].join('.'), now)).toEqual({ ok: false, reason: 'forged' });
    const other = unsubscribeKey(loadConfig({ MENTORSHIP_JWT_SECRET: 'y'.repeat(40) }))!;
    expect(verifyUnsubscribeToken(other, token, now)).toEqual({ ok: false, reason: 'forged' });
    for (const junk of ['', 'v1', 'v2.a.b.c.d', `${token}.x`, 'v1....']) expect(verifyUnsubscribeToken(key, junk, now).ok).toBe(false);
  });

  it('derives its key from the JWT secret unless one is given, and never equals it', () => {
    expect(key.equals(Buffer.from('x'.repeat(40)))).toBe(false);
    const explicit = loadConfig({ MENTORSHIP_JWT_SECRET: 'x'.repeat(40), MENTORSHIP_UNSUBSCRIBE_SECRET: 'z'.repeat(32) });
    expect(unsubscribeKey(explicit)!.toString()).toBe('z'.repeat(32));
    expect(() => loadConfig({ MENTORSHIP_JWKS_URL: 'https://idp.example.edu/jwks', MENTORSHIP_SMTP_URL: 'smtp://mail.example.edu' })).toThrow(/MENTORSHIP_UNSUBSCRIBE_SECRET/);
  });
});
