import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DatabaseHandle } from './connect.js';
import { PREPARED } from './prepared.js';
import { createTestDatabase, databaseKinds } from '../test/harness.js';

describe.each(databaseKinds)('prepared statements on %s', (kind) => {
  let handle: DatabaseHandle;
  beforeAll(async () => { handle = await createTestDatabase(kind); }, 180_000);
  afterAll(async () => { await handle?.close(); });

  it('runs a marked statement with its values, again and again', async () => {
    for (const n of [1, 2, 3]) {
      const { rows } = await sql<{ doubled: number }>`${PREPARED} SELECT ${n}::int * 2 AS doubled`.execute(handle.db);
      expect(rows).toEqual([{ doubled: n * 2 }]);
    }
  });

  it.skipIf(kind !== 'postgres')('prepares marked statements once per connection, and nothing else', async () => {
    // One connection for all three statements, so its prepared statements can be read.
    await handle.db.connection().execute(async (db) => {
      await sql`${PREPARED} SELECT 'marked' AS kind, ${1}::int AS n`.execute(db);
      await sql`SELECT 'plain' AS kind, ${1}::int AS n`.execute(db);
      const { rows } = await sql<{ statement: string }>`SELECT statement FROM pg_prepared_statements`.execute(db);
      const statements = rows.map((r) => r.statement);
      expect(statements.some((s) => s.includes("'marked'"))).toBe(true);
      expect(statements.some((s) => s.includes("'plain'"))).toBe(false);
    });
  });
});
