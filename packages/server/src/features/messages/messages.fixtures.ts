import { randomUUID } from 'node:crypto';
import { expect } from 'vitest';
import { becomeMentor, sendRequest } from '../../test/flows.js';
import { json, type TestContext, type TestUser } from '../../test/harness.js';

export interface Pair {
  mentorId: string;
  menteeId: string;
  mentorshipId: string;
  conversationId: string;
}

/** A running mentorship between two people, made through the API (apply and approval unless already a mentor, request, accept). */
export async function startMentorship(t: TestContext, mentor: TestUser, mentee: TestUser): Promise<Pair> {
  const me = await json(await t.call('GET', '/api/v1/me', { as: mentor }));
  const mentorId = me.mentor ? (me.user.id as string) : await becomeMentor(t, mentor, { capacity: 20 });
  const requestId = await sendRequest(t, mentee, mentorId);
  const accepted = await t.call('POST', `/api/v1/mentorship-requests/${requestId}/accept`, { as: mentor });
  expect(accepted.status, await accepted.clone().text()).toBe(200);
  const { mentorship } = await json(accepted);
  expect(mentorship.conversationId).toBeTruthy();
  return { mentorId, menteeId: mentorship.mentee.id, mentorshipId: mentorship.id, conversationId: mentorship.conversationId };
}

export const sendMessage = (t: TestContext, as: TestUser, conversationId: string, body: string, clientId: string = randomUUID()) =>
  t.call('POST', `/api/v1/conversations/${conversationId}/messages`, { as, body: { body, clientId } });

/** Ends a mentorship directly in the database (the lifecycle endpoints belong to another feature). */
export async function endMentorship(t: TestContext, mentorshipId: string, status: 'completed' | 'cancelled' = 'completed') {
  await t.handle.db.updateTable('mentorships')
    .set({ status, ended_at: t.clock.now(), end_reason: status === 'cancelled' ? 'Moved abroad' : null })
    .where('id', '=', mentorshipId).execute();
}
