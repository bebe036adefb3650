import { generateKeyPair, exportJWK, SignJWT, UnsecuredJWT } from 'jose';
import { createServer, type Server } from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestContext, databaseKinds, json, TEST_SECRET, type TestContext } from '../test/harness.js';
import { createVerifier, InvalidTokenError } from './verify.js';

const enc = (s: string) => new TextEncoder().encode(s);
const now = () => Math.floor(Date.now() / 1000);

async function hs256(claims: Record<string, unknown>, secret = TEST_SECRET) {
  return new SignJWT(claims).setProtectedHeader({ alg: 'HS256' }).sign(enc(secret));
}

describe.each(databaseKinds)('identity on %s', (kind) => {
  let t: TestContext;
  beforeAll(async () => { t = await createTestContext(kind); });
  afterAll(async () => { await t?.close(); });

  const get = (token: string | undefined) =>
    t.app.request('/api/v1/me', { headers: token === undefined ? {} : { authorization: `Bearer ${token}` } });

  it('accepts a valid token and creates the user from its claims', async () => {
    const res = await get(await hs256({ sub: 'alice', name: 'Alice Reyes', email: 'alice@example.edu', exp: now() + 60 }));
    expect(res.status).toBe(200);
    const me = await json(res);
    expect(me.user).toMatchObject({ name: 'Alice Reyes', email: 'alice@example.edu' });
    expect(me.roles).toEqual(['alumnus']);
  });

  it('refreshes the user when the claims change and grants admin from roles', async () => {
    const res = await get(await hs256({ sub: 'alice', name: 'Alice R. Cruz', roles: ['admin'], exp: now() + 60 }));
    const me = await json(res);
    expect(me.user.name).toBe('Alice R. Cruz');
    expect(me.roles).toContain('admin');
    const count = await t.handle.db.selectFrom('users').select((eb) => eb.fn.countAll<number>().as('n')).where('subject', '=', 'alice').executeTakeFirstOrThrow();
    expect(Number(count.n)).toBe(1);
  });

  const refused: Array<[string, () => Promise<string | undefined>]> = [
    ['no token', async () => undefined],
    ['garbage', async () => 'not-a-jwt'],
    ['expired', async () => hs256({ sub: 'bob', exp: now() - 3600 })],
    ['without exp', async () => hs256({ sub: 'bob' })],
    ['without sub', async () => hs256({ name: 'Nobody', exp: now() + 60 })],
    ['wrong signature', async () => hs256({ sub: 'bob', exp: now() + 60 }, 'another-secret-that-is-long-enough-0123456789')],
    ['alg none', async () => new UnsecuredJWT({ sub: 'bob', exp: now() + 60 }).encode()],
  ];
  it.each(refused)('refuses %s with 401 in the error format', async (_label, make) => {
    const res = await get(await make());
    expect(res.status).toBe(401);
    const body = await json(res);
    expect(body.error.code).toBe('unauthenticated');
    expect(body.error.requestId).toBeTruthy();
  });

  // trimming and cutting made different identities one account.
  it.each([
    ['sub', 'leading or trailing whitespace', { sub: '  demo-mentor\t' }],
    ['sub', 'a control character', { sub: 'demo\u0000mentor' }],
    ['sub', 'more than 255 characters', { sub: 'm'.repeat(256) }],
    ['sub', 'an empty string', { sub: '' }],
    ['iss', 'leading or trailing whitespace', { sub: 'dora', iss: 'https://portal.example.edu ' }],
    ['iss', 'a control character', { sub: 'dora', iss: 'https://portal.example.edu\n' }],
    ['iss', 'more than 255 characters', { sub: 'dora', iss: `https://${'p'.repeat(250)}.edu` }],
  ])('refuses a %s with %s (401), logs the claim and creates no user', async (claim, _label, claims) => {
    const users = async () => Number((await t.handle.db.selectFrom('users').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow()).n);
    const before = await users();
    const logged = t.logs.length;
    const token = await hs256({ ...claims, exp: now() + 60 });
    const res = await get(token);
    expect(res.status).toBe(401);
    expect((await json(res)).error.code).toBe('unauthenticated');
    expect(await users()).toBe(before);
    const line = t.logs.slice(logged).map((l) => JSON.parse(l)).find((l) => l.msg === 'token refused');
    expect(line).toMatchObject({ level: 'warn', claim });
    expect(t.logs.slice(logged).join('\n')).not.toContain(token.split('.')[2]);
  });

  it('keeps two long subjects that differ only after character 255 apart, and exact subjects as signed', async () => {
    const prefix = 'x'.repeat(255);
    expect((await get(await hs256({ sub: prefix, exp: now() + 60 }))).status).toBe(200);
    expect((await get(await hs256({ sub: `${prefix}a`, exp: now() + 60 }))).status).toBe(401);
    // An existing user signs in as before; a padded copy of the subject cannot reach them.
    expect((await get(await hs256({ sub: 'alice', exp: now() + 60 }))).status).toBe(200);
    expect((await get(await hs256({ sub: ' alice', exp: now() + 60 }))).status).toBe(401);
  });

  // a token that lives longer than MENTORSHIP_JWT_MAX_AGE (default 24 h) is refused.
  it.each([
    ['exp − iat over a day', { iat: now(), exp: now() + 25 * 3600 }, 401],
    ['exp − now over a day without iat', { exp: now() + 25 * 3600 }, 401],
    ['a year-long token issued an hour ago', { iat: now() - 3600, exp: now() + 365 * 24 * 3600 }, 401],
    ['exactly a day', { iat: now(), exp: now() + 24 * 3600 }, 200],
  ])('token lifetime: %s', async (_label, times, status) => {
    expect((await get(await hs256({ sub: 'erin', ...times }))).status).toBe(status);
  });

  it('never writes tokens into the logs', async () => {
    const token = await hs256({ sub: 'carol', exp: now() + 60 });
    await get(token);
    expect(t.logs.join('\n')).not.toContain(token);
    expect(t.logs.join('\n')).not.toContain(token.split('.')[2]);
  });

  it('has no dev token route outside demo mode', async () => {
    const res = await t.call('POST', '/api/v1/dev/token', { body: { persona: 'mentee' } });
    expect(res.status).toBe(404);
  });
});

