import { fork, type ChildProcess } from 'node:child_process';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import os from 'node:os';
import { fileURLToPath } from 'node:url';
import v8 from 'node:v8';
import { runInNewContext } from 'node:vm';
import { serve } from '@hono/node-server';
import { sql } from 'kysely';
import pg from 'pg';
import { WebSocket } from 'ws';
import { createApp } from '../app.js';
import { createVerifier, signToken } from '../auth/verify.js';
import { loadConfig } from '../config.js';
import { openPostgres } from '../db/connect.js';
import { migrateToLatest } from '../db/migrate.js';
import { createLogger } from '../http/logger.js';
import { attachRealtime } from '../realtime/realtime.server.js';
import { benchmarksFile, loadAverage, writeBenchSection, nodeVersion } from './report.js';

/**
 * `node packages/server/dist/bench/realtime.bench.js` (a script, never a test): 2,000
 * authenticated sockets on one server process on loopback, on a real PostgreSQL.
 *
 * - The server (the real app, `@hono/node-server`, the realtime socket server, a pg pool of 10
 *   plus its LISTEN connection) runs in this process; the 2,000 clients run in a forked child
 *   process, so the server's memory figures are its own.
 * - Memory per idle socket: (server heap + external memory, and RSS) after a full GC with all
 *   sockets authenticated and idle, minus the same before any socket, divided by the sockets.
 * - Delivery latency: 1,000 mentor–mentee pairs, one socket each. Mentees send messages over HTTP
 *   at a fixed rate (open loop); latency is from just before the POST is written to the moment
 *   the recipient's socket has the `message.created` event (both clocks in the client process).
 *
 * Recreates and finally drops the database `mentorkit_bench_realtime` (BENCH_DATABASE_URL is the
 * admin connection). Writes its section of BENCHMARKS.md between
 * `<!-- bench:realtime:start -->` and `<!-- bench:realtime:end -->`, leaving the rest alone.
 */

const env = process.env;
const num = (name: string, fallback: number) => (env[name] ? Number(env[name]) : fallback);
const settings = {
  adminUrl: env['BENCH_DATABASE_URL'] ?? 'postgres://postgres@127.0.0.1:5432/postgres',
  database: 'mentorkit_bench_realtime',
  sockets: num('BENCH_RT_SOCKETS', 2_000),
  connectConcurrency: num('BENCH_RT_CONNECT_CONCURRENCY', 50),
  /** Messages per second during the measured window (open loop). */
  rate: num('BENCH_RT_RATE', 100),
  durationMs: num('BENCH_RT_DURATION_S', 10) * 1000,
  idleSettleMs: num('BENCH_RT_IDLE_S', 3) * 1000,
  /** BENCH_RT_DRY=1: print, do not write BENCHMARKS.md (trial runs at other sizes). */
  dry: env['BENCH_RT_DRY'] === '1',
};
const SECRET = 'mentorkit-bench-secret-0123456789-0123456789-abcdef';
const TARGET_P99_MS = 100;
const TARGET_BYTES_PER_SOCKET = 30 * 1024;

const log = (msg: string) => process.stdout.write(`[bench:realtime] ${msg}\n`);

// ---------------------------------------------------------------------------------------------
// The client process
// ---------------------------------------------------------------------------------------------

interface ConnectCommand { cmd: 'connect'; wsUrl: string; tokens: string[]; concurrency: number }
interface LoadCommand { cmd: 'load'; prefix: string; baseUrl: string; sends: { token: string; conversationId: string; sender: number; recipient: number }[]; rate: number; durationMs: number }
interface CloseCommand { cmd: 'close' }
type Command = ConnectCommand | LoadCommand | CloseCommand;

function percentile(sorted: number[], q: number): number {
  if (sorted.length === 0) return NaN;
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil(q * sorted.length) - 1))]!;
}

