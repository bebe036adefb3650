import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase } from '../test/harness.js';
import type { DatabaseHandle } from './connect.js';
import { migrateToLatest } from './migrate.js';

/**
 * `migrateToLatest` runs at every start. When exactly the known migrations are applied it returns
 * after reading their names (no schema inspection, no lock); anything else goes to Kysely's
 * migrator as before. The harness's database was migrated by `migrateToLatest` (once, then copied).
 */
describe('migrateToLatest', () => {
  let handle: DatabaseHandle;
  let names: string[];
  const applied = async () =>
    (await sql<{ name: string }>`SELECT name FROM mentorkit_migrations ORDER BY name`.execute(handle.db)).rows.map((r) => r.name);

  beforeAll(async () => {
    handle = await createTestDatabase('pglite');
    names = await applied();
  }, 120_000);
  afterAll(async () => { await handle?.close(); });

  it('on a migrated database finds nothing to do with two reads, and changes nothing', async () => {
    expect(names.length).toBeGreaterThan(5);
    const queries: string[] = [];
    const logged = handle.db.withPlugin({
      transformQuery: (args) => { queries.push(args.node.kind); return args.node; },
      transformResult: async (args) => args.result,
    });
    await migrateToLatest(logged);
    expect(await applied()).toEqual(names);
    // Whether the table exists, and its names.
    expect(queries).toEqual(['RawNode', 'RawNode']);
  });

  it('still refuses a database with a migration this code does not know', async () => {
    await sql`INSERT INTO mentorkit_migrations (name, timestamp) VALUES ('2099_01_01_0001_from_the_future', '2099-01-01T00:00:00Z')`.execute(handle.db);
    await expect(migrateToLatest(handle.db)).rejects.toThrow(/2099_01_01_0001_from_the_future/);
    await sql`DELETE FROM mentorkit_migrations WHERE name = '2099_01_01_0001_from_the_future'`.execute(handle.db);
  });

  it('runs a migration that is missing from the table (the fast path does not skip it)', async () => {
    const last = names.at(-1)!;
    // Forget the last migration's record only: the migrator must run it again (and either
    // record it again or fail on the objects it finds), never return as if all were done.
    await sql`DELETE FROM mentorkit_migrations WHERE name = ${last}`.execute(handle.db);
    const outcome = await migrateToLatest(handle.db).then(() => 'ran', (e: Error) => e.message);
    if (outcome === 'ran') expect(await applied()).toEqual(names);
    else expect(outcome).toContain(last);
  });
});
