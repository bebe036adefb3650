import os from 'node:os';
import { PGlite } from '@electric-sql/pglite';
import type { Kysely } from 'kysely';
import { sql } from 'kysely';
import pg from 'pg';
import { createApp } from '../app.js';
import { createVerifier, signToken } from '../auth/verify.js';
import { loadConfig } from '../config.js';
import { fromPGlite, openPostgres, pgliteParsers, type DatabaseHandle } from '../db/connect.js';
import { migrateToLatest } from '../db/migrate.js';
import type { Database } from '../db/schema.js';
import { generateAlumni, insertAlumni, insertRows, mixSeed, Rng, type WrittenAlumnus } from '../demo/generator.js';
import { isoDay } from '../features/mentors/availability.js';
import { viewerFromProfile } from '../features/mentors/mentors.repository.js';
import { zoneOffsets } from '../features/mentors/time-zones.js';
import { assign } from '../features/programmes/assignment.js';
import { scoreMatrix } from '../features/programmes/match-scores.js';
import { menteesToMatch, mentorsToMatch } from '../features/programmes/suggestions.repository.js';
import { createLogger } from '../http/logger.js';
import { BENCH_ISSUER, BENCH_SECRET, benchDatabase, benchSettings, loadAverage, nodeVersion, writeBenchSection } from './report.js';

/**
 * `npx tsc -b && node packages/server/dist/bench/matching.bench.js` (a script, not a test):
 * programme matching at 2,000 mentees × 500 mentors (BENCH_MATCH_MENTEES, BENCH_MATCH_MENTORS).
 *
 * The people are the demo generator's alumni (profiles and mentors as the search benchmark has
 * them), enrolled in one admin-matched programme. Measured:
 * 1. the parts, in this process: reading the enrolled people (the two statements of
 *    `suggestions.repository.ts`), scoring every pair (`scoreMatrix`, i.e. `matchParts`), and the
 *    exact assignment (`assign`) with caps drawn at random 1–5 (fewer slots than mentees), caps of
 *    1 (much fewer), caps 4–8 (more slots than mentees), and uniform random scores with caps 1–5;
 * 2. the endpoint end to end (`POST /admin/programmes/:id/match-suggestions` through `createApp`),
 *    caps from the mentors' own free slots, on embedded PGlite and on PostgreSQL
 *    (BENCH_DATABASE_URL; skipped when none answers). The target is 5 s.
 * Results go to BENCHMARKS.md between `<!-- bench:matching:start -->` and `<!-- bench:matching:end -->`.
 */

const settings = benchSettings('mentorkit_bench_matching', { warmupS: 0, durationS: 0 });
const MENTEES = Number(process.env['BENCH_MATCH_MENTEES'] ?? 2000);
const MENTORS = Number(process.env['BENCH_MATCH_MENTORS'] ?? 500);
const ROUNDS = Number(process.env['BENCH_ROUNDS'] ?? 3);
const TARGET_MS = 5000;
const NOW = new Date('2026-11-28T09:00:00Z');

const log = (msg: string) => process.stdout.write(`[bench:matching] ${msg}\n`);
const ms = (x: number) => `${Math.round(x).toLocaleString('en')} ms`;

interface Timing { wall: number[]; cpu: number[] }

/** Runs `work` `rounds` times, timing each (wall and this process's CPU). */
async function timed<T>(rounds: number, work: () => T | Promise<T>): Promise<{ result: T; timing: Timing }> {
  const timing: Timing = { wall: [], cpu: [] };
  let result: T | undefined;
  for (let r = 0; r < rounds; r++) {
    const cpu = process.cpuUsage();
    const start = performance.now();
    result = await work();
    timing.wall.push(performance.now() - start);
    const used = process.cpuUsage(cpu);
    timing.cpu.push((used.user + used.system) / 1000);
  }
  return { result: result!, timing };
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor((xs.length - 1) / 2)]!;
const spread = (xs: number[]) => (xs.length > 1 ? `${ms(median(xs))} (${xs.map((x) => Math.round(x)).join(', ')})` : ms(xs[0]!));

