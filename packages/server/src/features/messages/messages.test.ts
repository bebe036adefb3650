import { randomUUID } from 'node:crypto';
import { MESSAGES_PER_MINUTE } from '@mentorkit/contract';
import { sql } from 'kysely';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { person } from '../../test/flows.js';
import { createTestContext, databaseKinds, json, type TestContext, type TestUser } from '../../test/harness.js';
import { endMentorship, sendMessage, startMentorship, type Pair } from './messages.fixtures.js';

describe.each(databaseKinds)('conversations and messages on %s', (kind) => {
  let t: TestContext;
  let rahul: TestUser;
  let joy: TestUser;
  const outsider = person('msg-outsider', 'Olu Outsider');
  let pair: Pair;

  beforeAll(async () => {
    t = await createTestContext(kind);
  });
  afterAll(async () => { await t?.close(); });
  // Each test has its own Rahul and Joy in a mentorship of their own: no test reads another's messages.
  let run = 0;
  beforeEach(async () => {
    run++;
    rahul = person(`msg-rahul-${run}`, 'Rahul Iyer');
    joy = person(`msg-joy-${run}`, 'Joy Santos');
    pair = await startMentorship(t, rahul, joy);
  });

  const path = (p: Pair, rest = 'messages') => `/api/v1/conversations/${p.conversationId}/${rest}`;

  it('sends a trimmed plain-text message that both parties read, with an event for each', async () => {
    const body = '  <img src=x onerror=alert(1)> Hello & welcome — see https://example.edu/?a=1&b=<2>  ';
    const res = await sendMessage(t, joy, pair.conversationId, body, 'first-1');
    expect(res.status).toBe(201);
    const message = await json(res);
    expect(message).toMatchObject({
      conversationId: pair.conversationId,
      mentorshipId: pair.mentorshipId,
      senderId: pair.menteeId,
      body: body.trim(),
      clientId: 'first-1',
      seq: expect.any(Number),
      createdAt: t.clock.now().toISOString(),
    });
    for (const viewer of [rahul, joy]) {
      const page = await json(await t.call('GET', path(pair), { as: viewer }));
      expect(page.items[0]).toEqual(message);
    }
    const events = await t.handle.db.selectFrom('events').select(['user_id', 'type', 'data', 'position'])
      .where('type', '=', 'message.created').where(sql<string>`data->>'id'`, '=', message.id).execute();
    expect(events.map((e) => e.user_id).sort()).toEqual([pair.mentorId, pair.menteeId].sort());
    for (const e of events) {
      expect(e.data).toEqual(message);
      expect(Number(e.position)).toBeGreaterThan(0);
    }
  });

  it('lists conversations with the other person, last message and unread counts', async () => {
    expect((await sendMessage(t, joy, pair.conversationId, 'Hello & welcome', 'first-1')).status).toBe(201);
    const mentorView = await json(await t.call('GET', '/api/v1/conversations', { as: rahul }));
    expect(mentorView.items).toHaveLength(1);
    expect(mentorView.items[0]).toMatchObject({
      id: pair.conversationId,
      mentorshipId: pair.mentorshipId,
      mentorshipStatus: 'active',
      canSend: true,
      role: 'mentor',
      otherParty: { id: pair.menteeId, name: 'Joy Santos' },
      lastMessage: { clientId: 'first-1' },
      unreadCount: 1,
      lastReadSeq: 0,
    });
    expect(mentorView.totalUnread).toBe(1);
    const menteeView = await json(await t.call('GET', '/api/v1/conversations', { as: joy }));
    // Her own message is not unread for her, and sending moved her read marker.
    expect(menteeView.items[0]).toMatchObject({ role: 'mentee', unreadCount: 0, otherParty: { id: pair.mentorId } });
    expect(menteeView.items[0].lastReadSeq).toBe(menteeView.items[0].lastMessage.seq);
    expect(menteeView.totalUnread).toBe(0);
    const single = await json(await t.call('GET', `/api/v1/conversations/${pair.conversationId}`, { as: rahul }));
    expect(single).toEqual(mentorView.items[0]);
    expect((await json(await t.call('GET', '/api/v1/conversations', { as: outsider }))).items).toEqual([]);
  });

  it('validates body and clientId, naming the field, and stores nothing', async () => {
    const before = (await t.handle.db.selectFrom('messages').select('id').execute()).length;
    const cases: [unknown, string][] = [
      [{ body: '', clientId: 'v1' }, 'body'],
      [{ body: '   \n\t ', clientId: 'v2' }, 'body'],
      [{ body: 'x'.repeat(4001), clientId: 'v3' }, 'body'],
      [{ body: 'bell \u0007', clientId: 'v4' }, 'body'],
      [{ body: 'hi' }, 'clientId'],
      [{ body: 'hi', clientId: '' }, 'clientId'],
      [{ body: 'hi', clientId: 'has space' }, 'clientId'],
      [{ body: 'hi', clientId: 'c'.repeat(101) }, 'clientId'],
      [{ body: 'hi', clientId: 'v5', html: true }, ''],
    ];
    for (const [body, field] of cases) {
      const res = await t.call('POST', path(pair), { as: joy, body });
      expect(res.status, JSON.stringify(body).slice(0, 80)).toBe(400);
      const err = (await json(res)).error;
      expect(err.code).toBe('validation_failed');
      if (field) expect(err.issues.map((i: { path: string[] }) => i.path[0])).toContain(field);
    }
    expect((await t.handle.db.selectFrom('messages').select('id').execute()).length).toBe(before);
    const longest = await sendMessage(t, joy, pair.conversationId, ` ${'y'.repeat(4000)} `);
    expect(longest.status).toBe(201);
    expect((await json(longest)).body).toHaveLength(4000);
  });

  it('hides conversations from outsiders (404) and answers 404 for unknown ids', async () => {
    for (const [method, rest, body] of [
      ['GET', 'messages', undefined],
      ['POST', 'messages', { body: 'let me in', clientId: 'x1' }],
      ['POST', 'read', { upTo: 1 }],
    ] as const) {
      const res = await t.call(method, path(pair, rest), { as: outsider, ...(body ? { body } : {}) });
      expect(res.status).toBe(404);
      expect((await json(res)).error.code).toBe('not_found');
    }
    expect((await t.call('GET', `/api/v1/conversations/${pair.conversationId}`, { as: outsider })).status).toBe(404);
    expect((await t.call('GET', '/api/v1/conversations/not-a-uuid/messages', { as: joy })).status).toBe(404);
    expect((await t.call('GET', `/api/v1/conversations/${randomUUID()}/messages`, { as: joy })).status).toBe(404);
    expect((await t.call('GET', path(pair))).status).toBe(401);
  });

  it('is idempotent by clientId: 201 first, 200 with the same message on a replay, 409 for a different body', async () => {
    const first = await sendMessage(t, rahul, pair.conversationId, 'Same message', 'retry-1');
    const again = await sendMessage(t, rahul, pair.conversationId, 'Same message', 'retry-1');
    expect([first.status, again.status]).toEqual([201, 200]);
    expect(await json(again)).toEqual(await json(first));
    const other = await sendMessage(t, rahul, pair.conversationId, 'Something else', 'retry-1');
    expect(other.status).toBe(409);
    expect((await json(other)).error.code).toBe('conflict');
    // The same clientId from the other participant is a different message.
    expect((await sendMessage(t, joy, pair.conversationId, 'Same message', 'retry-1')).status).toBe(201);
  });

  it('stores one message for 20 concurrent sends with one clientId', async () => {
    const p = await startMentorship(t, person('msg-conc-mentor', 'Conc Mentor'), person('msg-conc-mentee', 'Conc Mentee'));
    const mentee = person('msg-conc-mentee', 'Conc Mentee');
    const results = await Promise.all(Array.from({ length: 20 }, () => sendMessage(t, mentee, p.conversationId, 'Only once, please', 'same-client-id')));
    const statuses = results.map((r) => r.status);
    expect(statuses.filter((s) => s === 201)).toHaveLength(1);
    expect(statuses.filter((s) => s === 200)).toHaveLength(19);
    const ids = new Set(await Promise.all(results.map(async (r) => (await json(r)).id)));
    expect(ids.size).toBe(1);
    const rows = await t.handle.db.selectFrom('messages').select('id').where('conversation_id', '=', p.conversationId).execute();
    expect(rows).toHaveLength(1);
    const events = await t.handle.db.selectFrom('events').select('id').where('type', '=', 'message.created')
      .where('user_id', 'in', [p.mentorId, p.menteeId]).execute();
    expect(events).toHaveLength(2);
  });

  it(`limits a sender to ${MESSAGES_PER_MINUTE} messages a minute (429 with Retry-After), over all conversations`, async () => {
    const sender = person('msg-rate-mentor', 'Rate Mentor');
    const p1 = await startMentorship(t, sender, person('msg-rate-a', 'Rate A'));
    const p2 = await startMentorship(t, person('msg-rate-mentor-2', 'Rate Mentor Two'), person('msg-rate-b', 'Rate B'));
    void p2;
    const start = t.clock.now();
    // Spread over 40 s, so the window slides rather than resets.
    for (let i = 0; i < MESSAGES_PER_MINUTE; i++) {
      if (i === 1) t.clock.advance(40_000);
      expect((await sendMessage(t, sender, p1.conversationId, `message ${i}`, `rate-${i}`)).status).toBe(201);
    }
    const limited = await sendMessage(t, sender, p1.conversationId, 'one too many', 'rate-over');
    expect(limited.status).toBe(429);
    expect((await json(limited)).error.code).toBe('rate_limited');
    // The oldest of the window was sent 40 s ago: it leaves the window in 20 s.
    expect(limited.headers.get('retry-after')).toBe('20');
    // A replay is not a new message: still answered while limited.
    expect((await sendMessage(t, sender, p1.conversationId, 'message 3', 'rate-3')).status).toBe(200);
    // Nothing was stored for the refused send.
    const refused = await t.handle.db.selectFrom('messages').select('id').where('client_id', '=', 'rate-over').execute();
    expect(refused).toHaveLength(0);
    t.clock.set(new Date(start.getTime() + 60_001));
    expect((await sendMessage(t, sender, p1.conversationId, 'one more', 'rate-over')).status).toBe(201);
    expect((await sendMessage(t, sender, p1.conversationId, 'and another', 'rate-over-2')).status).toBe(429);
    t.clock.advance(60_000);
  });

  it('pages history newest first by seq with before/nextCursor', async () => {
    const p = await startMentorship(t, person('msg-page-mentor', 'Page Mentor'), person('msg-page-mentee', 'Page Mentee'));
    const mentee = person('msg-page-mentee', 'Page Mentee');
    for (let i = 1; i <= 7; i++) expect((await sendMessage(t, mentee, p.conversationId, `m${i}`)).status).toBe(201);
    const bodies: string[] = [];
    let cursor: string | null = null;
    let pages = 0;
    do {
      const res: Response = await t.call('GET', `${path(p)}?limit=3${cursor ? `&before=${cursor}` : ''}`, { as: mentee });
      expect(res.status).toBe(200);
      const page = await json(res);
      bodies.push(...page.items.map((m: { body: string }) => m.body));
      cursor = page.nextCursor;
      pages++;
    } while (cursor && pages < 10);
    expect(bodies).toEqual(['m7', 'm6', 'm5', 'm4', 'm3', 'm2', 'm1']);
    expect(pages).toBe(3);
    expect((await t.call('GET', `${path(p)}?limit=101`, { as: mentee })).status).toBe(400);
    expect((await t.call('GET', `${path(p)}?before=abc`, { as: mentee })).status).toBe(400);
  });

  it('moves read markers forward only, by seq or id, and updates unread counts and receipts', async () => {
    const mentor = person('msg-read-mentor', 'Read Mentor');
    const mentee = person('msg-read-mentee', 'Read Mentee');
    const p = await startMentorship(t, mentor, mentee);
    const sent = [];
    for (let i = 1; i <= 4; i++) sent.push(await json(await sendMessage(t, mentee, p.conversationId, `unread ${i}`)));
    const unread = async () => (await json(await t.call('GET', `/api/v1/conversations/${p.conversationId}`, { as: mentor }))).unreadCount;
    expect(await unread()).toBe(4);

    const bySeq = await t.call('POST', path(p, 'read'), { as: mentor, body: { upTo: sent[1].seq } });
    expect(bySeq.status).toBe(200);
    expect(await json(bySeq)).toMatchObject({ conversationId: p.conversationId, userId: p.mentorId, lastReadSeq: sent[1].seq, unreadCount: 2, totalUnread: 2 });
    expect(await unread()).toBe(2);

    // An older marker (a slow second device) does not un-read anything.
    const older = await json(await t.call('POST', path(p, 'read'), { as: mentor, body: { upTo: sent[0].id } }));
    expect(older).toMatchObject({ lastReadSeq: sent[1].seq, unreadCount: 2 });

    const byId = await json(await t.call('POST', path(p, 'read'), { as: mentor, body: { upTo: sent[3].id } }));
    expect(byId).toMatchObject({ lastReadSeq: sent[3].seq, unreadCount: 0 });
    // The mentee sees the receipt.
    const menteeView = await json(await t.call('GET', `/api/v1/conversations/${p.conversationId}`, { as: mentee }));
    expect(menteeView.otherLastReadSeq).toBe(sent[3].seq);

    // conversation.read: the reader's copy carries their counts, the other party's copy does not.
    const events = await t.handle.db.selectFrom('events').select(['user_id', 'data']).where('type', '=', 'conversation.read')
      .where('user_id', 'in', [p.mentorId, p.menteeId]).orderBy('position').execute();
    expect(events).toHaveLength(4); // two effective moves × two parties; the no-op wrote none
    const own = events.filter((e) => e.user_id === p.mentorId).map((e) => e.data as Record<string, unknown>);
    const theirs = events.filter((e) => e.user_id === p.menteeId).map((e) => e.data as Record<string, unknown>);
    expect(own[1]).toMatchObject({ lastReadSeq: sent[3].seq, unreadCount: 0, totalUnread: 0 });
    expect(theirs[1]).toMatchObject({ lastReadSeq: sent[3].seq, userId: p.mentorId });
    expect(theirs[1]).not.toHaveProperty('unreadCount');
    expect(theirs[1]).not.toHaveProperty('totalUnread');

    // A message of another conversation, or none at all, is not a marker here.
    expect((await t.call('POST', path(p, 'read'), { as: mentor, body: { upTo: 999_999_999 } })).status).toBe(404);
    const elsewhere = await json(await sendMessage(t, joy, pair.conversationId, 'elsewhere'));
    expect((await t.call('POST', path(p, 'read'), { as: mentor, body: { upTo: elsewhere.id } })).status).toBe(404);
    expect((await t.call('POST', path(p, 'read'), { as: mentor, body: { upTo: 'abc' } })).status).toBe(400);
  });

  it('keeps history readable after the mentorship ends, but sending answers 409 invalid_transition', async () => {
    const mentor = person('msg-end-mentor', 'End Mentor');
    const mentee = person('msg-end-mentee', 'End Mentee');
    const p = await startMentorship(t, mentor, mentee);
    const last = await json(await sendMessage(t, mentor, p.conversationId, 'Congratulations on finishing!', 'end-1'));
    await endMentorship(t, p.mentorshipId, 'completed');
    const refused = await sendMessage(t, mentee, p.conversationId, 'Thank you!');
    expect(refused.status).toBe(409);
    expect((await json(refused)).error.code).toBe('invalid_transition');
    // A replay of a message sent before the end still answers with that message.
    expect((await sendMessage(t, mentor, p.conversationId, 'Congratulations on finishing!', 'end-1')).status).toBe(200);
    const history = await json(await t.call('GET', path(p), { as: mentee }));
    expect(history.items.map((m: { body: string }) => m.body)).toEqual(['Congratulations on finishing!']);
    const conversation = await json(await t.call('GET', `/api/v1/conversations/${p.conversationId}`, { as: mentee }));
    expect(conversation).toMatchObject({ mentorshipStatus: 'completed', canSend: false, unreadCount: 1 });
    expect((await t.call('POST', path(p, 'read'), { as: mentee, body: { upTo: last.seq } })).status).toBe(200);

    const paused = await startMentorship(t, person('msg-pause-mentor', 'Pause Mentor'), person('msg-pause-mentee', 'Pause Mentee'));
    await t.handle.db.updateTable('mentorships').set({ status: 'paused' }).where('id', '=', paused.mentorshipId).execute();
    expect((await sendMessage(t, person('msg-pause-mentee', 'Pause Mentee'), paused.conversationId, 'Still here while paused')).status).toBe(201);
    await endMentorship(t, paused.mentorshipId, 'cancelled');
    expect((await sendMessage(t, person('msg-pause-mentee', 'Pause Mentee'), paused.conversationId, 'Hello?')).status).toBe(409);
  });
});
