import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestContext, databaseKinds, json, type TestContext } from '../../test/harness.js';
import { becomeMentor, person, sendRequest } from '../../test/flows.js';

describe.each(databaseKinds)('notifications and mentorships on %s', (kind) => {
  let t: TestContext;
  const mentor = person('ntf-mentor', 'Nia Mentor');
  const mentee = person('ntf-mentee', 'Nate Mentee');
  const outsider = person('ntf-out', 'Otto Outsider');
  let mentorshipId: string;
  beforeAll(async () => {
    t = await createTestContext(kind);
    const mentorId = await becomeMentor(t, mentor);
    for (let i = 0; i < 3; i++) {
      const id = await sendRequest(t, mentee, mentorId);
      if (i < 2) await t.call('POST', `/api/v1/mentorship-requests/${id}/withdraw`, { as: mentee });
      else mentorshipId = (await json(await t.call('POST', `/api/v1/mentorship-requests/${id}/accept`, { as: mentor }))).mentorship.id;
    }
  });
  afterAll(async () => { await t?.close(); });

  it('lists, pages and counts unread notifications, and marks them read', async () => {
    const first = await json(await t.call('GET', '/api/v1/notifications?limit=2', { as: mentor }));
    expect(first.items).toHaveLength(2);
    expect(first.nextCursor).toBeTruthy();
    const all = await json(await t.call('GET', '/api/v1/notifications?limit=100', { as: mentor }));
    const second = await json(await t.call('GET', `/api/v1/notifications?limit=100&cursor=${first.nextCursor}`, { as: mentor }));
    expect([...first.items, ...second.items].map((n: { id: string }) => n.id)).toEqual(all.items.map((n: { id: string }) => n.id));
    expect(all.unreadCount).toBe(all.items.length);
    const one = all.items[0].id;
    expect(await json(await t.call('POST', '/api/v1/notifications/read', { as: mentor, body: { ids: [one] } }))).toMatchObject({ marked: 1, unreadCount: all.items.length - 1 });
    const foreign = await t.call('POST', '/api/v1/notifications/read', { as: outsider, body: { ids: [all.items[1].id] } });
    expect(await json(foreign)).toMatchObject({ marked: 0 });
    expect(await json(await t.call('POST', '/api/v1/notifications/read', { as: mentor, body: { all: true } }))).toMatchObject({ unreadCount: 0 });
    expect((await t.call('POST', '/api/v1/notifications/read', { as: mentor, body: { ids: [] } })).status).toBe(400);
    expect((await t.call('GET', '/api/v1/notifications?cursor=garbage', { as: mentor })).status).toBe(400);
    expect((await t.call('GET', '/api/v1/notifications')).status).toBe(401);
  });

  it('shows a mentorship to its two parties only', async () => {
    const asMentee = await json(await t.call('GET', `/api/v1/mentorships/${mentorshipId}`, { as: mentee }));
    expect(asMentee).toMatchObject({ status: 'active', mentor: { name: 'Nia Mentor' }, mentee: { name: 'Nate Mentee' } });
    expect(asMentee.conversationId).toBeTruthy();
    expect((await t.call('GET', `/api/v1/mentorships/${mentorshipId}`, { as: outsider })).status).toBe(404);
    expect((await t.call('GET', '/api/v1/mentorships/not-a-uuid', { as: mentee })).status).toBe(404);
    const mine = await json(await t.call('GET', '/api/v1/mentorships?role=mentee&status=active', { as: mentee }));
    expect(mine.items.map((m: { id: string }) => m.id)).toEqual([mentorshipId]);
    expect((await json(await t.call('GET', '/api/v1/mentorships?role=mentor', { as: mentee }))).items).toEqual([]);
    expect((await t.call('GET', '/api/v1/mentorships?role=boss', { as: mentee })).status).toBe(400);
  });
});
