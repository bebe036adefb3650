import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createLogger } from '../../http/logger.js';
import { createTestContext, databaseKinds, json, type TestContext, type TestUser } from '../../test/harness.js';
import { requestBody, sendRequest } from '../../test/flows.js';
import { record } from '../activity/record.js';
import { sendMessage, startMentorship, type Pair } from '../messages/messages.fixtures.js';
import { writeDigests } from './digest.job.js';
import { insertOutbox, MEETING_MAIL_DELAY_MS, TURNED_OFF } from './enqueue.js';
import { INTERRUPTED } from './outbox.repository.js';
import { leaves, smtpError, startBrokenPeer, startSmtpPeer, type SmtpPeer } from './smtp-peer.fixtures.js';
import { smtpTransport } from './transport.js';
import { createMailWorker, NO_TRANSPORT, type WorkerTuning } from './worker.js';

const FAST = { connectionTimeoutMs: 1_000, greetingTimeoutMs: 300, socketTimeoutMs: 1_000 };
const TUNING: Partial<WorkerTuning> = { baseDelayMs: 1_000, maxDelayMs: 60_000, maxAttempts: 4, leaseMs: 30_000 };

const ana: TestUser = { sub: 'mail-ana', name: 'Ana Villanueva', email: 'ana@alumni.example.edu' };
const maria: TestUser = { sub: 'mail-maria', name: 'Maria <b>Santos</b>', email: 'maria@alumni.example.edu' };

