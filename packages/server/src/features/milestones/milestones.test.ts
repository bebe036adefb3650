import { milestoneTemplates } from '@mentorkit/contract';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { person } from '../../test/flows.js';
import { createTestContext, databaseKinds, json, type TestContext } from '../../test/harness.js';
import { eventsFor, expectError, newPair, noticesFor, snapshot, START, type Pair } from '../lifecycle/workspace.fixtures.js';
import { planFromTemplate } from './templates.js';

/** The harness clock starts on 2026-11-28, which is also the day every test mentorship starts. */
const TODAY = '2026-11-28';

describe('template dates', () => {
  it.each(milestoneTemplates)('%s: ascending, within the plan, the last on the target', (template) => {
    const fixed = planFromTemplate(template, { start: '2026-11-01', today: TODAY, target: '2027-03-01' });
    expect(fixed.targetEndDate).toBe('2027-03-01');
    const dates = fixed.milestones.map((m) => m.dueDate);
    expect(dates).toEqual([...dates].sort());
    expect(new Set(dates).size).toBe(dates.length);
    expect(dates[0]! > TODAY).toBe(true);
    expect(dates.at(-1)).toBe('2027-03-01');
    expect(fixed.milestones.length).toBeGreaterThanOrEqual(5);
    for (const m of fixed.milestones) {
      expect(m.title.length).toBeGreaterThan(3);
      expect(m.description.length).toBeGreaterThan(20);
    }
  });

  it('uses the default length without a target, and the start when the target is past', () => {
    expect(planFromTemplate('technical-8-week', { start: TODAY, today: TODAY, target: null }).targetEndDate).toBe('2027-01-23');
    expect(planFromTemplate('research-project', { start: TODAY, today: TODAY, target: null }).targetEndDate).toBe('2027-03-20');
    const late = planFromTemplate('startup', { start: '2026-09-01', today: TODAY, target: '2026-11-01' });
    expect(late.milestones[0]!.dueDate >= '2026-09-01').toBe(true);
    expect(late.milestones.at(-1)!.dueDate).toBe('2026-11-01');
  });
});

