import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'kysely';
import { mulberry32 } from '../demo/generator.js';
import { admin, becomeMentor, person, requestBody, userId } from '../test/flows.js';
import { createTestContext, type TestContext, type TestUser } from '../test/harness.js';
import { invariantViolations } from './invariants.js';

/**
 * Randomized interleavings of the request life cycle on PostgreSQL (PGlite runs one query at a
 * time, so it cannot race): mentees request, withdraw and end mentorships; mentors accept,
 * decline and change their capacity; an admin suspends and reactivates mentors; all at once,
 * several of them aimed at the same request or the same last slot. After each run the invariants
 * of DESIGN §2 must hold, and no request may have answered 5xx.
 */

const RUNS = Number(process.env['CONCURRENCY_RUNS'] ?? 4);
const OPS_PER_ACTOR = 14;
const SEED = Number(process.env['CONCURRENCY_SEED'] ?? 7_2026);

/** Statuses a racing request may legitimately get: done, or refused as a conflict/gone/not visible (any more). */
const EXPECTED = new Set([200, 201, 404, 409, 429]);

describe.skipIf(!process.env['TEST_DATABASE_URL'])('concurrency invariants on PostgreSQL', () => {
  let t: TestContext;
  beforeAll(async () => {
    t = await createTestContext('postgres');
  }, 120_000);
  afterAll(async () => {
    await t?.close();
  });

  for (let run = 0; run < RUNS; run++) {
    it(`holds the invariants after randomized interleaving #${run + 1} (seed ${SEED + run})`, async () => {
      const random = mulberry32(SEED + run);
      const pick = <T>(xs: readonly T[]): T => xs[Math.floor(random() * xs.length)]!;
      const db = t.handle.db;
      // Rate limits count by the clock: each run starts two hours after the previous one.
      t.clock.advance(2 * 3_600_000);

      const mentors: { user: TestUser; id: string }[] = [];
      for (let i = 0; i < 4; i++) {
        const user = person(`race-${run}-mentor-${i}`, `Race Mentor ${run}.${i}`);
        mentors.push({ user, id: await becomeMentor(t, user, { capacity: 1 + (i % 3) }) });
      }
      const mentees: { user: TestUser; id: string }[] = [];
      for (let i = 0; i < 8; i++) {
        const user = person(`race-${run}-mentee-${i}`, `Race Mentee ${run}.${i}`);
        mentees.push({ user, id: await userId(t, user) });
      }
      const statuses: Record<string, number> = {};
      const unexpected: string[] = [];
      const send = async (label: string, method: string, path: string, as: TestUser, body?: unknown) => {
        const res = await t.call(method, path, { as, ...(body === undefined ? {} : { body }) });
        statuses[res.status] = (statuses[res.status] ?? 0) + 1;
        if (!EXPECTED.has(res.status)) unexpected.push(`${label} ${method} ${path} → ${res.status} ${(await res.text()).slice(0, 200)}`);
        else await res.body?.cancel();
        return res.status;
      };
      const requestsOf = (where: { mentor?: string; mentee?: string }, status: 'pending') => {
        let q = db.selectFrom('mentorship_requests').select('id').where('status', '=', status);
        if (where.mentor) q = q.where('mentor_id', '=', where.mentor);
        if (where.mentee) q = q.where('mentee_id', '=', where.mentee);
        return q.execute();
      };
      const openMentorshipsOf = (menteeId: string) =>
        db.selectFrom('mentorships').select('id').where('mentee_id', '=', menteeId).where('status', 'in', ['active', 'paused']).execute();

      const menteeActor = async (m: { user: TestUser; id: string }) => {
        for (let op = 0; op < OPS_PER_ACTOR; op++) {
          const roll = random();
          if (roll < 0.55) {
            await send('request', 'POST', '/api/v1/mentorship-requests', m.user, requestBody(pick(mentors).id));
          } else if (roll < 0.8) {
            const pending = await requestsOf({ mentee: m.id }, 'pending');
            if (pending.length) await send('withdraw', 'POST', `/api/v1/mentorship-requests/${pick(pending).id}/withdraw`, m.user);
          } else {
            const open = await openMentorshipsOf(m.id);
            if (open.length) {
              const end = random() < 0.5 ? 'complete' : 'cancel';
              await send(end, 'POST', `/api/v1/mentorships/${pick(open).id}/${end}`, m.user, end === 'cancel' ? { reason: 'Ending for the race test' } : undefined);
            }
          }
        }
      };
      const mentorActor = async (m: { user: TestUser; id: string }) => {
        for (let op = 0; op < OPS_PER_ACTOR; op++) {
          const roll = random();
          const pending = await requestsOf({ mentor: m.id }, 'pending');
          if (roll < 0.5 && pending.length) {
            // Two accepts at once, often for the last slot, sometimes the same request twice (a double click).
            const a = pick(pending).id;
            const b = random() < 0.3 ? a : pick(pending).id;
            await Promise.all([
              send('accept', 'POST', `/api/v1/mentorship-requests/${a}/accept`, m.user),
              send('accept', 'POST', `/api/v1/mentorship-requests/${b}/accept`, m.user),
            ]);
          } else if (roll < 0.65 && pending.length) {
            await send('decline', 'POST', `/api/v1/mentorship-requests/${pick(pending).id}/decline`, m.user, { reason: 'not_enough_time' });
          } else if (roll < 0.9) {
            await send('capacity', 'PATCH', '/api/v1/mentors/me', m.user, { capacity: 1 + Math.floor(random() * 3) });
          } else {
            await send('accepting', 'PATCH', '/api/v1/mentors/me', m.user, { acceptingMentees: random() < 0.7 });
          }
        }
      };
      const adminActor = async () => {
        for (let op = 0; op < OPS_PER_ACTOR / 2; op++) {
          const target = pick(mentors);
          if (random() < 0.5) await send('suspend', 'POST', `/api/v1/admin/mentors/${target.id}/suspend`, admin, { reason: 'Race test' });
          else await send('reactivate', 'POST', `/api/v1/admin/mentors/${target.id}/reactivate`, admin);
        }
      };

      await Promise.all([...mentees.map(menteeActor), ...mentors.map(mentorActor), adminActor()]);

      if (process.env['RELIABILITY_VERBOSE']) console.info(`run ${run + 1}: statuses ${JSON.stringify(statuses)}`);
      expect(unexpected, JSON.stringify(statuses)).toEqual([]);
      expect(await invariantViolations(db)).toEqual({});
      // The run did race: something was accepted and something was refused as a conflict.
      const accepted = await sql<{ n: number }>`SELECT count(*)::int AS n FROM mentorship_requests r JOIN users u ON u.id = r.mentee_id
        WHERE r.status = 'accepted' AND u.subject LIKE ${`race-${run}-%`}`.execute(db);
      expect(accepted.rows[0]!.n, JSON.stringify(statuses)).toBeGreaterThan(0);
      expect(statuses['409'] ?? 0, JSON.stringify(statuses)).toBeGreaterThan(0);
    }, 180_000);
  }
});
