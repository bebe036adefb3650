import { existsSync, readFileSync, writeFileSync } from 'node:fs';
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
    database,
    alumni: num('BENCH_ALUMNI', 100_000),
    mentorShare: num('BENCH_MENTOR_SHARE', 0.2),
    seed: num('BENCH_SEED', 20_261_128),
    concurrency: num('BENCH_CONCURRENCY', 16),
    warmupMs: num('BENCH_WARMUP_S', defaults.warmupS) * 1000,
    durationMs: num('BENCH_DURATION_S', defaults.durationS) * 1000,
    writeConcurrency: num('BENCH_WRITE_CONCURRENCY', 2),
    /** The database stays for inspection (it is recreated on the next run) unless BENCH_DROP_DB=1. */
    dropDatabase: env['BENCH_DROP_DB'] === '1',
  };
}