describe.each(databaseKinds)('timeline and milestones on %s', (kind) => {
  let t: TestContext;
  const outsider = person('ms-outsider', 'Olu Outsider');

  beforeAll(async () => {
    t = await createTestContext(kind);
    await t.call('GET', '/api/v1/me', { as: outsider });
  });
  afterAll(async () => { await t?.close(); });

  const call = (...args: Parameters<TestContext['call']>) => t.call(...args);
  const add = async (pair: Pair, body: Record<string, unknown>) => {
    const res = await call('POST', `/api/v1/mentorships/${pair.mentorshipId}/milestones`, { as: pair.mentor, body });
    const created = await json(res);
    expect(res.status, JSON.stringify(created)).toBe(201);
    return created;
  };
  const patch = (id: string, as: Pair['mentor'], body: unknown) => call('PATCH', `/api/v1/milestones/${id}`, { as, body });
  const plan = async (pair: Pair) => (await json(await call('GET', `/api/v1/mentorships/${pair.mentorshipId}/progress`, { as: pair.mentee }))).milestones;

  it('lets the mentor set the target end date, not before the start; the mentee gets 403, outsiders 404', async () => {
    const pair = await newPair(t, 'ms-target');
    const res = await call('PUT', `/api/v1/mentorships/${pair.mentorshipId}/timeline`, { as: pair.mentor, body: { targetEndDate: '2027-02-20' } });
    expect(res.status).toBe(200);
    expect(await json(res)).toMatchObject({ mentorship: { id: pair.mentorshipId, targetEndDate: '2027-02-20' }, milestones: [] });
    expect((await noticesFor(t, pair.menteeId, 'timeline.updated')).at(-1)?.data).toMatchObject({ targetEndDate: '2027-02-20', milestonesAdded: 0 });
    expect((await eventsFor(t, pair.menteeId, 'mentorship.updated')).at(-1)?.data).toMatchObject({ targetEndDate: '2027-02-20' });

    const before = await snapshot(t);
    await expectError(await call('PUT', `/api/v1/mentorships/${pair.mentorshipId}/timeline`, { as: pair.mentee, body: { targetEndDate: '2027-03-01' } }), 403, 'forbidden');
    await expectError(await call('PUT', `/api/v1/mentorships/${pair.mentorshipId}/timeline`, { as: outsider, body: { targetEndDate: '2027-03-01' } }), 404, 'not_found');
    const early = await expectError(await call('PUT', `/api/v1/mentorships/${pair.mentorshipId}/timeline`, { as: pair.mentor, body: { targetEndDate: '2026-11-27' } }), 400, 'validation_failed');
    expect(early.error.issues[0].path).toEqual(['targetEndDate']);
    for (const body of [{ targetEndDate: '2027-02-30' }, { targetEndDate: '20270220' }, {}, { targetEndDate: '2027-02-20', template: 'marathon' }]) {
      await expectError(await call('PUT', `/api/v1/mentorships/${pair.mentorshipId}/timeline`, { as: pair.mentor, body }), 400, 'validation_failed');
    }
    // The same target again changes nothing.
    expect((await call('PUT', `/api/v1/mentorships/${pair.mentorshipId}/timeline`, { as: pair.mentor, body: { targetEndDate: '2027-02-20' } })).status).toBe(200);
    expect(await snapshot(t)).toEqual(before);
    // The start day itself is allowed; null clears it.
    expect((await json(await call('PUT', `/api/v1/mentorships/${pair.mentorshipId}/timeline`, { as: pair.mentor, body: { targetEndDate: TODAY } }))).mentorship.targetEndDate).toBe(TODAY);
    expect((await json(await call('PUT', `/api/v1/mentorships/${pair.mentorshipId}/timeline`, { as: pair.mentor, body: { targetEndDate: null } }))).mentorship.targetEndDate).toBeNull();
  });

  it.each(milestoneTemplates)('creates dated milestones from the %s template', async (template) => {
    const pair = await newPair(t, `ms-tpl-${template}`);
    const withTarget = await json(await call('PUT', `/api/v1/mentorships/${pair.mentorshipId}/timeline`, { as: pair.mentor, body: { targetEndDate: '2027-02-26', template } }));
    expect(withTarget.mentorship.targetEndDate).toBe('2027-02-26');
    const milestones = withTarget.milestones as { title: string; dueDate: string; status: string; position: number }[];
    expect(milestones.length).toBeGreaterThanOrEqual(5);
    expect(milestones.map((m) => m.position)).toEqual(milestones.map((_, i) => i + 1));
    expect(milestones.every((m) => m.status === 'not_started' && m.dueDate > TODAY && m.dueDate <= '2027-02-26')).toBe(true);
    expect(milestones.at(-1)!.dueDate).toBe('2027-02-26');
    expect(await plan(pair)).toHaveLength(milestones.length);
    expect((await noticesFor(t, pair.menteeId, 'timeline.updated')).at(-1)?.data).toMatchObject({ template, milestonesAdded: milestones.length });
    expect(await eventsFor(t, pair.menteeId, 'milestone.updated')).toHaveLength(milestones.length);

    const before = await snapshot(t);
    await expectError(await call('PUT', `/api/v1/mentorships/${pair.mentorshipId}/timeline`, { as: pair.mentor, body: { targetEndDate: '2027-02-26', template } }), 409, 'conflict');
    expect(await snapshot(t)).toEqual(before);

    const fresh = await newPair(t, `ms-tpl-default-${template}`);
    const byDefault = await json(await call('PUT', `/api/v1/mentorships/${fresh.mentorshipId}/timeline`, { as: fresh.mentor, body: { targetEndDate: null, template } }));
    expect(byDefault.mentorship.targetEndDate).toBe(byDefault.milestones.at(-1).dueDate);
    expect(byDefault.mentorship.targetEndDate > '2027-01-01').toBe(true);
  });

  it('adds milestones at the end of the plan (mentor only), due not before the start', async () => {
    const pair = await newPair(t, 'ms-add');
    const a = await add(pair, { title: '  Draft the CV  ', description: 'One page', dueDate: '2026-12-10' });
    expect(a).toMatchObject({ mentorshipId: pair.mentorshipId, title: 'Draft the CV', description: 'One page', dueDate: '2026-12-10', status: 'not_started', position: 1, overdue: false, completedAt: null });
    const b = await add(pair, { title: 'Mock interview' });
    expect(b).toMatchObject({ position: 2, dueDate: null, description: '' });
    expect(await add(pair, { title: 'On the first day', dueDate: TODAY })).toMatchObject({ position: 3 });
    expect((await noticesFor(t, pair.menteeId, 'milestone.added')).map((n) => n.data['title'])).toEqual(['Draft the CV', 'Mock interview', 'On the first day']);

    const before = await snapshot(t);
    const early = await expectError(await call('POST', `/api/v1/mentorships/${pair.mentorshipId}/milestones`, { as: pair.mentor, body: { title: 'Too early', dueDate: '2026-11-27' } }), 400, 'validation_failed');
    expect(early.error.issues[0].path).toEqual(['dueDate']);
    for (const body of [{ title: '' }, { title: 'x'.repeat(201) }, { title: 'ok', dueDate: 'tomorrow' }, { title: 'ok', status: 'completed' }]) {
      await expectError(await call('POST', `/api/v1/mentorships/${pair.mentorshipId}/milestones`, { as: pair.mentor, body }), 400, 'validation_failed');
    }
    await expectError(await call('POST', `/api/v1/mentorships/${pair.mentorshipId}/milestones`, { as: pair.mentee, body: { title: 'My own idea' } }), 403, 'forbidden');
    await expectError(await call('POST', `/api/v1/mentorships/${pair.mentorshipId}/milestones`, { as: outsider, body: { title: 'Mine' } }), 404, 'not_found');
    expect(await snapshot(t)).toEqual(before);

    const headers = { 'idempotency-key': 'milestone-add-1' };
    const r1 = await call('POST', `/api/v1/mentorships/${pair.mentorshipId}/milestones`, { as: pair.mentor, body: { title: 'Once' }, headers });
    const r2 = await call('POST', `/api/v1/mentorships/${pair.mentorshipId}/milestones`, { as: pair.mentor, body: { title: 'Once' }, headers });
    expect((await json(r1)).id).toBe((await json(r2)).id);
    expect(await plan(pair)).toHaveLength(4);
  });

  it('lets either party move the status along the state machine; edits of the plan are the mentor\'s', async () => {
    const pair = await newPair(t, 'ms-patch');
    const m = await add(pair, { title: 'Portfolio', dueDate: '2026-12-15' });

    const started = await patch(m.id, pair.mentee, { status: 'in_progress' });
    expect(started.status).toBe(200);
    expect(await json(started)).toMatchObject({ status: 'in_progress', completedAt: null });
    expect((await noticesFor(t, pair.mentorId, 'milestone.updated')).at(-1)?.data).toMatchObject({ milestoneId: m.id, status: 'in_progress', changed: ['status'], byId: pair.menteeId });

    const before = await snapshot(t);
    for (const body of [{ title: 'Renamed' }, { description: 'More' }, { dueDate: '2026-12-20' }, { move: 'up' }, { status: 'completed', title: 'Sneaky' }]) {
      await expectError(await patch(m.id, pair.mentee, body), 403, 'forbidden');
    }
    await expectError(await patch(m.id, outsider, { status: 'completed' }), 404, 'not_found');
    await expectError(await patch(m.id, pair.mentor, { dueDate: '2026-11-01' }), 400, 'validation_failed');
    await expectError(await patch(m.id, pair.mentor, {}), 400, 'validation_failed');
    await expectError(await patch(m.id, pair.mentor, { status: 'done' }), 400, 'validation_failed');
    await expectError(await patch(m.id, pair.mentor, { position: 1 }), 400, 'validation_failed');
    await expectError(await call('PATCH', '/api/v1/milestones/not-a-uuid', { as: pair.mentor, body: { status: 'completed' } }), 404, 'not_found');
    expect(await snapshot(t)).toEqual(before);

    t.clock.set('2026-11-30T12:00:00Z');
    const done = await json(await patch(m.id, pair.mentor, { status: 'completed' }));
    expect(done).toMatchObject({ status: 'completed', completedAt: '2026-11-30T12:00:00.000Z' });
    const reopened = await json(await patch(m.id, pair.mentee, { status: 'in_progress' }));
    expect(reopened).toMatchObject({ status: 'in_progress', completedAt: null });
    expect(await json(await patch(m.id, pair.mentee, { status: 'not_started' }))).toMatchObject({ status: 'not_started' });
    t.clock.set(START);

    // not started → completed skips a step: refused, nothing written.
    const beforeSkip = await snapshot(t);
    await expectError(await patch(m.id, pair.mentee, { status: 'completed' }), 409, 'invalid_transition');
    expect(await snapshot(t)).toEqual(beforeSkip);
    // The same status again is a no-op.
    expect((await patch(m.id, pair.mentee, { status: 'not_started' })).status).toBe(200);
    expect(await snapshot(t)).toEqual(beforeSkip);

    const edited = await json(await patch(m.id, pair.mentor, { title: 'Portfolio site', description: 'Three case studies', dueDate: '2026-12-20' }));
    expect(edited).toMatchObject({ title: 'Portfolio site', description: 'Three case studies', dueDate: '2026-12-20' });
    const audit = await t.handle.db.selectFrom('audit_log').select(['action', 'from_state', 'to_state']).where('entity_id', '=', m.id).orderBy('id').execute();
    expect(audit).toEqual([
      { action: 'milestone.created', from_state: null, to_state: 'not_started' },
      { action: 'milestone.status_changed', from_state: 'not_started', to_state: 'in_progress' },
      { action: 'milestone.status_changed', from_state: 'in_progress', to_state: 'completed' },
      { action: 'milestone.status_changed', from_state: 'completed', to_state: 'in_progress' },
      { action: 'milestone.status_changed', from_state: 'in_progress', to_state: 'not_started' },
      { action: 'milestone.edited', from_state: null, to_state: null },
    ]);
  });

  it('reorders by moving one place up or down (mentor only)', async () => {
    const pair = await newPair(t, 'ms-move');
    const [a, b, c] = [await add(pair, { title: 'A' }), await add(pair, { title: 'B' }), await add(pair, { title: 'C' })];
    const order = async () => (await plan(pair)).map((m: { title: string }) => m.title);
    expect((await patch(c.id, pair.mentor, { move: 'up' })).status).toBe(200);
    expect(await order()).toEqual(['A', 'C', 'B']);
    await patch(a.id, pair.mentor, { move: 'down' });
    expect(await order()).toEqual(['C', 'A', 'B']);
    const before = await snapshot(t);
    await patch(c.id, pair.mentor, { move: 'up' }); // already first: no-op
    await patch(b.id, pair.mentor, { move: 'down' }); // already last: no-op
    expect(await snapshot(t)).toEqual(before);
    expect(await order()).toEqual(['C', 'A', 'B']);
    // Moves update both screens but notify nobody.
    expect(await noticesFor(t, pair.menteeId, 'milestone.updated')).toHaveLength(0);
    const moved = await eventsFor(t, pair.menteeId, 'milestone.updated');
    expect(moved.length).toBeGreaterThanOrEqual(3 + 4);
  });

  it('deletes a milestone (mentor only), telling the mentee and both screens', async () => {
    const pair = await newPair(t, 'ms-delete');
    const m = await add(pair, { title: 'Short-lived' });
    const before = await snapshot(t);
    await expectError(await call('DELETE', `/api/v1/milestones/${m.id}`, { as: pair.mentee }), 403, 'forbidden');
    await expectError(await call('DELETE', `/api/v1/milestones/${m.id}`, { as: outsider }), 404, 'not_found');
    expect(await snapshot(t)).toEqual(before);
    const res = await call('DELETE', `/api/v1/milestones/${m.id}`, { as: pair.mentor });
    expect(res.status).toBe(204);
    expect(await plan(pair)).toEqual([]);
    await expectError(await call('DELETE', `/api/v1/milestones/${m.id}`, { as: pair.mentor }), 404, 'not_found');
    expect((await noticesFor(t, pair.menteeId, 'milestone.removed')).at(-1)?.data).toMatchObject({ milestoneId: m.id, title: 'Short-lived' });
    expect((await eventsFor(t, pair.menteeId, 'milestone.updated')).at(-1)?.data).toMatchObject({ id: m.id, deleted: true });
  });

  it('flags overdue milestones until they are completed', async () => {
    const pair = await newPair(t, 'ms-overdue');
    const m = await add(pair, { title: 'Due soon', dueDate: '2026-12-05' });
    await add(pair, { title: 'No date' });
    expect((await plan(pair)).map((x: { overdue: boolean }) => x.overdue)).toEqual([false, false]);
    t.clock.set('2026-12-05T23:59:00Z');
    expect((await plan(pair))[0].overdue).toBe(false);
    t.clock.set('2026-12-06T00:00:01Z');
    const progress = await json(await call('GET', `/api/v1/mentorships/${pair.mentorshipId}/progress`, { as: pair.mentor }));
    expect(progress.milestones.map((x: { overdue: boolean }) => x.overdue)).toEqual([true, false]);
    expect(progress.counts.overdue).toBe(1);
    await patch(m.id, pair.mentee, { status: 'in_progress' });
    expect((await plan(pair))[0].overdue).toBe(true);
    await patch(m.id, pair.mentor, { status: 'completed' });
    expect((await plan(pair))[0].overdue).toBe(false);
    t.clock.set(START);
  });
});