/** The generated alumni: exactly MENTORS mentors among MENTEES + MENTORS people. */
function people() {
  const count = MENTEES + MENTORS;
  return generateAlumni(count, settings.seed, { now: NOW, mentorShare: MENTORS / count, subjectPrefix: 'match' });
}

/** Writes the alumni and one admin-matched programme they are all enrolled in; returns its id and the admin. */
async function writeData(db: Kysely<Database>): Promise<{ programmeId: string; written: WrittenAlumnus[] }> {
  const written = await insertAlumni(db, people(), { issuer: BENCH_ISSUER, batchSize: 500 });
  const programme = await db.insertInto('programmes').values({
    slug: 'matching-bench', name: 'Matching benchmark cohort', starts_on: '2027-01-10', ends_on: '2027-06-30', matching: 'admin_matched',
  }).returning('id').executeTakeFirstOrThrow();
  await insertRows(db, 'programme_enrolments', written.map((w) => ({ programme_id: programme.id, user_id: w.id, role: w.mentor ? 'mentor' as const : 'mentee' as const })), 1000);
  await sql`ANALYZE`.execute(db);
  return { programmeId: programme.id, written };
}

interface PartsResult {
  mentees: number;
  mentors: number;
  load: Timing;
  score: Timing;
  cases: { label: string; slots: number; matched: number; total: number; timing: Timing }[];
}

/** The parts of a suggestion, timed one by one on data read from `db`. */
async function measureParts(db: Kysely<Database>, programmeId: string): Promise<PartsResult> {
  const today = isoDay(NOW);
  const offsets = await zoneOffsets(db, NOW);
  const { result: rows, timing: load } = await timed(ROUNDS, async () =>
    ({ mentees: await menteesToMatch(db, programmeId), mentors: await mentorsToMatch(db, programmeId, today) }));
  const viewers = rows.mentees.map((r) => viewerFromProfile(r.id, r, offsets));
  const { result: scores, timing: score } = await timed(ROUNDS, () => scoreMatrix(viewers, rows.mentors, offsets, () => true));
  const n = viewers.length;
  const m = rows.mentors.length;
  const rng = new Rng(mixSeed(settings.seed, 5));
  const capsOf = (min: number, max: number) => Int32Array.from({ length: m }, () => rng.int(min, max));
  const uniform = Int16Array.from({ length: n * m }, () => rng.int(0, 100));
  const cases = [
    { label: 'rubric scores, caps 1–5', scores, caps: capsOf(1, 5) },
    { label: 'rubric scores, caps 1 (tight)', scores, caps: capsOf(1, 1) },
    { label: 'rubric scores, caps 4–8 (room for all)', scores, caps: capsOf(4, 8) },
    { label: 'uniform random scores 0–100, caps 1–5', scores: uniform, caps: capsOf(1, 5) },
  ];
  const out: PartsResult['cases'] = [];
  for (const c of cases) {
    const { result, timing } = await timed(ROUNDS, () => assign({ menteeCount: n, mentorCount: m, scores: c.scores, caps: c.caps }));
    const slots = c.caps.reduce((s, x) => s + x, 0);
    log(`assign, ${c.label}: ${slots} slots, ${result.matched} matched, total ${result.totalScore}: ${spread(timing.wall)} wall, ${spread(timing.cpu)} CPU`);
    out.push({ label: c.label, slots, matched: result.matched, total: result.totalScore, timing });
  }
  log(`load ${spread(load.wall)}, score ${n.toLocaleString('en')} × ${m} pairs ${spread(score.wall)}`);
  return { mentees: n, mentors: m, load, score, cases: out };
}

interface EndToEnd {
  database: string;
  timing: Timing;
  items: number;
  unmatched: number;
  totalScore: number;
  bytes: number;
  slots: number;
}

