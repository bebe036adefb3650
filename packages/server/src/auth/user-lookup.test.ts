import type { Kysely, KyselyPlugin } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DatabaseHandle } from '../db/connect.js';
import type { Database } from '../db/schema.js';
import { createTestDatabase, databaseKinds } from '../test/harness.js';
import { UserLookup } from './user-lookup.js';

/** One lookup per database handle, as an app has one. */
const perDb = new WeakMap<Kysely<Database>, UserLookup>();
function lookupUser(db: Kysely<Database>, issuer: string, subject: string) {
  let users = perDb.get(db);
  if (!users) perDb.set(db, (users = new UserLookup(db)));
  return users.load(issuer, subject);
}

/** Counts the statements a Kysely instance sends. */
function counting(): KyselyPlugin & { statements: number } {
  const plugin = {
    statements: 0,
    transformQuery(args: Parameters<KyselyPlugin['transformQuery']>[0]) {
      plugin.statements++;
      return args.node;
    },
    transformResult: async (args: Parameters<KyselyPlugin['transformResult']>[0]) => args.result,
  };
  return plugin;
}

describe.each(databaseKinds)('the user lookup of authentication on %s', (kind) => {
  let handle: DatabaseHandle;
  const ids: string[] = [];
  const issuer = 'https://idp.example.edu';
  beforeAll(async () => {
    handle = await createTestDatabase(kind);
    for (const subject of ['ana', 'ben', 'cruz']) {
      ids.push((await handle.db.insertInto('users').values({ issuer, subject, name: subject.toUpperCase() }).returning('id').executeTakeFirstOrThrow()).id);
    }
  }, 180_000);
  afterAll(async () => { await handle?.close(); });

  it('answers the lookups of one turn of the event loop with one statement, each with its own row', async () => {
    const plugin = counting();
    const db = handle.db.withPlugin(plugin);
    const rows = await Promise.all([
      lookupUser(db, issuer, 'ana'), lookupUser(db, issuer, 'nobody'), lookupUser(db, issuer, 'cruz'),
      lookupUser(db, 'https://other.example', 'ana'), lookupUser(db, issuer, 'ben'), lookupUser(db, issuer, 'ana'),
    ]);
    expect(plugin.statements).toBe(1);
    expect(rows.map((r) => r?.id)).toEqual([ids[0], undefined, ids[2], undefined, ids[1], ids[0]]);
    expect(rows[0]).toMatchObject({ name: 'ANA', is_admin: false, deleted_at: null });
    expect(BigInt(rows[0]!.search_generation)).toBeGreaterThanOrEqual(0n);

    // Lookups of a later turn go in a statement of their own, never into one already sent.
    const later = await lookupUser(db, issuer, 'ben');
    expect(later?.id).toBe(ids[1]);
    expect(plugin.statements).toBe(2);
  });

  it('reads the search generation as it is when the batch goes out', async () => {
    const before = BigInt((await lookupUser(handle.db, issuer, 'ana'))!.search_generation);
    await handle.db.updateTable('users').set({ avatar_url: `https://img.example.edu/${Date.now()}.png` }).where('id', '=', ids[1]!).execute();
    const after = BigInt((await lookupUser(handle.db, issuer, 'ana'))!.search_generation);
    expect(after).toBe(before + 1n);
  });

  it('fails only the identity the database refuses, not the others of its batch', async () => {
    const [good, bad, other] = await Promise.allSettled([
      lookupUser(handle.db, issuer, 'ana'), lookupUser(handle.db, issuer, 'nul\u0000byte'), lookupUser(handle.db, issuer, 'ben'),
    ]);
    expect(good).toMatchObject({ status: 'fulfilled', value: { id: ids[0] } });
    expect(bad.status).toBe('rejected');
    expect(other).toMatchObject({ status: 'fulfilled', value: { id: ids[1] } });
  });
});
