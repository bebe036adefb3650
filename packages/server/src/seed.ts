import { realpathSync } from 'node:fs';
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { sql, type Kysely } from 'kysely';
import { z } from 'zod';
import { configSchema, EXIT_CONFIG } from './config.js';
import { openDatabase } from './db/connect.js';
import { migrateToLatest } from './db/migrate.js';
import type { Database } from './db/schema.js';
import { generateAlumnus, insertAlumni, insertHistory, type GeneratedAlumnus, type HistoryCounts } from './demo/generator.js';

/**
 * `npm run seed -- --alumni N [--mentors M] [--issuer ISS] [--subject-prefix P] [--seed S] [--append]`
 * (the built file `packages/server/dist/seed.js`): writes N generated alumni, M of them approved
 * mentors, with profiles and a past of requests, mentorships and ratings (the benchmarks'
 * generator), into `DATABASE_URL` or else the embedded database in `MENTORSHIP_DATA_DIR`, as the
 * server opens them. For people sizing a deployment.
 *
 * Each alumnus is the user sign-in would find for a token with `iss` = the issuer (none when the
 * issuer is empty, as in the demo) and `sub` = `<prefix>-<index>`. A database that holds anyone
 * already is left alone unless `--append` is given; then indices continue after the highest
 * `<prefix>-<n>` of that issuer, so nobody is written twice. Everything is written in one
 * transaction: a failure (or Ctrl-C) writes nothing.
 */

export const MAX_ALUMNI = 1_000_000;
export const DEFAULT_PREFIX = 'alumnus';
export const DEFAULT_SEED = 1;
/** The benchmarks' share of mentors when `--mentors` is not given. */
export const DEFAULT_MENTOR_SHARE = 0.2;
/** Longest `iss` or `sub` sign-in accepts (the columns' width). */
const MAX_IDENTITY = 255;

export const USAGE = `Usage: npm run seed -- --alumni N [--mentors M] [--issuer ISS] [--subject-prefix P] [--seed S] [--append]

Writes N generated alumni (M of them mentors; default ${DEFAULT_MENTOR_SHARE * 100} % of N) with profiles and history into
DATABASE_URL, or the embedded database in MENTORSHIP_DATA_DIR (default ./.mentorkit-data) when unset.

  --alumni N          how many alumni, 1 to ${MAX_ALUMNI.toLocaleString('en')} (required)
  --mentors M         how many of them are approved mentors, 0 to N
  --issuer ISS        the token issuer (iss) they sign in with; default MENTORSHIP_JWT_ISSUER,
                      or none (tokens without iss, as in the demo)
  --subject-prefix P  subjects (sub) are P-0 … P-(N-1); default "${DEFAULT_PREFIX}"
  --seed S            the generator's seed, 0 to 4294967295: the same seed, the same people; default ${DEFAULT_SEED}
  --append            write into a database that already holds people (indices continue after
                      the highest existing P-n of the issuer)
  --help              this text`;

export interface SeedOptions {
  alumni: number;
  mentors: number;
  issuer: string;
  subjectPrefix: string;
  seed: number;
  append: boolean;
}

/** A flag the command cannot accept; the message names it. Nothing is written. */
export class SeedUsageError extends Error {
  override name = 'SeedUsageError';
}

/** Exit codes: 2 for bad flags (as shells' own usage errors), 78 for bad configuration (as the server). */
export const EXIT_USAGE = 2;
export const EXIT_REFUSED = 1;

const flags = {
  alumni: { type: 'string' },
  mentors: { type: 'string' },
  issuer: { type: 'string' },
  'subject-prefix': { type: 'string' },
  seed: { type: 'string' },
  append: { type: 'boolean' },
  help: { type: 'boolean', short: 'h' },
} as const;

/**
 * parseArgs reads `--alumni -5` as a flag without its value followed by an unknown `-5`: a value
 * that looks like a negative number is joined to its flag, so the message can say what is wrong
 * with it.
 */
function joinNegativeValues(argv: readonly string[]): string[] {
  const out: string[] = [];
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    const name = arg.startsWith('--') ? arg.slice(2) : undefined;
    const next = argv[i + 1];
    if (name && name in flags && flags[name as keyof typeof flags].type === 'string' && next !== undefined && /^-\d/.test(next)) {
      out.push(`${arg}=${next}`);
      i++;
    } else {
      out.push(arg);
    }
  }
  return out;
}

