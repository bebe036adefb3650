import { sql, type Kysely } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DatabaseHandle } from '../connect.js';
import type { Database } from '../schema.js';
import { createTestDatabase, databaseKinds } from '../../test/harness.js';

const generation = async (db: Kysely<Database>) =>
  BigInt((await sql<{ g: string }>`SELECT coalesce(sum(n), 0)::text AS g FROM search_generation`.execute(db)).rows[0]!.g);

describe.each(databaseKinds)('migration 0008 (search answers) on %s', (kind) => {
  let handle: DatabaseHandle;
  let mentor: string;
  let mentee: string;
  beforeAll(async () => {
    handle = await createTestDatabase(kind);
    const { db } = handle;
    const person = async (subject: string) => {
      const user = await db.insertInto('users').values({ issuer: 'https://idp.example', subject, name: subject }).returning('id').executeTakeFirstOrThrow();
      await db.insertInto('profiles').values({ user_id: user.id }).execute();
      return user.id;
    };
    mentor = await person('m-0008');
    mentee = await person('e-0008');
    await db.insertInto('mentors').values({ user_id: mentor, expertise: ['Go'] }).execute();
  }, 180_000);
  afterAll(async () => { await handle?.close(); });

  /** Runs `write` and answers by how much the generation moved. */
  const moved = async (write: (db: Kysely<Database>) => Promise<unknown>) => {
    const before = await generation(handle.db);
    await write(handle.db);
    return Number((await generation(handle.db)) - before);
  };

  it('moves when a card’s photo or name changes, not for other user columns or unchanged values', async () => {
    const users = (db: Kysely<Database>) => db.updateTable('users').where('id', '=', mentor);
    expect(await moved((db) => users(db).set({ avatar_url: 'https://img.example/m.png' }).execute())).toBe(1);
    expect(await moved((db) => users(db).set({ avatar_url: 'https://img.example/m.png' }).execute())).toBe(0);
    expect(await moved((db) => users(db).set({ email: 'm@example.edu' }).execute())).toBe(0);
    expect(await moved((db) => users(db).set({ name: 'Mentor 0008' }).execute())).toBeGreaterThan(0);
  });

  it('moves when the viewer’s score inputs change, and not for an update that changes nothing', async () => {
    const profile = (db: Kysely<Database>) => db.updateTable('profiles').where('user_id', '=', mentee);
    expect(await moved((db) => profile(db).set({ skills: ['SQL'] }).execute())).toBe(1);
    expect(await moved((db) => profile(db).set({ goals: 'Learn SQL' }).execute())).toBe(1);
    expect(await moved((db) => profile(db).set({ goals: 'Learn SQL' }).execute())).toBe(0);
  });

  it('moves with every change to a request’s state, and not for a sweep that expires nothing', async () => {
    const { db } = handle;
    let id = '';
    expect(await moved(async () => {
      id = (await db.insertInto('mentorship_requests')
        .values({ mentee_id: mentee, mentor_id: mentor, goals: 'Learn Go', expires_at: '2026-12-12T09:00:00Z' })
        .returning('id').executeTakeFirstOrThrow()).id;
    })).toBe(1);
    const sweep = () => db.updateTable('mentorship_requests').set({ status: 'expired' })
      .where('status', '=', 'pending').where('expires_at', '<', new Date('2026-01-01T00:00:00Z')).execute();
    expect(await moved(sweep)).toBe(0);
    expect(await moved(() => db.updateTable('mentorship_requests').set({ goals: 'Learn Go well' }).where('id', '=', id).execute())).toBe(0);
    expect(await moved(() => db.updateTable('mentorship_requests').set({ status: 'withdrawn' }).where('id', '=', id).execute())).toBe(1);
    expect(await moved(() => db.deleteFrom('mentorship_requests').where('id', '=', id).execute())).toBe(1);
  });

  it('moves when a mentorship starts, changes state or goes, even one that never held a slot', async () => {
    const { db } = handle;
    let id = '';
    expect(await moved(async () => {
      id = (await db.insertInto('mentorships')
        .values({ mentor_id: mentor, mentee_id: mentee, status: 'completed', started_at: '2026-01-01T00:00:00Z', ended_at: '2026-06-01T00:00:00Z' })
        .returning('id').executeTakeFirstOrThrow()).id;
    })).toBe(1);
    expect(await moved(() => db.updateTable('mentorships').set({ ended_at: '2026-06-02T00:00:00Z' }).where('id', '=', id).execute())).toBe(0);
    expect(await moved(() => db.updateTable('mentorships').set({ status: 'cancelled', end_reason: 'Schedules did not fit' }).where('id', '=', id).execute())).toBe(1);
    expect(await moved(() => db.deleteFrom('mentorships').where('id', '=', id).execute())).toBe(1);
  });

  it('moves once for a transaction that changes many of them', async () => {
    expect(await moved((db) => db.transaction().execute(async (trx) => {
      await trx.updateTable('profiles').set({ skills: ['Rust'] }).where('user_id', '=', mentee).execute();
      await trx.updateTable('users').set({ avatar_url: null }).where('id', '=', mentor).execute();
      await trx.updateTable('mentors').set({ capacity: 9 }).where('user_id', '=', mentor).execute();
    }))).toBe(1);
  });
});
