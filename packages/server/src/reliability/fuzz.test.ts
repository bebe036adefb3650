import { realtimeCloseCodes } from '@mentorkit/contract';
import { it as fcIt } from '@fast-check/vitest';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp, MAX_BODY_BYTES } from '../app.js';
import { createVerifier } from '../auth/verify.js';
import { toHonoPath } from '../http/route.js';
import { routeSpecs } from '../routes.js';
import { loadConfig } from '../config.js';
import { newPair, type Pair } from '../features/lifecycle/workspace.fixtures.js';
import { MAX_JSON_DEPTH } from '../http/json-depth.js';
import { createLogger } from '../http/logger.js';
import { startTestInstance, TestSocket, type Instance } from '../realtime/realtime.testing.js';
import { admin, becomeMentor, person, sendRequest } from '../test/flows.js';
import { createTestContext, json, type TestContext, type TestUser } from '../test/harness.js';
import { contentTypes, encode, errorFormatProblem, fieldNames, headerValue, hostileBody, hostileQuery, hostileString, hostileValue, rowCounts } from './fuzz.fixtures.js';

const documented = routeSpecs({ demo: true });

/**
 * Hostile input against every route of the app (enumerated from Hono's own route table, so a new
 * route is fuzzed without anyone listing it) and against the realtime socket. Properties: never
 * a 5xx; every error in the one error format; a refused request writes nothing. PGlite only:
 * this is about input handling, and PGlite runs the same SQL as PostgreSQL.
 */

const RUNS_PER_ROUTE = 6;
const SEED = Number(process.env['FUZZ_SEED'] ?? 20261128);

/** The app's routes (handlers, not middleware), read from a throw-away instance: building an app touches no database. */
const routes = (() => {
  const config = loadConfig({ MENTORSHIP_JWT_SECRET: 'x'.repeat(40), MENTORSHIP_DEMO: '1' });
  const app = createApp({ config, db: undefined as never, verifier: createVerifier(config), logger: createLogger('silent'), now: () => new Date() });
  const seen = new Map<string, { method: string; path: string }>();
  for (const r of app.routes) {
    if (r.method === 'ALL' || r.path.endsWith('/*')) continue;
    seen.set(`${r.method} ${r.path}`, { method: r.method, path: r.path });
  }
  return [...seen.values()];
})();

/** The body and query field names the OpenAPI route registry declares for a route (empty for a route it does not know). */
const specOf = (method: string, path: string) => documented.find((r) => r.method.toUpperCase() === method && `/api/v1${toHonoPath(r.path)}` === path);

function declaredFields(method: string, path: string): { body: string[]; query: string[] } {
  const spec = specOf(method, path);
  return { body: fieldNames(spec?.body?.schema), query: fieldNames(spec?.query) };
}

/** Pages for people (the unsubscribe confirmation) answer errors as HTML pages, not in the JSON error format. */
const isHtmlPage = (method: string, path: string) => specOf(method, path)?.responses.some((r) => r.contentType === 'text/html') ?? false;

let t: TestContext;
let pair: Pair;
const ids: Record<string, string> = {};
const tokens: Record<string, string> = {};
const applicant = person('fuzz-applicant', 'Ada Applicant');
/** `DELETE /me` erases its caller: it gets people of its own, so the fixture's survive. */
const erasable = Array.from({ length: 10 }, (_, i) => person(`fuzz-erasable-${i}`, `Erin Erasable ${i}`));
const requester = person('fuzz-requester', 'Rui Requester');

beforeAll(async () => {
  t = await createTestContext('pglite', { MENTORSHIP_DEMO: '1' });
  pair = await newPair(t, 'fuzz');
  ids['mentorships'] = pair.mentorshipId;
  ids['mentors'] = pair.mentorId;
  ids['mentorship-requests'] = await sendRequest(t, requester, pair.mentorId);
  const meeting = await t.call('POST', `/api/v1/mentorships/${pair.mentorshipId}/meetings`, {
    as: pair.mentor, body: { title: 'First chat', startsAt: '2026-12-05T10:00:00Z', durationMinutes: 60 },
  });
  ids['meetings'] = (await json(meeting)).id;
  ids['milestones'] = (await json(await t.call('POST', `/api/v1/mentorships/${pair.mentorshipId}/milestones`, { as: pair.mentor, body: { title: 'CV review' } }))).id;
  ids['conversations'] = (await json(await t.call('GET', '/api/v1/conversations', { as: pair.mentee }))).items[0].id;
  const applied = await t.call('POST', '/api/v1/mentor-applications', {
    as: applicant,
    body: { expertise: ['SQL'], yearsOfExperience: 3, statement: 'I would like to help new graduates find their first data job.' },
  });
  ids['mentor-applications'] = (await json(applied)).id;
  ids['calendar'] = `${(await json(await t.call('POST', '/api/v1/me/calendar-feed', { as: pair.mentee }))).token}.ics`;
  await becomeMentor(t, person('fuzz-other-mentor', 'Otto Other'));
  for (const [name, user] of Object.entries({ mentee: pair.mentee, mentor: pair.mentor, admin, requester }) as [string, TestUser][]) {
    tokens[name] = await t.token(user);
  }
  for (const [i, user] of erasable.entries()) {
    tokens[`erasable${i}`] = await t.token(user);
    await t.call('GET', '/api/v1/me', { as: user });
  }
}, 180_000);

