import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import type { TypedRealtimeEvent } from '@mentorkit/contract';
import { signToken } from '@mentorkit/server';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import { ApiError, createClient, type MentorkitClient } from './index.js';
import type { RealtimeStatus, WebSocketConstructor } from './realtime.js';

const SECRET = 'sdk-e2e-secret-that-is-long-enough-0123456789';
const mainJs = join(dirname(createRequire(import.meta.url).resolve('@mentorkit/server')), 'main.js');
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

async function until(check: () => boolean, timeoutMs = 15_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!check()) {
    if (Date.now() > deadline) throw new Error('timed out');
    await sleep(10);
  }
}

/** The real server (`packages/server/dist/main.js`) on the embedded database, as `npm run serve` runs it. */
async function startServer(dataDir: string, port = 0): Promise<{ child: ChildProcess; port: number; stop(): Promise<number | null> }> {
  const child = spawn(process.execPath, [mainJs], {
    env: { PATH: process.env['PATH'] ?? '', MENTORSHIP_JWT_SECRET: SECRET, MENTORSHIP_DATA_DIR: dataDir, PORT: String(port), HOST: '127.0.0.1' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout!.on('data', (d) => { output += String(d); });
  child.stderr!.on('data', (d) => { output += String(d); });
  const exited = new Promise<number | null>((r) => child.once('exit', (code) => r(code)));
  let found = 0;
  await until(() => {
    const m = /"msg":"listening","port":(\d+)/.exec(output);
    if (m) found = Number(m[1]);
    if (child.exitCode !== null) throw new Error(`server exited: ${output}`);
    return found > 0;
  }, 30_000);
  return {
    child,
    port: found,
    async stop() {
      child.kill('SIGTERM');
      return exited;
    },
  };
}

describe('the SDK against a real server process', () => {
  let dataDir: string;
  let server: Awaited<ReturnType<typeof startServer>>;
  const clients: Record<'mentor' | 'mentee' | 'admin', MentorkitClient> = {} as never;

  beforeAll(async () => {
    dataDir = await mkdtemp(join(tmpdir(), 'mentorkit-sdk-rt-'));
    server = await startServer(dataDir);
    const people = { mentor: { sub: 'sdk-rt-mentor', name: 'Mentor Mae' }, mentee: { sub: 'sdk-rt-mentee', name: 'Mentee Manu' }, admin: { sub: 'sdk-rt-admin', name: 'Admin Ada', roles: ['admin'] } };
    for (const [role, claims] of Object.entries(people)) {
      const { token } = await signToken(SECRET, claims);
      clients[role as keyof typeof people] = createClient({
        baseUrl: `http://127.0.0.1:${server.port}`,
        token,
        WebSocket: WebSocket as unknown as WebSocketConstructor,
        realtime: { initialDelayMs: 100, maxDelayMs: 1_000 },
      });
    }
  }, 60_000);
  afterAll(async () => {
    if (server?.child.exitCode === null) await server.stop();
    await rm(dataDir, { recursive: true, force: true });
  });

  it('sends, lists and reads messages, streams typed events, and resumes across a server restart', async () => {
    const { mentor, mentee, admin } = clients;
    const application = await mentor.mentorApplications.submit({ expertise: ['SQL', 'Data Engineering'], yearsOfExperience: 8, statement: 'Eight years of data engineering and a habit of mentoring new hires.' });
    await admin.admin.approve(application.id, 'Welcome');
    const request = await mentee.requests.create({ mentorId: application.userId, goals: 'Move into data engineering this year.', skillsSeeking: ['SQL'], message: 'Hello!' });
    const { mentorship } = await mentor.requests.accept(request.id);
    const conversationId = mentorship.conversationId!;

    const got: TypedRealtimeEvent[] = [];
    const statuses: [RealtimeStatus, number | undefined][] = [];
    const stop = mentor.realtime.subscribe((e) => got.push(e), { types: ['message.created'], onStatus: (s, i) => statuses.push([s, i.code]) });
    const menteeEvents: TypedRealtimeEvent[] = [];
    const stopMentee = mentee.realtime.subscribe((e) => menteeEvents.push(e));
    await until(() => statuses.some(([s]) => s === 'open'));
    await sleep(100);

    const sent = [];
    for (let i = 1; i <= 3; i++) sent.push(await mentee.conversations.send(conversationId, { body: `Before restart ${i}`, clientId: `before-${i}` }));
    // A retried send returns the same message.
    expect((await mentee.conversations.send(conversationId, { body: 'Before restart 1', clientId: 'before-1' })).id).toBe(sent[0]!.id);
    await until(() => got.length === 3);
    const first = got[0]!;
    expect(first.type).toBe('message.created');
    if (first.type === 'message.created') expect(first.data).toEqual(sent[0]); // typed as Message

    const list = await mentor.conversations.list();
    expect(list).toMatchObject({ totalUnread: 3, items: [{ id: conversationId, unreadCount: 3, otherParty: { name: 'Mentee Manu' } }] });
    const page = await mentor.conversations.messages(conversationId, { limit: 2 });
    expect(page.items.map((m) => m.body)).toEqual(['Before restart 3', 'Before restart 2']);
    const older = await mentor.conversations.messages(conversationId, { before: page.nextCursor!, limit: 2 });
    expect(older.items.map((m) => m.body)).toEqual(['Before restart 1']);
    const read = await mentor.conversations.markRead(conversationId, sent[2]!.seq);
    expect(read).toMatchObject({ unreadCount: 0, totalUnread: 0, lastReadSeq: sent[2]!.seq });
    await until(() => menteeEvents.some((e) => e.type === 'conversation.read'));

    const err = await mentee.conversations.send(conversationId, { body: '', clientId: 'empty' }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(ApiError);
    expect(err).toMatchObject({ code: 'validation_failed', status: 400 });

    // Restart the server: the subscription goes away (1001), comes back and resumes.
    expect(await server.stop()).toBe(0);
    await until(() => statuses.some(([s, code]) => s === 'reconnecting' && code === 1001));
    server = await startServer(dataDir, server.port);
    const mentee2 = createClient({ baseUrl: `http://127.0.0.1:${server.port}`, token: (await signToken(SECRET, { sub: 'sdk-rt-mentee', name: 'Mentee Manu' })).token });
    for (let i = 1; i <= 5; i++) sent.push(await mentee2.conversations.send(conversationId, { body: `After restart ${i}`, clientId: `after-${i}` }));
    await until(() => got.length >= 8);
    await sleep(300);
    expect(got.map((e) => (e.type === 'message.created' ? e.data.id : e.type))).toEqual(sent.map((m) => m.id));
    expect(statuses.filter(([s]) => s === 'open').length).toBeGreaterThanOrEqual(2);
    stop();
    stopMentee();
    expect(statuses.at(-1)![0]).toBe('closed');
  }, 90_000);
});