/** node:util's parse errors as one line naming the flag. */
function usageErrorOf(err: unknown): SeedUsageError {
  const code = (err as { code?: string }).code;
  const message = err instanceof Error ? err.message : String(err);
  const quoted = /'([^']+)'/.exec(message)?.[1] ?? '';
  const flag = quoted.split(' ')[0] ?? quoted;
  switch (code) {
    case 'ERR_PARSE_ARGS_UNKNOWN_OPTION':
      return new SeedUsageError(`unknown flag ${flag}`);
    case 'ERR_PARSE_ARGS_UNEXPECTED_POSITIONAL':
      return new SeedUsageError(`unexpected argument ${JSON.stringify(quoted)}: every value follows its flag (--alumni 1000)`);
    case 'ERR_PARSE_ARGS_INVALID_OPTION_VALUE':
      return /does not take an argument/.test(message)
        ? new SeedUsageError(`${flag} takes no value`)
        : new SeedUsageError(`${flag} needs a value`);
    default:
      return new SeedUsageError(message.split('\n')[0]!);
  }
}

function wholeNumber(flag: string, raw: string, min: number, max: number): number {
  if (!/^\s*-?\d+\s*$/.test(raw) || !Number.isSafeInteger(Number(raw)) || Number(raw) < min || Number(raw) > max) {
    throw new SeedUsageError(`--${flag} must be a whole number from ${min.toLocaleString('en')} to ${max.toLocaleString('en')}, not ${JSON.stringify(raw)}`);
  }
  return Number(raw);
}

// eslint-disable-next-line no-control-regex
const CONTROL = /[\u0000-\u001f\u007f-\u009f]/;

/** The same rules sign-in applies to `iss` and `sub` (auth/verify.ts): otherwise nobody could sign in as them. */
function identity(flag: string, value: string, maxLength: number): string {
  if (value === '') throw new SeedUsageError(`--${flag} must not be empty`);
  if (value.trim() !== value) throw new SeedUsageError(`--${flag} must not start or end with whitespace`);
  if (CONTROL.test(value)) throw new SeedUsageError(`--${flag} must not contain control characters`);
  if (value.length > maxLength) throw new SeedUsageError(`--${flag} must be at most ${maxLength} characters`);
  return value;
}

/** Parses and checks the flags; throws `SeedUsageError` naming the first bad one. `help` is returned as such. */
export function parseSeedArgs(argv: readonly string[], defaults: { issuer: string }): SeedOptions | 'help' {
  let values: { [K in keyof typeof flags]?: (typeof flags)[K]['type'] extends 'boolean' ? boolean : string };
  try {
    ({ values } = parseArgs({ args: joinNegativeValues(argv), options: flags, strict: true, allowPositionals: false }));
  } catch (err) {
    throw usageErrorOf(err);
  }
  if (values.help) return 'help';
  if (values.alumni === undefined) throw new SeedUsageError('--alumni is required (how many alumni to write)');
  const alumni = wholeNumber('alumni', values.alumni, 1, MAX_ALUMNI);
  const mentors = values.mentors === undefined
    ? Math.round(alumni * DEFAULT_MENTOR_SHARE)
    : wholeNumber('mentors', values.mentors, 0, MAX_ALUMNI);
  if (mentors > alumni) {
    throw new SeedUsageError(`--mentors (${mentors.toLocaleString('en')}) cannot exceed --alumni (${alumni.toLocaleString('en')}): mentors are some of the alumni`);
  }
  const issuer = values.issuer === undefined ? defaults.issuer : identity('issuer', values.issuer, MAX_IDENTITY);
  // Room for "-" and the largest index.
  const subjectPrefix = identity('subject-prefix', values['subject-prefix'] ?? DEFAULT_PREFIX, MAX_IDENTITY - 1 - String(2 * MAX_ALUMNI).length);
  const seed = values.seed === undefined ? DEFAULT_SEED : wholeNumber('seed', values.seed, 0, 0xffff_ffff);
  return { alumni, mentors, issuer, subjectPrefix, seed, append: values.append ?? false };
}

/** What the command reads of the environment, with the server's own rules for each variable. */
const seedEnvSchema = z.object({
  DATABASE_URL: configSchema.in.shape.DATABASE_URL,
  MENTORSHIP_DATA_DIR: configSchema.in.shape.MENTORSHIP_DATA_DIR,
  MENTORSHIP_JWT_ISSUER: configSchema.in.shape.MENTORSHIP_JWT_ISSUER,
});