afterAll(async () => {
  await t?.close();
});

const actor = (method: string, path: string) => (method === 'DELETE' && path === '/api/v1/me'
  ? fc.oneof(fc.integer({ min: 0, max: erasable.length - 1 }).map((i) => `erasable${i}`), fc.constantFrom('anonymous', 'garbage'))
  : fc.constantFrom('mentee', 'mentor', 'admin', 'requester', 'anonymous', 'garbage'));

/** A path parameter: the real resource (so the body reaches the handler), a stranger's UUID, or hostile text. */
const param = (segment: string) => fc.oneof(
  { weight: 3, arbitrary: fc.constant(segment).map((s) => ids[s] ?? ids['mentorships']!) }, // read when generated: ids fill in beforeAll
  { weight: 1, arbitrary: fc.uuid() },
  { weight: 2, arbitrary: hostileString.filter((s) => s.length < 2000).map(encode) },
);

function fillPath(path: string): fc.Arbitrary<string> {
  const parts = path.split('/').map((part, i, all) => (part.startsWith(':') ? param(all[i - 1] ?? '') : fc.constant(part)));
  return fc.tuple(...parts).map((p) => p.join('/'));
}

interface Sent {
  url: string;
  init: RequestInit;
}

function requestFor(method: string, path: string): fc.Arbitrary<Sent> {
  const fields = declaredFields(method, path);
  return fc.record({
    path: fillPath(path),
    query: fc.option(hostileQuery(fields.query), { nil: undefined, freq: fields.query.length ? 6 : 2 }),
    as: actor(method, path),
    body: fc.option(hostileBody(fields.body), { nil: undefined, freq: 4 }),
    contentType: fc.option(fc.constantFrom(...contentTypes), { nil: undefined, freq: 5 }),
    idempotencyKey: fc.option(headerValue, { nil: undefined, freq: 3 }),
    requestId: fc.option(headerValue, { nil: undefined, freq: 4 }),
    extra: fc.option(fc.tuple(fc.constantFrom('accept', 'accept-language', 'origin', 'if-none-match', 'x-forwarded-for', 'cookie'), headerValue), { nil: undefined }),
  }).map((g) => {
    const headers = new Headers();
    if (g.as === 'garbage') headers.set('authorization', `Bearer ${encode(g.body ?? 'x.y.z').slice(0, 500)}`);
    else if (g.as !== 'anonymous') headers.set('authorization', `Bearer ${tokens[g.as]}`);
    if (g.contentType) headers.set('content-type', g.contentType);
    if (g.idempotencyKey !== undefined) headers.set('idempotency-key', g.idempotencyKey);
    if (g.requestId !== undefined) headers.set('x-request-id', g.requestId);
    if (g.extra) headers.set(g.extra[0], g.extra[1]);
    const canHaveBody = method !== 'GET' && method !== 'HEAD';
    return {
      url: `${g.path}${g.query === undefined ? '' : `?${g.query}`}`,
      init: { method, headers, ...(canHaveBody && g.body !== undefined ? { body: g.body } : {}) },
    };
  });
}

/** Sends one request and checks the three properties; the failure message carries the request. */
async function check(sent: Sent, htmlPage: boolean): Promise<void> {
  const before = await rowCounts(t);
  const res = await t.app.request(sent.url, sent.init);
  const text = await res.text();
  const what = `${sent.init.method} ${sent.url.slice(0, 300)} → ${res.status} ${text.slice(0, 300)}`;
  expect(res.status, what).toBeLessThan(500);
  if (res.status >= 400) {
    const asHtml = res.headers.get('content-type')?.startsWith('text/html') && (htmlPage || new Headers(sent.init.headers).get('accept')?.includes('text/html'));
    if (asHtml) expect(text, what).not.toMatch(/\bat .+\.(ts|js):\d+/);
    else expect(errorFormatProblem(res.status, text), what).toBeUndefined();
    expect(await rowCounts(t), `a refused request wrote rows: ${what}`).toEqual(before);
  }
}