/** The endpoint through the real app, ROUNDS + 1 times (the first reads the time-zone table too). */
async function measureEndpoint(label: string, handle: DatabaseHandle, programmeId: string): Promise<EndToEnd> {
  const config = loadConfig({ MENTORSHIP_JWT_SECRET: BENCH_SECRET, MENTORSHIP_JWT_ISSUER: BENCH_ISSUER, MENTORSHIP_LOG_LEVEL: 'silent' });
  const app = createApp({ config, db: handle.db, verifier: createVerifier(config), logger: createLogger('silent'), now: () => NOW });
  const { token } = await signToken(BENCH_SECRET, { sub: 'matching-bench-admin', name: 'Bench Admin', roles: ['admin'] }, { issuer: BENCH_ISSUER, expiresInSeconds: 3600 });
  const headers = { authorization: `Bearer ${token}` };
  // Signs the admin in (their first request writes the user).
  await app.request('/api/v1/me', { headers });
  let body = '';
  const { timing } = await timed(ROUNDS + 1, async () => {
    const res = await app.request(`/api/v1/admin/programmes/${programmeId}/match-suggestions`, { method: 'POST', headers });
    body = await res.text();
    if (res.status !== 200) throw new Error(`${res.status}: ${body.slice(0, 500)}`);
  });
  const parsed = JSON.parse(body) as { items: unknown[]; unmatched: unknown[]; totalScore: number };
  const today = isoDay(NOW);
  const slots = (await sql<{ n: number }>`SELECT coalesce(sum(CASE WHEN m.accepting_mentees AND (m.away_until IS NULL OR m.away_until < ${today}::date)
    THEN greatest(m.capacity - m.open_mentorships, 0) ELSE 0 END), 0)::int AS n FROM mentors m`.execute(handle.db)).rows[0]!.n;
  log(`${label}: ${parsed.items.length} pairs, ${parsed.unmatched.length} unmatched, total ${parsed.totalScore}, ${(body.length / 1024).toFixed(0)} KiB: ${timing.wall.map((x) => ms(x)).join(', ')}`);
  return { database: label, timing, items: parsed.items.length, unmatched: parsed.unmatched.length, totalScore: parsed.totalScore, bytes: body.length, slots: Number(slots) };
}

async function postgresAvailable(): Promise<boolean> {
  const client = new pg.Client({ connectionString: settings.adminUrl, connectionTimeoutMillis: 3000 });
  try {
    await client.connect();
    await client.end();
    return true;
  } catch {
    return false;
  }
}

function table(rows: string[][]): string {
  const [head, ...body] = rows;
  return [`| ${head!.join(' | ')} |`, `| ${head!.map(() => '---').join(' | ')} |`, ...body.map((r) => `| ${r.join(' | ')} |`)].join('\n');
}

