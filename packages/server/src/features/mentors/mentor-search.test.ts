/**
 * The search index (`search-index.ts`) is kept per app, and each app's index must follow changes
 * made anywhere: the very next search after a mentor is suspended, unlisted, erased, stops
 * accepting or goes away must not show them where the filter excludes them, on the instance that
 * made the change and on another instance with its own index (PostgreSQL: its own pool; PGlite:
 * the same database, a second app). Every search below repeats one made just before the change,
 * so a stale index (or a stale kept answer) would show the mentor again.
 */
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp, type App } from '../../app.js';
import { createVerifier } from '../../auth/verify.js';
import { openPostgres, type DatabaseHandle } from '../../db/connect.js';
import { createLogger } from '../../http/logger.js';
import { admin, becomeMentor, person } from '../../test/flows.js';
import { createTestContext, databaseKinds, json, type TestContext, type TestUser } from '../../test/harness.js';
import { putProfile } from './mentors.fixtures.js';

interface Card {
  id: string;
  availability: string;
}

describe.each(databaseKinds)('search index on two instances of one database (%s)', (kind) => {
  let t: TestContext;
  let appB: App;
  let second: DatabaseHandle | undefined;
  const viewer = person('idx-viewer', 'Vera Viewer');

  beforeAll(async () => {
    t = await createTestContext(kind);
    if (kind === 'postgres') {
      const { rows } = await sql<{ name: string }>`SELECT current_database() AS name`.execute(t.handle.db);
      const url = new URL(process.env['TEST_DATABASE_URL']!);
      url.pathname = `/${rows[0]!.name}`;
      second = openPostgres(url.toString(), { max: 4 });
    }
    // Its own app, so its own index and caches (createApp makes them).
    appB = createApp({ config: t.config, db: (second ?? t.handle).db, verifier: createVerifier(t.config), logger: createLogger('silent'), now: t.clock.now });
    await putProfile(t, viewer, { skills: ['SQL'], goals: 'I want to learn data engineering and leadership.', industry: 'Technology' });
  });
  afterAll(async () => {
    await second?.close();
    await t?.close();
  });

  const searchOn = async (app: App, query: Record<string, string>, as: TestUser = viewer): Promise<Card[]> => {
    const res = await app.request(`/api/v1/mentors?${new URLSearchParams({ limit: '100', ...query })}`, {
      headers: { authorization: `Bearer ${await t.token(as)}` },
    });
    expect(res.status, await res.clone().text()).toBe(200);
    return (await json(res)).items as Card[];
  };
  /** The default page (by match score), a text search for the name, and both with every availability. */
  const searches = (name: string): Record<string, string>[] => [{}, { sort: 'match' }, { q: name }, { availability: 'all' }, { q: name, availability: 'all' }];
  const shown = async (app: App, id: string, query: Record<string, string>) => (await searchOn(app, query)).find((c) => c.id === id);

  /** A new mentor, seen by both instances in every search (so both have it indexed and answers kept). */
  async function visibleMentor(sub: string, name: string): Promise<{ user: TestUser; id: string }> {
    const user = person(sub, name);
    const id = await becomeMentor(t, user, { capacity: 3 });
    for (const app of [t.app, appB]) {
      for (const query of searches(name.split(' ')[1]!)) expect(await shown(app, id, query), JSON.stringify(query)).toBeDefined();
    }
    return { user, id };
  }

  /** After the change: gone from every search on both instances (asked in turn, B first). */
  async function goneEverywhere(id: string, name: string) {
    for (const app of [appB, t.app]) {
      for (const query of searches(name.split(' ')[1]!)) expect(await shown(app, id, query), JSON.stringify(query)).toBeUndefined();
    }
  }

  it('a suspended mentor is gone from the next search on either instance', async () => {
    const { id } = await visibleMentor('idx-suspended', 'Sam Suspendable');
    const res = await t.call('POST', `/api/v1/admin/mentors/${id}/suspend`, { as: admin, body: { reason: 'Index test' } });
    expect(res.status, await res.clone().text()).toBe(200);
    await goneEverywhere(id, 'Sam Suspendable');
  });

  it('an unlisted mentor (the user row marked deleted) is gone from the next search on either instance', async () => {
    const { id } = await visibleMentor('idx-unlisted', 'Uma Unlistable');
    await t.handle.db.updateTable('users').set({ deleted_at: '2026-11-28T09:00:00Z' }).where('id', '=', id).execute();
    await goneEverywhere(id, 'Uma Unlistable');
  });

  it('an erased mentor is gone from the next search on either instance', async () => {
    const { user, id } = await visibleMentor('idx-erased', 'Eve Erasable');
    const res = await t.call('DELETE', '/api/v1/me', { as: user });
    expect(res.status, await res.clone().text()).toBe(200);
    await goneEverywhere(id, 'Eve Erasable');
  });

  it('a mentor who stops accepting is gone from accepting searches at once, and shown unavailable with every availability', async () => {
    const { user, id } = await visibleMentor('idx-closed', 'Cleo Closable');
    // Through the other instance this time: B changes, A searches first.
    const res = await appB.request('/api/v1/mentors/me', {
      method: 'PATCH',
      headers: { authorization: `Bearer ${await t.token(user)}`, 'content-type': 'application/json' },
      body: JSON.stringify({ acceptingMentees: false }),
    });
    expect(res.status, await res.clone().text()).toBe(200);
    for (const app of [t.app, appB]) {
      for (const query of [{}, { sort: 'match' }, { q: 'Closable' }, { availability: 'available' }] as Record<string, string>[]) {
        expect(await shown(app, id, query), JSON.stringify(query)).toBeUndefined();
      }
      expect((await shown(app, id, { q: 'Closable', availability: 'all' }))?.availability).toBe('unavailable');
    }
  });

  it('a mentor away until after today is gone from accepting searches at once; back when the date is cleared', async () => {
    const { user, id } = await visibleMentor('idx-away', 'Avi Awayable');
    const patch = async (body: unknown) => {
      const res = await t.call('PATCH', '/api/v1/mentors/me', { as: user, body });
      expect(res.status, await res.clone().text()).toBe(200);
    };
    await patch({ awayUntil: '2026-12-31' });
    for (const app of [appB, t.app]) expect(await shown(app, id, { sort: 'match' })).toBeUndefined();
    await patch({ awayUntil: null });
    for (const app of [appB, t.app]) expect(await shown(app, id, { sort: 'match' })).toBeDefined();
  });

  it('a new mentor and a changed expertise are searchable at once on the other instance', async () => {
    const { user, id } = await visibleMentor('idx-new', 'Nia Newcomer');
    expect(await shown(appB, id, { expertise: 'Kubernetes' })).toBeUndefined();
    await t.call('PATCH', '/api/v1/mentors/me', { as: user, body: { expertise: ['Kubernetes', 'SQL'] } });
    expect(await shown(appB, id, { expertise: 'Kubernetes' })).toBeDefined();
    expect(await shown(appB, id, { expertise: 'Leadership' })).toBeUndefined();
  });

  // PGlite runs one transaction at a time: the interleaving needs PostgreSQL.
  it.runIf(kind === 'postgres')('sees a change whose transaction started before another but committed after the index read the other', async () => {
    const first = await visibleMentor('idx-slow', 'Sol Slowcommit');
    const other = await visibleMentor('idx-fast', 'Fay Fastcommit');
    let release!: () => void;
    const held = new Promise<void>((resolve) => (release = resolve));
    let updated!: () => void;
    const didUpdate = new Promise<void>((resolve) => (updated = resolve));
    const slow = t.handle.db.transaction().execute(async (trx) => {
      await trx.updateTable('mentors').set({ accepting_mentees: false }).where('user_id', '=', first.id).execute();
      updated();
      await held;
    });
    await didUpdate;
    // A later transaction commits first, and B's index reads it while the slow one is still open.
    await t.handle.db.updateTable('mentors').set({ capacity: 4 }).where('user_id', '=', other.id).execute();
    expect(await shown(appB, first.id, { sort: 'match' })).toBeDefined();
    release();
    await slow;
    expect(await shown(appB, first.id, { sort: 'match' })).toBeUndefined();
    expect(await shown(t.app, first.id, { sort: 'match' })).toBeUndefined();
  });
});
