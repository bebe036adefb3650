import { execSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import os from 'node:os';
import type { AddressInfo } from 'node:net';
import { serve } from '@hono/node-server';
import { mentorSearchQuery } from '@mentorkit/contract';
import { Kysely, PostgresDialect, sql, type CompiledQuery } from 'kysely';
import pg from 'pg';
import { createApp } from '../app.js';
import { UserLookup } from '../auth/user-lookup.js';
import { createVerifier, signToken } from '../auth/verify.js';
import { loadConfig } from '../config.js';
import { openPostgres } from '../db/connect.js';
import { migrateToLatest } from '../db/migrate.js';
import type { Database } from '../db/schema.js';
import { runInNewContext } from 'node:vm';
import v8 from 'node:v8';
import { generateAlumni, insertAlumni, insertHistory, mixSeed, Rng, searchVocabulary, writtenAlumnus, type WrittenAlumnus } from '../demo/generator.js';
import { createMentorSearch } from '../features/mentors/mentor-search.js';
import { MentorIndex } from '../features/mentors/search-index.js';
import { createLogger } from '../http/logger.js';
import { runLoad, type LoadRequest, type LoadResult } from './load.js';
import { BENCH_ISSUER, BENCH_SECRET, benchDatabase, benchmarksFile, benchSettings, loadAverage, markBenchDatabase, writeBenchSection, nodeVersion } from './report.js';

/**
 * `npm run bench`: mentor search at 100,000 alumni / 20,000 mentors on a real PostgreSQL.
 * Recreates the database `mentorkit_bench` (BENCH_DATABASE_URL is the admin connection), writes
 * the generated alumni, starts the real app in-process on 127.0.0.1, and measures `/healthz` and
 * search at 16 concurrent keep-alive clients. Results go to BENCHMARKS.md between the markers
 * `<!-- bench:search:start -->` and `<!-- bench:search:end -->`.
 */

const settings = benchSettings('mentorkit_bench', { warmupS: 2, durationS: 10 });
const ISSUER = BENCH_ISSUER;
const SECRET = BENCH_SECRET;
const TARGET_P95_MS = 25;
const TARGET_RATIO = 0.3;
/** Searches nobody made since the last change (caches off), by distinct viewers: the targets of the first search. */
const COLD_VIEWERS = 200;
const COLD_BROWSE_P95_MS = 50;
const COLD_BROWSE_RATIO = 0.05;
const COLD_SEARCH_P95_MS = 25;
const COLD_SEARCH_RATIO = 0.1;

const log = (msg: string) => process.stdout.write(`[bench:search] ${msg}\n`);
const seconds = (ms: number) => `${(ms / 1000).toFixed(1)} s`;

async function dropDatabase(): Promise<void> {
  const admin = new pg.Client({ connectionString: settings.adminUrl });
  await admin.connect();
  await admin.query(`DROP DATABASE IF EXISTS ${settings.database} WITH (FORCE)`);
  await admin.end();
}

/** Clock ticks per second of the times in /proc. */
const clockTicks = (() => {
  try {
    return Number(execSync('getconf CLK_TCK', { encoding: 'utf8' }).trim()) || 100;
  } catch {
    return 100;
  }
})();

/** CPU seconds (user + system) of each of this database's PostgreSQL backends, from /proc (local server only). */
async function backendCpu(db: Kysely<Database>): Promise<Map<number, number> | undefined> {
  if (!['127.0.0.1', 'localhost', '[::1]'].includes(new URL(settings.adminUrl).hostname)) return undefined;
  const pids = (await sql<{ pid: number }>`SELECT pid FROM pg_stat_activity WHERE datname = current_database()`.execute(db)).rows;
  const out = new Map<number, number>();
  for (const { pid } of pids) {
    try {
      const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
      const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
      out.set(pid, (Number(fields[11]) + Number(fields[12])) / clockTicks);
    } catch {
      // the backend ended between the two reads
    }
  }
  return out;
}

const cpuDelta = (before: Map<number, number>, after: Map<number, number>) =>
  [...after].reduce((sum, [pid, s]) => sum + s - (before.get(pid) ?? 0), 0);

interface Query {
  q: string;
  expertise: string;
}

/** Text queries with two filters, drawn from the generator's vocabulary. */
function queryMix(mentors: WrittenAlumnus[], count: number): Query[] {
  const rng = new Rng(mixSeed(settings.seed, 77));
  const { terms } = searchVocabulary();
  const out: Query[] = [];
  while (out.length < count) {
    const m = rng.pick(mentors).mentor!;
    const [filter, other] = rng.sample(m.expertise, 2);
    // Half the queries search a word of another of the same mentor's areas, half an industry word.
    const q = rng.chance(0.5) && other ? rng.pick(other.split(' ')).toLowerCase() : rng.pick(terms);
    out.push({ q, expertise: filter! });
  }
  return out;
}

const searchPath = (query: Query) =>
  `/api/v1/mentors?${new URLSearchParams({ q: query.q, expertise: query.expertise, availability: 'accepting' })}`;

interface Explained {
  label: string;
  sql: string;
  plan: string;
  executionMs: number;
}

/**
 * Captures the SQL that a search with every cache off sends (Kysely's query log, put back in the
 * order the statements were issued) and runs each again under `EXPLAIN (ANALYZE, BUFFERS)`.
 */
async function explainSearch(url: string, viewer: { id: string; subject: string }, params: Record<string, unknown>): Promise<Explained[]> {
  const captured: { query: CompiledQuery; startedAt: number }[] = [];
  const pool = new pg.Pool({ connectionString: url, max: 4 });
  const logging = new Kysely<Database>({
    dialect: new PostgresDialect({ pool }),
    log: (event) => {
      if (event.level === 'query') captured.push({ query: event.query, startedAt: performance.now() - event.queryDurationMillis });
    },
  });
  try {
    // The second call shows the steady state: the index is loaded and the time-zone offsets are read.
    const search = createMentorSearch({ db: logging, cacheSize: 0 });
    // As a request has them: the generation and the viewer's match inputs from the user lookup of authentication.
    const user = (await new UserLookup(logging).load(ISSUER, viewer.subject))!;
    const generation = BigInt(user.search_generation);
    await search.search(viewer.id, mentorSearchQuery.parse(params), new Date(), generation, user.match_inputs);
    captured.length = 0;
    await search.search(viewer.id, mentorSearchQuery.parse(params), new Date(), generation, user.match_inputs);
    captured.sort((a, b) => a.startedAt - b.startedAt);
    const out: Explained[] = [];
    for (const [i, { query }] of captured.entries()) {
      const result = await pool.query<{ 'QUERY PLAN': string }>(`EXPLAIN (ANALYZE, BUFFERS) ${query.sql}`, query.parameters as unknown[]);
      const plan = result.rows.map((r) => r['QUERY PLAN']).join('\n');
      const ms = Number(/Execution Time: ([\d.]+) ms/.exec(plan)?.[1] ?? NaN);
      const planning = Number(/Planning Time: ([\d.]+) ms/.exec(plan)?.[1] ?? NaN);
      const excerpt = query.sql.replace(/\s+/g, ' ').trim();
      out.push({
        label: `${i + 1}. \`${excerpt.length > 70 ? `${excerpt.slice(0, 70)}…` : excerpt}\` (planning ${planning.toFixed(2)} ms)`,
        sql: query.sql,
        plan,
        executionMs: ms,
      });
    }
    return out;
  } finally {
    await logging.destroy();
  }
}

function table(rows: string[][]): string {
  const [head, ...body] = rows;
  return [`| ${head!.join(' | ')} |`, `| ${head!.map(() => '---').join(' | ')} |`, ...body.map((r) => `| ${r.join(' | ')} |`)].join('\n');
}

async function main() {
  const startedAt = new Date();
  const loadAvg = loadAverage();
  log(`${settings.reuseDatabase ? 'reusing or ' : ''}recreating ${settings.database} on ${new URL(settings.adminUrl).host}`);
  const { url, reused } = await benchDatabase(settings, 'bench');
  // The same pool the server would open (`openDatabase` → 10 connections).
  const handle = openPostgres(url);
  const { db } = handle;
  const servers: ReturnType<typeof serve>[] = [];
  try {
    await migrateToLatest(db);
    const pgVersion = (await sql<{ v: string }>`SELECT version() AS v`.execute(db)).rows[0]!.v;
    const pgSettings = (await sql<{ name: string; setting: string; unit: string | null }>`
      SELECT name, setting, unit FROM pg_settings WHERE name IN ('shared_buffers', 'work_mem', 'effective_cache_size', 'max_connections', 'jit')
      ORDER BY name`.execute(db)).rows;

    // 1. Data (or an earlier run's, with BENCH_REUSE_DB=1: the generator is a pure function of its settings)
    const now = reused ?? new Date();
    const people = () => generateAlumni(settings.alumni, settings.seed, { now, mentorShare: settings.mentorShare, subjectPrefix: 'bench' });
    let generation: { writeAlumniMs: number; historyMs: number; analyzeMs: number; stages: [string, number][]; history: { requests: number; mentorships: number; feedback: number }; genNodeS: number; genPgS: number } | undefined;
    let written: WrittenAlumnus[];
    if (reused) {
      log(`reusing the data written at ${reused.toISOString()}`);
      written = [...people()].map((p) => writtenAlumnus(p, ISSUER));
    } else {
      log(`writing ${settings.alumni.toLocaleString('en')} alumni (${Math.round(settings.alumni * settings.mentorShare).toLocaleString('en')} mentors)…`);
      // Warm the pool so its backends exist before the CPU reading (their CPU is read from /proc).
      await Promise.all(Array.from({ length: settings.writeConcurrency + 1 }, () => sql`SELECT 1`.execute(db)));
      const genCpuBefore = await backendCpu(db);
      const genNodeBefore = process.cpuUsage();
      let t0 = performance.now();
      written = await insertAlumni(db, people(), { issuer: ISSUER, batchSize: 1000, concurrency: settings.writeConcurrency });
      const writeAlumniMs = performance.now() - t0;
      log(`alumni written in ${seconds(writeAlumniMs)}`);
      t0 = performance.now();
      const stages: [string, number][] = [];
      const all = written;
      const history = await db.transaction().execute((trx) =>
        insertHistory(trx, all, { now, seed: settings.seed, onStage: (s, ms) => stages.push([s, ms]) }));
      const historyMs = performance.now() - t0;
      const genNode = process.cpuUsage(genNodeBefore);
      const genCpuAfter = await backendCpu(db);
      log(`history written in ${seconds(historyMs)}: ${JSON.stringify(history)}`);
      t0 = performance.now();
      await sql`VACUUM (ANALYZE)`.execute(db);
      const analyzeMs = performance.now() - t0;
      await markBenchDatabase(settings, 'bench', now);
      generation = {
        writeAlumniMs, historyMs, analyzeMs, stages, history,
        genNodeS: (genNode.user + genNode.system) / 1e6,
        genPgS: genCpuBefore && genCpuAfter ? cpuDelta(genCpuBefore, genCpuAfter) : NaN,
      };
    }
    const sizes = (await sql<{ rel: string; rows: number; size: string }>`
      SELECT c.relname AS rel, c.reltuples::bigint AS rows, pg_size_pretty(pg_total_relation_size(c.oid)) AS size
      FROM pg_class c WHERE c.relname IN ('users', 'profiles', 'mentors', 'mentorship_requests', 'mentorships', 'feedback')
      ORDER BY c.relname`.execute(db)).rows;
    const [availability] = (await sql<{ available: number; limited: number; unavailable: number; accepting: number }>`
      SELECT count(*) FILTER (WHERE open_ok AND free >= 2)::int AS available,
             count(*) FILTER (WHERE open_ok AND free = 1)::int AS limited,
             count(*) FILTER (WHERE NOT open_ok OR free <= 0)::int AS unavailable,
             count(*) FILTER (WHERE open_ok AND free >= 1)::int AS accepting
      FROM (SELECT accepting_mentees AND (away_until IS NULL OR away_until < current_date) AS open_ok, capacity - open_mentorships AS free FROM mentors) m`.execute(db)).rows;

    // 2. Servers: the app as configured by default (search cache on), and the same app with the
    // cache off, which computes every search in full (what a search nobody made before costs).
    const startServer = async (env: Record<string, string>) => {
      const config = loadConfig({
        MENTORSHIP_JWT_SECRET: SECRET,
        MENTORSHIP_JWT_ISSUER: ISSUER,
        MENTORSHIP_LOG_LEVEL: 'silent',
        HOST: '127.0.0.1',
        PORT: '0',
        ...env,
      });
      const app = createApp({ config, db, verifier: createVerifier(config), logger: createLogger('silent'), now: () => new Date() });
      const started = serve({ fetch: app.fetch, port: 0, hostname: '127.0.0.1' });
      servers.push(started);
      await new Promise<void>((resolve) => (started.listening ? resolve() : started.once('listening', () => resolve())));
      return `http://127.0.0.1:${(started.address() as AddressInfo).port}`;
    };
    const baseUrl = await startServer({});
    const uncachedUrl = await startServer({ MENTORSHIP_SEARCH_CACHE_SIZE: '0' });
    log(`servers on ${baseUrl} (search cache on) and ${uncachedUrl} (off)`);

    // 3. Viewers: generated alumni without a mentor record, with goals (so match scores work).
    const rng = new Rng(mixSeed(settings.seed, 99));
    const viewers = rng.sample(written.filter((w) => w.mentor === null && w.goals !== ''), 8);
    const tokens: string[] = [];
    for (const v of viewers) {
      const row = await db.selectFrom('users').select(['name', 'email']).where('id', '=', v.id).executeTakeFirstOrThrow();
      tokens.push((await signToken(SECRET, { sub: v.subject, name: row.name, ...(row.email ? { email: row.email } : {}) }, { issuer: ISSUER, expiresInSeconds: 3600 })).token);
    }
    const mentors = written.filter((w) => w.mentor !== null);
    const queries = queryMix(mentors, 64);
    // Every request carries what a browser's fetch sends (the load generator only counts the bytes).
    const browser = { 'accept-encoding': 'gzip, deflate, br, zstd' };
    const auth = (i: number) => ({ ...browser, authorization: `Bearer ${tokens[i % tokens.length]}` });
    const searchRequests: LoadRequest[] = queries.map((q, i) => ({ path: searchPath(q), headers: auth(i) }));
    // The same searches from a crowd: 2,000 other alumni, each making a few of them, so whole
    // answers (kept per viewer) rarely repeat while the facts every viewer shares do.
    const crowd = rng.sample(written.filter((w) => w.mentor === null && !viewers.includes(w)), 2000);
    // Claims as the users hold them, so signing in writes nothing.
    const crowdRows = new Map((await db.selectFrom('users').select(['id', 'name', 'email']).where('id', 'in', crowd.map((v) => v.id)).execute())
      .map((r) => [r.id, r]));
    const crowdTokens = await Promise.all(crowd.map(async (v) => {
      const row = crowdRows.get(v.id)!;
      return (await signToken(SECRET, { sub: v.subject, name: row.name, ...(row.email ? { email: row.email } : {}) }, { issuer: ISSUER, expiresInSeconds: 3600 })).token;
    }));
    const crowdRequests: LoadRequest[] = Array.from({ length: 8192 }, (_, i) => ({
      path: searchPath(queries[rng.int(0, queries.length - 1)]!),
      headers: { ...browser, authorization: `Bearer ${crowdTokens[i % crowdTokens.length]}` },
    }));
    const browseRequests: LoadRequest[] = tokens.map((_, i) => ({ path: '/api/v1/mentors', headers: auth(i) }));
    // First searches: 200 other alumni with real profiles (skills, goals, industry, languages,
    // zone, programme), against the server with both caches off, so nothing is ever reused.
    const coldViewers = rng.sample(written.filter((w) => w.mentor === null && w.goals !== '' && !viewers.includes(w)), COLD_VIEWERS);
    const coldRows = new Map((await db.selectFrom('users').select(['id', 'name', 'email']).where('id', 'in', coldViewers.map((v) => v.id)).execute())
      .map((r) => [r.id, r]));
    const coldTokens = await Promise.all(coldViewers.map(async (v) => {
      const row = coldRows.get(v.id)!;
      return (await signToken(SECRET, { sub: v.subject, name: row.name, ...(row.email ? { email: row.email } : {}) }, { issuer: ISSUER, expiresInSeconds: 3600 })).token;
    }));
    const coldAuth = (i: number) => ({ ...browser, authorization: `Bearer ${coldTokens[i % coldTokens.length]}` });
    const coldBrowseRequests: LoadRequest[] = coldTokens.map((_, i) => ({ path: '/api/v1/mentors', headers: coldAuth(i) }));
    // Every (query, viewer) pair differs over the list: 64 queries × 200 viewers, in an order that mixes both.
    const coldSearchRequests: LoadRequest[] = Array.from({ length: queries.length * COLD_VIEWERS }, (_, i) => ({
      path: searchPath(queries[i % queries.length]!), headers: coldAuth(Math.floor(i / queries.length) + i),
    }));

    // The server with caches off loads its index now, as a server does on its first search, not during a measured run.
    const first = await fetch(uncachedUrl + coldBrowseRequests[0]!.path, { headers: coldBrowseRequests[0]!.headers ?? {} });
    if (first.status !== 200) throw new Error(`the first search answered ${first.status}: ${await first.text()}`);
    await first.arrayBuffer();
    // Check every request once (and learn how many mentors each query finds).
    const totals: number[] = [];
    const etags = new Map<LoadRequest, string>();
    for (const r of [...searchRequests, ...browseRequests]) {
      const res = await fetch(baseUrl + r.path, { headers: r.headers ?? {} });
      if (res.status !== 200) throw new Error(`${r.path} answered ${res.status}: ${await res.text()}`);
      const body = (await res.json()) as { total: number };
      if (r.path.includes('q=')) totals.push(body.total);
      etags.set(r, res.headers.get('etag') ?? '');
    }
    // What a browser sends when it searches again: the ETag of the answer it holds.
    const revalidations: LoadRequest[] = searchRequests.map((r) => ({ ...r, headers: { ...r.headers, 'if-none-match': etags.get(r)! }, expect: 304 }));
    const sortedTotals = totals.slice().sort((a, b) => a - b);
    const medianTotal = sortedTotals[Math.floor(sortedTotals.length / 2)]!;
    const typical = queries[totals.indexOf(medianTotal)]!;
    const broadest = queries[totals.indexOf(sortedTotals.at(-1)!)]!;

    // 4. Load
    // Besides latency, what each request costs in CPU: this process less the load generator's
    // thread (the server: Hono, JWT, zod, pg driver, JSON), and this database's PostgreSQL
    // backends; over the whole run (warm-up included) per request answered. CPU time hardly
    // depends on other load on the machine, unlike latency.
    type Measured = LoadResult & { serverMsPerRequest: number; postgresMsPerRequest: number | null };
    // BENCH_SEARCH_ONLY=healthz,cold (parts of the labels) runs only those rows, for trying changes; the recorded runs run all.
    const only = process.env['BENCH_SEARCH_ONLY']?.split(',').filter(Boolean);
    const run = async (label: string, requests: LoadRequest[], concurrency = settings.concurrency, url = baseUrl): Promise<Measured> => {
      if (only && !only.some((part) => label.includes(part))) {
        const none = { p50: NaN, p95: NaN, p99: NaN, max: NaN, mean: NaN };
        return { requests: 0, errors: 0, statuses: {}, elapsedMs: 0, throughput: NaN, clientCpuMs: 0, latencyMs: none, serverMsPerRequest: NaN, postgresMsPerRequest: NaN };
      }
      log(`${label}: ${concurrency} clients, ${settings.warmupMs / 1000} s warm-up + ${settings.durationMs / 1000} s…`);
      const cpuBefore = await backendCpu(db);
      const processBefore = process.cpuUsage();
      const started = performance.now();
      const r = await runLoad({ baseUrl: url, requests, concurrency, warmupMs: settings.warmupMs, durationMs: settings.durationMs, ticksPerSecond: clockTicks });
      const wall = performance.now() - started;
      const processCpu = process.cpuUsage(processBefore);
      const busy = (processCpu.user + processCpu.system) / 1000 - r.clientCpuMs;
      const cpuAfter = await backendCpu(db);
      // Requests over the whole run, estimated from the measured window's rate.
      const all = Math.max(1, r.throughput * (wall / 1000));
      const m: Measured = {
        ...r,
        serverMsPerRequest: Math.round((busy / all) * 1000) / 1000,
        postgresMsPerRequest: cpuBefore && cpuAfter ? Math.round(((cpuDelta(cpuBefore, cpuAfter) * 1000) / all) * 1000) / 1000 : null,
      };
      log(`${label}: ${r.throughput} req/s, p50 ${r.latencyMs.p50} ms, p95 ${r.latencyMs.p95} ms, p99 ${r.latencyMs.p99} ms, errors ${r.errors}; per request: server ${m.serverMsPerRequest} ms CPU, PostgreSQL ${m.postgresMsPerRequest ?? '?'} ms CPU`);
      return m;
    };
    const health = await run('GET /healthz', [{ path: '/healthz', headers: browser }]);
    const ready = await run('GET /readyz', [{ path: '/readyz', headers: browser }]);
    const search = await run('GET /api/v1/mentors?q&expertise&availability=accepting', searchRequests);
    const searchPlain = await run('same search, no compression accepted', searchRequests.map((r) => ({ ...r, headers: { ...r.headers, 'accept-encoding': 'identity' } })));
    const searchRevalidated = await run('same search, revalidated (If-None-Match → 304)', revalidations);
    const searchCrowd = await run('same searches from 2,000 other viewers', crowdRequests);
    const browse = await run('GET /api/v1/mentors (no filters)', browseRequests);
    // The cold rows, each beside a /healthz of its own moment, so each ratio compares like with like.
    const coldHealth = await run('GET /healthz (beside the cold rows)', [{ path: '/healthz', headers: browser }]);
    const browseCold = await run(`GET /api/v1/mentors (no filters), caches off, ${COLD_VIEWERS} viewers`, coldBrowseRequests, settings.concurrency, uncachedUrl);
    const searchCold = await run(`search mix, caches off, ${COLD_VIEWERS} viewers`, coldSearchRequests, settings.concurrency, uncachedUrl);
    const searchAlone = await run('search mix, caches off, one client', coldSearchRequests, 1, uncachedUrl);

    // Memory of the index: a fresh one loaded from the database, heap measured around it after full collections.
    v8.setFlagsFromString('--expose-gc');
    const gc = runInNewContext('gc') as () => void;
    // Twice: one full collection can leave what the last one found unreachable (a single one read up to half again as much).
    const settle = () => { gc(); gc(); };
    settle();
    // The typed arrays' contents live outside the V8 heap (\`arrayBuffers\`): counted too.
    const used = () => { const m = process.memoryUsage(); return m.heapUsed + m.arrayBuffers; };
    const heapBefore = used();
    const fresh = new MentorIndex(db);
    const loadStarted = performance.now();
    await fresh.ensure(0n);
    const indexLoadMs = performance.now() - loadStarted;
    settle();
    const indexBytes = used() - heapBefore;
    const indexed = fresh.size;
    const mbPer10k = (indexBytes / 2 ** 20) * (10_000 / indexed);
    log(`index: ${indexed} mentors, ${(indexBytes / 2 ** 20).toFixed(1)} MiB (${mbPer10k.toFixed(2)} MiB per 10,000 mentors), loaded in ${indexLoadMs.toFixed(0)} ms`);

    // 5. Plans
    log('EXPLAIN (ANALYZE, BUFFERS)…');
    const explainQuery = (q: Query) => explainSearch(url, viewers[0]!, { q: q.q, expertise: [q.expertise], availability: 'accepting' });
    const explainedTypical = await explainQuery(typical);
    const explainedBroadest = await explainQuery(broadest);
    const explainedBrowse = await explainSearch(url, viewers[0]!, {});
    const loadAvgEnd = loadAverage();

    // 6. Report
    const ratio = search.throughput / health.throughput;
    const coldBrowseRatio = browseCold.throughput / coldHealth.throughput;
    const coldSearchRatio = searchCold.throughput / coldHealth.throughput;
    const ratioCell = (r: Measured, h: Measured) => `${(r.throughput / h.throughput).toFixed(3)} ×`;
    const searchCpuMs = search.serverMsPerRequest + (search.postgresMsPerRequest ?? NaN);
    const cpuBound = (os.cpus().length * 1000) / searchCpuMs;
    const readyCpuMs = ready.serverMsPerRequest + (ready.postgresMsPerRequest ?? NaN);
    const pass = (ok: boolean) => (ok ? 'met' : '**missed**');
    const row = (label: string, r: Measured, concurrency = settings.concurrency) => [
      label, String(concurrency), r.throughput.toFixed(0), r.latencyMs.p50.toFixed(1), r.latencyMs.p95.toFixed(1), r.latencyMs.p99.toFixed(1),
      r.latencyMs.max.toFixed(1), String(r.requests), `${r.errors}${r.errors ? ` ${JSON.stringify(r.statuses)}` : ''}`,
      r.serverMsPerRequest.toFixed(2), r.postgresMsPerRequest === null ? 'n/a' : r.postgresMsPerRequest.toFixed(2),
      ratioCell(r, r === browseCold || r === searchCold || r === searchAlone || r === coldHealth ? coldHealth : health),
    ];
    const cpu = os.cpus();
    const explainBlock = (items: Explained[]) => items.map((e) => [
      `<details><summary>${e.executionMs.toFixed(2)} ms: ${e.label}</summary>`,
      '',
      '```sql',
      e.sql.replace(/\n\s*\n/g, '\n').trim(),
      '```',
      '',
      '```',
      e.plan,
      '```',
      '</details>',
    ].join('\n')).join('\n\n');
    const md = `
## Mentor search at ${settings.alumni.toLocaleString('en')} alumni / ${mentors.length.toLocaleString('en')} mentors

- Date: ${startedAt.toISOString()}; command: \`npm run bench\` (\`packages/server/dist/bench/search.bench.js\`)
- Machine: ${cpu.length} cores (${cpu[0]?.model ?? 'unknown CPU'}), ${(os.totalmem() / 2 ** 30).toFixed(0)} GiB RAM, ${os.type()} ${os.release()}; load average (1, 5, 15 min) ${loadAvg} at start, ${loadAvgEnd} at the end (other jobs share the machine)
- ${nodeVersion()}; ${pgVersion.split(',')[0]} on the same machine (${pgSettings.map((s) => `${s.name}=${s.setting}${s.unit ?? ''}`).join(', ')})
- Server: the real app (\`createApp\` + \`@hono/node-server\`) in-process on 127.0.0.1, log level silent, pg pool of 10 (as \`openDatabase\`);
  load: ${settings.concurrency} closed-loop keep-alive clients (node:http) in a worker thread of the same process, sending \`Accept-Encoding\` as browsers do,
  ${settings.warmupMs / 1000} s warm-up then ${settings.durationMs / 1000} s measured per scenario. Server, clients and PostgreSQL share the ${cpu.length} cores.

### Data generation (\`insertAlumni\` + \`insertHistory\`)

${generation ? `${table([
  ['step', 'time', 'rows'],
  [`users + profiles + applications + mentors (multi-row INSERTs of 1,000, ${settings.writeConcurrency} batches in parallel)`, seconds(generation.writeAlumniMs), `${written.length.toLocaleString('en')} alumni, ${mentors.length.toLocaleString('en')} mentors`],
  ['history in one transaction: ' + generation.stages.map(([s, ms]) => `${s} ${seconds(ms)}`).join(', '), seconds(generation.historyMs), `${generation.history.requests.toLocaleString('en')} requests, ${generation.history.mentorships.toLocaleString('en')} mentorships, ${generation.history.feedback.toLocaleString('en')} ratings`],
  ['VACUUM (ANALYZE)', seconds(generation.analyzeMs), ''],
  ['**total**', `**${seconds(generation.writeAlumniMs + generation.historyMs)}** (+ ${seconds(generation.analyzeMs)} vacuum/analyze)`, ''],
])}

CPU used by the two write steps: Node ${generation.genNodeS.toFixed(1)} s (generating, building and sending the INSERTs), PostgreSQL backends ${Number.isNaN(generation.genPgS) ? 'n/a' : `${generation.genPgS.toFixed(1)} s`}
(inserts, indexes and the search triggers); wall time above that is waiting for the other jobs on the machine, the WAL and the disk.` : `Not timed in this run: the data of an earlier run (generated for ${now.toISOString()}) was reused (\`BENCH_REUSE_DB=1\`).`}

Mentors by derived availability: ${availability!.available.toLocaleString('en')} available, ${availability!.limited.toLocaleString('en')} limited, ${availability!.unavailable.toLocaleString('en')} unavailable (${availability!.accepting.toLocaleString('en')} match \`availability=accepting\`).
Table sizes: ${sizes.map((s) => `${s.rel} ${s.size}`).join(', ')}.

### Load

${table([
  ['scenario', 'clients', 'req/s', 'p50 ms', 'p95 ms', 'p99 ms', 'max ms', 'requests', 'errors', 'server CPU ms/req', 'PostgreSQL CPU ms/req', 'vs `/healthz`'],
  row('`GET /healthz` (floor)', health),
  row('`GET /readyz` (one `SELECT 1` through the pool: floor of any database call)', ready),
  row('**`GET /api/v1/mentors?q=…&expertise=…&availability=accepting`** (search cache on, the default)', search),
  row('the same search mix from a client that accepts no compression (17–21 KB of JSON a page instead of 3–3.5 KB gzipped)', searchPlain),
  row('the same search mix revalidated by a browser that holds the answers (`If-None-Match` → 304, no body)', searchRevalidated),
  row('the same searches from 2,000 other viewers (answers rarely repeat; shared facts do)', searchCrowd),
  row('`GET /api/v1/mentors` (no filters: the default page, sorted by match; cache on)', browse),
  row('`GET /healthz` again, just before the cold rows (their ratio\'s denominator)', coldHealth),
  row(`**cold: the default page (sort by match, no text), caches off, ${COLD_VIEWERS} distinct viewers**`, browseCold),
  row(`**cold: text search with filters (\`q\`, \`expertise\`, \`availability=accepting\`), caches off, ${COLD_VIEWERS} distinct viewers**`, searchCold),
  row('the same cold searches, one client at a time (unloaded latency)', searchAlone, 1),
])}

"vs \`/healthz\`": throughput over the \`/healthz\` row of the same run (the cold rows over the one measured just before them).

"server CPU ms/req": CPU time of this process (user + system, all threads) less the load generator's thread, per request;
"PostgreSQL CPU ms/req": CPU of this database's backends per request, from /proc (parallel-query workers, which come and
go, are not counted). CPU time per request hardly depends on other load on the machine, unlike the latencies.

With closed-loop clients, latency ≈ clients ÷ throughput: at ${settings.concurrency} clients a p95 of ${TARGET_P95_MS} ms needs
roughly ${Math.round(settings.concurrency / (TARGET_P95_MS / 1000))} searches per second or more, i.e. at most ≈ ${((cpu.length * 1000) / (settings.concurrency / (TARGET_P95_MS / 1000))).toFixed(1)} ms of CPU per search on ${cpu.length} cores,
Node and PostgreSQL together.

Search keeps two caches (\`MENTORSHIP_SEARCH_CACHE_SIZE\` entries each), both keyed by the search generation, which
moves with every committed change to anything a search shows (migrations 0007 and 0008): whole answers per viewer
(\`features/mentors/search-answers.ts\`), found with nothing but the generation, which is read in the same statement as
the user of authentication (one statement for all the requests of a turn of the event loop: \`auth/user-lookup.ts\`); and what every viewer shares (\`search-cache.ts\`), now only for
searches the index does not answer (a \`location\` filter). Nothing is written during this benchmark, so after the warm-up the 8 viewers' mix
is answered from whole answers (what a repeated search costs: paging back to page one, live refreshes, a browser revalidating),
the crowd's mostly afresh from the index; the "cold" rows run against a second app with \`MENTORSHIP_SEARCH_CACHE_SIZE=0\`:
every search computed in full, for ${COLD_VIEWERS} viewers none of whom searched before (what a first visit costs).

Search queries: ${queries.length} different (q, expertise) pairs, e.g. ${queries.slice(0, 4).map((q) => `\`q=${q.q}&expertise=${q.expertise}\``).join(', ')}; 8 different viewers.
Matching mentors per query: median ${sortedTotals[Math.floor(sortedTotals.length / 2)]}, min ${sortedTotals[0]}, max ${sortedTotals.at(-1)}.

