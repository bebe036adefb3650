import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { MESSAGES_PER_MINUTE } from '@mentorkit/contract';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp } from '../app.js';
import { createVerifier } from '../auth/verify.js';
import { openPostgres, type DatabaseHandle } from '../db/connect.js';
import { startMentorship, type Pair } from '../features/messages/messages.fixtures.js';
import { record } from '../features/activity/record.js';
import { createLogger } from '../http/logger.js';
import { person } from '../test/flows.js';
import { createTestContext, databaseKinds, json, TEST_SECRET, type TestContext, type TestUser } from '../test/harness.js';
import { readEventsAfter } from './events.repository.js';
import { sleep, startInstance, startTestInstance, TestSocket, type Instance } from './realtime.testing.js';

const isMessage = (f: { type?: string }) => f.type === 'message.created';
/** Data only the transport sees: these tests check ordering, not what a notification says. */
const opaque = (data: Record<string, unknown>) => data as never;

/** The URL of the PostgreSQL database a test context created (TEST_DATABASE_URL with its name). */
async function urlOf(t: TestContext): Promise<string> {
  const { rows } = await sql<{ name: string }>`SELECT current_database() AS name`.execute(t.handle.db);
  const url = new URL(process.env['TEST_DATABASE_URL']!);
  url.pathname = `/${rows[0]!.name}`;
  return url.toString();
}

/** POST over real HTTP to one instance. */
async function post(instance: { base: string }, t: TestContext, as: TestUser, path: string, body: unknown): Promise<Response> {
  return fetch(`${instance.base}${path}`, {
    method: 'POST',
    headers: { authorization: `Bearer ${await t.token(as)}`, 'content-type': 'application/json' },
    body: JSON.stringify(body),
  });
}

describe.each(databaseKinds)('two server instances sharing one database (%s)', (kind) => {
  let t: TestContext;
  let a: Instance;
  let b: Instance;
  let second: DatabaseHandle | undefined;
  const mentor = person('inst-mentor', 'Inés Mentor');
  const mentee = person('inst-mentee', 'Ikaika Mentee');
  let pair: Pair;

  beforeAll(async () => {
    t = await createTestContext(kind);
    a = await startTestInstance(t);
    // PGlite lives in one process: the second instance shares it but has its own app, HTTP
    // server, socket server and LISTEN subscription. PostgreSQL: its own pool and LISTEN connection.
    second = kind === 'postgres' ? openPostgres(await urlOf(t), { max: 10 }) : undefined;
    const handleB = second ?? t.handle;
    const appB = createApp({ config: t.config, db: handleB.db, verifier: createVerifier(t.config), logger: createLogger('silent'), now: t.clock.now });
    b = await startInstance(appB, { handle: handleB, config: t.config, now: t.clock.now });
    pair = await startMentorship(t, mentor, mentee);
  });
  afterAll(async () => {
    await a?.close();
    await b?.close();
    await second?.close();
    await t?.close();
  });

  it('a message sent through one instance reaches a socket on the other, both ways', async () => {
    const onB = await TestSocket.open(b.wsUrl, await t.token(mentor));
    const onA = await TestSocket.open(a.wsUrl, await t.token(mentee));
    const viaA = await post(a, t, mentee, `/api/v1/conversations/${pair.conversationId}/messages`, { body: 'Sent through A', clientId: 'inst-1' });
    expect(viaA.status).toBe(201);
    const m1 = await json(viaA);
    expect((await onB.until(isMessage)).data).toEqual(m1);
    t.clock.advance(5_000);
    const viaB = await post(b, t, mentor, `/api/v1/conversations/${pair.conversationId}/messages`, { body: 'Answered through B', clientId: 'inst-2' });
    expect(viaB.status).toBe(201);
    const m2 = await json(viaB);
    await onA.count(isMessage, 2);
    expect(onA.events.filter(isMessage).map((e) => e.data.id)).toEqual([m1.id, m2.id]);
    await Promise.all([onA.close(), onB.close()]);
  });

  it('shares the send limit between instances', async () => {
    t.clock.advance(120_000);
    const sender = person('inst-rate', 'Rate Limited');
    const p = await startMentorship(t, sender, person('inst-rate-mentee', 'Rate Mentee'));
    const results = await Promise.all(Array.from({ length: MESSAGES_PER_MINUTE + 5 }, (_, i) =>
      post(i % 2 ? a : b, t, sender, `/api/v1/conversations/${p.conversationId}/messages`, { body: `n${i}`, clientId: `rate-${i}` })));
    const statuses = results.map((r) => r.status);
    expect(statuses.filter((s) => s === 201)).toHaveLength(MESSAGES_PER_MINUTE);
    expect(statuses.filter((s) => s === 429)).toHaveLength(5);
    expect(results.find((r) => r.status === 429)!.headers.get('retry-after')).toBe('60');
    t.clock.advance(120_000);
  });

  it('concurrent senders on both instances: every socket gets every event once, ids strictly rising', async () => {
    const hub = person('inst-hub', 'Hub Mentor');
    const mentees = Array.from({ length: 8 }, (_, i) => person(`inst-fan-${i}`, `Fan ${i}`));
    const pairs: Pair[] = [];
    for (const m of mentees) pairs.push(await startMentorship(t, hub, m));
    const sockets = [await TestSocket.open(a.wsUrl, await t.token(hub)), await TestSocket.open(b.wsUrl, await t.token(hub))];
    const perSender = 3;
    const sends = mentees.flatMap((m, i) => Array.from({ length: perSender }, (_, k) =>
      post(k % 2 ? a : b, t, m, `/api/v1/conversations/${pairs[i]!.conversationId}/messages`, { body: `from ${i} #${k}`, clientId: `fan-${i}-${k}` })));
    const results = await Promise.all(sends);
    expect(results.map((r) => r.status).every((s) => s === 201)).toBe(true);
    const expected = new Set(await Promise.all(results.map(async (r) => (await json(r)).id as string)));
    for (const s of sockets) {
      const got = await s.count(isMessage, expected.size);
      await sleep(150);
      expect(s.events.filter(isMessage)).toHaveLength(expected.size);
      expect(new Set(got.map((e) => e.data.id))).toEqual(expected);
      const ids = s.events.map((e) => e.id as number);
      expect(ids.every((id, i) => i === 0 || id > ids[i - 1]!)).toBe(true);
    }
    await Promise.all(sockets.map((s) => s.close()));
  });
});

