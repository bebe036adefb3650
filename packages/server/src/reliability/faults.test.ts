import { randomUUID } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Kysely, PostgresDialect, sql } from 'kysely';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openPGlite } from '../db/connect.js';
import type { Database } from '../db/schema.js';
import { newPair, type Pair } from '../features/lifecycle/workspace.fixtures.js';
import { createTestContext, type TestContext } from '../test/harness.js';
import { HttpApi, pairOverHttp, startChild, type ChildServer } from './child-server.js';
import { errorFormatProblem } from './fuzz.fixtures.js';
import { invariantViolations } from './invariants.js';

/**
 * Faults: PostgreSQL connections killed under load, the server process killed and restarted
 * under load, the embedded database's process killed with SIGKILL. The writes are milestones
 * (one transaction: the row, its audit row, its events); a write counts as acknowledged when its
 * 201 has arrived. Faults are triggered by the number of acknowledged writes, never by a timer,
 * so the runs do not depend on the machine's speed.
 */

const PG = process.env['TEST_DATABASE_URL'];
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** Polls until `ready()` or fails after `timeoutMs`. */
async function waitFor(what: string, ready: () => boolean | Promise<boolean>, timeoutMs = 60_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await ready())) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await sleep(10);
  }
}

/** Closed-loop writers that keep sending until stopped, remembering every acknowledged id. */
class WriteLoad {
  readonly acked: string[] = [];
  readonly statuses: Record<string, number> = {};
  readonly badAnswers: string[] = [];
  /** When each acknowledged write was sent and answered, to measure recovery after a fault. */
  readonly ackTimes: { sent: number; at: number }[] = [];
  networkErrors = 0;
  private stopped = false;
  private readonly loops: Promise<void>[] = [];

  constructor(writers: number, private readonly send: (writer: number, n: number) => Promise<Response>, private readonly allowed: Set<number>) {
    for (let w = 0; w < writers; w++) this.loops.push(this.loop(w));
  }

  private async loop(writer: number): Promise<void> {
    for (let n = 0; !this.stopped; n++) {
      let res: Response;
      const sent = Date.now();
      try {
        res = await this.send(writer, n);
      } catch {
        // The server is gone (killed or restarting): not acknowledged; try again shortly.
        this.networkErrors++;
        await sleep(50);
        continue;
      }
      const text = await res.text();
      this.statuses[res.status] = (this.statuses[res.status] ?? 0) + 1;
      if (res.status === 201) {
        this.acked.push((JSON.parse(text) as { id: string }).id);
        this.ackTimes.push({ sent, at: Date.now() });
      } else if (res.status >= 400) {
        const problem = errorFormatProblem(res.status, text);
        if (problem || !this.allowed.has(res.status)) this.badAnswers.push(problem ?? `${res.status}: ${text.slice(0, 200)}`);
      }
    }
  }

  /** Ms from `since` to the first acknowledgment of a write sent after it, once there is one. */
  recoveredAfter(since: number): number | undefined {
    const after = this.ackTimes.filter((a) => a.sent >= since).map((a) => a.at);
    return after.length ? Math.min(...after) - since : undefined;
  }

  async stop(): Promise<void> {
    this.stopped = true;
    await Promise.all(this.loops);
  }
}

/** Milestones of these mentorships without their audit row, or audit rows without their milestone: half-written state. */
async function halfWritten(db: Kysely<Database>, mentorshipIds: string[]) {
  const { rows } = await sql<{ id: string; problem: string }>`
    SELECT m.id, 'milestone without audit' AS problem FROM milestones m
    WHERE m.mentorship_id = ANY(${mentorshipIds}::uuid[])
      AND NOT EXISTS (SELECT 1 FROM audit_log a WHERE a.entity_type = 'milestone' AND a.entity_id = m.id AND a.action = 'milestone.created')
    UNION ALL
    SELECT a.entity_id, 'audit without milestone' FROM audit_log a
    WHERE a.action = 'milestone.created' AND (a.details->>'mentorshipId')::uuid = ANY(${mentorshipIds}::uuid[])
      AND NOT EXISTS (SELECT 1 FROM milestones m WHERE m.id = a.entity_id)`.execute(db);
  return rows;
}

async function missingAcked(db: Kysely<Database>, acked: string[]): Promise<string[]> {
  const found = new Set((await db.selectFrom('milestones').select('id').where('id', 'in', acked).execute()).map((r) => r.id));
  return acked.filter((id) => !found.has(id));
}

const milestone = (n: number) => ({ title: `Milestone ${n}`, description: 'Written under faults' });

