import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { admin } from '../../test/flows.js';
import { createTestContext, databaseKinds, json, type TestContext, type TestUser } from '../../test/harness.js';
import { createMentor, putProfile, searchPath } from './mentors.fixtures.js';

/*
 * `GET /mentors?programme=<id or slug>`: only the mentors enrolled in the programme as mentors,
 * every other filter, the facets and the total applying to that set; on the index path (no
 * `location`) and on the SQL path (`location`) alike. The clock says 2026-11-28.
 *
 * In the programme as mentors: Ana (SQL, Python; Technology; Manila), Ben (SQL; Finance; Cebu),
 * Cora (Leadership; Technology; Manila). Outside it: Dan (SQL, Leadership; Technology; Manila),
 * and Eve, who is enrolled only as a mentee.
 */
interface Card {
  id: string;
  name: string;
}

describe.each(databaseKinds)('mentor search scoped to a programme on %s', (kind) => {
  let t: TestContext;
  const viewer = person('ps-viewer', 'Vera Viewer');
  const people = {
    ana: person('ps-ana', 'Ana Villanueva'),
    ben: person('ps-ben', 'Ben Cruz'),
    cora: person('ps-cora', 'Cora Lim'),
    dan: person('ps-dan', 'Dan Reyes'),
    eve: person('ps-eve', 'Eve Tan'),
  };
  const ids: Record<keyof typeof people, string> = { ana: '', ben: '', cora: '', dan: '', eve: '' };
  let programme: { id: string; slug: string };

  function person(sub: string, name: string): TestUser {
    return { sub, name };
  }

  async function enrol(user: TestUser, role: 'mentor' | 'mentee') {
    const res = await t.call('POST', `/api/v1/programmes/${programme.id}/enrolment`, { as: user, body: { role } });
    expect(res.status, await res.clone().text()).toBe(201);
  }

  beforeAll(async () => {
    t = await createTestContext(kind);
    await putProfile(t, viewer, { skills: ['SQL'], goals: 'Grow into data engineering.', industry: 'Technology' });
    ids.ana = await createMentor(t, people.ana, { industry: 'Technology', location: 'Makati, Metro Manila', headline: 'Data platform lead' }, { expertise: ['SQL', 'Python'] });
    ids.ben = await createMentor(t, people.ben, { industry: 'Finance', location: 'Cebu City', headline: 'Quant developer' }, { expertise: ['SQL'] });
    ids.cora = await createMentor(t, people.cora, { industry: 'Technology', location: 'Quezon City, Metro Manila', headline: 'Engineering manager' }, { expertise: ['Leadership'] });
    ids.dan = await createMentor(t, people.dan, { industry: 'Technology', location: 'Manila', headline: 'Leadership coach' }, { expertise: ['SQL', 'Leadership'] });
    ids.eve = await createMentor(t, people.eve, { industry: 'Technology', location: 'Manila', headline: 'Data analyst' }, { expertise: ['SQL'] });
    const res = await t.call('POST', '/api/v1/admin/programmes', {
      as: admin, body: { name: 'Data Careers 2027', slug: 'ps-data-careers', startsOn: '2026-12-01', endsOn: '2027-03-31', matching: 'mentee_choice' },
    });
    expect(res.status, await res.clone().text()).toBe(201);
    programme = await json(res);
    for (const who of ['ana', 'ben', 'cora'] as const) await enrol(people[who], 'mentor');
    await enrol(people.eve, 'mentee');
  });
  afterAll(async () => { await t?.close(); });

  const search = async (params: Record<string, string | string[]>, as: TestUser = viewer) => {
    const res = await t.call('GET', searchPath({ limit: 50, ...params }), { as });
    expect(res.status, await res.clone().text()).toBe(200);
    return json(res) as Promise<{ items: Card[]; total: number; facets: { expertise: { value: string; count: number }[]; industry: { value: string; count: number }[] } }>;
  };
  const names = (r: { items: Card[] }) => r.items.map((c) => c.name).sort();

  it('shows only the mentors enrolled as mentors, by slug or by id, with the total and facets of that set', async () => {
    const bySlug = await search({ programme: programme.slug });
    expect(names(bySlug)).toEqual(['Ana Villanueva', 'Ben Cruz', 'Cora Lim']);
    expect(bySlug.total).toBe(3);
    expect(bySlug.facets.expertise).toEqual([{ value: 'SQL', count: 2 }, { value: 'Leadership', count: 1 }, { value: 'Python', count: 1 }]);
    expect(bySlug.facets.industry).toEqual([{ value: 'Technology', count: 2 }, { value: 'Finance', count: 1 }]);
    const byId = await search({ programme: programme.id });
    expect(byId).toEqual(bySlug);
    expect(names(await search({ programme: programme.slug.toUpperCase() }))).toEqual(names(bySlug));
    // Without the programme, everyone.
    expect((await search({})).total).toBe(5);
  });

  it('applies every other filter inside the programme', async () => {
    const sql = await search({ programme: programme.slug, expertise: 'SQL' });
    expect(names(sql)).toEqual(['Ana Villanueva', 'Ben Cruz']);
    expect(sql.total).toBe(2);
    // Each facet counts under the other's filter: industry over the SQL mentors of the programme.
    expect(sql.facets.industry).toEqual([{ value: 'Finance', count: 1 }, { value: 'Technology', count: 1 }]);
    expect(sql.facets.expertise).toEqual([{ value: 'SQL', count: 2 }, { value: 'Leadership', count: 1 }, { value: 'Python', count: 1 }]);
    expect(names(await search({ programme: programme.slug, industry: 'Technology' }))).toEqual(['Ana Villanueva', 'Cora Lim']);
    for (const sort of ['match', 'experience', 'newest', 'responsiveness']) {
      expect(names(await search({ programme: programme.slug, sort }))).toEqual(['Ana Villanueva', 'Ben Cruz', 'Cora Lim']);
    }
  });

  it('combines text with the programme', async () => {
    // Dan's headline says leadership too, but he is not in the programme.
    const leadership = await search({ programme: programme.slug, q: 'leadership' });
    expect(names(leadership)).toEqual(['Cora Lim']);
    expect(leadership.total).toBe(1);
    expect(names(await search({ q: 'leadership' }))).toEqual(['Cora Lim', 'Dan Reyes']);
    // A phrase is evaluated by the database, not the index: still only the programme's.
    expect(names(await search({ programme: programme.slug, q: '"data platform"' }))).toEqual(['Ana Villanueva']);
    expect(names(await search({ programme: programme.slug, q: 'analyst' }))).toEqual([]);
  });

  it('combines location with the programme (the database answers those)', async () => {
    const manila = await search({ programme: programme.slug, location: 'manila' });
    expect(names(manila)).toEqual(['Ana Villanueva', 'Cora Lim']);
    expect(manila.total).toBe(2);
    expect(manila.facets.expertise).toEqual([{ value: 'Leadership', count: 1 }, { value: 'Python', count: 1 }, { value: 'SQL', count: 1 }]);
    // A location everyone matches answers exactly what the index answers without it.
    const everywhere = await search({ programme: programme.slug, location: 'i' });
    const indexed = await search({ programme: programme.slug });
    expect(everywhere.total).toBe(indexed.total);
    expect(everywhere.facets).toEqual(indexed.facets);
    expect(names(everywhere)).toEqual(names(indexed));
  });

  it('leaves the viewer out of their own programme’s results, on both paths', async () => {
    const mine = await search({ programme: programme.slug }, people.ana);
    expect(names(mine)).toEqual(['Ben Cruz', 'Cora Lim']);
    expect(mine.total).toBe(2);
    const located = await search({ programme: programme.slug, location: 'i' }, people.ana);
    expect(located.total).toBe(2);
    expect(located.facets).toEqual(mine.facets);
  });

  it('answers 404 for an unknown programme, and 400 for a malformed one', async () => {
    for (const programmeParam of ['no-such-programme', '00000000-0000-4000-8000-000000000000']) {
      const res = await t.call('GET', searchPath({ programme: programmeParam }), { as: viewer });
      expect(res.status).toBe(404);
      expect((await json(res)).error.code).toBe('not_found');
    }
    const tooLong = await t.call('GET', searchPath({ programme: 'x'.repeat(81) }), { as: viewer });
    expect(tooLong.status).toBe(400);
    expect(JSON.stringify((await json(tooLong)).error.issues)).toContain('programme');
  });

  it('sees an enrolment, and a departure, at once (kept answers and the index follow the search generation)', async () => {
    const before: Record<string, string>[] = [{ programme: programme.slug }, { programme: programme.slug, location: 'manila' }, { programme: programme.slug, q: 'leadership' }];
    for (const params of before) {
      expect(names(await search(params))).not.toContain('Dan Reyes');
    }
    await enrol(people.dan, 'mentor');
    expect(names(await search({ programme: programme.slug }))).toEqual(['Ana Villanueva', 'Ben Cruz', 'Cora Lim', 'Dan Reyes']);
    expect(names(await search({ programme: programme.slug, location: 'manila' }))).toEqual(['Ana Villanueva', 'Cora Lim', 'Dan Reyes']);
    expect(names(await search({ programme: programme.slug, q: 'leadership' }))).toEqual(['Cora Lim', 'Dan Reyes']);
    expect((await t.call('DELETE', `/api/v1/programmes/${programme.id}/enrolment`, { as: people.dan })).status).toBe(204);
    expect(names(await search({ programme: programme.slug }))).not.toContain('Dan Reyes');
    expect(names(await search({ programme: programme.slug, q: 'leadership' }))).toEqual(['Cora Lim']);
  });
});