describe.runIf(databaseKinds.includes('postgres'))('event stream ordering on PostgreSQL', () => {
  let t: TestContext;
  beforeAll(async () => { t = await createTestContext('postgres'); });
  afterAll(async () => { await t?.close(); });

  it('does not skip an event whose transaction took its id first but committed last', async () => {
    const user = person('order-user', 'Order User');
    const me = await t.call('GET', '/api/v1/me', { as: user });
    const userId = (await json(me)).user.id as string;
    const instance = await startTestInstance(t);
    const socket = await TestSocket.open(instance.wsUrl, await t.token(user));
    const start = socket.frames[0].cursor as number;
    const db = t.handle.db;
    const now = t.clock.now();

    let inserted!: () => void;
    let release!: () => void;
    const insertedP = new Promise<void>((r) => { inserted = r; });
    const gate = new Promise<void>((r) => { release = r; });
    const slow = db.transaction().execute(async (trx) => {
      await record(trx, { now, events: [{ userId, type: 'notification.created', data: opaque({ n: 'slow' }) }] });
      inserted();
      await gate;
    });
    await insertedP;
    await db.transaction().execute((trx) => record(trx, { now, events: [{ userId, type: 'notification.created', data: opaque({ n: 'fast' }) }] }));
    const firstRead = await readEventsAfter(db, userId, start, 100);
    expect(firstRead.map((e) => JSON.parse(e.frame).data.n)).toEqual(['fast']);
    await socket.until((f) => f.data?.n === 'fast');
    release();
    await slow;
    const secondRead = await readEventsAfter(db, userId, firstRead[0]!.position, 100);
    expect(secondRead.map((e) => JSON.parse(e.frame).data.n)).toEqual(['slow']);
    await socket.until((f) => f.data?.n === 'slow');
    // The identity ids are in insert order — the order that would have lost 'slow'.
    const rows = await db.selectFrom('events').select(['id', 'position', 'data']).where('user_id', '=', userId).orderBy('id').execute();
    expect(rows.map((r) => (r.data as { n: string }).n)).toEqual(['slow', 'fast']);
    expect(Number(rows[0]!.position)).toBeGreaterThan(Number(rows[1]!.position));
    expect(socket.events.map((e) => e.data.n)).toEqual(['fast', 'slow']);
    await socket.close();
    await instance.close();
  });

  it('many concurrent writers over overlapping users never deadlock, and each stream is complete and rising', async () => {
    const users = await Promise.all(Array.from({ length: 5 }, async (_, i) =>
      (await json(await t.call('GET', '/api/v1/me', { as: person(`order-many-${i}`, `Many ${i}`) }))).user.id as string));
    const starts = await Promise.all(users.map(async (u) => (await readEventsAfter(t.handle.db, u, 0, 100_000)).at(-1)?.position ?? 0));
    const writes = Array.from({ length: 60 }, (_, k) => {
      // Each transaction writes for two or three users, in a shuffled order.
      const chosen = [...users].sort(() => Math.random() - 0.5).slice(0, 2 + (k % 2));
      return t.handle.db.transaction().execute(async (trx) => {
        for (const u of chosen) {
          await record(trx, { now: t.clock.now(), events: [{ userId: u, type: 'notification.created', data: opaque({ k }) }] });
          await sleep(Math.random() * 3);
        }
      }).then(() => chosen);
    });
    const done = await Promise.all(writes);
    for (const [i, u] of users.entries()) {
      const events = await readEventsAfter(t.handle.db, u, starts[i]!, 100_000);
      expect(events).toHaveLength(done.filter((c) => c.includes(u)).length);
      expect(events.every((e, j) => j === 0 || e.position > events[j - 1]!.position)).toBe(true);
    }
  });
});