describe.skipIf(!PG)('PostgreSQL connections killed (pg_terminate_backend)', () => {
  let t: TestContext;
  let pairs: Pair[];
  let admin: pg.Client;
  let dbName: string;
  const terminateAll = async (extra = '') =>
    (await admin.query(`SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = $1 AND pid <> pg_backend_pid() ${extra}`, [dbName])).rowCount ?? 0;

  beforeAll(async () => {
    t = await createTestContext('postgres');
    pairs = [await newPair(t, 'fault'), await newPair(t, 'fault'), await newPair(t, 'fault')];
    dbName = (await sql<{ n: string }>`SELECT current_database() AS n`.execute(t.handle.db)).rows[0]!.n;
    admin = new pg.Client({ connectionString: PG });
    await admin.connect();
  }, 180_000);
  afterAll(async () => {
    await admin?.end();
    await t?.close();
  });

  it('answers 503 `unavailable` to the request whose connection dies mid-transaction, writes nothing, and recovers', async () => {
    const pair = pairs[0]!;
    const before = await t.handle.db.selectFrom('milestones').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
    // A lock makes the write wait inside its transaction, so its backend is provably busy when killed.
    const url = new URL(PG!);
    url.pathname = `/${dbName}`;
    const locker = new pg.Client({ connectionString: url.toString() });
    await locker.connect();
    await locker.query('BEGIN');
    await locker.query('LOCK TABLE milestones IN ACCESS EXCLUSIVE MODE');
    const answer = t.call('POST', `/api/v1/mentorships/${pair.mentorshipId}/milestones`, { as: pair.mentor, body: milestone(0) });
    let killed = 0;
    await waitFor('the write to wait for the lock', async () => {
      killed = await terminateAll(`AND wait_event_type = 'Lock' AND pid <> ${(locker as unknown as { processID: number }).processID}`);
      return killed > 0;
    }, 30_000);
    await locker.query('ROLLBACK');
    await locker.end();
    const res = await answer;
    const text = await res.text();
    expect(res.status, text).toBe(503);
    expect(errorFormatProblem(503, text)).toBeUndefined();
    expect(JSON.parse(text).error.code).toBe('unavailable');
    const after = await t.handle.db.selectFrom('milestones').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
    expect(after.n).toBe(before.n);

    const killedAt = Date.now();
    await waitFor('a write to succeed again', async () => {
      const retry = await t.call('POST', `/api/v1/mentorships/${pair.mentorshipId}/milestones`, { as: pair.mentor, body: milestone(1) });
      return retry.status === 201;
    }, 10_000);
    expect(Date.now() - killedAt).toBeLessThan(5_000);
  }, 60_000);

  it('answers only 2xx or a clean 503 while every connection is killed four times under load; loses no acknowledged write; leaves nothing half-written', async () => {
    const load = new WriteLoad(6, (w, n) => {
      const pair = pairs[w % pairs.length]!;
      return n % 3 === 2
        ? t.call('GET', `/api/v1/mentorships/${pair.mentorshipId}/progress`, { as: pair.mentee })
        : t.call('POST', `/api/v1/mentorships/${pair.mentorshipId}/milestones`, { as: pair.mentor, body: milestone(n) });
    }, new Set([503]));
    const recoveries: number[] = [];
    let killedBackends = 0;
    try {
      for (let k = 1; k <= 4; k++) {
        await waitFor(`${25 * k} acknowledged writes`, () => load.acked.length >= 25 * k);
        const at = Date.now();
        killedBackends += await terminateAll();
        await waitFor('a write sent after the kill to be acknowledged', () => load.recoveredAfter(at) !== undefined);
        recoveries.push(load.recoveredAfter(at)!);
      }
    } finally {
      await load.stop();
    }
    if (process.env['RELIABILITY_VERBOSE']) {
      console.info(`kills: 4, backends killed ${killedBackends}, statuses ${JSON.stringify(load.statuses)}, recovery ms ${recoveries.join(', ')}, acknowledged ${load.acked.length}`);
    }
    expect(killedBackends).toBeGreaterThan(0);
    expect(load.badAnswers).toEqual([]);
    expect(Object.keys(load.statuses).filter((s) => !['200', '201', '503'].includes(s)), JSON.stringify(load.statuses)).toEqual([]);
    expect(Math.max(...recoveries), `recovery times ${recoveries.join(', ')} ms`).toBeLessThan(5_000);
    expect(await missingAcked(t.handle.db, load.acked)).toEqual([]);
    expect(await halfWritten(t.handle.db, pairs.map((p) => p.mentorshipId))).toEqual([]);
    expect(await invariantViolations(t.handle.db)).toEqual({});
    const ready = await t.call('GET', '/readyz');
    expect(ready.status).toBe(200);
  }, 180_000);
});