function summary(values: number[]) {
  const sorted = [...values].sort((a, b) => a - b);
  const mean = sorted.reduce((s, v) => s + v, 0) / Math.max(1, sorted.length);
  return { n: sorted.length, p50: percentile(sorted, 0.5), p95: percentile(sorted, 0.95), p99: percentile(sorted, 0.99), max: sorted.at(-1) ?? NaN, mean };
}
type Summary = ReturnType<typeof summary>;

async function clientProcess(): Promise<void> {
  const sockets: WebSocket[] = [];
  /** clientId → [sentAt, recipient index] */
  const pending = new Map<string, { sentAt: number; recipient: number }>();
  const recipientLatency: number[] = [];
  /** clientId → when the recipient's socket had it, and when the HTTP answer arrived. */
  const arrivedAt = new Map<string, number>();
  const answeredAt = new Map<string, number>();
  const senderLatency: number[] = [];
  const seen = new Set<string>();
  let duplicates = 0;
  let unexpectedCloses = 0;

  const onEvent = (index: number, raw: string) => {
    const frame = JSON.parse(raw) as { type: string; id?: number; data?: { clientId?: string } };
    if (frame.type !== 'message.created' || !frame.data?.clientId) return;
    const sent = pending.get(frame.data.clientId);
    if (!sent) return;
    const key = `${index}:${frame.id}`;
    if (seen.has(key)) duplicates++;
    seen.add(key);
    const latency = performance.now() - sent.sentAt;
    (index === sent.recipient ? recipientLatency : senderLatency).push(latency);
    if (index === sent.recipient) arrivedAt.set(frame.data.clientId, performance.now());
  };

  async function connect(command: ConnectCommand) {
    const started = performance.now();
    let next = 0;
    let failures = 0;
    const openOne = (index: number) => new Promise<void>((resolve) => {
      const ws = new WebSocket(command.wsUrl, { perMessageDeflate: false });
      sockets[index] = ws;
      let ready = false;
      ws.on('open', () => ws.send(JSON.stringify({ type: 'auth', token: command.tokens[index] })));
      ws.on('message', (data) => {
        const text = data.toString();
        if (!ready && text.startsWith('{"type":"ready"')) {
          ready = true;
          resolve();
          return;
        }
        onEvent(index, text);
      });
      ws.on('error', () => {});
      ws.on('close', () => {
        if (!ready) {
          failures++;
          resolve();
        } else unexpectedCloses++;
      });
    });
    await Promise.all(Array.from({ length: command.concurrency }, async () => {
      while (next < command.tokens.length) await openOne(next++);
    }));
    return { connected: command.tokens.length - failures, failures, ms: performance.now() - started };
  }

  async function load(command: LoadCommand) {
    recipientLatency.length = 0;
    senderLatency.length = 0;
    arrivedAt.clear();
    answeredAt.clear();
    const url = new URL(command.baseUrl);
    const agent = new http.Agent({ keepAlive: true, maxSockets: 64 });
    const statuses: Record<string, number> = {};
    const httpLatency: number[] = [];
    const interval = 1000 / command.rate;
    const total = Math.min(command.sends.length, Math.floor((command.durationMs / 1000) * command.rate));
    const started = performance.now();
    const inflight: Promise<void>[] = [];
    for (let k = 0; k < total; k++) {
      const due = started + k * interval;
      const wait = due - performance.now();
      if (wait > 1) await new Promise((r) => setTimeout(r, wait));
      const send = command.sends[k]!;
      const clientId = `${command.prefix}-${k}`;
      const body = JSON.stringify({ body: `Benchmark message ${k}`, clientId });
      const sentAt = performance.now();
      pending.set(clientId, { sentAt, recipient: send.recipient });
      inflight.push(new Promise<void>((resolve) => {
        const req = http.request({
          host: url.hostname, port: url.port, method: 'POST', agent,
          path: `/api/v1/conversations/${send.conversationId}/messages`,
          headers: { authorization: `Bearer ${send.token}`, 'content-type': 'application/json', 'content-length': Buffer.byteLength(body) },
        }, (res) => {
          res.resume();
          res.on('end', () => {
            statuses[res.statusCode ?? 0] = (statuses[res.statusCode ?? 0] ?? 0) + 1;
            httpLatency.push(performance.now() - sentAt);
            answeredAt.set(clientId, performance.now());
            resolve();
          });
        });
        req.on('error', () => { statuses['error'] = (statuses['error'] ?? 0) + 1; resolve(); });
        req.end(body);
      }));
    }
    await Promise.all(inflight);
    const sendMs = performance.now() - started;
    // Let the last deliveries land.
    const deadline = performance.now() + 5_000;
    const stored = statuses['201'] ?? 0;
    while ((recipientLatency.length < stored || senderLatency.length < stored) && performance.now() < deadline) await new Promise((r) => setTimeout(r, 20));
    agent.destroy();
    // Socket arrival relative to the HTTP answer (negative: the event came first). Both follow the
    // commit, so this is the fan-out path: NOTIFY, the per-user read, the socket write.
    const afterAnswer: number[] = [];
    for (const [id, at] of arrivedAt) {
      const answered = answeredAt.get(id);
      if (answered !== undefined) afterAnswer.push(at - answered);
    }
    return {
      sent: total,
      sendMs,
      statuses,
      http: summary(httpLatency),
      recipient: summary(recipientLatency),
      sender: summary(senderLatency),
      afterAnswer: summary(afterAnswer),
      duplicates,
      unexpectedCloses,
    };
  }

  process.on('message', (command: Command) => {
    void (async () => {
      if (command.cmd === 'connect') process.send!({ connect: await connect(command) });
      if (command.cmd === 'load') process.send!({ load: await load(command) });
      if (command.cmd === 'close') {
        for (const ws of sockets) ws?.terminate();
        process.send!({ closed: true }, () => process.exit(0));
      }
    })();
  });
  process.send!({ started: true });
}

