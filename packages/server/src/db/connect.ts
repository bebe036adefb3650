import { mkdir } from 'node:fs/promises';
import { PGlite } from '@electric-sql/pglite';
import { Kysely, PostgresDialect } from 'kysely';
import { PGliteDialect } from 'kysely-pglite-dialect';
import pg from 'pg';
import { createListener, type Notify } from './listener.js';
import { preparingPool } from './prepared.js';
import type { Database } from './schema.js';

const OID = { int8: 20, numeric: 1700, date: 1082 } as const;

/**
 * Type parsers for both drivers (pg's and PGlite's). Counts and sums come back as int8/numeric; dates should stay calendar dates (no time zone
 * shift). The same parsing on both drivers keeps repositories driver-agnostic.
 */
export const pgliteParsers = {
  [OID.int8]: (v: string) => Number(v),
  [OID.numeric]: (v: string) => Number(v),
  [OID.date]: (v: string) => v,
} as const;

export type { Notify };

/** A connected database: the Kysely handle plus the LISTEN side of LISTEN/NOTIFY. */
export interface DatabaseHandle {
  db: Kysely<Database>;
  kind: 'pglite' | 'postgres';
  /** Subscribes to a NOTIFY channel (lowercase); returns the unsubscribe function. */
  listen(channel: string, onPayload: Notify): Promise<() => Promise<void>>;
  close(): Promise<void>;
}

export function fromPGlite(pglite: PGlite): DatabaseHandle {
  const db = new Kysely<Database>({ dialect: new PGliteDialect(pglite) });
  return {
    db,
    kind: 'pglite',
    async listen(channel, onPayload) {
      const unlisten = await pglite.listen(channel, onPayload);
      return async () => unlisten();
    },
    close: () => db.destroy(),
  };
}

export async function openPGlite(dataDir: string | undefined): Promise<DatabaseHandle> {
  if (dataDir) await mkdir(dataDir, { recursive: true });
  const pglite = await PGlite.create({ dataDir, parsers: pgliteParsers });
  return fromPGlite(pglite);
}

export function openPostgres(connectionString: string, options: { max?: number } = {}): DatabaseHandle {
  const types = {
    getTypeParser: ((oid: number, format?: 'text' | 'binary') =>
      oid in pgliteParsers ? pgliteParsers[oid as keyof typeof pgliteParsers] : pg.types.getTypeParser(oid, format)) as typeof pg.types.getTypeParser,
  };
  const pool = new pg.Pool({ connectionString, max: options.max ?? 10, types });
  // An idle client that loses its connection must not crash the process; the pool replaces it.
  pool.on('error', () => {});
  // Nor may a checked-out one: pg-pool drops its own listener while a client is lent out, and a
  // connection killed then (pg_terminate_backend, a failover) emits 'error' after failing its
  // query. The query's caller gets the error (a 503); the pool discards the dead client on release.
  pool.on('connect', (client) => {
    client.on('error', () => {});
    // The statements marked PREPARED (`prepared.ts`) are planned once per connection: otherwise
    // PostgreSQL plans them anew with each run's values for as long as a custom plan looks cheaper than
    // the generic one (a custom plan of the cards of a search page takes 1.5–5 ms to plan, ≈ 1 ms to run).
    client.query('SET plan_cache_mode = force_generic_plan').catch(() => {});
  });
  const db = new Kysely<Database>({ dialect: new PostgresDialect({ pool: preparingPool(pool) }) });
  const listener = createListener(connectionString);
  return {
    db,
    kind: 'postgres',
    listen: (channel, onPayload) => listener.listen(channel, onPayload),
    async close() {
      await listener.close();
      await db.destroy();
    },
  };
}

export async function openDatabase(options: { databaseUrl?: string | undefined; dataDir?: string | undefined }): Promise<DatabaseHandle> {
  return options.databaseUrl ? openPostgres(options.databaseUrl) : openPGlite(options.dataDir);
}