describe('fuzzing every route', () => {
  it('finds the routes to fuzz', () => {
    expect(routes.length).toBeGreaterThan(50);
    expect(routes.some((r) => r.path === '/api/v1/mentorship-requests/:id/accept' && r.method === 'POST')).toBe(true);
  });

  for (const { method, path } of routes) {
    fcIt.prop([requestFor(method, path)], { numRuns: RUNS_PER_ROUTE, seed: SEED, endOnFailure: true })(`${method} ${path}`, (sent) => check(sent, isHtmlPage(method, path)), 30_000);
  }

  fcIt.prop([fc.constantFrom('GET', 'POST', 'PUT', 'PATCH', 'DELETE', 'PROPFIND'), fc.array(hostileString.map(encode), { minLength: 1, maxLength: 4 })], { numRuns: 30, seed: SEED })(
    'unknown paths and methods answer 404 in the error format',
    async (method, segments) => {
      const res = await t.app.request(`/api/v1/nowhere/${segments.join('/')}`, { method, headers: { authorization: `Bearer ${tokens['mentee']}` } });
      const text = await res.text();
      expect(res.status, text).toBe(404);
      expect(errorFormatProblem(res.status, text)).toBeUndefined();
    },
  );

  // Found by an exhaustive NUL sweep over every GET route's query keys (too slow to keep): PostgreSQL refuses NUL in text.
  it.each(['q=%00', 'q=a%00b'])('answers 400, not 500, to GET /admin/mentors?%s', async (query) => {
    const res = await t.app.request(`/api/v1/admin/mentors?${query}`, { headers: { authorization: `Bearer ${tokens['admin']}` } });
    expect(res.status).toBe(400);
    expect(errorFormatProblem(400, await res.text())).toBeUndefined();
  });

  it('leaves Object.prototype alone after all the __proto__ bodies', () => {
    expect(({} as Record<string, unknown>)['polluted']).toBeUndefined();
    expect(({} as Record<string, unknown>)['role']).toBeUndefined();
  });
});

describe('request body limit', () => {
  const LIMIT = MAX_BODY_BYTES;
  const oversized = (bytes: number) => JSON.stringify({ mentorId: ids['mentors'], goals: 'g'.repeat(bytes), skillsSeeking: [], message: 'hi' });

  it('answers 413 in the error format to a body over the 64 KB limit, and writes nothing', async () => {
    const before = await rowCounts(t);
    const res = await t.call('POST', '/api/v1/mentorship-requests', { as: pair.mentee, body: oversized(LIMIT) });
    const text = await res.text();
    expect(res.status).toBe(413);
    expect(errorFormatProblem(413, text)).toBeUndefined();
    expect(JSON.parse(text).error.code).toBe('payload_too_large');
    expect(await rowCounts(t)).toEqual(before);
  });

  it('reads a body of just under the limit (and refuses it for what it says, not for its size)', async () => {
    const body = oversized(LIMIT - 200);
    expect(Buffer.byteLength(body)).toBeLessThanOrEqual(LIMIT);
    const res = await t.call('POST', '/api/v1/mentorship-requests', { as: pair.mentee, body });
    expect(res.status).toBe(400);
  });

  // depth is refused before JSON.parse, so a nested body costs a scan, not a parse.
  const nested = (depth: number, inner = '1') => `{"mentorId":${'['.repeat(depth - 1)}${inner}${']'.repeat(depth - 1)}}`;

  it.each([
    ['at the depth limit', MAX_JSON_DEPTH, 400, 'mentorId'],
    ['one level over the depth limit', MAX_JSON_DEPTH + 1, 400, 'nested deeper'],
    ['as deep as fits under the size limit', Math.floor((LIMIT - 20) / 2), 400, 'nested deeper'],
  ])('answers a body nested %s with %i in the error format and writes nothing', async (_label, depth, status, message) => {
    const body = nested(depth);
    expect(Buffer.byteLength(body)).toBeLessThanOrEqual(LIMIT);
    const before = await rowCounts(t);
    const res = await t.call('POST', '/api/v1/mentorship-requests', { as: pair.mentee, body });
    const text = await res.text();
    expect(res.status).toBe(status);
    expect(errorFormatProblem(status, text)).toBeUndefined();
    expect(JSON.parse(text).error).toMatchObject({ code: 'validation_failed', message: expect.stringContaining(message) });
    expect(await rowCounts(t)).toEqual(before);
  });

  it('answers a nested body just over the size limit with 413, and counts brackets inside strings as text', async () => {
    const over = nested(Math.ceil(LIMIT / 2) + 10);
    expect(Buffer.byteLength(over)).toBeGreaterThan(LIMIT);
    expect((await t.call('POST', '/api/v1/mentorship-requests', { as: pair.mentee, body: over })).status).toBe(413);
    // Thousands of brackets in a string (and an escaped quote before them) nest nothing.
    const inString = JSON.stringify({ headline: `\\"${'['.repeat(100)}` });
    expect((await t.call('PUT', '/api/v1/me/profile', { as: pair.mentee, body: inString })).status).toBe(200);
  });

  describe('over HTTP', () => {
    let instance: Instance;
    beforeAll(async () => { instance = await startTestInstance(t); });
    afterAll(async () => { await instance?.close(); });

    it('answers 413 to an oversized chunked body without a Content-Length', async () => {
      const chunk = new TextEncoder().encode('a'.repeat(16 * 1024));
      let sent = 0;
      const stream = new ReadableStream<Uint8Array>({
        pull(controller) {
          if (sent >= 2 * LIMIT) controller.close();
          else { controller.enqueue(chunk); sent += chunk.length; }
        },
      });
      const res = await fetch(`${instance.base}/api/v1/mentorship-requests`, {
        method: 'POST',
        headers: { authorization: `Bearer ${tokens['mentee']}`, 'content-type': 'application/json' },
        body: stream,
        duplex: 'half',
      } as RequestInit);
      const text = await res.text();
      expect(res.status).toBe(413);
      expect(errorFormatProblem(413, text)).toBeUndefined();
    });

    it('answers 413 to a Content-Length over the limit', async () => {
      const res = await fetch(`${instance.base}/api/v1/me/profile`, {
        method: 'PUT',
        headers: { authorization: `Bearer ${tokens['mentee']}`, 'content-type': 'application/json' },
        body: 'x'.repeat(LIMIT + 1),
      });
      expect(res.status).toBe(413);
      expect(errorFormatProblem(413, await res.text())).toBeUndefined();
    });
  });
});

