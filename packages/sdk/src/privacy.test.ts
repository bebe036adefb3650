import { accountErasure, accountExport } from '@mentorkit/contract';
import { createTestContext, databaseKinds, type TestContext } from '@mentorkit/server/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ApiError, createClient } from './index.js';

describe.each(databaseKinds)('SDK me.export() and me.delete() on %s', (kind) => {
  let t: TestContext;
  const appFetch = ((input: RequestInfo | URL, init?: RequestInit) => t.app.request(input instanceof Request ? input : String(input), init)) as typeof fetch;
  const clientFor = async (sub: string, name: string) =>
    createClient({ baseUrl: 'http://mentoring.test', token: await t.token({ sub, name, email: `${sub}@example.edu` }), fetch: appFetch });

  beforeAll(async () => { t = await createTestContext(kind); }, 120_000);
  afterAll(async () => { await t?.close(); });

  it('exports the caller\'s data in the contract shape', async () => {
    const client = await clientFor('sdk-export', 'Export Person');
    await client.me.updateProfile({ headline: 'Analyst', linkedinUrl: 'https://www.linkedin.com/in/export' });
    const data = accountExport.parse(await client.me.export());
    expect(data.user).toMatchObject({ name: 'Export Person', email: 'sdk-export@example.edu' });
    expect(data.profile).toMatchObject({ headline: 'Analyst', linkedinUrl: 'https://www.linkedin.com/in/export' });
    expect(data.mentorships).toEqual([]);
  });

  it('erases the account; later calls reject with account_deleted (410), without a token refresh loop', async () => {
    let refreshes = 0;
    const token = await t.token({ sub: 'sdk-erase', name: 'Erase Person' });
    const client = createClient({ baseUrl: 'http://mentoring.test', fetch: appFetch, getToken: ({ forceRefresh }) => { if (forceRefresh) refreshes++; return token; } });
    await client.me.get();
    const erased = accountErasure.parse(await client.me.delete());
    expect(erased).toMatchObject({ withdrawnRequests: 0, declinedRequests: 0, cancelledMentorships: 0 });
    const err = await client.me.get().catch((e: unknown) => e);
    expect(err).toBeInstanceOf(ApiError);
    expect(err).toMatchObject({ code: 'account_deleted', status: 410 });
    expect(await client.me.delete().catch((e: unknown) => (e as ApiError).code)).toBe('account_deleted');
    expect(refreshes).toBe(0);
  });
});
