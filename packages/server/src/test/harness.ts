import { randomUUID } from 'node:crypto';
import { PGlite } from '@electric-sql/pglite';
import pg from 'pg';
import { createApp, type App } from '../app.js';
import { createAuthState, type AuthState } from '../auth/auth.middleware.js';
import { createMentorSearch } from '../features/mentors/mentor-search.js';
import { signToken } from '../auth/verify.js';
import { createVerifier } from '../auth/verify.js';
import { loadConfig, type Config } from '../config.js';
import { fromPGlite, openPostgres, pgliteParsers, type DatabaseHandle } from '../db/connect.js';
import { migrateToLatest } from '../db/migrate.js';
import type { AppDeps } from '../http/env.js';
import { createLogger } from '../http/logger.js';

export type DatabaseKind = 'pglite' | 'postgres';

/** PGlite always; PostgreSQL too when `TEST_DATABASE_URL` is set. Use with `describe.each`. */
export const databaseKinds: DatabaseKind[] = process.env['TEST_DATABASE_URL'] ? ['pglite', 'postgres'] : ['pglite'];

export const TEST_SECRET = 'test-secret-that-is-long-enough-for-hs256-0123456789';

let pgliteTemplate: Promise<File | Blob> | undefined;

/**
 * One migrated PGlite per test process, dumped once; each test database loads that dump, so it
 * starts fresh without paying for the migrations again.
 */
async function pgliteFromTemplate(): Promise<DatabaseHandle> {
  pgliteTemplate ??= (async () => {
    const template = await PGlite.create({ parsers: pgliteParsers });
    await migrateToLatest(fromPGlite(template).db);
    const dump = await template.dumpDataDir('none');
    await template.close();
    return dump;
  })();
  return fromPGlite(await PGlite.create({ loadDataDir: await pgliteTemplate, parsers: pgliteParsers }));
}

/** A fresh PostgreSQL database created for this test run and dropped by `close()`. */
async function postgresDatabase(): Promise<DatabaseHandle> {
  const adminUrl = process.env['TEST_DATABASE_URL']!;
  const name = `mentorkit_test_${randomUUID().replaceAll('-', '').slice(0, 16)}`;
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${name}`);
  await admin.end();
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  const handle = openPostgres(url.toString(), { max: 20 });
  await migrateToLatest(handle.db);
  return {
    ...handle,
    async close() {
      await handle.close();
      const dropper = new pg.Client({ connectionString: adminUrl });
      await dropper.connect();
      await dropper.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await dropper.end();
    },
  };
}

export function createTestDatabase(kind: DatabaseKind): Promise<DatabaseHandle> {
  return kind === 'pglite' ? pgliteFromTemplate() : postgresDatabase();
}

export interface TestClock {
  now: () => Date;
  set(at: Date | string): void;
  advance(ms: number): void;
}

export function createClock(start = '2026-11-28T09:00:00Z'): TestClock {
  let current = new Date(start);
  return {
    now: () => new Date(current),
    set: (at) => { current = new Date(at); },
    advance: (ms) => { current = new Date(current.getTime() + ms); },
  };
}

export interface TestUser {
  sub: string;
  name: string;
  roles?: string[];
  email?: string;
}

export interface TestContext {
  app: App;
  /** What `app` was made with (per-app state such as the search caches is keyed by it). */
  deps: AppDeps;
  /** The app's authentication state, for a realtime server that shares it. */
  auth: AuthState;
  handle: DatabaseHandle;
  config: Config;
  clock: TestClock;
  logs: string[];
  /** A valid bearer token for a person (created on first request). */
  token(user: TestUser): Promise<string>;
  /** `app.request` with JSON body and a bearer token for `as`. */
  call(method: string, path: string, options?: { as?: TestUser; body?: unknown; headers?: Record<string, string> }): Promise<Response>;
  close(): Promise<void>;
}

export async function createTestContext(kind: DatabaseKind, env: Record<string, string> = {}): Promise<TestContext> {
  const handle = await createTestDatabase(kind);
  const config = loadConfig({ MENTORSHIP_JWT_SECRET: TEST_SECRET, MENTORSHIP_CORS_ORIGINS: 'https://portal.example.edu', ...env });
  const clock = createClock();
  const logs: string[] = [];
  const deps: AppDeps = {
    config,
    db: handle.db,
    verifier: createVerifier(config),
    logger: createLogger('info', (line) => logs.push(line)),
    now: clock.now,
    mentorSearch: createMentorSearch({ db: handle.db, cacheSize: config.MENTORSHIP_SEARCH_CACHE_SIZE }),
  };
  const auth = createAuthState(handle.db);
  const app = createApp(deps, { auth });
  const token = async (user: TestUser) =>
    (await signToken(config.MENTORSHIP_JWT_SECRET!, { sub: user.sub, name: user.name, roles: user.roles ?? [], ...(user.email ? { email: user.email } : {}) }, {
      issuer: config.MENTORSHIP_JWT_ISSUER,
      audience: config.MENTORSHIP_JWT_AUDIENCE,
    })).token;
  return {
    app,
    deps,
    auth,
    handle,
    config,
    clock,
    logs,
    token,
    async call(method, path, options = {}) {
      const headers: Record<string, string> = { ...options.headers };
      if (options.as) headers['authorization'] = `Bearer ${await token(options.as)}`;
      if (options.body !== undefined) headers['content-type'] = 'application/json';
      return app.request(path, {
        method,
        headers,
        ...(options.body !== undefined ? { body: typeof options.body === 'string' ? options.body : JSON.stringify(options.body) } : {}),
      });
    },
    close: () => handle.close(),
  };
}

/** Response bodies in tests are checked by assertions, not by the compiler. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export const json = (res: Response): Promise<any> => res.json();
