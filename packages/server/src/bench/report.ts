import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import pg from 'pg';
import os from 'node:os';
import { fileURLToPath } from 'node:url';

/** The identity provider the benchmarks' generated alumni come from, and the key their tokens are signed with. */
export const BENCH_ISSUER = 'https://alumni.northbridge.example.edu';
export const BENCH_SECRET = 'mentorkit-bench-secret-0123456789-0123456789-abcdef';

export const benchmarksFile = fileURLToPath(new URL('../../../../BENCHMARKS.md', import.meta.url));

/** The load average (1, 5, 15 min), as `uptime` prints it: other jobs may share the machine. */
/** `Node v20.20.2`, with the flags it runs under (the server's own, see package.json `start`). */
export const nodeVersion = () => `Node ${process.version}${process.execArgv.length ? ` (${process.execArgv.join(' ')})` : ''}`;
export const loadAverage = () => os.loadavg().map((x) => x.toFixed(2)).join(', ');

const preamble = '# Benchmarks\n\n`npm run bench` runs the benchmarks and rewrites its own section of this file between\n`<!-- bench:<name>:start -->` and `<!-- bench:<name>:end -->` markers; other benchmarks add their own sections.\nNumbers are from one run on the machine described in each section.\n\n';

/**
 * Replaces the section of BENCHMARKS.md between `<!-- bench:<name>:start -->` and
 * `<!-- bench:<name>:end -->` (appending it the first time), leaving every other section as it is.
 */
export function writeBenchSection(name: string, markdown: string): void {
  const start = `<!-- bench:${name}:start -->`;
  const end = `<!-- bench:${name}:end -->`;
  const block = `${start}\n${markdown.trim()}\n${end}`;
  let text = existsSync(benchmarksFile) ? readFileSync(benchmarksFile, 'utf8') : preamble;
  const a = text.indexOf(start);
  const b = text.indexOf(end);
  text = a >= 0 && b > a ? text.slice(0, a) + block + text.slice(b + end.length) : `${text.trimEnd()}\n\n${block}\n`;
  writeFileSync(benchmarksFile, text);
}

/** The data and load settings every benchmark reads from the environment, with its own defaults. */
export function benchSettings(database: string, defaults: { warmupS: number; durationS: number }) {
  const env = process.env;
  const num = (name: string, fallback: number) => (env[name] ? Number(env[name]) : fallback);
  return {
    adminUrl: env['BENCH_DATABASE_URL'] ?? 'postgres://postgres@127.0.0.1:5432/postgres',
    /** BENCH_DATABASE_PREFIX names the scratch databases apart when several people benchmark on one server. */
    database: `${env['BENCH_DATABASE_PREFIX'] ?? ''}${database}`,
    alumni: num('BENCH_ALUMNI', 100_000),
    mentorShare: num('BENCH_MENTOR_SHARE', 0.2),
    seed: num('BENCH_SEED', 20_261_128),
    concurrency: num('BENCH_CONCURRENCY', 16),
    warmupMs: num('BENCH_WARMUP_S', defaults.warmupS) * 1000,
    durationMs: num('BENCH_DURATION_S', defaults.durationS) * 1000,
    writeConcurrency: num('BENCH_WRITE_CONCURRENCY', 2),
    /** The database stays for inspection (it is recreated on the next run) unless BENCH_DROP_DB=1. */
    dropDatabase: env['BENCH_DROP_DB'] === '1',
    /**
     * BENCH_REUSE_DB=1: keep the database of an earlier run when it holds the same generated data
     * (alumni, mentor share, seed; recorded on the database when written) instead of writing it
     * again (≈ 40 s at 100,000 alumni). For trying changes; the recorded runs write afresh.
     */
    reuseDatabase: env['BENCH_REUSE_DB'] === '1',
  };
}

export type BenchSettings = ReturnType<typeof benchSettings>;

/** What identifies a generated data set, recorded as the database's comment. */
interface DataMark {
  alumni: number;
  mentorShare: number;
  seed: number;
  prefix: string;
  /** The generator's `now`, ISO. */
  now: string;
}

async function admin<T>(settings: BenchSettings, run: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: settings.adminUrl });
  await client.connect();
  try {
    return await run(client);
  } finally {
    await client.end();
  }
}

/**
 * The benchmark's database: with BENCH_REUSE_DB=1 and an earlier run's data of the same settings,
 * that database and the `now` its data was generated with; otherwise a new, empty database.
 */
export async function benchDatabase(settings: BenchSettings, prefix: string): Promise<{ url: string; reused: Date | undefined }> {
  const url = new URL(settings.adminUrl);
  url.pathname = `/${settings.database}`;
  const reused = await admin(settings, async (client) => {
    if (settings.reuseDatabase) {
      const found = await client.query<{ mark: string | null }>(
        `SELECT shobj_description(oid, 'pg_database') AS mark FROM pg_database WHERE datname = $1`, [settings.database]);
      try {
        const mark = JSON.parse(found.rows[0]?.mark ?? 'null') as DataMark | null;
        if (mark && mark.alumni === settings.alumni && mark.mentorShare === settings.mentorShare && mark.seed === settings.seed && mark.prefix === prefix) {
          return new Date(mark.now);
        }
      } catch {
        // not ours: written again below
      }
    }
    await client.query(`DROP DATABASE IF EXISTS ${settings.database} WITH (FORCE)`);
    await client.query(`CREATE DATABASE ${settings.database}`);
    return undefined;
  });
  return { url: url.toString(), reused };
}

/** Records on the database which data it holds, for BENCH_REUSE_DB. */
export async function markBenchDatabase(settings: BenchSettings, prefix: string, now: Date): Promise<void> {
  const mark: DataMark = { alumni: settings.alumni, mentorShare: settings.mentorShare, seed: settings.seed, prefix, now: now.toISOString() };
  await admin(settings, (client) => client.query(`COMMENT ON DATABASE ${settings.database} IS ${pg.escapeLiteral(JSON.stringify(mark))}`));
}
