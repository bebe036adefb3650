import { realtimeCloseCodes, realtimeServerMessage } from '@mentorkit/contract';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { WebSocket } from 'ws';
import { signToken } from '../auth/verify.js';
import { endMentorship, sendMessage, startMentorship, type Pair } from '../features/messages/messages.fixtures.js';
import { record } from '../features/activity/record.js';
import { becomeMentor, person, requestBody } from '../test/flows.js';
import { createTestContext, databaseKinds, json, TEST_SECRET, type TestContext } from '../test/harness.js';
import { deleteEventsBefore, latestPosition, readEventsAfter } from './events.repository.js';
import { sleep, startTestInstance, TestSocket, type Instance } from './realtime.testing.js';
import { startEventRetention } from './retention.job.js';

const DAY = 86_400_000;
const isMessage = (f: { type?: string }) => f.type === 'message.created';

describe.each(databaseKinds)('the realtime socket on %s', (kind) => {
  let t: TestContext;
  let server: Instance;
  const mentor = person('rt-mentor', 'Rina Mentor');
  const mentee = person('rt-mentee', 'Mateo Mentee');
  let pair: Pair;

  beforeAll(async () => {
    t = await createTestContext(kind);
    server = await startTestInstance(t, { authTimeoutMs: 300, heartbeatMs: 150 });
    pair = await startMentorship(t, mentor, mentee);
  });
  afterAll(async () => {
    await server?.close();
    await t?.close();
  });

  const open = async (user = mentee, after?: number) => TestSocket.open(server.wsUrl, await t.token(user), after);
  /** Sends spaced 3.1 s apart on the test clock, under the 20-a-minute limit. */
  const paced = async (user: typeof mentee, conversationId: string, body: string) => {
    t.clock.advance(3_100);
    const res = await sendMessage(t, user, conversationId, body);
    expect(res.status, await res.clone().text()).toBe(201);
    return json(res);
  };

  describe('authentication', () => {
    it('closes with 4401 on a bad token', async () => {
      const s = new TestSocket(server.wsUrl);
      await s.opened;
      s.send({ type: 'auth', token: 'not.a.token' });
      expect((await s.closed).code).toBe(4401);
      expect(s.frames).toEqual([]);
    });

    it('closes with 4401 on an expired token or one signed with another key', async () => {
      const expired = await signToken(TEST_SECRET, { sub: 'rt-late' }, { expiresInSeconds: -60 });
      const forged = await signToken('another-secret-that-is-long-enough-0123456789', { sub: 'rt-forged' });
      for (const token of [expired.token, forged.token]) {
        const s = new TestSocket(server.wsUrl);
        await s.opened;
        s.send({ type: 'auth', token });
        expect((await s.closed).code).toBe(4401);
      }
    });

    it('closes with 4401 when the first message is not auth, or not JSON', async () => {
      for (const first of [{ type: 'resume', after: 0 }, { type: 'ping' }, 'hello', { token: 'x' }]) {
        const s = new TestSocket(server.wsUrl);
        await s.opened;
        s.send(first);
        expect((await s.closed).code).toBe(4401);
      }
    });

    it('closes with 4401 when no auth arrives within the configured time (5 s by default)', async () => {
      const s = new TestSocket(server.wsUrl);
      await s.opened;
      const started = Date.now();
      const { code } = await s.closed;
      expect(code).toBe(4401);
      expect(Date.now() - started).toBeGreaterThanOrEqual(250);
      expect(Date.now() - started).toBeLessThan(3_000);
    });

    it('authenticates, answers ready with the cursor, and keeps the socket past the auth deadline', async () => {
      const s = await open();
      const ready = s.frames[0];
      expect(realtimeServerMessage.safeParse(ready).success).toBe(true);
      expect(ready).toEqual({ type: 'ready', cursor: await latestPosition(t.handle.db, pair.menteeId), userId: pair.menteeId });
      await sleep(500);
      expect(s.ws.readyState).toBe(WebSocket.OPEN);
      s.send({ type: 'ping' });
      await s.until((f) => f.type === 'pong');
      s.send('{"type":"nonsense"}');
      expect((await s.closed).code).toBe(realtimeCloseCodes.badMessage);
    });

    it('closes the sockets of an account erased meanwhile, and refuses the account from then on', async () => {
      const gone = person('rt-erased', 'Ezra Erased');
      const [first, second] = [await open(gone), await open(gone)];
      const bystander = await open(mentee);
      const erased = await t.call('DELETE', '/api/v1/me', { as: gone });
      expect(erased.status, await erased.clone().text()).toBe(200);
      for (const s of [first, second]) {
        const { code, reason } = await s.closed;
        expect(code).toBe(4401);
        expect(reason).toMatch(/deleted/i);
      }
      const again = new TestSocket(server.wsUrl);
      await again.opened;
      again.send({ type: 'auth', token: await t.token(gone) });
      expect((await again.closed).code).toBe(4401);
      expect(bystander.ws.readyState, 'others keep their sockets').toBe(WebSocket.OPEN);
      await bystander.close();
    });

    it('closes with 4401 when the token expires', async () => {
      const { token } = await signToken(TEST_SECRET, { sub: 'rt-short', name: 'Short Lived' }, { expiresInSeconds: 1 });
      const s = await TestSocket.open(server.wsUrl, token);
      const started = Date.now();
      const { code, reason } = await s.closed;
      expect(code).toBe(4401);
      expect(reason).toMatch(/expired/i);
      expect(Date.now() - started).toBeLessThan(3_000);
    });

    it('refuses upgrades on other paths (404) and from origins not allowed (403); never reads tokens from the URL', async () => {
      const other = new TestSocket(`ws://127.0.0.1:${server.port}/api/v1/other`);
      await expect(other.opened).rejects.toThrow(/404/);
      const evil = new TestSocket(server.wsUrl, { headers: { origin: 'https://evil.example' } });
      await expect(evil.opened).rejects.toThrow(/403/);
      const portal = new TestSocket(server.wsUrl, { headers: { origin: 'https://portal.example.edu' } });
      await portal.opened;
      const inUrl = new TestSocket(`${server.wsUrl}?token=${await t.token(mentee)}`);
      await inUrl.opened;
      inUrl.send({ type: 'ping' });
      expect((await inUrl.closed).code).toBe(4401);
      await portal.close();
    });
  });

  describe('limits', () => {
    it('closes a socket that sends a message over the size cap (1009)', async () => {
      const s = await open();
      s.send({ type: 'ping', pad: 'x'.repeat(20_000) });
      expect((await s.closed).code).toBe(realtimeCloseCodes.messageTooBig);
    });

    it('keeps at most 5 sockets per user, closing the oldest with 4429', async () => {
      const user = person('rt-tabs', 'Many Tabs');
      const sockets = [];
      for (let i = 0; i < 6; i++) sockets.push(await open(user));
      expect((await sockets[0]!.closed).code).toBe(realtimeCloseCodes.tooManySockets);
      await sleep(50);
      expect(sockets.slice(1).every((s) => s.ws.readyState === WebSocket.OPEN)).toBe(true);
      await Promise.all(sockets.slice(1).map((s) => s.close()));
    });

    it('drops a socket that stops answering pings, and keeps one that answers', async () => {
      const deaf = new TestSocket(server.wsUrl, { autoPong: false });
      await deaf.opened;
      deaf.send({ type: 'auth', token: await t.token(mentee) });
      await deaf.until((f) => f.type === 'ready');
      const healthy = await open();
      const { code } = await deaf.closed; // terminated: no close frame
      expect(code).toBe(1006);
      expect(healthy.ws.readyState).toBe(WebSocket.OPEN);
      await healthy.close();
    });
  });

  describe('delivery', () => {
    it('delivers a message to both parties live, as the contract envelope with the message as data', async () => {
      const [a, b] = [await open(mentor), await open(mentee)];
      const message = await paced(mentee, pair.conversationId, 'Live hello');
      for (const s of [a, b]) {
        const event = await s.until(isMessage);
        expect(realtimeServerMessage.safeParse(event).success).toBe(true);
        expect(event).toMatchObject({ type: 'message.created', id: expect.any(Number), at: message.createdAt, data: message });
        expect(event.id).toBeGreaterThan(s.frames[0].cursor);
      }
      // A read marker reaches the reader's other devices and the other party.
      const read = await json(await t.call('POST', `/api/v1/conversations/${pair.conversationId}/read`, { as: mentor, body: { upTo: message.id } }));
      const [own, theirs] = await Promise.all([a.until((f) => f.type === 'conversation.read'), b.until((f) => f.type === 'conversation.read')]);
      expect(own.data).toEqual(read);
      expect(theirs.data).toMatchObject({ userId: pair.mentorId, lastReadSeq: message.seq });
      expect(theirs.data.unreadCount).toBeUndefined();
      await Promise.all([a.close(), b.close()]);
    });

    it('carries the other features\' events too (request.created, notification.created)', async () => {
      const newMentor = person('rt-other-mentor', 'Other Mentor');
      const mentorId = await becomeMentor(t, newMentor);
      const s = await open(newMentor);
      const res = await t.call('POST', '/api/v1/mentorship-requests', { as: person('rt-other-mentee', 'Other Mentee'), body: requestBody(mentorId) });
      expect(res.status).toBe(201);
      const request = await json(res);
      expect((await s.until((f) => f.type === 'request.created')).data).toEqual(request);
      expect((await s.until((f) => f.type === 'notification.created')).data).toMatchObject({ kind: 'request.received', data: { requestId: request.id } });
      await s.close();
    });

    it('resumes after a socket closed mid-stream: 50 messages arrive exactly once, in order', async () => {
      const first = await open(mentor);
      const sent: { id: string; seq: number }[] = [];
      let closedAt = -1;
      for (let i = 0; i < 50; i++) {
        sent.push(await paced(mentee, pair.conversationId, `burst ${i}`));
        if (i === 14) {
          // Close once part of the burst has arrived; the rest is sent while nobody listens.
          await first.count(isMessage, 10);
          first.ws.terminate();
          await first.closed;
          closedAt = i;
        }
      }
      expect(closedAt).toBe(14);
      const before = first.events.filter(isMessage);
      expect(before.length).toBeGreaterThanOrEqual(10);
      const lastSeen = first.events.at(-1).id as number;
      const second = await open(mentor, lastSeen);
      const after = await second.count(isMessage, 50 - before.length);
      await sleep(200);
      const all = [...before, ...second.events.filter(isMessage)];
      expect(all.map((e) => e.data.id)).toEqual(sent.map((m) => m.id));
      const ids = [...first.events, ...second.events].map((e) => e.id);
      expect(new Set(ids).size).toBe(ids.length);
      expect([...ids].sort((x, y) => x - y)).toEqual(ids);
      expect(after.length).toBe(50 - before.length);
      await second.close();
    });

    it('resumes from 0 with everything kept, and clamps a cursor from the future to now', async () => {
      const all = await readEventsAfter(t.handle.db, pair.mentorId, 0, 10_000);
      const s = await open(mentor, 0);
      await s.count(() => true, all.length + 1);
      expect(s.events.map((e) => e.id)).toEqual(all.map((e) => e.position));
      await s.close();
      const future = await open(mentor, 10 ** 12);
      const message = await paced(mentee, pair.conversationId, 'after a future cursor');
      expect((await future.until(isMessage)).data.id).toBe(message.id);
      expect(future.events).toHaveLength(1);
      await future.close();
    });

    it('delivers to every socket of a user from its own cursor, and to nobody else', async () => {
      const outsider = await open(person('rt-nosy', 'Nosy Neighbour'));
      const live = await open(mentor);
      const cursor = live.frames[0].cursor as number;
      const m1 = await paced(mentee, pair.conversationId, 'one');
      await live.until(isMessage);
      const resuming = await open(mentor, cursor);
      const m2 = await paced(mentee, pair.conversationId, 'two');
      for (const s of [live, resuming]) {
        await s.count(isMessage, 2);
        expect(s.events.filter(isMessage).map((e) => e.data.id)).toEqual([m1.id, m2.id]);
      }
      await sleep(100);
      expect(outsider.events).toEqual([]);
      await Promise.all([outsider.close(), live.close(), resuming.close()]);
    });

    it('catches up through the periodic sweep when a notification was lost', async () => {
      const sweeping = await startTestInstance(t, { sweepMs: 100 });
      try {
        const s = await TestSocket.open(sweeping.wsUrl, await t.token(mentor));
        // Written without pg_notify, as if the LISTEN connection had been down at that moment.
        await t.handle.db.insertInto('events')
          .values({ user_id: pair.mentorId, type: 'notification.created', data: JSON.stringify({ silent: true }), created_at: t.clock.now() })
          .execute();
        expect((await s.until((f) => f.data?.silent === true, 5_000)).type).toBe('notification.created');
        await s.close();
      } finally {
        await sweeping.close();
      }
    });

    it('stops sending after the mentorship ends, while earlier events can still be resumed', async () => {
      const p = await startMentorship(t, person('rt-end-mentor', 'End Mentor'), person('rt-end-mentee', 'End Mentee'));
      const s = await open(person('rt-end-mentor', 'End Mentor'), 0);
      await paced(person('rt-end-mentee', 'End Mentee'), p.conversationId, 'last words');
      await s.until(isMessage);
      await endMentorship(t, p.mentorshipId);
      expect((await sendMessage(t, person('rt-end-mentee', 'End Mentee'), p.conversationId, 'too late')).status).toBe(409);
      await sleep(100);
      expect(s.events.filter(isMessage)).toHaveLength(1);
      await s.close();
    });
  });

  describe('retention', () => {
    it('deletes events older than 7 days; the job runs at start', async () => {
      const user = await t.handle.db.selectFrom('users').select('id').limit(1).executeTakeFirstOrThrow();
      const old = new Date(t.clock.now().getTime() - 8 * DAY);
      await t.handle.db.transaction().execute((trx) => record(trx, { now: old, events: [{ userId: user.id, type: 'notification.created', data: { old: true } as never }] }));
      const count = async () => (await t.handle.db.selectFrom('events').select('id').where('created_at', '<', new Date(t.clock.now().getTime() - 7 * DAY)).execute()).length;
      expect(await count()).toBe(1);
      const job = startEventRetention(t.handle.db, { now: t.clock.now, logger: { debug() {}, info() {}, warn() {}, error() {} }, keepDays: 7, intervalMs: 60_000 });
      await job.first;
      await job.stop();
      expect(await count()).toBe(0);
      expect(await deleteEventsBefore(t.handle.db, old)).toBe(0);
      expect((await t.handle.db.selectFrom('events').select('id').execute()).length).toBeGreaterThan(0);
    });
  });
});