Targets: search p95 ≤ ${TARGET_P95_MS} ms: ${pass(search.latencyMs.p95 <= TARGET_P95_MS)} (${search.latencyMs.p95.toFixed(1)} ms);
search throughput ≥ ${TARGET_RATIO} × /healthz: ${pass(ratio >= TARGET_RATIO)} (${ratio.toFixed(3)} × = ${search.throughput.toFixed(0)} / ${health.throughput.toFixed(0)} req/s).

Targets of the first search (caches off, ${COLD_VIEWERS} distinct viewers with real profiles, ${settings.concurrency} clients):
- default page: p95 ≤ ${COLD_BROWSE_P95_MS} ms: ${pass(browseCold.latencyMs.p95 <= COLD_BROWSE_P95_MS)} (${browseCold.latencyMs.p95.toFixed(1)} ms);
  ≥ ${COLD_BROWSE_RATIO} × /healthz: ${pass(coldBrowseRatio >= COLD_BROWSE_RATIO)} (${coldBrowseRatio.toFixed(3)} × = ${browseCold.throughput.toFixed(0)} / ${coldHealth.throughput.toFixed(0)} req/s);
  CPU ${(browseCold.serverMsPerRequest + (browseCold.postgresMsPerRequest ?? NaN)).toFixed(2)} ms per request (Node ${browseCold.serverMsPerRequest.toFixed(2)} + PostgreSQL ${(browseCold.postgresMsPerRequest ?? NaN).toFixed(2)}).
