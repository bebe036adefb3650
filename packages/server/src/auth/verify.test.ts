import { afterEach, describe, expect, it, vi } from 'vitest';
import { createVerifier, InvalidTokenError, signToken } from './verify.js';

const SECRET = 'verify-test-secret-long-enough-for-hs256-0123456789';
const verifierFor = () => createVerifier({ MENTORSHIP_JWT_SECRET: SECRET, MENTORSHIP_JWKS_URL: undefined, MENTORSHIP_JWT_ISSUER: undefined, MENTORSHIP_JWT_AUDIENCE: undefined });

describe('verified tokens kept in memory', () => {
  afterEach(() => { vi.restoreAllMocks(); vi.useRealTimers(); });

  it('checks the signature of a token once, and answers its next uses with the same claims', async () => {
    const verifier = verifierFor();
    const { token } = await signToken(SECRET, { sub: 'ana', name: 'Ana Reyes', roles: ['admin'] });
    const signatureChecks = vi.spyOn(globalThis.crypto.subtle, 'verify');
    const first = await verifier.verify(token);
    const again = await verifier.verify(token);
    expect(again).toEqual(first);
    expect(first).toMatchObject({ subject: 'ana', name: 'Ana Reyes', roles: ['admin'] });
    expect(signatureChecks).toHaveBeenCalledTimes(1);
  });

  it('never answers a tampered token from memory', async () => {
    const verifier = verifierFor();
    const { token } = await signToken(SECRET, { sub: 'ana' });
    await verifier.verify(token);
    const [head, body, signature] = token.split('.');
    const flipped = `${signature!.slice(0, -2)}${signature!.at(-2) === 'A' ? 'B' : 'A'}${signature!.at(-1)}`;
    await expect(verifier.verify(`${head}.${body}.${flipped}`)).rejects.toBeInstanceOf(InvalidTokenError);
    const other = await signToken(SECRET, { sub: 'mallory' });
    await expect(verifier.verify(`${head}.${other.token.split('.')[1]}.${signature}`)).rejects.toBeInstanceOf(InvalidTokenError);
  });

  it('stops answering at the token expiry, and checks again after a minute', async () => {
    vi.useFakeTimers({ toFake: ['Date'] });
    vi.setSystemTime(new Date('2026-11-29T09:00:00Z'));
    const verifier = verifierFor();
    const { token } = await signToken(SECRET, { sub: 'ana' }, { expiresInSeconds: 120 });
    await verifier.verify(token);
    const signatureChecks = vi.spyOn(globalThis.crypto.subtle, 'verify');
    vi.setSystemTime(new Date('2026-11-29T09:01:01Z'));
    await verifier.verify(token);
    expect(signatureChecks).toHaveBeenCalledTimes(1);
    vi.setSystemTime(new Date('2026-11-29T09:02:10Z'));
    await expect(verifier.verify(token)).rejects.toThrow('Token expired');
  });
});
