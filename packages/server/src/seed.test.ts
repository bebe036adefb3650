import { randomUUID } from 'node:crypto';
import { existsSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sql } from 'kysely';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp } from './app.js';
import { createVerifier, signToken } from './auth/verify.js';
import { loadConfig } from './config.js';
import { openDatabase, type DatabaseHandle } from './db/connect.js';
import { userIdFor } from './demo/generator.js';
import { createLogger } from './http/logger.js';
import { DEFAULT_PREFIX, EXIT_REFUSED, EXIT_USAGE, parseSeedArgs, runSeed, seedPeople, SeedUsageError, type SeedOptions } from './seed.js';
import { databaseKinds, json, TEST_SECRET, type DatabaseKind } from './test/harness.js';

const ISSUER = 'https://alumni.seed-test.example.edu';
const NOW = new Date('2026-11-28T09:00:00Z');

function capture() {
  const out: string[] = [];
  const err: string[] = [];
  return { out, err, io: { out: (t: string) => void out.push(t), err: (t: string) => void err.push(t), now: NOW } };
}

describe('seed flags', () => {
  const defaults = { issuer: '' };

  it.each([
    [['--alumni', '-5'], '--alumni'],
    [['--alumni=-5'], '--alumni'],
    [['--alumni', '0'], '--alumni'],
    [['--alumni', '1.5'], '--alumni'],
    [['--alumni', 'many'], '--alumni'],
    [['--alumni', '2000000'], '--alumni'],
    [['--alumni'], '--alumni'],
    [[], '--alumni'],
    [['--mentors', '10', '--alumni', '5'], '--mentors'],
    [['--alumni', '5', '--mentors', '-1'], '--mentors'],
    [['--alumni', '5', '--bogus'], '--bogus'],
    [['--alumni', '5', '-x'], '-x'],
    [['--alumni', '5', '--append=yes'], '--append'],
    [['--alumni', '5', '--seed', '-1'], '--seed'],
    [['--alumni', '5', '--seed', '4294967296'], '--seed'],
    [['--alumni', '5', '--issuer', ''], '--issuer'],
    [['--alumni', '5', '--issuer', ' https://idp.example.edu'], '--issuer'],
    [['--alumni', '5', '--subject-prefix', ''], '--subject-prefix'],
    [['--alumni', '5', '--subject-prefix', 'a\u0001b'], '--subject-prefix'],
    [['--alumni', '5', '--subject-prefix', 'x'.repeat(300)], '--subject-prefix'],
  ])('%j is refused with a message naming %s', (argv, flag) => {
    let error: unknown;
    try {
      parseSeedArgs(argv, defaults);
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(SeedUsageError);
    expect((error as Error).message).toContain(flag);
    expect((error as Error).message).not.toContain('\n');
  });

  it('"5 extra" is refused: values follow their flags', () => {
    expect(() => parseSeedArgs(['--alumni', '5', 'extra'], defaults)).toThrow(/unexpected argument "extra"/);
  });

  it('defaults: a fifth of the alumni are mentors, prefix "alumnus", seed 1, the configured issuer', () => {
    expect(parseSeedArgs(['--alumni', '1000'], { issuer: 'https://idp.example.edu' })).toEqual({
      alumni: 1000, mentors: 200, issuer: 'https://idp.example.edu', subjectPrefix: DEFAULT_PREFIX, seed: 1, append: false,
    });
    expect(parseSeedArgs(['--alumni', '5', '--mentors', '5', '--issuer', ISSUER, '--subject-prefix', 'p', '--seed', '0', '--append'], defaults)).toEqual({
      alumni: 5, mentors: 5, issuer: ISSUER, subjectPrefix: 'p', seed: 0, append: true,
    });
    expect(parseSeedArgs(['--help'], defaults)).toBe('help');
  });

  it.each([[7, 3, 0], [50, 10, 0], [10, 0, 0], [10, 10, 0], [1, 1, 0], [997, 331, 12_345]])(
    '%i alumni with %i mentors (from index %i): exactly that many mentors, subjects <prefix>-<index>',
    (alumni, mentors, from) => {
      const options: SeedOptions = { alumni, mentors, issuer: ISSUER, subjectPrefix: 'p', seed: 3, append: from > 0 };
      const people = [...seedPeople(options, from, NOW)];
      expect(people).toHaveLength(alumni);
      expect(people.filter((p) => p.mentor !== null)).toHaveLength(mentors);
      expect(people.map((p) => p.subject)).toEqual(Array.from({ length: alumni }, (_, i) => `p-${from + i}`));
    },
  );

  it.each([
    [['--alumni', '-5']],
    [['--mentors', '10', '--alumni', '5']],
    [['--alumni', '5', '--unknown-flag', '1']],
  ])('runSeed %j exits 2 with one line naming the flag and creates no database', async (argv) => {
    const dir = join(tmpdir(), `mentorkit-seed-never-${randomUUID()}`);
    const c = capture();
    expect(await runSeed(argv, { ...c.io, env: { MENTORSHIP_DATA_DIR: dir } })).toBe(EXIT_USAGE);
    expect(c.out).toEqual([]);
    expect(c.err).toHaveLength(1);
    expect(c.err[0]!.trimEnd()).not.toContain('\n');
    expect(c.err[0]).toMatch(argv.includes('--unknown-flag') ? /--unknown-flag/ : argv[0] === '--mentors' ? /--mentors/ : /--alumni/);
    expect(existsSync(dir)).toBe(false);
  });

  it('a bad DATABASE_URL stops it as it stops the server (exit 78), before anything is opened', async () => {
    const c = capture();
    expect(await runSeed(['--alumni', '5'], { ...c.io, env: { DATABASE_URL: 'mysql://nope' } })).toBe(78);
    expect(c.err.join('')).toMatch(/DATABASE_URL/);
  });
});

interface Target {
  env: Record<string, string>;
  open(): Promise<DatabaseHandle>;
  drop(): Promise<void>;
}

/** An empty database of the kind: a PGlite data directory, or a PostgreSQL database (TEST_DATABASE_URL). */
async function emptyTarget(kind: DatabaseKind): Promise<Target> {
  if (kind === 'pglite') {
    const dir = await mkdtemp(join(tmpdir(), 'mentorkit-seed-'));
    const dataDir = join(dir, 'data');
    return {
      env: { MENTORSHIP_DATA_DIR: dataDir },
      open: () => openDatabase({ dataDir }),
      drop: () => rm(dir, { recursive: true, force: true }),
    };
  }
  const adminUrl = process.env['TEST_DATABASE_URL']!;
  const name = `mentorkit_seed_${randomUUID().replaceAll('-', '').slice(0, 16)}`;
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${name}`);
  await admin.end();
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  return {
    env: { DATABASE_URL: url.toString() },
    open: () => openDatabase({ databaseUrl: url.toString() }),
    async drop() {
      const dropper = new pg.Client({ connectionString: adminUrl });
      await dropper.connect();
      await dropper.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await dropper.end();
    },
  };
}

const count = async (handle: DatabaseHandle, table: 'users' | 'profiles' | 'mentors' | 'mentorship_requests') =>
  Number((await sql<{ n: string }>`SELECT count(*)::text AS n FROM ${sql.table(table)}`.execute(handle.db)).rows[0]!.n);

describe.each(databaseKinds)('npm run seed on %s', (kind) => {
  let target: Target;
  let first: ReturnType<typeof capture>;
  let code: number;
  /** Open between runs of the command (PGlite's directory takes one instance at a time). */
  let handle: DatabaseHandle | undefined;
  const db = () => handle!;
  const reopen = async () => { handle = await target.open(); };
  const close = async () => { await handle?.close(); handle = undefined; };

  beforeAll(async () => {
    target = await emptyTarget(kind);
    first = capture();
    code = await runSeed(['--alumni', '50', '--mentors', '10', '--issuer', ISSUER], { ...first.io, env: target.env });
    await reopen();
  }, 120_000);
  afterAll(async () => {
    await close();
    await target?.drop();
  });

  it('writes 50 alumni with profiles, 10 of them mentors, with history, and says so', async () => {
    expect(code).toBe(0);
    const text = first.out.join('');
    expect(text).toMatch(/Seeding 50 alumni \(10 mentors\)/);
    expect(text).toMatch(/Wrote 50 alumni in \d+\.\d s: subjects alumnus-0 … alumnus-49/);
    expect(await count(db(), 'users')).toBe(50);
    expect(await count(db(), 'profiles')).toBe(50);
    expect(await count(db(), 'mentors')).toBe(10);
    expect(await count(db(), 'mentorship_requests')).toBeGreaterThan(0);
    const subjects = (await db().db.selectFrom('users').select('subject').where('issuer', '=', ISSUER).execute()).map((r) => r.subject);
    expect(subjects.sort()).toEqual(Array.from({ length: 50 }, (_, i) => `alumnus-${i}`).sort());
  });

  it('a token with iss = the issuer and sub = alumnus-7 signs in as that alumnus, with their profile', async () => {
    const stored = await db().db.selectFrom('users').innerJoin('profiles', 'profiles.user_id', 'users.id')
      .select(['users.id', 'users.name', 'profiles.headline', 'profiles.skills', 'profiles.programme'])
      .where('users.issuer', '=', ISSUER).where('users.subject', '=', 'alumnus-7').executeTakeFirstOrThrow();
    expect(stored.id).toBe(userIdFor(ISSUER, 'alumnus-7'));
    expect(stored.headline).not.toBe('');

    const config = loadConfig({ MENTORSHIP_JWT_SECRET: TEST_SECRET, MENTORSHIP_JWT_ISSUER: ISSUER, MENTORSHIP_LOG_LEVEL: 'silent' });
    const app = createApp({ config, db: db().db, verifier: createVerifier(config), logger: createLogger('silent'), now: () => new Date() });
    const { token } = await signToken(TEST_SECRET, { sub: 'alumnus-7' }, { issuer: ISSUER });
    const res = await app.request('/api/v1/me', { headers: { authorization: `Bearer ${token}` } });
    expect(res.status).toBe(200);
    const me = await json(res);
    expect(me.user.id).toBe(stored.id);
    expect(me.user.name).toBe(stored.name);
    expect(me.profile.headline).toBe(stored.headline);
    expect(me.profile.skills).toEqual(stored.skills);
    expect(me.profile.programme).toBe(stored.programme);
    // Still 50 people: sign-in found the generated alumnus instead of creating someone.
    expect(await count(db(), 'users')).toBe(50);
  });

  it('refuses to write into a database that holds people without --append, and writes nothing', async () => {
    await close();
    const c = capture();
    expect(await runSeed(['--alumni', '5', '--issuer', ISSUER, '--subject-prefix', 'other'], { ...c.io, env: target.env })).toBe(EXIT_REFUSED);
    expect(c.err.join('')).toMatch(/already holds 50 people; nothing was written\. Add --append/);
    await reopen();
    expect(await count(db(), 'users')).toBe(50);
  });

  // On a database of its own: the other tests read the first run's 50 people, whatever the order.
  it('--append continues after the highest <prefix>-n of the issuer: nobody is written twice', async () => {
    const own = await emptyTarget(kind);
    try {
      expect(await runSeed(['--alumni', '50', '--mentors', '10', '--issuer', ISSUER], { ...capture().io, env: own.env })).toBe(0);
      const c = capture();
      expect(await runSeed(['--alumni', '5', '--mentors', '1', '--issuer', ISSUER, '--seed', '2', '--append'], { ...c.io, env: own.env })).toBe(0);
      expect(c.out.join('')).toMatch(/subjects alumnus-50 … alumnus-54/);
      // Another prefix starts at 0.
      expect(await runSeed(['--alumni', '3', '--mentors', '0', '--issuer', ISSUER, '--subject-prefix', 'extra', '--append'], { ...capture().io, env: own.env })).toBe(0);
      const appended = await own.open();
      try {
        expect(await count(appended, 'users')).toBe(58);
        expect(await count(appended, 'mentors')).toBe(11);
        const subjects = (await appended.db.selectFrom('users').select('subject').where('issuer', '=', ISSUER).where('subject', 'in', ['alumnus-54', 'alumnus-55', 'extra-0', 'extra-2', 'extra-3']).execute())
          .map((r) => r.subject).sort();
        expect(subjects).toEqual(['alumnus-54', 'extra-0', 'extra-2']);
      } finally {
        await appended.close();
      }
    } finally {
      await own.drop();
    }
  }, 240_000);
});