- text search with filters: p95 ≤ ${COLD_SEARCH_P95_MS} ms: ${pass(searchCold.latencyMs.p95 <= COLD_SEARCH_P95_MS)} (${searchCold.latencyMs.p95.toFixed(1)} ms);
  ≥ ${COLD_SEARCH_RATIO} × /healthz: ${pass(coldSearchRatio >= COLD_SEARCH_RATIO)} (${coldSearchRatio.toFixed(3)} × = ${searchCold.throughput.toFixed(0)} / ${coldHealth.throughput.toFixed(0)} req/s);
  CPU ${(searchCold.serverMsPerRequest + (searchCold.postgresMsPerRequest ?? NaN)).toFixed(2)} ms per request (Node ${searchCold.serverMsPerRequest.toFixed(2)} + PostgreSQL ${(searchCold.postgresMsPerRequest ?? NaN).toFixed(2)}).

The search index (\`features/mentors/search-index.ts\`): ${indexed.toLocaleString('en')} mentors in ${(indexBytes / 2 ** 20).toFixed(1)} MiB of heap,
**${mbPer10k.toFixed(2)} MiB per 10,000 mentors** (heap and array buffers after a full collection, less before; a fresh index loaded from this database in ${indexLoadMs.toFixed(0)} ms).
It holds what search filters, counts and orders by: expertise, languages and the rest as integer ids in typed arrays, an
expertise → mentors list (by key and by words), each mentor's search document (lexemes with their positions and weights, and a
lexeme → mentors list), and the total and both facets of each availability class, kept current by every change it reads. A search
matches its text over it (the tsquery as PostgreSQL parses it; a quoted phrase is left to the database), ranks it as \`ts_rank_cd\`
does when the query is a word or words joined by OR (anything else is ranked by the database), filters, scores and counts in Node;
the default page takes its facts from its class and scores only the mentors sharing a skill or goal with the viewer, most shared
first, while any could still reach the page. PostgreSQL is asked for the text's tsquery and the page's cards, each one statement
for all the searches of a turn of the event loop; the viewer's profile comes with the user of authentication. A search whose
generation is newer than the index first reads the mentors changed since (migration 0010).

What the CPU allows: a search costs ${searchCpuMs.toFixed(2)} ms of CPU (server ${search.serverMsPerRequest.toFixed(2)} + PostgreSQL ${(search.postgresMsPerRequest ?? NaN).toFixed(2)}),
so ${cpu.length} cores answer at most ≈ ${cpuBound.toFixed(0)} searches per second even with nothing else running, which at
${settings.concurrency} clients means a latency of at least ≈ ${((settings.concurrency / cpuBound) * 1000).toFixed(1)} ms. ${TARGET_RATIO} × /healthz is ${(TARGET_RATIO * health.throughput).toFixed(0)} searches
per second: a budget of ${((cpu.length * 1000) / (TARGET_RATIO * health.throughput)).toFixed(2)} ms of CPU per search, Node and PostgreSQL together, when \`/readyz\` (one
\`SELECT 1\` through the pool, no search work at all) already costs ${readyCpuMs.toFixed(2)} ms.

### Query plans

Besides the user lookup of authentication (which also reads the search generation and the viewer's match inputs, batched), a search
whose answer is not kept runs ${explainedTypical.length} statements, one after the other, each batched with those of other searches of the same turn: with
text, the text turned into a tsquery (and, for a query that is not a word or words joined by OR, \`ts_rank_cd\` of the mentors the
index found passing every filter: \`features/mentors/mentor-search.ts\`); then the page's cards. Matching the text, ranking it, filters,
facets and the order come from the search index in between. A repeated search runs none of them. Captured from a search with every cache off
(the index loaded) through Kysely's query log and run again, one by one, with \`EXPLAIN (ANALYZE, BUFFERS)\` on the warm database; the summary
line gives the execution time.

Typical search (median result count, ${medianTotal}): \`q=${typical.q}&expertise=${typical.expertise}&availability=accepting\`

${explainBlock(explainedTypical)}

Broadest search of the mix (${sortedTotals.at(-1)} results): \`q=${broadest.q}&expertise=${broadest.expertise}&availability=accepting\`

${explainBlock(explainedBroadest)}

Default page (no filters):

${explainBlock(explainedBrowse)}
`;
    writeBenchSection('search', md);
    log(`wrote ${benchmarksFile}`);
  } finally {
    for (const server of servers) await new Promise<void>((resolve) => server.close(() => resolve()));
    await handle.close();
    if (settings.dropDatabase) await dropDatabase().catch(() => {});
  }
}

main().catch((err) => {
  process.stderr.write(`bench failed: ${err instanceof Error ? err.stack : String(err)}\n`);
  process.exit(1);
});