async function main() {
  const loadStart = loadAverage();
  const startedAt = new Date();
  log(`${MENTEES} mentees × ${MENTORS} mentors, load average ${loadStart}`);

  // Embedded PGlite, as `npm start` runs by default.
  const lite = fromPGlite(await PGlite.create({ parsers: pgliteParsers }));
  let parts: PartsResult;
  const endToEnd: EndToEnd[] = [];
  let pgVersion = '';
  try {
    await migrateToLatest(lite.db);
    const t0 = performance.now();
    const { programmeId } = await writeData(lite.db);
    log(`PGlite: data written in ${ms(performance.now() - t0)}`);
    parts = await measureParts(lite.db, programmeId);
    endToEnd.push(await measureEndpoint('PGlite 0.4 (embedded, same thread)', lite, programmeId));
  } finally {
    await lite.close();
  }

  if (await postgresAvailable()) {
    const { url } = await benchDatabase({ ...settings, reuseDatabase: false }, 'matching');
    const handle = openPostgres(url);
    try {
      await migrateToLatest(handle.db);
      pgVersion = (await sql<{ v: string }>`SELECT version() AS v`.execute(handle.db)).rows[0]!.v.split(',')[0]!;
      const t0 = performance.now();
      const { programmeId } = await writeData(handle.db);
      log(`PostgreSQL: data written in ${ms(performance.now() - t0)}`);
      endToEnd.push(await measureEndpoint(`${pgVersion} (same machine)`, handle, programmeId));
    } finally {
      await handle.close();
      if (settings.dropDatabase) {
        const admin = new pg.Client({ connectionString: settings.adminUrl });
        await admin.connect();
        await admin.query(`DROP DATABASE IF EXISTS ${settings.database} WITH (FORCE)`);
        await admin.end();
      }
    }
  } else {
    log(`no PostgreSQL at ${new URL(settings.adminUrl).host}: the endpoint is measured on PGlite only`);
  }

  const loadEnd = loadAverage();
  const cpu = os.cpus();
  const worst = Math.max(...endToEnd.map((e) => median(e.timing.wall.slice(1))));
  const markdown = `
## Programme matching

\`POST /admin/programmes/:id/match-suggestions\` at ${MENTEES.toLocaleString('en')} enrolled mentees × ${MENTORS} enrolled mentors
(target: ≤ ${TARGET_MS / 1000} s). Command: \`npx tsc -b && node packages/server/dist/bench/matching.bench.js\`
(\`packages/server/src/bench/matching.bench.ts\`; BENCH_MATCH_MENTEES, BENCH_MATCH_MENTORS, BENCH_ROUNDS, BENCH_DATABASE_URL).

- Date: ${startedAt.toISOString().slice(0, 16).replace('T', ' ')} UTC. Machine: ${cpu.length} cores (${cpu[0]?.model ?? 'unknown CPU'}), ${(os.totalmem() / 2 ** 30).toFixed(0)} GiB RAM,
  ${os.type()} ${os.release()}, shared with other jobs: load average (1, 5, 15 min) ${loadStart} at the start, ${loadEnd} at the end.
- ${nodeVersion()}; data: the demo generator's alumni (seed ${settings.seed}), every one enrolled in one admin-matched programme
  (${MENTORS} mentors with their generated capacity, accepting flag and away dates; ${MENTEES.toLocaleString('en')} mentees with their profiles).
- Times are the median of ${ROUNDS} runs (each run in brackets), wall clock; CPU is this process's (user + system).

The parts, in one process on data read from PGlite (${parts.mentees.toLocaleString('en')} × ${parts.mentors} = ${(parts.mentees * parts.mentors).toLocaleString('en')} pairs):

${table([
    ['part', 'wall', 'CPU', 'result'],
    ['read mentees and mentors (two statements)', spread(parts.load.wall), spread(parts.load.cpu), `${parts.mentees.toLocaleString('en')} mentees, ${parts.mentors} mentors`],
    ['score every pair (`scoreMatrix`: `matchScore`)', spread(parts.score.wall), spread(parts.score.cpu), ''],
    ...parts.cases.map((c) => [`assign: ${c.label}`, spread(c.timing.wall), spread(c.timing.cpu), `${c.slots.toLocaleString('en')} slots, ${c.matched.toLocaleString('en')} matched, total score ${c.total.toLocaleString('en')}`]),
  ])}

The endpoint end to end (\`createApp\`, an admin's bearer token; caps from the mentors' own free slots; the first call also
reads the database's time-zone table; next calls: the median of ${ROUNDS}):

${table([
    ['database', 'first call', 'next calls', 'answer'],
    ...endToEnd.map((e) => [e.database, ms(e.timing.wall[0]!), spread(e.timing.wall.slice(1)),
      `${e.items.toLocaleString('en')} pairs (${e.slots.toLocaleString('en')} free slots), ${e.unmatched.toLocaleString('en')} unmatched, total score ${e.totalScore.toLocaleString('en')}, ${(e.bytes / 1024).toFixed(0)} KiB`]),
  ])}

${worst <= TARGET_MS ? `Within the target: ${ms(worst)} at worst (median of the repeated calls).` : `**Over the target**: ${ms(worst)} (median of the repeated calls).`}
The assignment is exact (successive shortest paths with potentials over mentor nodes, \`assignment.ts\`). Its time depends
on the instance, ${ms(Math.min(...parts.cases.map((c) => median(c.timing.cpu))))} to ${ms(Math.max(...parts.cases.map((c) => median(c.timing.cpu))))} of CPU above: each new mentee's search stops at
the first mentor with room it reaches, so it is short while mentors have room and longer once the best ones are full
and earlier mentees must be moved along (uniform random scores put many mentees on the same few best mentors).
`;
  writeBenchSection('matching', markdown);
  log(`written to BENCHMARKS.md (load average ${loadEnd})`);
}

main().catch((err: unknown) => {
  console.error(err);
  process.exitCode = 1;
});
