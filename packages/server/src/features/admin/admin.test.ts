import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createTestContext, databaseKinds, json, type TestContext } from '../../test/harness.js';
import { admin, becomeMentor, person, sendRequest } from '../../test/flows.js';

describe.each(databaseKinds)('admin: mentors and programme statistics on %s', (kind) => {
  let t: TestContext;
  const rosa = person('adm-rosa', 'Rosa Mentor');
  const tom = person('adm-tom', 'Tom Mentee');
  let rosaId: string;
  // The statistics count the whole programme: each test has a database of its own, with Rosa as
  // its only mentor, and makes the requests it needs.
  beforeEach(async () => {
    t = await createTestContext(kind);
    rosaId = await becomeMentor(t, rosa, { capacity: 4 });
  });
  afterEach(async () => { await t?.close(); });

  it('lists mentors with their load and pending requests', async () => {
    await sendRequest(t, tom, rosaId);
    const page = await json(await t.call('GET', '/api/v1/admin/mentors', { as: admin }));
    const row = page.items.find((m: { person: { id: string } }) => m.person.id === rosaId);
    expect(row).toMatchObject({ status: 'active', capacity: 4, openMentorships: 0, pendingRequests: 1, person: { name: 'Rosa Mentor' } });
    const filtered = await json(await t.call('GET', '/api/v1/admin/mentors?q=rosa', { as: admin }));
    expect(filtered.items).toHaveLength(1);
  });

  it('suspends (declining pending requests, hiding from search) and reactivates', async () => {
    await sendRequest(t, tom, rosaId);
    const noReason = await t.call('POST', `/api/v1/admin/mentors/${rosaId}/suspend`, { as: admin, body: {} });
    expect(noReason.status).toBe(400);
    const res = await t.call('POST', `/api/v1/admin/mentors/${rosaId}/suspend`, { as: admin, body: { reason: 'Reported no-shows' } });
    expect(await json(res)).toMatchObject({ status: 'suspended', declinedRequests: 1 });
    const again = await t.call('POST', `/api/v1/admin/mentors/${rosaId}/suspend`, { as: admin, body: { reason: 'twice' } });
    expect((await json(again)).error.code).toBe('invalid_transition');
    const search = await json(await t.call('GET', '/api/v1/mentors?availability=all', { as: tom }));
    expect(search.items.map((m: { id: string }) => m.id)).not.toContain(rosaId);
    const tomRequests = await json(await t.call('GET', '/api/v1/mentorship-requests?role=mentee', { as: tom }));
    expect(tomRequests.items[0]).toMatchObject({ status: 'declined', declineReason: 'mentor_unavailable' });
    const back = await t.call('POST', `/api/v1/admin/mentors/${rosaId}/reactivate`, { as: admin });
    expect(await json(back)).toMatchObject({ status: 'active' });
    expect((await json(await t.call('POST', `/api/v1/admin/mentors/${rosaId}/reactivate`, { as: admin }))).error.code).toBe('invalid_transition');
    const audit = await t.handle.db.selectFrom('audit_log').select('action').where('entity_id', '=', rosaId).orderBy('id').execute();
    expect(audit.map((a) => a.action)).toEqual(['mentor.suspended', 'mentor.reactivated']);
  });

  it('refuses non-admins (403), unknown mentors (404) and anonymous callers (401)', async () => {
    expect((await t.call('POST', `/api/v1/admin/mentors/${rosaId}/suspend`, { as: tom, body: { reason: 'x' } })).status).toBe(403);
    expect((await t.call('POST', `/api/v1/admin/mentors/${rosaId}/reactivate`, { as: rosa })).status).toBe(403);
    expect((await t.call('GET', '/api/v1/admin/mentors', { as: tom })).status).toBe(403);
    expect((await t.call('GET', '/api/v1/admin/stats', { as: tom })).status).toBe(403);
    expect((await t.call('POST', '/api/v1/admin/mentors/00000000-0000-4000-8000-000000000000/suspend', { as: admin, body: { reason: 'x' } })).status).toBe(404);
    expect((await t.call('POST', '/api/v1/admin/mentors/nope/reactivate', { as: admin })).status).toBe(404);
    expect((await t.call('GET', '/api/v1/admin/stats')).status).toBe(401);
  });

  it('reports programme statistics', async () => {
    // One request declined by a suspension, then one accepted.
    await sendRequest(t, tom, rosaId);
    expect((await t.call('POST', `/api/v1/admin/mentors/${rosaId}/suspend`, { as: admin, body: { reason: 'Reported no-shows' } })).status).toBe(200);
    expect((await t.call('POST', `/api/v1/admin/mentors/${rosaId}/reactivate`, { as: admin })).status).toBe(200);
    const id = await sendRequest(t, tom, rosaId);
    await t.call('POST', `/api/v1/mentorship-requests/${id}/accept`, { as: rosa });
    const stats = await json(await t.call('GET', '/api/v1/admin/stats', { as: admin }));
    expect(stats.applications).toMatchObject({ total: 1, approved: 1, pending: 0 });
    expect(stats.approvalRate).toBe(1);
    expect(stats.requests).toMatchObject({ total: 2, accepted: 1, declined: 1 });
    expect(stats.acceptanceRate).toBe(0.5);
    expect(stats.mentorships.active).toBe(1);
    expect(stats.weekly).toHaveLength(12);
    expect(stats.weekly.at(-1).requests).toBe(2);
  });
});