/** The share of mentors as a rule on the position within this run: exactly `mentors` of `alumni`, evenly spread. */
const isMentorAt = (k: number, mentors: number, alumni: number) => Math.floor(((k + 1) * mentors) / alumni) > Math.floor((k * mentors) / alumni);

/** `options.alumni` alumni from index `from`, exactly `options.mentors` of them mentors. */
export function* seedPeople(options: SeedOptions, from: number, now: Date): Generator<GeneratedAlumnus> {
  for (let k = 0; k < options.alumni; k++) {
    const mentor = isMentorAt(k, options.mentors, options.alumni);
    yield generateAlumnus(from + k, options.seed, { now, subjectPrefix: options.subjectPrefix, mentorShare: mentor ? 1 : 0 });
  }
}

/** One more than the highest `n` of the issuer's subjects `<prefix>-<n>`; 0 when there are none. */
export async function nextIndex(db: Kysely<Database>, issuer: string, prefix: string): Promise<number> {
  const head = `${prefix}-`;
  const row = (await sql<{ top: string | null }>`
    SELECT max(substr(subject, ${head.length + 1})::numeric)::text AS top
    FROM users
    WHERE issuer = ${issuer} AND left(subject, ${head.length}) = ${head} AND substr(subject, ${head.length + 1}) ~ '^[0-9]{1,15}$'`
    .execute(db)).rows[0];
  return row?.top == null ? 0 : Number(row.top) + 1;
}

export interface SeedResult {
  from: number;
  alumni: number;
  mentors: number;
  history: HistoryCounts;
  ms: { alumni: number; history: number; analyze: number; total: number };
}

const WRITTEN_TABLES = [
  'users', 'profiles', 'mentor_applications', 'mentors', 'mentorship_requests', 'mentorships', 'conversations', 'feedback',
] as const;

/** Serializes seeds (and their check for people already there) on one database. */
const SEED_LOCK = 0x5eed_a1a1;

/**
 * Writes the people in one transaction, after checking (under an advisory lock) that the database
 * holds nobody, unless `append`. Throws `SeedRefusedError` when it does.
 */
export async function seedDatabase(
  db: Kysely<Database>,
  options: SeedOptions,
  io: { now?: Date; progress?: (line: string) => void } = {},
): Promise<SeedResult> {
  const now = io.now ?? new Date();
  const started = performance.now();
  const result = await db.transaction().execute(async (trx) => {
    await sql`SELECT pg_advisory_xact_lock(${SEED_LOCK})`.execute(trx);
    if (!options.append) {
      const people = (await sql<{ n: string }>`SELECT count(*)::text AS n FROM users`.execute(trx)).rows[0]!.n;
      if (Number(people) > 0) throw new SeedRefusedError(Number(people));
    }
    const from = options.append ? await nextIndex(trx, options.issuer, options.subjectPrefix) : 0;
    let t0 = performance.now();
    const every = Math.max(10_000, Math.ceil(options.alumni / 10));
    let generated = 0;
    const people = function* () {
      for (const person of seedPeople(options, from, now)) {
        if (++generated % every === 0) io.progress?.(`  … ${generated.toLocaleString('en')} of ${options.alumni.toLocaleString('en')} alumni`);
        yield person;
      }
    };
    const written = await insertAlumni(trx, people(), { issuer: options.issuer, batchSize: 1000 });
    const alumniMs = performance.now() - t0;
    t0 = performance.now();
    const history = await insertHistory(trx, written, { now, seed: options.seed });
    return { from, written: written.length, mentors: written.filter((w) => w.mentor).length, history, alumniMs, historyMs: performance.now() - t0 };
  });
  // Fresh statistics for the planner (and the visibility map) of the tables written, as the
  // benchmarks do; only those: the whole database (catalogues too) takes seconds on PGlite.
  const t0 = performance.now();
  await sql`VACUUM (ANALYZE) ${sql.join(WRITTEN_TABLES.map((t) => sql.table(t)))}`.execute(db);
  const analyze = performance.now() - t0;
  return {
    from: result.from,
    alumni: result.written,
    mentors: result.mentors,
    history: result.history,
    ms: { alumni: result.alumniMs, history: result.historyMs, analyze, total: performance.now() - started },
  };
}

export class SeedRefusedError extends Error {
  override name = 'SeedRefusedError';
  constructor(readonly people: number) {
    super(`the database already holds ${people.toLocaleString('en')} ${people === 1 ? 'person' : 'people'}; nothing was written. Add --append to add the generated alumni to them`);
  }
}