describe.each(databaseKinds)('mail outbox and worker on %s', (kind) => {
  let t: TestContext;
  let peer: SmtpPeer;
  let pair: Pair;
  const logs: string[] = [];
  const logger = createLogger('debug', (l) => logs.push(l));
  const worker = (url: string | undefined, tuning: Partial<WorkerTuning> = {}, workerId?: string) => createMailWorker({
    db: t.handle.db, config: t.config, transport: url ? smtpTransport(url, FAST) : undefined, logger, now: t.clock.now,
    tuning: { ...TUNING, ...tuning }, ...(workerId ? { workerId } : {}),
  });
  const outbox = () => t.handle.db.selectFrom('email_outbox').selectAll().orderBy('created_at').orderBy('id').execute();
  const mailsTo = (address: string) => peer.received.filter((m) => m.to.includes(address));
  /** Each test's own Kwame, who asks Ana: no test finds a request of another's pending. */
  let kwame: TestUser;
  let run = 0;

  beforeAll(async () => {
    t = await createTestContext(kind, { MENTORSHIP_PORTAL_URL: 'https://alumni.example.edu/mentoring/', MENTORSHIP_PUBLIC_URL: 'https://api.example.edu/mentorkit' });
    peer = await startSmtpPeer();
    pair = await startMentorship(t, ana, maria);
  });
  afterAll(async () => {
    await peer?.close();
    await t?.close();
  });
  beforeEach(async () => {
    kwame = { sub: `mail-kwame-${++run}`, name: 'Kwame Mensah', email: 'kwame@alumni.example.edu' };
    await t.handle.db.deleteFrom('email_outbox').execute();
    await t.handle.db.deleteFrom('notification_preferences').execute();
    peer.received.length = 0;
    peer.onData = () => undefined;
    peer.onRcpt = () => undefined;
  });
  afterEach(() => { logs.length = 0; });

  it('writes the mail in the same transaction as the change, and none when the change fails', async () => {
    const mentorId = pair.mentorId;
    const requestId = await sendRequest(t, kwame, mentorId);
    const rows = await outbox();
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ user_id: mentorId, kind: 'request_received', template: 'request.received', status: 'pending', attempts: 0 });
    expect(rows[0]!.data).toMatchObject({ requestId, menteeName: 'Kwame Mensah', goals: expect.stringContaining('data engineering') });
    // A second request to the same mentor is refused (one pending per pair): no mail either.
    const dup = await t.call('POST', '/api/v1/mentorship-requests', { as: kwame, body: requestBody(mentorId) });
    expect(dup.status).toBe(409);
    expect(await outbox()).toHaveLength(1);
    expect((await t.call('POST', `/api/v1/mentorship-requests/${requestId}/withdraw`, { as: kwame })).status).toBe(200);
  });

  it('delivers over SMTP with both parts, RFC 8058 headers and a working one-click link', async () => {
    const requestId = await sendRequest(t, kwame, pair.mentorId, { message: 'Hi <script>alert(1)</script> & thanks' });
    expect(await worker(peer.url).runOnce()).toBe(1);
    const [mail] = mailsTo(ana.email!);
    expect(mail).toBeDefined();
    const h = mail!.mime.headers;
    expect(h.get('subject')).toBe('Kwame Mensah asked you to be their mentor');
    expect(h.get('list-unsubscribe')).toMatch(/^<https:\/\/api\.example\.edu\/mentorkit\/api\/v1\/unsubscribe\?token=v1\.[^>]+>$/);
    expect(h.get('list-unsubscribe-post')).toBe('List-Unsubscribe=One-Click');
    expect(h.get('message-id')).toMatch(/^<outbox-[0-9a-f-]{36}@localhost>$/);
    expect(h.get('content-type')).toMatch(/^multipart\/alternative/);
    const parts = leaves(mail!.mime);
    const text = parts.find((p) => p.headers.get('content-type')?.startsWith('text/plain'))!;
    const html = parts.find((p) => p.headers.get('content-type')?.startsWith('text/html'))!;
    expect(text.body).toContain('Hi <script>alert(1)</script> & thanks');
    expect(text.body).toContain(`https://alumni.example.edu/mentoring/?request=${requestId}#mentor-dashboard`);
    expect(html.body).toContain('Hi &lt;script&gt;alert(1)&lt;/script&gt; &amp; thanks');
    expect(html.body).not.toContain('<script');
    const [row] = await outbox();
    expect(row).toMatchObject({ status: 'sent', attempts: 1, recipient: ana.email, last_error: null, locked_until: null });
    expect(row!.smtp_response).toContain('Queued as test');

    // The mail client's one-click POST (no sign-in) switches the kind off, once and for all.
    // (MENTORSHIP_PUBLIC_URL has a path prefix that a proxy in front of the server would strip.)
    const url = h.get('list-unsubscribe')!.slice(1, -1).replace('https://api.example.edu/mentorkit', 'http://localhost');
    const res = await t.app.request(url, { method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded' }, body: 'List-Unsubscribe=One-Click' });
    expect(res.status).toBe(200);
    expect(await json(res)).toEqual({ kind: 'request_received', unsubscribed: true });
    const prefs = await json(await t.call('GET', '/api/v1/me/notification-preferences', { as: ana }));
    expect(prefs.kinds).toMatchObject({ request_received: false, request_answered: true });
    // Nothing is sent twice: another round finds nothing due.
    expect(await worker(peer.url).runOnce()).toBe(0);
    expect(mailsTo(ana.email!)).toHaveLength(1);
    expect((await t.call('POST', `/api/v1/mentorship-requests/${requestId}/withdraw`, { as: kwame })).status).toBe(200);
  });

  it('attaches the .ics with METHOD:REQUEST when a meeting is scheduled or moved, METHOD:CANCEL when cancelled', async () => {
    const created = await t.call('POST', `/api/v1/mentorships/${pair.mentorshipId}/meetings`, {
      as: maria, body: { title: 'Kick-off', startsAt: '2026-12-01T18:00:00+08:00', durationMinutes: 45, videoUrl: 'https://meet.example.edu/k' },
    });
    expect(created.status).toBe(201);
    const meeting = await json(created);
    // Each change after the previous mail went out (changes closer together share one mail: below).
    const w = worker(peer.url);
    const later = async () => { t.clock.advance(MEETING_MAIL_DELAY_MS); expect(await w.runOnce()).toBe(1); };
    expect(await w.runOnce()).toBe(0);
    await later();
    expect((await t.call('PATCH', `/api/v1/meetings/${meeting.id}`, { as: maria, body: { startsAt: '2026-12-02T18:00:00+08:00' } })).status).toBe(200);
    await later();
    expect((await t.call('POST', `/api/v1/meetings/${meeting.id}/cancel`, { as: maria, body: { reason: 'Travel' } })).status).toBe(200);
    await later();
    const mails = mailsTo(ana.email!);
    expect(mails.map((m) => m.mime.headers.get('subject'))).toEqual(['Meeting scheduled: Kick-off', 'Meeting moved: Kick-off', 'Meeting cancelled: Kick-off']);
    const calendars = mails.map((m) => leaves(m.mime).find((p) => p.headers.get('content-type')?.startsWith('text/calendar'))!);
    expect(calendars.map((c) => /method=(\w+)/i.exec(c.headers.get('content-type')!)?.[1])).toEqual(['REQUEST', 'REQUEST', 'CANCEL']);
    expect(calendars[0]!.headers.get('content-disposition')).toMatch(/^attachment; filename=invite\.ics/);
    expect(calendars[0]!.body).toContain('METHOD:REQUEST\r\n');
    expect(calendars[0]!.body).toContain('SEQUENCE:0\r\n');
    expect(calendars[0]!.body).toContain('DTSTART:20261201T100000Z\r\n');
    expect(calendars[1]!.body).toContain('SEQUENCE:1\r\n');
    expect(calendars[1]!.body).toContain('DTSTART:20261202T100000Z\r\n');
    expect(calendars[2]!.body).toContain('METHOD:CANCEL\r\n');
    expect(calendars[2]!.body).toContain('STATUS:CANCELLED\r\n');
    expect(calendars[2]!.body).toContain(`UID:${meeting.id}@mentorkit\r\n`);
  });

  // 60 meetings and 40 edits in 8 s went out as 100 mails.
  it('sends changes to one meeting within a few minutes as one mail with the final state and SEQUENCE', async () => {
    const created = await json(await t.call('POST', `/api/v1/mentorships/${pair.mentorshipId}/meetings`, {
      as: maria, body: { title: 'Draft', startsAt: '2026-12-01T18:00:00+08:00', durationMinutes: 45 },
    }));
    const w = worker(peer.url);
    for (const [i, body] of [{ title: 'Portfolio review' }, { startsAt: '2026-12-03T18:00:00+08:00' }, { durationMinutes: 60 }].entries()) {
      t.clock.advance(20_000);
      expect((await t.call('PATCH', `/api/v1/meetings/${created.id}`, { as: maria, body })).status, `patch ${i}`).toBe(200);
    }
    expect(await w.runOnce()).toBe(0); // not due yet: more changes may follow
    t.clock.advance(MEETING_MAIL_DELAY_MS);
    expect(await w.runOnce()).toBe(1);
    let [mail] = mailsTo(ana.email!);
    // Never invited before: one invitation, with the meeting as it is now.
    expect(mail!.mime.headers.get('subject')).toBe('Meeting scheduled: Portfolio review');
    let ics = leaves(mail!.mime).find((p) => p.headers.get('content-type')?.startsWith('text/calendar'))!.body;
    expect(ics).toContain('SEQUENCE:3\r\n');
    expect(ics).toContain('DTSTART:20261203T100000Z\r\n');
    expect(ics).toContain('DTEND:20261203T110000Z\r\n');

    // Moved twice, then cancelled, within the window: one cancellation, at the final SEQUENCE.
    peer.received.length = 0;
    await t.call('PATCH', `/api/v1/meetings/${created.id}`, { as: maria, body: { startsAt: '2026-12-04T18:00:00+08:00' } });
    await t.call('PATCH', `/api/v1/meetings/${created.id}`, { as: maria, body: { startsAt: '2026-12-05T18:00:00+08:00' } });
    t.clock.advance(MEETING_MAIL_DELAY_MS);
    expect(await w.runOnce()).toBe(1);
    [mail] = mailsTo(ana.email!);
    expect(mail!.mime.headers.get('subject')).toBe('Meeting moved: Portfolio review');
    const text = leaves(mail!.mime).find((p) => p.headers.get('content-type')?.startsWith('text/plain'))!.body;
    expect(text).toMatch(/Dec(ember)? 3/); // moved from the time Ana last knew
    ics = leaves(mail!.mime).find((p) => p.headers.get('content-type')?.startsWith('text/calendar'))!.body;
    expect(ics).toContain('SEQUENCE:5\r\n');
    expect(ics).toContain('DTSTART:20261205T100000Z\r\n');

    peer.received.length = 0;
    await t.call('PATCH', `/api/v1/meetings/${created.id}`, { as: maria, body: { title: 'Portfolio review (short)' } });
    await t.call('POST', `/api/v1/meetings/${created.id}/cancel`, { as: maria, body: { reason: 'Travel' } });
    t.clock.advance(MEETING_MAIL_DELAY_MS);
    expect(await w.runOnce()).toBe(1);
    [mail] = mailsTo(ana.email!);
    expect(mail!.mime.headers.get('subject')).toBe('Meeting cancelled: Portfolio review (short)');
    ics = leaves(mail!.mime).find((p) => p.headers.get('content-type')?.startsWith('text/calendar'))!.body;
    expect(ics).toContain('METHOD:CANCEL\r\n');
    expect(ics).toContain('SEQUENCE:7\r\n');
    expect(await outbox()).toHaveLength(3);
  });

  it('retries a refusal (4xx) with backoff and delivers exactly once when the server accepts', async () => {
    let refused = 0;
    peer.onData = () => (refused++ === 0 ? smtpError(451, 'Try again later') : undefined);
    await sendRequest(t, kwame, pair.mentorId);
    const w = worker(peer.url);
    expect(await w.runOnce()).toBe(1);
    let [row] = await outbox();
    expect(row).toMatchObject({ status: 'pending', attempts: 1 });
    expect(row!.last_error).toMatch(/451/);
    expect(row!.next_attempt_at.getTime() - t.clock.now().getTime()).toBe(1_000);
    expect(await w.runOnce()).toBe(0); // not due yet
    t.clock.advance(1_000);
    expect(await w.runOnce()).toBe(1);
    t.clock.advance(60_000);
    expect(await w.runOnce()).toBe(0);
    [row] = await outbox();
    expect(row).toMatchObject({ status: 'sent', attempts: 2, last_error: null });
    expect(mailsTo(ana.email!)).toHaveLength(1);
  });

  it('retries a dropped connection and a server that never answers, then delivers once', async () => {
    const dropping = await startBrokenPeer('drop');
    const silent = await startBrokenPeer('silent');
    try {
      await sendRequest(t, kwame, pair.mentorId);
      expect(await worker(dropping.url).runOnce()).toBe(1);
      let [row] = await outbox();
      expect(row).toMatchObject({ status: 'pending', attempts: 1 });
      expect(dropping.connections).toBe(1);
      t.clock.advance(1_000);
      expect(await worker(silent.url).runOnce()).toBe(1);
      [row] = await outbox();
      expect(row).toMatchObject({ status: 'pending', attempts: 2 });
      expect(row!.last_error).toMatch(/ETIMEDOUT|timeout/i);
      expect(row!.next_attempt_at.getTime() - t.clock.now().getTime()).toBe(2_000); // doubled
      t.clock.advance(2_000);
      expect(await worker(peer.url).runOnce()).toBe(1);
      [row] = await outbox();
      expect(row).toMatchObject({ status: 'sent', attempts: 3 });
      expect(mailsTo(ana.email!)).toHaveLength(1);
    } finally {
      await dropping.close();
      await silent.close();
    }
  });

  it('gives up after the attempt limit, recording why', async () => {
    const dropping = await startBrokenPeer('drop');
    try {
      await sendRequest(t, kwame, pair.mentorId);
      const w = worker(dropping.url, { maxAttempts: 2 });
      await w.runOnce();
      t.clock.advance(1_000);
      await w.runOnce();
      const [row] = await outbox();
      expect(row).toMatchObject({ status: 'failed', attempts: 2 });
      expect(row!.last_error).toMatch(/^gave up after 2 attempts: ECONNECTION/);
    } finally {
      await dropping.close();
    }
  });

  it('records a malformed address, and a recipient the server refuses (5xx), as failed with the reason', async () => {
    const broken: TestUser = { sub: 'mail-broken', name: 'Broken Address', email: 'not an address@@example' };
    const bounced: TestUser = { sub: 'mail-bounced', name: 'Bounced Person', email: 'gone@alumni.example.edu' };
    const brokenId = (await json(await t.call('GET', '/api/v1/me', { as: broken }))).user.id;
    const bouncedId = (await json(await t.call('GET', '/api/v1/me', { as: bounced }))).user.id;
    peer.onRcpt = (address) => (address === bounced.email ? smtpError(550, 'No such user here') : undefined);
    await t.handle.db.transaction().execute((trx) => insertOutbox(trx, [brokenId, bouncedId].map((userId) => ({
      userId, kind: 'application_decided' as const, template: 'application.approved' as const, data: { applicationId: 'x', notes: '' },
    })), t.clock.now()));
    expect(await worker(peer.url).runOnce()).toBe(2);
    const rows = await outbox();
    const byUser = new Map(rows.map((r) => [r.user_id, r]));
    expect(byUser.get(brokenId)).toMatchObject({ status: 'failed', attempts: 1, last_error: 'invalid address: "not an address@@example"' });
    expect(byUser.get(bouncedId)).toMatchObject({ status: 'failed', attempts: 1, recipient: bounced.email });
    expect(byUser.get(bouncedId)!.last_error).toMatch(/550/);
    expect(peer.received).toHaveLength(0);
  });

  it('respects preferences: a kind switched off is recorded skipped at once, or at send time if switched off later', async () => {
    const off = await t.call('PUT', '/api/v1/me/notification-preferences', { as: ana, body: { kinds: { request_received: false } } });
    expect(off.status).toBe(200);
    const first = await sendRequest(t, kwame, pair.mentorId);
    let [row] = await outbox();
    expect(row).toMatchObject({ status: 'skipped', last_error: TURNED_OFF });
    expect((await t.call('POST', `/api/v1/mentorship-requests/${first}/withdraw`, { as: kwame })).status).toBe(200);
    await t.handle.db.deleteFrom('email_outbox').execute();

    await t.call('PUT', '/api/v1/me/notification-preferences', { as: ana, body: { kinds: { request_received: true } } });
    await sendRequest(t, kwame, pair.mentorId);
    [row] = await outbox();
    expect(row).toMatchObject({ status: 'pending' });
    await t.call('PUT', '/api/v1/me/notification-preferences', { as: ana, body: { kinds: { request_received: false } } });
    await worker(peer.url).runOnce();
    [row] = await outbox();
    expect(row).toMatchObject({ status: 'skipped', last_error: TURNED_OFF, attempts: 1 });
    expect(peer.received).toHaveLength(0);
  });

  it('mails programme enrolments and introductions (kind programme_updates), with preferences and one-click unsubscribe', async () => {
    const db = t.handle.db;
    const { id: programmeId } = await db.insertInto('programmes').values({
      slug: `leadership-circle-${run}`, name: 'Leadership Circle', starts_on: '2026-11-01', ends_on: '2027-01-31', matching: 'admin_matched',
    }).returning('id').executeTakeFirstOrThrow();
    // The request an admin's introduction makes: from the mentee (Kwame) to the mentor (Ana), in the programme.
    const requestId = await sendRequest(t, kwame, pair.mentorId);
    await db.updateTable('mentorship_requests').set({ programme_id: programmeId, introduced: true }).where('id', '=', requestId).execute();
    const kwameId = (await db.selectFrom('mentorship_requests').select('mentee_id').where('id', '=', requestId).executeTakeFirstOrThrow()).mentee_id;
    await db.deleteFrom('email_outbox').execute();
    const introduce = () => db.transaction().execute((trx) => record(trx, {
      now: t.clock.now(),
      notices: [{
        userId: kwameId, kind: 'programme.introduced',
        data: { programmeId, programmeName: 'Leadership Circle', requestId, mentorId: pair.mentorId, mentorName: 'Ana Villanueva', score: 81, reasons: ['Shares 2 of your skills: SQL, Python', 'Same time zone as you'] },
      }],
    }));
    await db.transaction().execute((trx) => record(trx, {
      now: t.clock.now(),
      notices: [{
        userId: pair.menteeId, kind: 'programme.enrolled',
        data: { programmeId, programmeName: 'Leadership Circle', programmeSlug: `leadership-circle-${run}`, role: 'mentee', startsOn: '2026-11-01', endsOn: '2027-01-31' },
      }],
    }));
    await introduce();

    // Both written at the same instant: in template order.
    const rows = (await outbox()).sort((a, b) => a.template.localeCompare(b.template));
    expect(rows.map((r) => [r.user_id, r.kind, r.template, r.status])).toEqual([
      [pair.menteeId, 'programme_updates', 'programme.enrolled', 'pending'],
      [kwameId, 'programme_updates', 'programme.introduced', 'pending'],
    ]);
    expect(rows[0]!.data).toMatchObject({ matching: 'admin_matched', startsOn: '2026-11-01', endsOn: '2027-01-31' });
    expect(rows[1]!.data).toMatchObject({ requestId, score: 81, expiresAt: expect.stringMatching(/^2026-12-/) });

    expect(await worker(peer.url).runOnce()).toBe(2);
    const [enrolled] = mailsTo(maria.email!);
    expect(enrolled!.mime.headers.get('subject')).toBe('You are enrolled in Leadership Circle');
    const enrolledText = leaves(enrolled!.mime).find((p) => p.headers.get('content-type')?.startsWith('text/plain'))!.body;
    expect(enrolledText).toContain('November 1, 2026 to January 31, 2027');
    expect(enrolledText).toContain('The programme team will introduce you to a mentor');

    const [intro] = mailsTo(kwame.email!);
    const h = intro!.mime.headers;
    expect(h.get('subject')).toBe('Leadership Circle: meet your mentor, Ana Villanueva');
    const text = leaves(intro!.mime).find((p) => p.headers.get('content-type')?.startsWith('text/plain'))!.body;
    expect(text).toContain('> • Shares 2 of your skills: SQL, Python');
    expect(text).toContain('> • Same time zone as you');
    expect(text).toContain(`https://alumni.example.edu/mentoring/?request=${requestId}#my-mentoring`);
    expect(h.get('list-unsubscribe-post')).toBe('List-Unsubscribe=One-Click');

    // One click in Kwame's mail client switches programme mail off, and only that.
    const url = h.get('list-unsubscribe')!.slice(1, -1).replace('https://api.example.edu/mentorkit', 'http://localhost');
    const res = await t.app.request(url, { method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded' }, body: 'List-Unsubscribe=One-Click' });
    expect(await json(res)).toEqual({ kind: 'programme_updates', unsubscribed: true });
    const prefs = await json(await t.call('GET', '/api/v1/me/notification-preferences', { as: kwame }));
    expect(prefs.kinds).toMatchObject({ programme_updates: false, request_answered: true });
    await db.deleteFrom('email_outbox').execute();
    await introduce();
    expect(await outbox()).toMatchObject([{ user_id: kwameId, kind: 'programme_updates', status: 'skipped', last_error: TURNED_OFF }]);
    expect((await t.call('POST', `/api/v1/mentorship-requests/${requestId}/withdraw`, { as: kwame })).status).toBe(200);
  });

  it('writes the language the person chose', async () => {
    await t.call('PUT', '/api/v1/me/notification-preferences', { as: ana, body: { language: 'fil' } });
    await sendRequest(t, kwame, pair.mentorId);
    await worker(peer.url).runOnce();
    expect(mailsTo(ana.email!)[0]!.mime.headers.get('subject')).toBe('Hiniling ni Kwame Mensah na maging mentor ka niya');
  });

  it('without an SMTP server, closes rows as skipped so a later configuration sends no stale mail', async () => {
    await sendRequest(t, kwame, pair.mentorId);
    expect(await worker(undefined).runOnce()).toBe(1);
    const [row] = await outbox();
    expect(row).toMatchObject({ status: 'skipped', last_error: NO_TRANSPORT });
  });

  it('closes a send interrupted by a crash as failed, never sending it again', async () => {
    await sendRequest(t, kwame, pair.mentorId);
    // A worker claims the row and dies before recording anything.
    const [claimed] = await t.handle.db.updateTable('email_outbox')
      .set({ status: 'sending', attempts: 1, claimed_by: 'dead-worker', locked_until: new Date(t.clock.now().getTime() + 30_000) })
      .returningAll().execute();
    const w = worker(peer.url);
    expect(await w.runOnce()).toBe(0); // the lease still runs: nobody touches it
    t.clock.advance(30_001);
    expect(await w.runOnce()).toBe(0);
    const [row] = await outbox();
    expect(row).toMatchObject({ id: claimed!.id, status: 'failed', last_error: INTERRUPTED });
    expect(peer.received).toHaveLength(0);
  });

  it('writes one digest of unread messages per person per day, however often the job runs', async () => {
    expect((await sendMessage(t, maria, pair.conversationId, 'Are you free Tuesday?')).status).toBe(201);
    expect((await sendMessage(t, maria, pair.conversationId, 'Or Wednesday?')).status).toBe(201);
    expect(await writeDigests(t.handle.db, t.clock.now())).toBe(0); // too fresh: read them in the portal first
    t.clock.advance(2 * 3_600_000);
    expect(await writeDigests(t.handle.db, t.clock.now())).toBe(1);
    expect(await writeDigests(t.handle.db, t.clock.now())).toBe(0);
    t.clock.advance(3_600_000);
    expect(await writeDigests(t.handle.db, t.clock.now())).toBe(0);
    const [row] = await outbox();
    expect(row).toMatchObject({ user_id: pair.mentorId, kind: 'message_digest', status: 'pending' });
    expect(row!.dedupe_key).toMatch(new RegExp(`^digest:${pair.mentorId}:\\d{4}-\\d{2}-\\d{2}$`));
    expect(row!.data).toMatchObject({ conversations: [{ mentorshipId: pair.mentorshipId, otherName: 'Maria <b>Santos</b>', unread: 2 }] });
    await worker(peer.url).runOnce();
    expect(mailsTo(ana.email!)[0]!.mime.headers.get('subject')).toBe('You have 2 unread messages');
    // The next day the same messages are not announced again.
    t.clock.advance(86_400_000);
    expect(await writeDigests(t.handle.db, t.clock.now())).toBe(0);
  });

  it.skipIf(kind !== 'postgres')('two workers on one PostgreSQL never send a mail twice', async () => {
    const users = await t.handle.db.selectFrom('users').select('id').where('email', 'is not', null).where('email', 'like', '%@alumni.example.edu').execute();
    const mails = Array.from({ length: 40 }, (_, i) => ({
      userId: users[i % users.length]!.id, kind: 'application_decided' as const, template: 'application.approved' as const, data: { applicationId: String(i), notes: '' },
    }));
    await t.handle.db.transaction().execute((trx) => insertOutbox(trx, mails, t.clock.now()));
    const a = worker(peer.url, { batchSize: 3 }, 'worker-a');
    const b = worker(peer.url, { batchSize: 3 }, 'worker-b');
    const drain = async (w: ReturnType<typeof worker>) => { let n = 0; for (let k; (k = await w.runOnce()) > 0;) n += k; return n; };
    const [na, nb] = await Promise.all([drain(a), drain(b)]);
    expect(na + nb).toBe(40);
    expect(na).toBeGreaterThan(0);
    expect(nb).toBeGreaterThan(0);
    const ids = peer.received.map((m) => m.mime.headers.get('message-id'));
    expect(ids).toHaveLength(40);
    expect(new Set(ids).size).toBe(40);
    const rows = await outbox();
    expect(rows.every((r) => r.status === 'sent' && r.attempts === 1)).toBe(true);
  });
});
