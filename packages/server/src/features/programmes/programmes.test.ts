import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { admin, becomeMentor, person, userId } from '../../test/flows.js';
import { createTestContext, databaseKinds, json, type TestContext, type TestUser } from '../../test/harness.js';
import { addMentorship, addRequest } from '../mentors/mentors.fixtures.js';

const API = '/api/v1';
const UNKNOWN = '00000000-0000-4000-8000-000000000000';

/** The test clock starts on 2026-11-28; these dates put a programme where each test needs it. */
const base = {
  name: 'Data Engineering Cohort',
  description: 'Six months of pipelines, warehouses and career conversations.',
  startsOn: '2027-01-10',
  endsOn: '2027-06-30',
  matching: 'mentee_choice',
};

const issuePaths = (body: { error: { issues?: { path: string[] }[] } }) => (body.error.issues ?? []).map((i) => i.path.join('.'));

describe.each(databaseKinds)('programmes: administration and enrolment on %s', (kind) => {
  let t: TestContext;
  const rosa = person('prg-rosa', 'Rosa Mentor');
  const tom = person('prg-tom', 'Tom Mentee');
  const ana = person('prg-ana', 'Ana Mentee');
  const sol = person('prg-sol', 'Sol Suspended');
  beforeEach(async () => { t = await createTestContext(kind); });
  afterEach(async () => { await t?.close(); });

  const call = (method: string, path: string, as: TestUser | undefined, body?: unknown) =>
    t.call(method, `${API}${path}`, { ...(as ? { as } : {}), ...(body === undefined ? {} : { body }) });
  const create = async (body: Record<string, unknown> = {}) => {
    const res = await call('POST', '/admin/programmes', admin, { ...base, ...body });
    expect(res.status, await res.clone().text()).toBe(201);
    return json(res);
  };
  const enrol = (as: TestUser, id: string, role: 'mentor' | 'mentee', goals?: string) =>
    call('POST', `/programmes/${id}/enrolment`, as, { role, ...(goals === undefined ? {} : { goals }) });
  const get = async (as: TestUser, idOrSlug: string) => json(await call('GET', `/programmes/${idOrSlug}`, as));
  const auditActions = async (entityId: string) =>
    (await t.handle.db.selectFrom('audit_log').select('action').where('entity_id', '=', entityId).orderBy('id').execute()).map((a) => a.action);

  describe('POST /admin/programmes', () => {
    it('creates a programme with every field, a slug made from the name and its status', async () => {
      const p = await create({ name: 'Pag-aaral sa Datos — 2027', enrolmentClosesOn: '2026-12-31', matching: 'admin_matched', milestoneTemplate: 'technical-8-week', maxMenteesPerMentor: 3 });
      expect(p).toMatchObject({
        slug: 'pag-aaral-sa-datos-2027', name: 'Pag-aaral sa Datos — 2027', description: base.description, startsOn: '2027-01-10', endsOn: '2027-06-30',
        enrolmentClosesOn: '2026-12-31', matching: 'admin_matched', milestoneTemplate: 'technical-8-week', maxMenteesPerMentor: 3,
        status: 'enrolling', enrolmentOpen: true, enrolled: { mentors: 0, mentees: 0 }, viewerRoles: [],
        createdAt: '2026-11-28T09:00:00.000Z', updatedAt: '2026-11-28T09:00:00.000Z',
      });
      expect(await auditActions(p.id)).toEqual(['programme.created']);
      const defaults = await create({ name: 'Minimal', description: undefined });
      expect(defaults).toMatchObject({ slug: 'minimal', description: '', enrolmentClosesOn: null, milestoneTemplate: null, maxMenteesPerMentor: null });
    });

    it('takes a given slug, and refuses one already taken (409 slug_taken), made or given', async () => {
      await create({ name: 'Pag-aaral sa Datos — 2027' });
      const again = await call('POST', '/admin/programmes', admin, { ...base, name: 'Pag-aaral sa Datos  2027' });
      expect(again.status).toBe(409);
      expect((await json(again)).error.code).toBe('slug_taken');
      const given = await create({ name: 'Pag-aaral sa Datos — 2027', slug: 'datos-2027' });
      expect(given.slug).toBe('datos-2027');
      const taken = await json(await call('POST', '/admin/programmes', admin, { ...base, slug: 'datos-2027' }));
      expect(taken.error.code).toBe('slug_taken');
      expect(issuePaths(taken)).toEqual(['slug']);
    });

    it('refuses bad input naming the field (400)', async () => {
      const cases: [Record<string, unknown>, string][] = [
        [{ name: 'ab' }, 'name'],
        [{ name: 'x'.repeat(121) }, 'name'],
        [{ endsOn: '2027-01-09' }, 'endsOn'],
        [{ enrolmentClosesOn: '2027-07-01' }, 'enrolmentClosesOn'],
        [{ startsOn: '2027-02-30' }, 'startsOn'],
        [{ matching: 'lottery' }, 'matching'],
        [{ milestoneTemplate: 'cooking' }, 'milestoneTemplate'],
        [{ maxMenteesPerMentor: 21 }, 'maxMenteesPerMentor'],
        [{ slug: 'Not A Slug' }, 'slug'],
      ];
      for (const [patch, field] of cases) {
        const res = await call('POST', '/admin/programmes', admin, { ...base, ...patch });
        expect(res.status, field).toBe(400);
        const body = await json(res);
        expect(body.error.code).toBe('validation_failed');
        expect(issuePaths(body), field).toContain(field);
      }
      expect((await call('POST', '/admin/programmes', admin, { ...base, colour: 'red' })).status).toBe(400);
      expect(await t.handle.db.selectFrom('programmes').select('id').execute()).toEqual([]);
    });

    it('is for admins only (403), signed in (401)', async () => {
      expect((await call('POST', '/admin/programmes', tom, base)).status).toBe(403);
      expect((await call('POST', '/admin/programmes', undefined, base)).status).toBe(401);
    });
  });

  describe('PATCH /admin/programmes/{id}', () => {
    it('changes fields; renaming keeps the slug, which changes only when given', async () => {
      const p = await create();
      t.clock.advance(60_000);
      const renamed = await json(await call('PATCH', `/admin/programmes/${p.id}`, admin, { name: 'Data Engineering 2027', maxMenteesPerMentor: 2, enrolmentClosesOn: '2027-01-31' }));
      expect(renamed).toMatchObject({ id: p.id, slug: 'data-engineering-cohort', name: 'Data Engineering 2027', maxMenteesPerMentor: 2, enrolmentClosesOn: '2027-01-31', updatedAt: '2026-11-28T09:01:00.000Z' });
      const reslugged = await json(await call('PATCH', `/admin/programmes/${p.id}`, admin, { slug: 'de-2027', enrolmentClosesOn: null, maxMenteesPerMentor: null }));
      expect(reslugged).toMatchObject({ slug: 'de-2027', enrolmentClosesOn: null, maxMenteesPerMentor: null, name: 'Data Engineering 2027' });
      expect((await get(tom, 'de-2027')).id).toBe(p.id);
      expect(await auditActions(p.id)).toEqual(['programme.created', 'programme.updated', 'programme.updated']);
    });

    it('checks the dates merged with the stored ones (400 naming the field)', async () => {
      const p = await create({ enrolmentClosesOn: '2027-01-31' });
      const early = await call('PATCH', `/admin/programmes/${p.id}`, admin, { endsOn: '2027-01-05' });
      expect(early.status).toBe(400);
      expect(issuePaths(await json(early))).toEqual(expect.arrayContaining(['endsOn', 'enrolmentClosesOn']));
      const late = await json(await call('PATCH', `/admin/programmes/${p.id}`, admin, { enrolmentClosesOn: '2027-07-01' }));
      expect(issuePaths(late)).toEqual(['enrolmentClosesOn']);
      const afterEnd = await json(await call('PATCH', `/admin/programmes/${p.id}`, admin, { startsOn: '2027-07-01' }));
      expect(issuePaths(afterEnd)).toEqual(['endsOn']);
      // Both moved together is fine.
      const moved = await call('PATCH', `/admin/programmes/${p.id}`, admin, { startsOn: '2027-07-01', endsOn: '2027-12-31' });
      expect(moved.status).toBe(200);
      expect(issuePaths(await json(await call('PATCH', `/admin/programmes/${p.id}`, admin, { name: 'no' })))).toEqual(['name']);
      expect((await call('PATCH', `/admin/programmes/${p.id}`, admin, { status: 'ended' })).status).toBe(400);
    });

    it('refuses a slug another programme has (409), an unknown programme (404), a non-admin (403)', async () => {
      const p = await create();
      await create({ name: 'Second cohort' });
      expect((await json(await call('PATCH', `/admin/programmes/${p.id}`, admin, { slug: 'second-cohort' }))).error.code).toBe('slug_taken');
      expect((await call('PATCH', `/admin/programmes/${p.id}`, admin, { slug: 'data-engineering-cohort' })).status).toBe(200);
      expect((await call('PATCH', `/admin/programmes/${UNKNOWN}`, admin, { name: 'Renamed' })).status).toBe(404);
      expect((await call('PATCH', '/admin/programmes/not-an-id', admin, { name: 'Renamed' })).status).toBe(404);
      expect((await call('PATCH', `/admin/programmes/${p.id}`, tom, { name: 'Renamed' })).status).toBe(403);
    });
  });

  describe('status and enrolment over time', () => {
    it('derives upcoming, enrolling, running and ended from the dates; enrolment stays open after the start until it closes', async () => {
      const p = await create({ startsOn: '2027-01-10', endsOn: '2027-03-31', enrolmentClosesOn: '2027-02-15' });
      const closedEarly = await create({ name: 'Closed early', startsOn: '2027-01-10', endsOn: '2027-03-31', enrolmentClosesOn: '2026-12-15' });
      const statusOf = async (id: string) => { const x = await get(tom, id); return [x.status, x.enrolmentOpen]; };

      expect(await statusOf(p.id)).toEqual(['enrolling', true]);
      expect(await statusOf(closedEarly.id)).toEqual(['enrolling', true]);

      t.clock.set('2026-12-20T09:00:00Z');
      expect(await statusOf(closedEarly.id)).toEqual(['upcoming', false]);
      expect((await json(await enrol(tom, closedEarly.id, 'mentee'))).error.code).toBe('enrolment_closed');
      const upcoming = await json(await call('GET', '/admin/programmes?status=upcoming', admin));
      expect(upcoming.items.map((x: { id: string }) => x.id)).toEqual([closedEarly.id]);

      t.clock.set('2027-01-20T09:00:00Z');
      expect(await statusOf(p.id)).toEqual(['running', true]);
      expect((await enrol(tom, p.id, 'mentee')).status).toBe(201);
      const running = await json(await call('GET', '/admin/programmes?status=running', admin));
      expect(running.items.map((x: { id: string }) => x.id).sort()).toEqual([p.id, closedEarly.id].sort());

      t.clock.set('2027-02-15T23:00:00Z');
      expect((await enrol(ana, p.id, 'mentee')).status).toBe(201);
      t.clock.set('2027-02-16T09:00:00Z');
      expect(await statusOf(p.id)).toEqual(['running', false]);
      const late = await enrol(person('prg-late'), p.id, 'mentee');
      expect(late.status).toBe(409);
      expect((await json(late)).error.code).toBe('enrolment_closed');
      // Leaving is still possible while it runs.
      expect((await call('DELETE', `/programmes/${p.id}/enrolment`, ana)).status).toBe(204);

      t.clock.set('2027-04-01T09:00:00Z');
      expect(await statusOf(p.id)).toEqual(['ended', false]);
      expect((await json(await enrol(ana, p.id, 'mentee'))).error.code).toBe('enrolment_closed');
      const leave = await call('DELETE', `/programmes/${p.id}/enrolment`, tom);
      expect(leave.status).toBe(409);
      expect((await json(leave)).error.code).toBe('programme_ended');
      // Ended programmes leave the public list but can still be read and are listed to admins.
      expect((await json(await call('GET', '/programmes', tom))).items).toEqual([]);
      expect((await get(tom, p.slug)).viewerRoles).toEqual(['mentee']);
      const ended = await json(await call('GET', '/admin/programmes?status=ended', admin));
      expect(ended.items.map((x: { id: string }) => x.id).sort()).toEqual([p.id, closedEarly.id].sort());
      expect((await json(await call('GET', '/admin/programmes?status=enrolling', admin))).items).toEqual([]);
    });
  });

  describe('POST /programmes/{id}/enrolment', () => {
    it('enrols a mentee, notifies them, and shows their role and the counts', async () => {
      const p = await create();
      const other = await create({ name: 'Other cohort', startsOn: '2027-02-01' });
      const res = await enrol(tom, p.id, 'mentee', 'Move into data engineering');
      expect(res.status, await res.clone().text()).toBe(201);
      const tomId = await userId(t, tom);
      expect(await json(res)).toMatchObject({
        programmeId: p.id, role: 'mentee', goals: 'Move into data engineering', enrolledAt: '2026-11-28T09:00:00.000Z',
        person: { id: tomId, name: 'Tom Mentee' }, matched: false, freeSlots: null,
      });
      const notices = await t.handle.db.selectFrom('notifications').select(['kind', 'data']).where('user_id', '=', tomId).execute();
      expect(notices).toEqual([{
        kind: 'programme.enrolled',
        data: { programmeId: p.id, programmeName: base.name, programmeSlug: p.slug, role: 'mentee', startsOn: base.startsOn, endsOn: base.endsOn },
      }]);
      expect(await auditActions(p.id)).toEqual(['programme.created', 'programme.enrolled']);

      const list = await json(await call('GET', '/programmes', tom));
      expect(list.items.map((x: { id: string; viewerRoles: string[] }) => [x.id, x.viewerRoles])).toEqual([[p.id, ['mentee']], [other.id, []]]);
      expect(list.items[0].enrolled).toEqual({ mentors: 0, mentees: 1 });
      const mine = await json(await call('GET', '/programmes?enrolled=true', tom));
      expect(mine.items.map((x: { id: string }) => x.id)).toEqual([p.id]);
      expect((await json(await call('GET', '/programmes?enrolled=true', ana))).items).toEqual([]);
    });

    it('enrols an active mentor as a mentor (and as a mentee too), with their free slots', async () => {
      await becomeMentor(t, rosa, { capacity: 3 });
      const p = await create({ maxMenteesPerMentor: 2 });
      const res = await enrol(rosa, p.id, 'mentor', 'Data platform careers');
      expect(res.status, await res.clone().text()).toBe(201);
      expect(await json(res)).toMatchObject({ role: 'mentor', matched: false, freeSlots: 2 });
      expect((await enrol(rosa, p.id, 'mentee')).status).toBe(201);
      expect((await get(rosa, p.id)).viewerRoles).toEqual(['mentee', 'mentor']);
    });

    it('refuses a second enrolment in the same role (409 duplicate_enrolment)', async () => {
      const p = await create();
      expect((await enrol(tom, p.id, 'mentee')).status).toBe(201);
      const again = await enrol(tom, p.id, 'mentee');
      expect(again.status).toBe(409);
      expect((await json(again)).error.code).toBe('duplicate_enrolment');
    });

    it('lets only one of two concurrent enrolments in the same role through', async () => {
      const p = await create();
      await userId(t, ana);
      const results = await Promise.all([enrol(ana, p.id, 'mentee'), enrol(ana, p.id, 'mentee')]);
      expect(results.map((r) => r.status).sort()).toEqual([201, 409]);
      const refused = results.find((r) => r.status === 409)!;
      expect((await json(refused)).error.code).toBe('duplicate_enrolment');
      expect((await get(ana, p.id)).enrolled).toEqual({ mentors: 0, mentees: 1 });
    });

    it('refuses the mentor role without an active mentor record (403): a mentee, a suspended mentor', async () => {
      const p = await create();
      const asMentee = await enrol(tom, p.id, 'mentor');
      expect(asMentee.status).toBe(403);
      expect((await json(asMentee)).error.code).toBe('forbidden');
      const solId = await becomeMentor(t, sol);
      expect((await call('POST', `/admin/mentors/${solId}/suspend`, admin, { reason: 'Reported no-shows' })).status).toBe(200);
      expect((await enrol(sol, p.id, 'mentor')).status).toBe(403);
      // Suspension is from mentoring, not from learning.
      expect((await enrol(sol, p.id, 'mentee')).status).toBe(201);
      expect((await get(sol, p.id)).enrolled).toEqual({ mentors: 0, mentees: 1 });
    });

    it('refuses bad input (400 naming the field) and unknown programmes (404)', async () => {
      const p = await create();
      expect(issuePaths(await json(await call('POST', `/programmes/${p.id}/enrolment`, tom, { role: 'boss' })))).toEqual(['role']);
      expect(issuePaths(await json(await call('POST', `/programmes/${p.id}/enrolment`, tom, { role: 'mentee', goals: 'x'.repeat(2001) })))).toEqual(['goals']);
      expect(issuePaths(await json(await call('POST', `/programmes/${p.id}/enrolment`, tom, {})))).toEqual(['role']);
      expect((await enrol(tom, UNKNOWN, 'mentee')).status).toBe(404);
      expect((await enrol(tom, p.slug, 'mentee')).status).toBe(404);
      expect((await call('POST', `/programmes/${p.id}/enrolment`, undefined, { role: 'mentee' })).status).toBe(401);
    });
  });

  describe('DELETE /programmes/{id}/enrolment', () => {
    it('leaves one role, or every role; mentorships made in the programme go on', async () => {
      const rosaId = await becomeMentor(t, rosa, { capacity: 3 });
      const p = await create();
      expect((await enrol(rosa, p.id, 'mentor')).status).toBe(201);
      expect((await enrol(rosa, p.id, 'mentee')).status).toBe(201);
      expect((await enrol(tom, p.id, 'mentee')).status).toBe(201);
      const mentorshipId = await addMentorship(t, rosaId, await userId(t, tom));
      await t.handle.db.updateTable('mentorships').set({ programme_id: p.id }).where('id', '=', mentorshipId).execute();

      expect((await call('DELETE', `/programmes/${p.id}/enrolment?role=mentee`, rosa)).status).toBe(204);
      expect((await get(rosa, p.id)).viewerRoles).toEqual(['mentor']);
      const notInRole = await call('DELETE', `/programmes/${p.id}/enrolment?role=mentee`, rosa);
      expect(notInRole.status).toBe(404);
      expect((await json(notInRole)).error.code).toBe('not_found');

      expect((await call('DELETE', `/programmes/${p.id}/enrolment`, rosa)).status).toBe(204);
      expect((await call('DELETE', `/programmes/${p.id}/enrolment`, tom)).status).toBe(204);
      expect((await get(tom, p.id)).enrolled).toEqual({ mentors: 0, mentees: 0 });
      const mentorship = await t.handle.db.selectFrom('mentorships').select(['status', 'programme_id']).where('id', '=', mentorshipId).executeTakeFirstOrThrow();
      expect(mentorship).toEqual({ status: 'active', programme_id: p.id });
      expect((await auditActions(p.id)).filter((a) => a === 'programme.left')).toHaveLength(3);
    });

    it('answers 404 to someone not enrolled or for an unknown programme, 400 for a bad role', async () => {
      const p = await create();
      expect((await call('DELETE', `/programmes/${p.id}/enrolment`, ana)).status).toBe(404);
      expect((await call('DELETE', `/programmes/${UNKNOWN}/enrolment`, ana)).status).toBe(404);
      expect(issuePaths(await json(await call('DELETE', `/programmes/${p.id}/enrolment?role=boss`, ana)))).toEqual(['role']);
      expect((await call('DELETE', `/programmes/${p.id}/enrolment`, undefined)).status).toBe(401);
    });
  });

  describe('GET /admin/programmes/{id}/enrolments', () => {
    it('pages the enrolments in enrolment order with matched and free slots', async () => {
      const rosaId = await becomeMentor(t, rosa, { capacity: 3 });
      const p = await create({ maxMenteesPerMentor: 2, matching: 'admin_matched' });
      expect((await enrol(rosa, p.id, 'mentor')).status).toBe(201);
      t.clock.advance(1000);
      expect((await enrol(tom, p.id, 'mentee')).status).toBe(201);
      t.clock.advance(1000);
      expect((await enrol(ana, p.id, 'mentee')).status).toBe(201);
      expect((await enrol(rosa, p.id, 'mentee')).status).toBe(201);

      const all = await json(await call('GET', `/admin/programmes/${p.id}/enrolments`, admin));
      expect(all.items.map((e: { person: { name: string }; role: string }) => `${e.person.name}:${e.role}`)).toEqual([
        'Rosa Mentor:mentor', 'Tom Mentee:mentee',
        // Ana and Rosa enrolled at the same instant: by person, then role.
        ...[['Ana Mentee:mentee', await userId(t, ana)], ['Rosa Mentor:mentee', rosaId]].sort((a, b) => a[1]!.localeCompare(b[1]!)).map((x) => x[0]),
      ]);
      expect(all.items[0]).toMatchObject({ matched: false, freeSlots: 2 });
      expect(all.nextCursor).toBeNull();

      // An introduction pending with Tom, an open mentorship with Ana: Rosa is full for this programme.
      const tomId = await userId(t, tom);
      const requestId = await addRequest(t, rosaId, tomId);
      await t.handle.db.updateTable('mentorship_requests').set({ programme_id: p.id, introduced: true }).where('id', '=', requestId).execute();
      const mentees = await json(await call('GET', `/admin/programmes/${p.id}/enrolments?role=mentee`, admin));
      expect(mentees.items.map((e: { person: { name: string }; matched: boolean; freeSlots: null }) => [e.person.name, e.matched, e.freeSlots]))
        .toEqual(expect.arrayContaining([['Tom Mentee', true, null], ['Ana Mentee', false, null]]));
      expect((await json(await call('GET', `/admin/programmes/${p.id}/enrolments?role=mentor`, admin))).items[0]).toMatchObject({ matched: true, freeSlots: 1 });
      const mentorshipId = await addMentorship(t, rosaId, await userId(t, ana));
      await t.handle.db.updateTable('mentorships').set({ programme_id: p.id }).where('id', '=', mentorshipId).execute();
      expect((await json(await call('GET', `/admin/programmes/${p.id}/enrolments?role=mentor`, admin))).items[0]).toMatchObject({ matched: true, freeSlots: 0 });
      // Without a programme cap, the mentor's own free slots: capacity 3, less one open mentorship
      // and one pending introduction (it takes a slot once accepted).
      expect((await call('PATCH', `/admin/programmes/${p.id}`, admin, { maxMenteesPerMentor: null })).status).toBe(200);
      expect((await json(await call('GET', `/admin/programmes/${p.id}/enrolments?role=mentor`, admin))).items[0]).toMatchObject({ freeSlots: 1 });
      // Not accepting: none, as search counts it.
      expect((await call('PATCH', '/mentors/me', rosa, { acceptingMentees: false })).status).toBe(200);
      expect((await json(await call('GET', `/admin/programmes/${p.id}/enrolments?role=mentor`, admin))).items[0]).toMatchObject({ freeSlots: 0 });

      // One at a time, every enrolment exactly once.
      const seen: string[] = [];
      let cursor: string | null = null;
      do {
        const path: string = `/admin/programmes/${p.id}/enrolments?limit=1${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`;
        const page = await json(await call('GET', path, admin));
        expect(page.items).toHaveLength(1);
        seen.push(`${page.items[0].person.name}:${page.items[0].role}`);
        cursor = page.nextCursor;
      } while (cursor);
      expect(seen).toEqual(all.items.map((e: { person: { name: string }; role: string }) => `${e.person.name}:${e.role}`));
    });

    it('refuses non-admins (403), unknown programmes (404), bad queries (400)', async () => {
      const p = await create();
      expect((await call('GET', `/admin/programmes/${p.id}/enrolments`, tom)).status).toBe(403);
      expect((await call('GET', `/admin/programmes/${UNKNOWN}/enrolments`, admin)).status).toBe(404);
      expect(issuePaths(await json(await call('GET', `/admin/programmes/${p.id}/enrolments?role=boss`, admin)))).toEqual(['role']);
      expect(issuePaths(await json(await call('GET', `/admin/programmes/${p.id}/enrolments?cursor=nonsense`, admin)))).toEqual(['cursor']);
      expect(issuePaths(await json(await call('GET', `/admin/programmes/${p.id}/enrolments?limit=0`, admin)))).toEqual(['limit']);
    });
  });

  describe('listing and reading programmes', () => {
    it('lists soonest start first, one page at a time, for admins and for everyone', async () => {
      const later = await create({ name: 'Later cohort', startsOn: '2027-03-01' });
      const sooner = await create({ name: 'Sooner cohort', startsOn: '2027-01-01' });
      const ended = await create({ name: 'Past cohort', startsOn: '2026-01-01', endsOn: '2026-06-30' });
      for (const [path, as, expected] of [
        ['/admin/programmes', admin, [ended.id, sooner.id, later.id]],
        ['/programmes', tom, [sooner.id, later.id]],
      ] as const) {
        const first = await json(await call('GET', `${path}?limit=1`, as));
        expect(first.items.map((x: { id: string }) => x.id)).toEqual([expected[0]]);
        expect(first.nextCursor).toEqual(expect.any(String));
        const ids = [...first.items.map((x: { id: string }) => x.id)];
        let cursor = first.nextCursor as string | null;
        while (cursor) {
          const page = await json(await call('GET', `${path}?limit=1&cursor=${encodeURIComponent(cursor)}`, as));
          ids.push(...page.items.map((x: { id: string }) => x.id));
          cursor = page.nextCursor;
        }
        expect(ids).toEqual(expected);
      }
    });

    it('refuses bad queries (400 naming the field) and non-admins on the admin list (403)', async () => {
      expect(issuePaths(await json(await call('GET', '/admin/programmes?status=paused', admin)))).toEqual(['status']);
      expect(issuePaths(await json(await call('GET', '/admin/programmes?cursor=nonsense', admin)))).toEqual(['cursor']);
      expect(issuePaths(await json(await call('GET', '/programmes?enrolled=maybe', tom)))).toEqual(['enrolled']);
      expect(issuePaths(await json(await call('GET', '/programmes?limit=101', tom)))).toEqual(['limit']);
      expect((await call('GET', '/admin/programmes', tom)).status).toBe(403);
      expect((await call('GET', '/programmes', undefined)).status).toBe(401);
    });

    it('reads one programme by id or by slug; 404 for an unknown one', async () => {
      const p = await create();
      expect((await get(tom, p.id)).slug).toBe('data-engineering-cohort');
      expect((await get(tom, 'data-engineering-cohort')).id).toBe(p.id);
      expect((await get(tom, 'Data-Engineering-Cohort')).id).toBe(p.id);
      expect((await call('GET', '/programmes/no-such-cohort', tom)).status).toBe(404);
      expect((await call('GET', `/programmes/${UNKNOWN}`, tom)).status).toBe(404);
      expect((await call('GET', `/programmes/${p.id}`, undefined)).status).toBe(401);
    });
  });
});
