import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DatabaseHandle } from '../connect.js';
import { createTestDatabase, databaseKinds } from '../../test/harness.js';

describe.each(databaseKinds)('migration 0006 on %s', (kind) => {
  let handle: DatabaseHandle;
  beforeAll(async () => { handle = await createTestDatabase(kind); }, 180_000);
  afterAll(async () => { await handle?.close(); });

  it('every foreign key to users leads some index, so erasing a user never scans a whole table', async () => {
    const unindexed = await sql<{ fk: string }>`
      SELECT c.conrelid::regclass::text || '.' || a.attname AS fk
      FROM pg_constraint c JOIN pg_attribute a ON a.attrelid = c.conrelid AND a.attnum = c.conkey[1]
      WHERE c.contype = 'f' AND c.confrelid = 'users'::regclass
        AND NOT EXISTS (SELECT 1 FROM pg_index i WHERE i.indrelid = c.conrelid AND i.indkey[0] = c.conkey[1])
      ORDER BY 1`.execute(handle.db);
    expect(unindexed.rows).toEqual([]);
  });

  it('fills the search document and profile copies in the BEFORE trigger, expertise de-duplicated', async () => {
    const { db } = handle;
    const user = await db.insertInto('users').values({ issuer: 'https://idp.example', subject: 'm-0006', name: 'Ada Quispe' })
      .returning('id').executeTakeFirstOrThrow();
    await db.insertInto('profiles').values({ user_id: user.id, headline: 'Bridge engineer', industry: 'Construction', languages: ['English', 'Quechua'] }).execute();
    await db.insertInto('mentors').values({ user_id: user.id, expertise: ['Structural Design', 'Go', 'structural design'], mentoring_bio: 'Site visits' }).execute();
    const read = () => db.selectFrom('mentors')
      .select(['expertise', 'expertise_keys', 'industry_key', 'language_keys', 'listed', sql<string>`search_vector::text`.as('doc')])
      .where('user_id', '=', user.id).executeTakeFirstOrThrow();
    const row = await read();
    expect(row).toMatchObject({
      expertise: ['Structural Design', 'Go'], expertise_keys: ['structural design', 'go'], industry_key: 'construction',
      language_keys: ['english', 'quechua'], listed: true,
    });
    expect(row.doc).toContain("'ada'");
    expect(row.doc).toContain("'bridg'");
    expect(row.doc).toContain("'site'");
    // The same document as the 0004 recipe computes for the stored row.
    const doc = await sql<{ same: boolean }>`SELECT search_vector = mentor_search_document(user_id) AS same FROM mentors WHERE user_id = ${user.id}`.execute(db);
    expect(doc.rows[0]!.same).toBe(true);
    await db.updateTable('mentors').set({ mentoring_bio: 'Weekly calls' }).where('user_id', '=', user.id).execute();
    expect((await read()).doc).toContain("'week'");
  });
});
