import { sql, type Kysely } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DatabaseHandle } from '../connect.js';
import type { Database } from '../schema.js';
import { createTestDatabase, databaseKinds } from '../../test/harness.js';

const generation = async (db: Kysely<Database>) =>
  BigInt((await sql<{ g: string }>`SELECT coalesce(sum(n), 0)::text AS g FROM search_generation`.execute(db)).rows[0]!.g);

describe.each(databaseKinds)('migration 0007 (search generation) on %s', (kind) => {
  let handle: DatabaseHandle;
  const mentors: string[] = [];
  beforeAll(async () => {
    handle = await createTestDatabase(kind);
    for (const n of [1, 2]) {
      const user = await handle.db.insertInto('users').values({ issuer: 'https://idp.example', subject: `m-0007-${n}`, name: `Mentor ${n}` })
        .returning('id').executeTakeFirstOrThrow();
      await handle.db.insertInto('profiles').values({ user_id: user.id }).execute();
      await handle.db.insertInto('mentors').values({ user_id: user.id, expertise: ['Go'] }).execute();
      mentors.push(user.id);
    }
  }, 180_000);
  afterAll(async () => { await handle?.close(); });

  it('moves on every committed write to mentors, once per transaction, and not on a rollback', async () => {
    const { db } = handle;
    const before = await generation(db);
    await db.updateTable('mentors').set({ capacity: 4 }).where('user_id', '=', mentors[0]!).execute();
    expect(await generation(db)).toBe(before + 1n);
    await db.transaction().execute(async (trx) => {
      await trx.updateTable('mentors').set({ capacity: 5 }).where('user_id', '=', mentors[0]!).execute();
      await trx.updateTable('mentors').set({ capacity: 5 }).where('user_id', '=', mentors[1]!).execute();
    });
    expect(await generation(db)).toBe(before + 2n);
    await expect(db.transaction().execute(async (trx) => {
      await trx.updateTable('mentors').set({ capacity: 6 }).where('user_id', '=', mentors[0]!).execute();
      throw new Error('roll back');
    })).rejects.toThrow('roll back');
    expect(await generation(db)).toBe(before + 2n);
  });

  it('moves when a profile change reaches the mentor row through its trigger', async () => {
    const { db } = handle;
    const before = await generation(db);
    await db.updateTable('profiles').set({ headline: 'Go mentor' }).where('user_id', '=', mentors[0]!).execute();
    expect(await generation(db)).toBeGreaterThan(before);
  });

  it.skipIf(kind !== 'postgres')('never makes one writer wait for another, and others see the change only at commit', async () => {
    const { db } = handle;
    const before = await generation(db);
    let releaseFirst!: () => void;
    const held = new Promise<void>((resolve) => { releaseFirst = resolve; });
    let firstWrote!: () => void;
    const wrote = new Promise<void>((resolve) => { firstWrote = resolve; });
    // The first writer keeps its transaction (and its generation row) open…
    const first = db.transaction().execute(async (trx) => {
      await trx.updateTable('mentors').set({ capacity: 7 }).where('user_id', '=', mentors[0]!).execute();
      firstWrote();
      await held;
    });
    await wrote;
    // …while a second writer, on another connection, must not wait for it.
    await db.transaction().execute(async (trx) => {
      await sql`SET LOCAL lock_timeout = '2s'`.execute(trx);
      await trx.updateTable('mentors').set({ capacity: 7 }).where('user_id', '=', mentors[1]!).execute();
    });
    expect(await generation(db)).toBe(before + 1n);
    releaseFirst();
    await first;
    expect(await generation(db)).toBe(before + 2n);
  });
});