/** A connection string without its password, for messages. */
function displayUrl(url: string): string {
  try {
    const u = new URL(url);
    if (u.password) u.password = '***';
    return u.toString();
  } catch {
    return '(DATABASE_URL)';
  }
}

const secs = (ms: number) => `${(ms / 1000).toFixed(1)} s`;
const n = (x: number) => x.toLocaleString('en');

export interface SeedIo {
  env: Record<string, string | undefined>;
  out: (text: string) => void;
  err: (text: string) => void;
  now?: Date;
}

/** The command: parses, opens, migrates, writes, reports. Returns the exit code. */
export async function runSeed(argv: readonly string[], io: SeedIo): Promise<number> {
  const envParsed = seedEnvSchema.safeParse(io.env);
  if (!envParsed.success) {
    io.err(`Invalid configuration:\n${envParsed.error.issues.map((i) => `  ${i.path.join('.')}: ${i.message}`).join('\n')}\n`);
    return EXIT_CONFIG;
  }
  const env = envParsed.data;
  let options: SeedOptions;
  try {
    const parsed = parseSeedArgs(argv, { issuer: env.MENTORSHIP_JWT_ISSUER ?? '' });
    if (parsed === 'help') {
      io.out(`${USAGE}\n`);
      return 0;
    }
    options = parsed;
  } catch (err) {
    if (!(err instanceof SeedUsageError)) throw err;
    io.err(`seed: ${err.message} (npm run seed -- --help)\n`);
    return EXIT_USAGE;
  }

  const target = env.DATABASE_URL ? `PostgreSQL ${displayUrl(env.DATABASE_URL)}` : `the embedded database in ${resolve(env.MENTORSHIP_DATA_DIR)}`;
  const issuerText = options.issuer === '' ? 'no issuer (tokens without iss)' : `issuer ${options.issuer}`;
  io.out(`Seeding ${n(options.alumni)} alumni (${n(options.mentors)} mentors) into ${target}: ${issuerText}, seed ${options.seed}\n`);
  if (env.MENTORSHIP_JWT_ISSUER !== undefined && options.issuer !== env.MENTORSHIP_JWT_ISSUER) {
    io.err(`seed: note: MENTORSHIP_JWT_ISSUER is ${env.MENTORSHIP_JWT_ISSUER}; a server with it accepts only tokens of that issuer, not of ${options.issuer || 'none'}\n`);
  }
  const handle = await openDatabase({ databaseUrl: env.DATABASE_URL, dataDir: env.MENTORSHIP_DATA_DIR });
  try {
    await migrateToLatest(handle.db);
    const result = await seedDatabase(handle.db, options, { now: io.now, progress: (line) => io.out(`${line}\n`) });
    const last = result.from + result.alumni - 1;
    const h = result.history;
    io.out([
      `  alumni: ${n(result.alumni)} users with profiles, ${n(result.mentors)} of them approved mentors   ${secs(result.ms.alumni)}`,
      `  history: ${n(h.requests)} requests, ${n(h.mentorships)} mentorships, ${n(h.conversations)} conversations, ${n(h.feedback)} ratings   ${secs(result.ms.history)}`,
      `  VACUUM (ANALYZE)   ${secs(result.ms.analyze)}`,
      `Wrote ${n(result.alumni)} alumni in ${secs(result.ms.total)}: subjects ${options.subjectPrefix}-${result.from} … ${options.subjectPrefix}-${last}.`,
      `A token with ${options.issuer === '' ? 'no iss' : `iss "${options.issuer}"`} and sub "${options.subjectPrefix}-${result.from}" signs in as the first of them.`,
      '',
    ].join('\n'));
    return 0;
  } catch (err) {
    if (err instanceof SeedRefusedError) {
      io.err(`seed: ${err.message}\n`);
      return EXIT_REFUSED;
    }
    throw err;
  } finally {
    await handle.close();
  }
}

const isMain = (() => {
  try {
    return process.argv[1] !== undefined && realpathSync(process.argv[1]) === realpathSync(fileURLToPath(import.meta.url));
  } catch {
    return false;
  }
})();

if (isMain) {
  runSeed(process.argv.slice(2), {
    env: process.env,
    out: (text) => process.stdout.write(text),
    err: (text) => process.stderr.write(text),
  }).then(
    (code) => { process.exitCode = code; },
    (err: unknown) => {
      process.stderr.write(`seed failed: ${err instanceof Error ? err.stack : String(err)}\n`);
      process.exitCode = 1;
    },
  );
}