const mainJs = fileURLToPath(new URL('./main.js', new URL('..', import.meta.url)).href.replace('/src/', '/dist/'));

describe.runIf(databaseKinds.includes('postgres') && existsSync(mainJs))('a second server process on the same PostgreSQL', () => {
  let t: TestContext;
  let a: Instance;
  let child: ChildProcess | undefined;
  let childPort = 0;
  let output = '';

  beforeAll(async () => {
    t = await createTestContext('postgres');
    t.clock.set(new Date());
    a = await startTestInstance(t);
    child = spawn(process.execPath, [mainJs], {
      env: {
        PATH: process.env['PATH'] ?? '',
        DATABASE_URL: await urlOf(t),
        MENTORSHIP_JWT_SECRET: TEST_SECRET,
        MENTORSHIP_CORS_ORIGINS: 'https://portal.example.edu',
        PORT: '0',
        HOST: '127.0.0.1',
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    child.stdout!.on('data', (d) => { output += String(d); });
    child.stderr!.on('data', (d) => { output += String(d); });
    const deadline = Date.now() + 30_000;
    while (!childPort && Date.now() < deadline) {
      const m = /"msg":"listening","port":(\d+)/.exec(output);
      if (m) childPort = Number(m[1]);
      else await sleep(100);
    }
    if (!childPort) throw new Error(`child did not start: ${output}`);
  }, 60_000);
  afterAll(async () => {
    if (child && child.exitCode === null) {
      child.kill('SIGKILL');
      await new Promise((r) => child!.once('exit', r));
    }
    await a?.close();
    await t?.close();
  });

  it('a message sent through one process reaches a socket on the other, and shutdown closes sockets with 1001', async () => {
    const mentor = person('proc-mentor', 'Process Mentor');
    const mentee = person('proc-mentee', 'Process Mentee');
    const pair = await startMentorship(t, mentor, mentee);
    const childBase = { base: `http://127.0.0.1:${childPort}` };
    const onChild = await TestSocket.open(`ws://127.0.0.1:${childPort}/api/v1/realtime`, await t.token(mentor));
    const onA = await TestSocket.open(a.wsUrl, await t.token(mentee));

    const viaA = await post(a, t, mentee, `/api/v1/conversations/${pair.conversationId}/messages`, { body: 'From the test process', clientId: 'proc-1' });
    expect(viaA.status).toBe(201);
    expect((await onChild.until(isMessage)).data).toEqual(await json(viaA));

    const viaChild = await post(childBase, t, mentor, `/api/v1/conversations/${pair.conversationId}/messages`, { body: 'From the server process', clientId: 'proc-2' });
    expect(viaChild.status, await viaChild.clone().text()).toBe(201);
    const m2 = await json(viaChild);
    await onA.count(isMessage, 2);
    expect(onA.events.filter(isMessage).at(-1).data).toEqual(m2);

    const exited = new Promise((r) => child!.once('exit', r));
    child!.kill('SIGTERM');
    expect((await onChild.closed).code).toBe(1001);
    expect(await exited).toBe(0);
    await onA.close();
  }, 60_000);
});