// ---------------------------------------------------------------------------------------------
// The server process (this one)
// ---------------------------------------------------------------------------------------------

function ask<T>(child: ChildProcess, command: Command, key: string): Promise<T> {
  return new Promise((resolve, reject) => {
    const onMessage = (message: Record<string, unknown>) => {
      if (key in message) {
        child.off('message', onMessage);
        resolve(message[key] as T);
      }
    };
    child.on('message', onMessage);
    child.once('exit', (code) => reject(new Error(`client process exited (${code})`)));
    child.send(command);
  });
}

v8.setFlagsFromString('--expose-gc');
const gc = runInNewContext('gc') as () => void;

async function settledMemory() {
  for (let i = 0; i < 3; i++) {
    gc();
    await new Promise((r) => setTimeout(r, 100));
  }
  const m = process.memoryUsage();
  return { rss: m.rss, heap: m.heapUsed, external: m.external + m.arrayBuffers };
}

function table(rows: (string | number)[][]): string {
  const [head, ...body] = rows;
  return [`| ${head!.join(' | ')} |`, `| ${head!.map(() => '---').join(' | ')} |`, ...body.map((r) => `| ${r.join(' | ')} |`)].join('\n');
}

function writeSection(markdown: string): void {
  if (settings.dry) {
    process.stdout.write(markdown);
    return;
  }
  writeBenchSection('realtime', markdown);
}

async function recreateDatabase(): Promise<string> {
  const admin = new pg.Client({ connectionString: settings.adminUrl });
  await admin.connect();
  await admin.query(`DROP DATABASE IF EXISTS ${settings.database} WITH (FORCE)`);
  await admin.query(`CREATE DATABASE ${settings.database}`);
  await admin.end();
  const url = new URL(settings.adminUrl);
  url.pathname = `/${settings.database}`;
  return url.toString();
}

async function dropDatabase(): Promise<void> {
  const admin = new pg.Client({ connectionString: settings.adminUrl });
  await admin.connect();
  await admin.query(`DROP DATABASE IF EXISTS ${settings.database} WITH (FORCE)`);
  await admin.end();
}

const ms = (v: number) => v.toFixed(1);
const kib = (bytes: number) => `${(bytes / 1024).toFixed(1)} KiB`;

