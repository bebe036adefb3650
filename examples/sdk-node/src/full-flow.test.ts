import { createClient } from '@mentorkit/sdk';
import { createTestContext, databaseKinds, type TestContext } from '@mentorkit/server/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runFullFlow } from './full-flow.js';

describe.each(databaseKinds)('the scripted full flow against the real app on %s', (kind) => {
  let t: TestContext;
  beforeAll(async () => { t = await createTestContext(kind); });
  afterAll(async () => { await t?.close(); });

  it('applies, approves, requests, accepts, schedules and writes', async () => {
    const fetch = ((input: string | URL | Request, init?: RequestInit) =>
      t.app.request(input instanceof Request ? input : String(input), init)) as typeof globalThis.fetch;
    const client = async (sub: string, name: string, roles: string[] = []) =>
      createClient({ baseUrl: 'http://mentoring.test', token: await t.token({ sub, name, roles }), fetch });
    const lines: string[] = [];
    const result = await runFullFlow(
      {
        admin: await client('flow-admin', 'Flow Admin', ['admin']),
        mentor: await client('flow-mentor', 'Lucia Fernández'),
        mentee: await client('flow-mentee', 'Tomás Bautista'),
      },
      (line) => lines.push(line),
    );

    expect(result.mentorUnread).toBe(1);
    expect(lines).toHaveLength(7);
    expect(lines[3]).toMatch(/mentor accepted: mentorship .+ is active/);

    // The mentee sees the same mentorship, meeting and message the mentor made.
    const asMentee = await client('flow-mentee', 'Tomás Bautista');
    const mentorship = await asMentee.mentorships.get(result.mentorshipId);
    expect(mentorship.status).toBe('active');
    const meetings = await asMentee.meetings.list({});
    expect(meetings.items.map((m) => m.id)).toContain(result.meetingId);
    const page = await asMentee.conversations.messages(mentorship.conversationId!);
    expect(page.items.map((m) => m.id)).toEqual([result.messageId]);
  });
});
