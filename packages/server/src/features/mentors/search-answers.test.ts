/**
 * Whole search answers kept per viewer (`search-answers.ts`) and their ETags: every change to
 * something a card shows must reach the very next search, through the API where there is one.
 * Each "next search" below repeats a search made just before, so it would be answered from
 * memory if the change had not moved the search generation (migration 0008).
 */
import { gunzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestContext, databaseKinds, json, type TestContext, type TestUser } from '../../test/harness.js';
import { createMentor, ensureUser, putProfile, searchPath } from './mentors.fixtures.js';
import { matchesEtag, searchAnswersOf } from './search-answers.js';

interface Card {
  id: string;
  name: string;
  avatarUrl: string | null;
  viewerRequestState: string;
  match: { score: number; reasons: string[] };
}

const mentee: TestUser = { sub: 'answers-mentee', name: 'Mara Answers' };
const other: TestUser = { sub: 'answers-other', name: 'Olu Answers' };
const mentor: TestUser = { sub: 'answers-mentor', name: 'Teo Answers' };
const goals = 'I want to move from support into a data analyst role within a year, and learn SQL properly.';

describe.each(databaseKinds)('whole search answers on %s', (kind) => {
  let t: TestContext;
  let mentorId: string;
  const path = searchPath({ q: 'Teo', availability: 'all' });

  beforeAll(async () => {
    t = await createTestContext(kind);
    mentorId = await createMentor(t, mentor, { headline: 'Analytics lead', industry: 'Technology' }, { expertise: ['SQL', 'Tableau'], capacity: 3 });
    await putProfile(t, mentee, { skills: [], goals });
    await ensureUser(t, other);
  });
  afterAll(async () => { await t?.close(); });

  const search = async (as: TestUser = mentee, headers: Record<string, string> = {}) => {
    const res = await t.call('GET', path, { as, headers });
    expect([200, 304], await res.clone().text()).toContain(res.status);
    return res;
  };
  const card = async (as: TestUser = mentee): Promise<Card> => {
    const body = await json(await search(as));
    const found = (body.items as Card[]).find((c) => c.id === mentorId);
    expect(found, 'the mentor is found').toBeDefined();
    return found!;
  };

  it('answers a repeated search from memory, byte for byte, with the same ETag', async () => {
    const first = await search();
    const second = await search();
    expect(second.headers.get('etag')).toBe(first.headers.get('etag'));
    expect(first.headers.get('cache-control')).toBe('private, no-cache');
    expect(first.headers.get('content-type')).toMatch(/^application\/json/);
    expect(await second.text()).toBe(await first.text());
    expect(searchAnswersOf(t.deps).size).toBeGreaterThan(0);
  });

  it('answers 304 without a body to a browser that holds the current answer, and 200 once anything shown changed', async () => {
    const etag = (await search()).headers.get('etag')!;
    expect(etag).toMatch(/^W\/"[\w-]+"$/);
    const unchanged = await search(mentee, { 'if-none-match': etag });
    expect(unchanged.status).toBe(304);
    expect(unchanged.headers.get('etag')).toBe(etag);
    expect(unchanged.headers.get('vary')).toMatch(/accept-encoding/i);
    expect(await unchanged.text()).toBe('');
    // Compared weakly, in a list, as browsers and proxies send it.
    expect((await search(mentee, { 'if-none-match': `"stale", ${etag.slice(2)}` })).status).toBe(304);

    await t.handle.db.updateTable('mentors').set({ capacity: 4 }).where('user_id', '=', mentorId).execute();
    const changed = await search(mentee, { 'if-none-match': etag });
    expect(changed.status).toBe(200);
    expect(changed.headers.get('etag')).not.toBe(etag);
    expect((await json(changed)).items[0].capacity).toBe(4);
  });

  it('sends the answer gzipped to a client that accepts it, the same JSON under the same ETag', async () => {
    const plain = await search(mentee, { 'accept-encoding': 'identity' });
    expect(plain.headers.get('content-encoding')).toBeNull();
    const text = await plain.text();
    for (const accept of ['gzip, deflate, br, zstd', 'br;q=1, gzip;q=0.5', '*']) {
      const packed = await search(mentee, { 'accept-encoding': accept });
      expect(packed.headers.get('content-encoding'), accept).toBe('gzip');
      expect(packed.headers.get('vary')).toMatch(/accept-encoding/i);
      expect(packed.headers.get('etag')).toBe(plain.headers.get('etag'));
      const bytes = Buffer.from(await packed.arrayBuffer());
      expect(bytes.byteLength).toBeLessThan(Buffer.byteLength(text));
      expect(gunzipSync(bytes).toString('utf8')).toBe(text);
    }
    expect((await search(mentee, { 'accept-encoding': 'gzip;q=0, br' })).headers.get('content-encoding')).toBeNull();
    // An answer too small to gain from it goes as it is.
    const none = await t.call('GET', searchPath({ q: 'nobodyhasthisword' }), { as: mentee, headers: { 'accept-encoding': 'gzip' } });
    expect(none.headers.get('content-encoding')).toBeNull();
    expect((await json(none)).items).toEqual([]);
  });

  it('never hands one viewer’s ETag or answer to another', async () => {
    const mine = await search(mentee);
    const theirs = await search(other, { 'if-none-match': mine.headers.get('etag')! });
    expect(theirs.status).toBe(200);
    expect(theirs.headers.get('etag')).not.toBe(mine.headers.get('etag'));
  });

  it('shows a request the moment it is sent, withdrawn or accepted, to its sender only', async () => {
    expect((await card()).viewerRequestState).toBe('none');
    const sent = await t.call('POST', '/api/v1/mentorship-requests', { as: mentee, body: { mentorId, goals } });
    expect(sent.status, await sent.clone().text()).toBe(201);
    const request = await json(sent);
    expect((await card()).viewerRequestState).toBe('pending');
    expect((await card(other)).viewerRequestState).toBe('none');

    const withdrawn = await t.call('POST', `/api/v1/mentorship-requests/${request.id}/withdraw`, { as: mentee });
    expect(withdrawn.status, await withdrawn.clone().text()).toBe(200);
    expect((await card()).viewerRequestState).toBe('none');

    const again = await json(await t.call('POST', '/api/v1/mentorship-requests', { as: mentee, body: { mentorId, goals } }));
    expect((await card()).viewerRequestState).toBe('pending');
    const accepted = await t.call('POST', `/api/v1/mentorship-requests/${again.id}/accept`, { as: mentor });
    expect(accepted.status, await accepted.clone().text()).toBe(200);
    expect((await card()).viewerRequestState).toBe('active');
  });

  it('scores afresh when the viewer’s own profile changes', async () => {
    const before = await card();
    expect(before.match.reasons.join(' ')).not.toContain('Shares your skill');
    await putProfile(t, mentee, { skills: ['Tableau'], goals });
    const after = await card();
    expect(after.match.reasons).toContain('Shares your skill: Tableau');
    expect(after.match.score).toBeGreaterThan(before.match.score);
  });

  it('shows a mentor’s new photo and name', async () => {
    await card();
    await t.handle.db.updateTable('users').set({ avatar_url: 'https://img.example.edu/teo.png' }).where('id', '=', mentorId).execute();
    expect((await card()).avatarUrl).toBe('https://img.example.edu/teo.png');
    await t.handle.db.updateTable('users').set({ name: 'Teo Answers-Reyes' }).where('id', '=', mentorId).execute();
    expect((await card()).name).toBe('Teo Answers-Reyes');
  });

  it('keeps no answers with the cache off, and still answers 304', async () => {
    const off = await createTestContext(kind, { MENTORSHIP_SEARCH_CACHE_SIZE: '0' });
    try {
      const res = await off.call('GET', '/api/v1/mentors', { as: mentee });
      expect(res.status).toBe(200);
      const etag = res.headers.get('etag')!;
      expect((await off.call('GET', '/api/v1/mentors', { as: mentee, headers: { 'if-none-match': etag } })).status).toBe(304);
      expect(searchAnswersOf(off.deps).size).toBe(0);
    } finally {
      await off.close();
    }
  });
});

describe('matchesEtag', () => {
  it('reads lists and *, and compares weakly', () => {
    expect(matchesEtag(undefined, '"a"')).toBe(false);
    expect(matchesEtag('"a"', '"a"')).toBe(true);
    expect(matchesEtag('"b", W/"a"', '"a"')).toBe(true);
    expect(matchesEtag('"a"', 'W/"a"')).toBe(true);
    expect(matchesEtag('W/"b"', 'W/"a"')).toBe(false);
    expect(matchesEtag('*', '"a"')).toBe(true);
    expect(matchesEtag('"ab"', '"a"')).toBe(false);
    expect(matchesEtag('a', '"a"')).toBe(false);
  });
});