async function main() {
  const startedAt = new Date();
  const loadBefore = loadAverage();
  const url = await recreateDatabase();
  log(`database ${settings.database} recreated`);
  const handle = openPostgres(url);
  const { db } = handle;
  let child: ChildProcess | undefined;
  let server: ReturnType<typeof serve> | undefined;
  let realtime: Awaited<ReturnType<typeof attachRealtime>> | undefined;
  try {
    await migrateToLatest(db);
    const pgVersion = (await sql<{ v: string }>`SELECT version() AS v`.execute(db)).rows[0]!.v.split(',')[0]!;

    // 1. People: pair i is mentor 2i and mentee 2i+1, with a running mentorship and its conversation.
    const n = settings.sockets - (settings.sockets % 2);
    const users = await db.insertInto('users')
      .values(Array.from({ length: n }, (_, i) => ({ issuer: '', subject: `bench-rt-${i}`, name: `Bench ${i}` })))
      .returning(['id', 'subject']).execute();
    const ids = new Map(users.map((u) => [u.subject, u.id]));
    const userId = (i: number) => ids.get(`bench-rt-${i}`)!;
    await db.insertInto('profiles').values(users.map((u) => ({ user_id: u.id }))).execute();
    const pairs = n / 2;
    await db.insertInto('mentors').values(Array.from({ length: pairs }, (_, p) => ({ user_id: userId(2 * p), expertise: ['SQL'] }))).execute();
    const mentorships = await db.insertInto('mentorships')
      .values(Array.from({ length: pairs }, (_, p) => ({ mentor_id: userId(2 * p), mentee_id: userId(2 * p + 1) })))
      .returning(['id', 'mentor_id']).execute();
    const conversations = await db.insertInto('conversations').values(mentorships.map((m) => ({ mentorship_id: m.id }))).returning(['id', 'mentorship_id']).execute();
    const conversationOf = new Map(conversations.map((c) => [c.mentorship_id, c.id]));
    const conversationByMentor = new Map(mentorships.map((m) => [m.mentor_id, conversationOf.get(m.id)!]));
    const tokens = await Promise.all(Array.from({ length: n }, async (_, i) => (await signToken(SECRET, { sub: `bench-rt-${i}`, name: `Bench ${i}` }, { expiresInSeconds: 3600 })).token));
    log(`${n} users, ${pairs} mentorships written`);

    // 2. The server, as main.ts builds it.
    const config = loadConfig({ MENTORSHIP_JWT_SECRET: SECRET, MENTORSHIP_LOG_LEVEL: 'silent', DATABASE_URL: url });
    const logger = createLogger('silent');
    const verifier = createVerifier(config);
    const app = createApp({ config, db, verifier, logger, now: () => new Date() });
    server = serve({ fetch: app.fetch, port: 0, hostname: '127.0.0.1' });
    await new Promise((r) => server!.once('listening', r));
    const port = (server.address() as AddressInfo).port;
    // Every client connects from loopback, many at a time: the per-address cap on sockets awaiting auth would refuse them.
    realtime = await attachRealtime(server, { config, db, listen: handle.listen, logger, now: () => new Date(), verifier }, { maxUnauthenticatedPerAddress: Math.max(settings.connectConcurrency, 20) });

    // Warm the paths once (JIT, pool) before the baseline.
    child = fork(fileURLToPath(import.meta.url), ['clients'], { stdio: ['ignore', 'inherit', 'inherit', 'ipc'] });
    await new Promise((r) => child!.once('message', r));
    await ask(child, { cmd: 'connect', wsUrl: `ws://127.0.0.1:${port}/api/v1/realtime`, tokens: tokens.slice(0, 20), concurrency: 10 }, 'connect');
    await ask(child, { cmd: 'close' }, 'closed');
    await new Promise((r) => setTimeout(r, 500));
    child = fork(fileURLToPath(import.meta.url), ['clients'], { stdio: ['ignore', 'inherit', 'inherit', 'ipc'] });
    await new Promise((r) => child!.once('message', r));

    // 3. Memory per idle socket.
    const before = await settledMemory();
    const connected = await ask<{ connected: number; failures: number; ms: number }>(child, {
      cmd: 'connect', wsUrl: `ws://127.0.0.1:${port}/api/v1/realtime`, tokens, concurrency: settings.connectConcurrency,
    }, 'connect');
    log(`${connected.connected} sockets authenticated in ${ms(connected.ms)} ms (${connected.failures} failed)`);
    await new Promise((r) => setTimeout(r, settings.idleSettleMs));
    const idle = await settledMemory();
    const stats = realtime.stats();
    const sockets = stats.sockets;
    const perSocket = {
      heapAndExternal: (idle.heap + idle.external - before.heap - before.external) / sockets,
      rss: (idle.rss - before.rss) / sockets,
    };
    log(`idle: ${sockets} sockets, ${kib(perSocket.heapAndExternal)} heap+external and ${kib(perSocket.rss)} RSS per socket`);

    // 4. Delivery latency: mentees (odd users) write to their mentors, round robin, at a fixed rate.
    const sends = Array.from({ length: Math.floor((settings.durationMs / 1000) * settings.rate) }, (_, k) => {
      const p = k % pairs;
      return { token: tokens[2 * p + 1]!, conversationId: conversationByMentor.get(userId(2 * p))!, sender: 2 * p + 1, recipient: 2 * p };
    });
    // Warm-up (not measured): mentors write to their mentees, so the mentees' send budget stays untouched.
    const warmup = Array.from({ length: Math.min(pairs, 200) }, (_, p) => ({ token: tokens[2 * p]!, conversationId: conversationByMentor.get(userId(2 * p))!, sender: 2 * p, recipient: 2 * p + 1 }));
    await ask(child, { cmd: 'load', prefix: 'warmup', baseUrl: `http://127.0.0.1:${port}`, sends: warmup, rate: 50, durationMs: (warmup.length / 50) * 1000 }, 'load');
    await new Promise((r) => setTimeout(r, 1_000));
    const perSenderPerMinute = Math.ceil(sends.length / pairs);
    log(`sending ${sends.length} messages at ${settings.rate}/s (${perSenderPerMinute} per sender, under the 20-a-minute limit)`);
    const result = await ask<{ sent: number; sendMs: number; statuses: Record<string, number>; http: Summary; recipient: Summary; sender: Summary; afterAnswer: Summary; duplicates: number; unexpectedCloses: number }>(child, {
      cmd: 'load', prefix: 'bench', baseUrl: `http://127.0.0.1:${port}`, sends, rate: settings.rate, durationMs: settings.durationMs,
    }, 'load');
    const afterLoad = process.memoryUsage();
    log(`recipient delivery p50 ${ms(result.recipient.p50)} ms, p99 ${ms(result.recipient.p99)} ms (${result.recipient.n}/${result.statuses['201'] ?? 0})`);
    await ask(child, { cmd: 'close' }, 'closed');
    child = undefined;

    const loadAfter = loadAverage();
    const cpu = os.cpus();
    const verdict = (ok: boolean) => (ok ? 'met' : '**not met**');
    writeSection(`
## Realtime: ${sockets.toLocaleString('en')} authenticated sockets on one process

- Date: ${startedAt.toISOString()}; command: \`node packages/server/dist/bench/realtime.bench.js\`
- Machine: ${cpu.length} cores (${cpu[0]?.model.trim() ?? 'unknown'}), ${Math.round(os.totalmem() / 2 ** 30)} GiB RAM, ${os.type()} ${os.release()}; load average (1, 5, 15 min) ${loadBefore} at start, ${loadAfter} at the end (other jobs share the machine)
- ${nodeVersion()}; ${pgVersion} on the same machine
- Server: the real app and realtime socket server (\`attachRealtime\`, as in \`main.ts\`) in one process on 127.0.0.1, pg pool of 10 + one LISTEN connection, log level silent.
  Clients: ${sockets.toLocaleString('en')} \`ws\` sockets in a forked child process (so the server's memory is its own), each authenticated (\`{type:"auth"}\` → \`ready\`).
  ${pairs.toLocaleString('en')} mentor–mentee pairs, one socket per person. Server, clients and PostgreSQL share the cores.

| measure | value | target |
| --- | --- | --- |
| sockets authenticated | ${connected.connected.toLocaleString('en')} in ${(connected.ms / 1000).toFixed(1)} s (${connected.failures} failed; ${settings.connectConcurrency} connecting at a time) | |
| memory per idle socket: V8 heap + external | **${kib(perSocket.heapAndExternal)}** | ≤ 30 KiB: ${verdict(perSocket.heapAndExternal <= TARGET_BYTES_PER_SOCKET)} |
| memory per idle socket: process RSS | ${kib(perSocket.rss)} | |
| server memory idle with all sockets | RSS ${(idle.rss / 2 ** 20).toFixed(0)} MiB, heap ${(idle.heap / 2 ** 20).toFixed(0)} MiB (before sockets: RSS ${(before.rss / 2 ** 20).toFixed(0)} MiB, heap ${(before.heap / 2 ** 20).toFixed(0)} MiB); after the load RSS ${(afterLoad.rss / 2 ** 20).toFixed(0)} MiB | |

Memory per socket is (after − before) ÷ sockets, each after a forced full GC, with every socket authenticated and idle for ${settings.idleSettleMs / 1000} s.

### Message delivery latency

${result.sent.toLocaleString('en')} messages over HTTP (\`POST /conversations/:id/messages\`) at ${settings.rate}/s for ${settings.durationMs / 1000} s (open loop, 64 keep-alive connections), round robin over the ${pairs.toLocaleString('en')} mentees; every one is delivered to the recipient's socket and to the sender's own. Latency runs from just before the POST is written to the event's arrival on the socket: it includes the HTTP request, the transaction (rate-limit count, inserts, events, \`pg_notify\`), the commit, the notification, the per-user read of new events and the socket write.

${table([
  ['', 'deliveries', 'p50 ms', 'p95 ms', 'p99 ms', 'max ms', 'mean ms', 'target'],
  ['**to the recipient\'s socket**', result.recipient.n, ms(result.recipient.p50), ms(result.recipient.p95), `**${ms(result.recipient.p99)}**`, ms(result.recipient.max), ms(result.recipient.mean), `p99 ≤ ${TARGET_P99_MS} ms: ${verdict(result.recipient.p99 <= TARGET_P99_MS)}`],
  ['to the sender\'s own socket', result.sender.n, ms(result.sender.p50), ms(result.sender.p95), ms(result.sender.p99), ms(result.sender.max), ms(result.sender.mean), ''],
  ['HTTP answer of the send', result.http.n, ms(result.http.p50), ms(result.http.p95), ms(result.http.p99), ms(result.http.max), ms(result.http.mean), ''],
  ['recipient\'s socket minus HTTP answer (the fan-out after commit)', result.afterAnswer.n, ms(result.afterAnswer.p50), ms(result.afterAnswer.p95), ms(result.afterAnswer.p99), ms(result.afterAnswer.max), ms(result.afterAnswer.mean), ''],
])}

Before the measured window, ${Math.min(pairs, 200)} warm-up messages (mentors to mentees, 50/s) warm the JIT and the pool; they are not counted.

HTTP statuses: ${Object.entries(result.statuses).map(([k, v]) => `${k} × ${v}`).join(', ')}; duplicate deliveries: ${result.duplicates}; sockets closed during the run: ${result.unexpectedCloses}; sending took ${(result.sendMs / 1000).toFixed(1)} s.
`);
    log(`results written to ${benchmarksFile}`);
  } finally {
    if (child) child.kill();
    await realtime?.close();
    if (server) await new Promise((r) => server!.close(r));
    await handle.close();
    await dropDatabase().catch(() => {});
  }
}

if (process.argv[2] === 'clients') {
  void clientProcess();
} else {
  main().catch((err) => {
    process.stderr.write(`bench failed: ${err instanceof Error ? err.stack : String(err)}\n`);
    process.exit(1);
  });
}
