import { realtimeCloseCodes } from '@mentorkit/contract';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { WebSocket } from 'ws';
import { AUTH_FAILURES_PER_WINDOW, AUTH_FAILURE_WINDOW_MS } from '../auth/auth-failures.js';
import { person } from '../test/flows.js';
import { createTestContext, type TestContext } from '../test/harness.js';
import { sleep, startTestInstance, TestSocket, type Instance } from './realtime.testing.js';

/**
 * sockets were a way around the invalid-token limit, and anyone could hold
 * hundreds of unauthenticated sockets open. Addresses come from `X-Forwarded-For` here
 * (`MENTORSHIP_TRUST_PROXY=1`), so one test plays several clients. PGlite only: no SQL involved.
 */
describe('socket abuse', () => {
  let t: TestContext;
  let server: Instance;
  const PER_ADDRESS = 4;
  const TOTAL = 6;

  beforeAll(async () => {
    t = await createTestContext('pglite', { MENTORSHIP_TRUST_PROXY: '1' });
    server = await startTestInstance(t, { authTimeoutMs: 2_000, maxUnauthenticatedPerAddress: PER_ADDRESS, maxUnauthenticated: TOTAL });
  });
  afterAll(async () => {
    await server?.close();
    await t?.close();
  });

  const from = (address: string) => ({ headers: { 'x-forwarded-for': address } });
  const socket = async (address: string) => {
    const s = new TestSocket(server.wsUrl, from(address));
    await s.opened;
    return s;
  };
  const badTokenOverHttp = (address: string, token = 'not.a.token') =>
    fetch(`${server.base}/api/v1/me`, { headers: { authorization: `Bearer ${token}`, ...from(address).headers } });

  it('counts bad tokens sent over sockets with HTTP\'s, and turns the address away on both (4429, 429)', async () => {
    const address = '203.0.113.10';
    for (let i = 0; i < AUTH_FAILURES_PER_WINDOW; i++) {
      const s = await socket(address);
      s.send({ type: 'auth', token: `bad.token.${i}` });
      expect((await s.closed).code).toBe(realtimeCloseCodes.unauthenticated);
    }
    const http = await badTokenOverHttp(address);
    expect(http.status).toBe(429);
    expect(http.headers.get('retry-after')).toBeTruthy();
    // Even a valid token is not checked from that address until the window ends.
    const valid = await socket(address);
    valid.send({ type: 'auth', token: await t.token(person('abuse-valid', 'Vera Valid')) });
    expect((await valid.closed).code).toBe(realtimeCloseCodes.tooManySockets);
    // Another address is unaffected.
    const other = await socket('203.0.113.11');
    other.send({ type: 'auth', token: await t.token(person('abuse-other', 'Otto Other')) });
    await other.until((f) => f.type === 'ready');
    await other.close();
    t.clock.advance(AUTH_FAILURE_WINDOW_MS + 1_000);
  });

  it('counts HTTP\'s bad tokens against sockets too', async () => {
    const address = '203.0.113.20';
    for (let i = 0; i < AUTH_FAILURES_PER_WINDOW; i++) expect((await badTokenOverHttp(address)).status).toBe(401);
    const s = await socket(address);
    s.send({ type: 'auth', token: 'not.a.token' });
    expect((await s.closed).code).toBe(realtimeCloseCodes.tooManySockets);
    t.clock.advance(AUTH_FAILURE_WINDOW_MS + 1_000);
  });

  it('caps unauthenticated sockets per address and in all (4429), and frees a place when one authenticates', async () => {
    const first = await Promise.all(Array.from({ length: PER_ADDRESS }, () => socket('198.51.100.1')));
    const extra = await socket('198.51.100.1');
    expect((await extra.closed).code).toBe(realtimeCloseCodes.tooManySockets);
    // Another address still gets in, until the total is reached.
    const second = await Promise.all(Array.from({ length: TOTAL - PER_ADDRESS }, () => socket('198.51.100.2')));
    const beyondTotal = await socket('198.51.100.3');
    expect((await beyondTotal.closed).code).toBe(realtimeCloseCodes.tooManySockets);
    await sleep(50);
    expect([...first, ...second].every((s) => s.ws.readyState === WebSocket.OPEN)).toBe(true);
    expect(server.realtime.stats().unauthenticated).toBe(TOTAL);

    // One authenticates: it no longer counts, so another may wait for its turn.
    first[0]!.send({ type: 'auth', token: await t.token(person('abuse-cap', 'Cap Tester')) });
    await first[0]!.until((f) => f.type === 'ready');
    const next = await socket('198.51.100.1');
    await sleep(50);
    expect(next.ws.readyState).toBe(WebSocket.OPEN);
    // And the unauthenticated ones are closed at the auth deadline, freeing their places.
    expect((await first[1]!.closed).code).toBe(realtimeCloseCodes.unauthenticated);
    await Promise.all([...first.slice(2), ...second, next].map((s) => s.closed));
    for (let i = 0; i < 50 && server.realtime.stats().unauthenticated > 0; i++) await sleep(20); // the server sees the closes a moment later
    expect(server.realtime.stats().unauthenticated).toBe(0);
    await first[0]!.close();
  });
});