describe('MENTORSHIP_JWT_MAX_AGE', () => {
  it('refuses a token living longer than the configured maximum', async () => {
    const verifier = createVerifier({ MENTORSHIP_JWT_SECRET: TEST_SECRET, MENTORSHIP_JWKS_URL: undefined, MENTORSHIP_JWT_ISSUER: undefined, MENTORSHIP_JWT_AUDIENCE: undefined, MENTORSHIP_JWT_MAX_AGE: 600 });
    await expect(verifier.verify(await hs256({ sub: 's', iat: now(), exp: now() + 600 }))).resolves.toMatchObject({ subject: 's' });
    await expect(verifier.verify(await hs256({ sub: 's', iat: now(), exp: now() + 900 }))).rejects.toThrow(/MENTORSHIP_JWT_MAX_AGE/);
  });
});

describe('issuer and audience', () => {
  const verifier = createVerifier({
    MENTORSHIP_JWT_SECRET: TEST_SECRET,
    MENTORSHIP_JWKS_URL: undefined,
    MENTORSHIP_JWT_ISSUER: 'https://portal.example.edu',
    MENTORSHIP_JWT_AUDIENCE: 'mentorkit',
  });
  it('accepts the configured issuer and audience', async () => {
    const claims = await verifier.verify(await hs256({ sub: 's', iss: 'https://portal.example.edu', aud: 'mentorkit', exp: now() + 60 }));
    expect(claims.issuer).toBe('https://portal.example.edu');
  });
  it.each([
    ['wrong issuer', { iss: 'https://evil.example', aud: 'mentorkit' }],
    ['wrong audience', { iss: 'https://portal.example.edu', aud: 'other' }],
    ['missing audience', { iss: 'https://portal.example.edu' }],
  ])('refuses a %s', async (_label, extra) => {
    await expect(verifier.verify(await hs256({ sub: 's', exp: now() + 60, ...extra }))).rejects.toBeInstanceOf(InvalidTokenError);
  });
});

describe('JWKS (RS256 and ES256)', () => {
  let server: Server;
  let url: string;
  const keys: Record<string, Awaited<ReturnType<typeof generateKeyPair>>["privateKey"]> = {};
  beforeAll(async () => {
    const rs = await generateKeyPair('RS256');
    const es = await generateKeyPair('ES256');
    keys['rs'] = rs.privateKey;
    keys['es'] = es.privateKey;
    const jwks = {
      keys: [
        { ...(await exportJWK(rs.publicKey)), kid: 'rs', alg: 'RS256', use: 'sig' },
        { ...(await exportJWK(es.publicKey)), kid: 'es', alg: 'ES256', use: 'sig' },
      ],
    };
    server = createServer((_req, res) => { res.setHeader('content-type', 'application/json'); res.end(JSON.stringify(jwks)); });
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
    const address = server.address();
    url = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}/jwks.json`;
  });
  afterAll(() => new Promise<void>((r) => server.close(() => r())));

  const verifier = () => createVerifier({ MENTORSHIP_JWT_SECRET: undefined, MENTORSHIP_JWKS_URL: url, MENTORSHIP_JWT_ISSUER: undefined, MENTORSHIP_JWT_AUDIENCE: undefined });

  it.each([['RS256', 'rs'], ['ES256', 'es']])('verifies %s tokens from the key set', async (alg, kid) => {
    const token = await new SignJWT({ sub: `jwks-${kid}`, exp: now() + 60 }).setProtectedHeader({ alg, kid }).sign(keys[kid]!);
    await expect(verifier().verify(token)).resolves.toMatchObject({ subject: `jwks-${kid}` });
  });

  it('refuses an HS256 token signed with the public key material (algorithm confusion)', async () => {
    const token = await hs256({ sub: 'x', exp: now() + 60 }, 'x'.repeat(40));
    await expect(verifier().verify(token)).rejects.toBeInstanceOf(InvalidTokenError);
  });
});
