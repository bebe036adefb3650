import { serve } from '@hono/node-server';
import { createTestContext, databaseKinds, type TestContext } from '@mentorkit/server/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ApiError, createClient } from './index.js';

const maria = { sub: 'sdk-maria', name: 'Maria Santos' };

describe.each(databaseKinds)('SDK against the real app on %s', (kind) => {
  let t: TestContext;
  /** The SDK's fetch, routed into the app without a socket. */
  const appFetch = ((input: RequestInfo | URL, init?: RequestInit) => t.app.request(input instanceof Request ? input : String(input), init)) as typeof fetch;

  beforeAll(async () => { t = await createTestContext(kind); });
  afterAll(async () => { await t?.close(); });

  it('reads and updates the caller through typed methods', async () => {
    const client = createClient({ baseUrl: 'http://mentoring.test', token: await t.token(maria), fetch: appFetch });
    const me = await client.me.get();
    expect(me.user.name).toBe('Maria Santos');
    const profile = await client.me.updateProfile({ headline: '  Data analyst  ', skills: ['SQL', 'sql', 'Python'], timeZone: 'Asia/Manila' });
    expect(profile).toMatchObject({ headline: 'Data analyst', skills: ['SQL', 'Python'], timeZone: 'Asia/Manila' });
  });

  it('answers the caller\'s mentor application, null before they apply', async () => {
    const client = createClient({ baseUrl: 'http://mentoring.test', token: await t.token({ sub: 'sdk-applicant', name: 'Ada Applicant' }), fetch: appFetch });
    expect(await client.mentorApplications.mine()).toEqual({ application: null });
    const sent = await client.mentorApplications.submit({ expertise: ['SQL'], yearsOfExperience: 9, statement: 'Nine years of analytics work and a habit of coaching new analysts on SQL.' });
    expect((await client.mentorApplications.mine()).application).toMatchObject({ id: sent.id, status: 'pending' });
  });

  it('raises ApiError with the contract code, status, field issues and request id', async () => {
    const client = createClient({ baseUrl: 'http://mentoring.test', token: await t.token(maria), fetch: appFetch });
    const err = await client.me.updateProfile({ timeZone: 'Mars/Olympus' }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(ApiError);
    expect(err).toMatchObject({ code: 'validation_failed', status: 400 });
    expect((err as ApiError).issueFor('timeZone')).toMatch(/time zone/i);
    expect((err as ApiError).requestId).toBeTruthy();
    const missing = await client.mentors.get('00000000-0000-4000-8000-000000000000').catch((e: unknown) => e);
    expect(missing).toMatchObject({ code: 'not_found', status: 404 });
  });

  it('sends repeated query keys for array filters', async () => {
    const seen: string[] = [];
    const spy = ((input: RequestInfo | URL, init?: RequestInit) => { seen.push(String(input)); return appFetch(input, init); }) as typeof fetch;
    const client = createClient({ baseUrl: 'http://mentoring.test/', token: await t.token(maria), fetch: spy });
    const result = await client.mentors.search({ q: 'data', expertise: ['SQL', 'Cloud'], availability: 'all', limit: 5 });
    expect(result).toMatchObject({ items: [], nextCursor: null, total: 0 });
    const url = new URL(seen[0]!);
    expect(url.pathname).toBe('/api/v1/mentors');
    expect(url.searchParams.getAll('expertise')).toEqual(['SQL', 'Cloud']);
  });

  it('refreshes the token once on 401 and retries', async () => {
    const calls: boolean[] = [];
    const good = await t.token(maria);
    const client = createClient({
      baseUrl: 'http://mentoring.test',
      fetch: appFetch,
      getToken: ({ forceRefresh }) => { calls.push(forceRefresh); return forceRefresh ? good : 'expired.token.value'; },
    });
    await expect(client.me.get()).resolves.toMatchObject({ user: { name: 'Maria Santos' } });
    expect(calls).toEqual([false, true]);
  });

  it('gives up after one refresh when the new token is refused too', async () => {
    let calls = 0;
    const client = createClient({ baseUrl: 'http://mentoring.test', fetch: appFetch, getToken: () => { calls++; return 'still.not.valid'; } });
    await expect(client.me.get()).rejects.toMatchObject({ code: 'unauthenticated', status: 401 });
    expect(calls).toBe(2);
  });

  it('passes an AbortSignal through', async () => {
    const client = createClient({ baseUrl: 'http://mentoring.test', token: await t.token(maria), fetch: appFetch });
    const controller = new AbortController();
    controller.abort();
    await expect(client.me.get({ signal: controller.signal })).rejects.toMatchObject({ name: 'AbortError' });
  });

  it('works over a real socket with Node fetch', async () => {
    const server = serve({ fetch: t.app.fetch, port: 0, hostname: '127.0.0.1' });
    await new Promise((r) => server.once('listening', r));
    const address = server.address();
    const port = typeof address === 'object' && address ? address.port : 0;
    try {
      const client = createClient({ baseUrl: `http://127.0.0.1:${port}`, token: await t.token(maria) });
      await expect(client.me.get()).resolves.toMatchObject({ user: { name: 'Maria Santos' } });
    } finally {
      await new Promise((r) => server.close(r));
    }
  });

  it('derives the code from the status when the answer is not ours (a proxy, a static 404)', async () => {
    const plain = (status: number) => (async () => new Response('<html>nope</html>', { status, headers: { 'content-type': 'text/html' } })) as typeof fetch;
    for (const [status, code] of [[404, 'not_found'], [502, 'internal'], [503, 'unavailable'], [429, 'rate_limited']] as const) {
      const client = createClient({ baseUrl: 'http://mentoring.test', token: 'x', fetch: plain(status) });
      await expect(client.me.get()).rejects.toMatchObject({ code, status });
    }
  });

  it('reports an unreachable server as a network error', async () => {
    const client = createClient({ baseUrl: 'http://127.0.0.1:9', token: 'x' });
    await expect(client.me.get()).rejects.toMatchObject({ code: 'network_error', status: 0 });
  });
});