describe.skipIf(!PG)('the server process restarted mid-load (PostgreSQL)', () => {
  const name = `mentorkit_restart_${randomUUID().replaceAll('-', '').slice(0, 12)}`;
  let admin: pg.Client;
  let url: string;
  let child: ChildServer | undefined;

  beforeAll(async () => {
    admin = new pg.Client({ connectionString: PG });
    await admin.connect();
    await admin.query(`CREATE DATABASE ${name}`);
    const u = new URL(PG!);
    u.pathname = `/${name}`;
    url = u.toString();
  });
  afterAll(async () => {
    await child?.kill('SIGKILL');
    await admin.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
    await admin.end();
  });

  it('keeps every acknowledged write through a SIGKILL and a SIGTERM of the server', async () => {
    child = await startChild({ DATABASE_URL: url });
    const api = new HttpApi(child.base);
    // A mentorship per writer: a mentor writing as fast as the server answers reaches the hourly
    // limit on milestone changes (120) within seconds. A refusal beyond it (429) writes nothing and
    // is not acknowledged, so it is allowed here; the run needs only 140 acknowledgments in all.
    const pairs: Awaited<ReturnType<typeof pairOverHttp>>[] = [];
    for (let w = 0; w < 6; w++) pairs.push(await pairOverHttp(api, `restart-${w}`));
    const load = new WriteLoad(6, (w, n) => {
      const pair = pairs[w]!;
      return api.call('POST', `/api/v1/mentorships/${pair.mentorshipId}/milestones`, { as: pair.mentor, body: milestone(n) });
    }, new Set([429]));
    try {
      for (const [k, signal] of [[1, 'SIGKILL'], [2, 'SIGTERM'], [3, 'SIGKILL']] as const) {
        await waitFor(`${40 * k} acknowledged writes`, () => load.acked.length >= 40 * k);
        await child.kill(signal);
        child = await startChild({ DATABASE_URL: url });
        api.base = child.base;
      }
      await waitFor('writes after the last restart', () => load.acked.length >= 140);
    } finally {
      await load.stop();
      await child?.kill('SIGTERM');
    }
    if (process.env['RELIABILITY_VERBOSE']) {
      console.info(`restarts: statuses ${JSON.stringify(load.statuses)}, refused connections ${load.networkErrors}, acknowledged ${load.acked.length}`);
    }
    expect(load.badAnswers).toEqual([]);
    expect(load.networkErrors).toBeGreaterThan(0);
    const db = new Kysely<Database>({ dialect: new PostgresDialect({ pool: new pg.Pool({ connectionString: url, max: 2 }) }) });
    try {
      expect(await missingAcked(db, load.acked)).toEqual([]);
      expect(await halfWritten(db, pairs.map((p) => p.mentorshipId))).toEqual([]);
      expect(await invariantViolations(db)).toEqual({});
    } finally {
      await db.destroy();
    }
  }, 400_000);
});

describe('the embedded database (PGlite) killed with SIGKILL mid-writes', () => {
  let dir: string;
  let child: ChildServer | undefined;
  beforeAll(async () => { dir = await mkdtemp(join(tmpdir(), 'mentorkit-sigkill-')); });
  afterAll(async () => {
    await child?.kill('SIGKILL');
    await rm(dir, { recursive: true, force: true });
  });

  it('reopens with every acknowledged write, twice', async () => {
    child = await startChild({ MENTORSHIP_DATA_DIR: dir });
    const api = new HttpApi(child.base);
    const pair = await pairOverHttp(api, 'pglite');
    const load = new WriteLoad(4, (_w, n) => api.call('POST', `/api/v1/mentorships/${pair.mentorshipId}/milestones`, { as: pair.mentor, body: milestone(n) }), new Set());
    try {
      for (const k of [1, 2]) {
        await waitFor(`${30 * k} acknowledged writes`, () => load.acked.length >= 30 * k, 90_000);
        await child.kill('SIGKILL');
        child = await startChild({ MENTORSHIP_DATA_DIR: dir });
        api.base = child.base;
      }
      await waitFor('writes after the last restart', () => load.acked.length >= 70, 90_000);
    } finally {
      await load.stop();
      await child.kill('SIGKILL');
    }
    expect(load.badAnswers).toEqual([]);
    // The data directory opened in this process, as the next start would.
    const handle = await openPGlite(dir);
    try {
      expect(await missingAcked(handle.db, load.acked)).toEqual([]);
      expect(await halfWritten(handle.db, [pair.mentorshipId])).toEqual([]);
      expect(await invariantViolations(handle.db)).toEqual({});
    } finally {
      await handle.close();
    }
  }, 600_000);
});