describe('fuzzing the realtime socket', () => {
  let instance: Instance;
  beforeAll(async () => { instance = await startTestInstance(t, { authTimeoutMs: 2_000 }); });
  afterAll(async () => { await instance?.close(); });

  const frame = fc.oneof(
    { weight: 4, arbitrary: hostileValue().map((v) => JSON.stringify(v) ?? 'null') },
    { weight: 3, arbitrary: fc.record({ type: fc.constantFrom('auth', 'resume', 'ping', 'subscribe', '__proto__', ''), token: fc.oneof(hostileString, fc.constant('x.y.z')), after: hostileValue() }, { requiredKeys: ['type'] }).map((m) => JSON.stringify(m)) },
    { weight: 1, arbitrary: fc.constantFrom('{"type":"resume","after":-1}', '{"type":"resume","after":1e308}', '{"type":"resume","after":"1"}', '{"__proto__":{"type":"auth"}}', '\u0000', '\uD800', '') },
    { weight: 1, arbitrary: fc.uint8Array({ maxLength: 64 }).map((bytes) => Buffer.from(bytes)) },
    { weight: 1, arbitrary: fc.constantFrom(20_000, 100_000).map((n) => `{"type":"ping","pad":"${'x'.repeat(n)}"}`) },
  );
  // tooManySockets: a run's socket may open before the server has seen the previous run's close.
  const closeCodes: number[] = [realtimeCloseCodes.badMessage, realtimeCloseCodes.unauthenticated, realtimeCloseCodes.messageTooBig, realtimeCloseCodes.tooManySockets];

  fcIt.prop([fc.boolean(), fc.array(frame, { minLength: 1, maxLength: 4 })], { numRuns: 25, seed: SEED })(
    'answers hostile frames by closing with a protocol code or carrying on, never with an internal error',
    async (authenticateFirst, frames) => {
      const socket = authenticateFirst ? await TestSocket.open(instance.wsUrl, tokens['mentee']!) : new TestSocket(instance.wsUrl);
      await socket.opened;
      for (const f of frames) socket.ws.send(f);
      // A ping after the frames: a pong means the socket is alive and still speaking the protocol.
      socket.ws.send(JSON.stringify({ type: 'ping' }));
      const outcome = await Promise.race([
        socket.closed.then((c) => ({ closed: c.code })),
        socket.until((f) => f.type === 'pong', 5_000).then(() => ({ closed: 0 })),
      ]);
      if (outcome.closed) expect(closeCodes, `closed with ${outcome.closed}`).toContain(outcome.closed);
      else expect(authenticateFirst || socket.frames.some((f) => f.type === 'ready')).toBe(true);
      socket.ws.terminate();
      await socket.closed;
    },
    60_000,
  );

  it('still authenticates a well-behaved client and logged no internal error', async () => {
    const socket = await TestSocket.open(instance.wsUrl, tokens['mentor']!);
    expect(socket.frames.some((f) => f.type === 'ready')).toBe(true);
    await socket.close();
    expect(instance.logs.filter((l) => l.includes('"level":"error"'))).toEqual([]);
  });
});
