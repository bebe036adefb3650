import { randomUUID } from 'node:crypto';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createListener } from './listener.js';

const url = process.env['TEST_DATABASE_URL'];

/** Reconnection needs a real server whose backend can be killed: PostgreSQL only. */
describe.skipIf(!url)('LISTEN connection on PostgreSQL', () => {
  const channel = `mk_test_${randomUUID().replaceAll('-', '').slice(0, 12)}`;
  let admin: pg.Client;
  beforeAll(async () => {
    admin = new pg.Client({ connectionString: url });
    await admin.connect();
  });
  afterAll(async () => { await admin?.end(); });

  const until = async (check: () => boolean, ms = 10_000) => {
    const deadline = Date.now() + ms;
    while (!check()) {
      if (Date.now() > deadline) throw new Error('timed out');
      await new Promise((r) => setTimeout(r, 50));
    }
  };

  it('delivers notifications, and again after its backend is terminated', async () => {
    const listener = createListener(url!);
    const got: string[] = [];
    const stop = await listener.listen(channel, (p) => got.push(p));
    await admin.query('SELECT pg_notify($1, $2)', [channel, 'one']);
    await until(() => got.includes('one'));

    const killed = await admin.query(`SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE query ILIKE $1 AND pid <> pg_backend_pid()`, [`LISTEN%${channel}%`]);
    expect(killed.rowCount).toBe(1);
    // Keep notifying until the reconnected listener hears one: the gap itself is lost by design.
    await until(() => {
      void admin.query('SELECT pg_notify($1, $2)', [channel, 'two']);
      return got.includes('two');
    });
    await stop();
    await listener.close();
  });

  it('stops delivering after unsubscribe and close', async () => {
    const listener = createListener(url!);
    const got: string[] = [];
    const stop = await listener.listen(channel, (p) => got.push(p));
    await stop();
    await admin.query('SELECT pg_notify($1, $2)', [channel, 'ignored']);
    await new Promise((r) => setTimeout(r, 300));
    expect(got).toEqual([]);
    await listener.close();
  });
});
