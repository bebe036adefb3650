import { applicationStatuses, type ApplicationStatus } from '@mentorkit/contract';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestContext, databaseKinds, json, type TestContext } from '../../test/harness.js';
import { admin, person } from '../../test/flows.js';

const application = {
  expertise: [' Product Management ', 'product management', 'UX Research'],
  yearsOfExperience: 12,
  statement: 'I have shipped products for twelve years and coached many associate product managers.',
  links: ['https://example.com/portfolio'],
};

describe.each(databaseKinds)('mentor applications on %s', (kind) => {
  let t: TestContext;
  beforeAll(async () => { t = await createTestContext(kind); });
  afterAll(async () => { await t?.close(); });

  it('applies, shows the status, and becomes a mentor on approval with a notification', async () => {
    const lea = person('app-lea', 'Lea Ramos');
    const res = await t.call('POST', '/api/v1/mentor-applications', { as: lea, body: application });
    expect(res.status).toBe(201);
    const created = await json(res);
    expect(created).toMatchObject({ status: 'pending', expertise: ['Product Management', 'UX Research'], applicant: { name: 'Lea Ramos' } });
    expect(await json(await t.call('GET', '/api/v1/mentor-applications/mine', { as: lea }))).toMatchObject({ application: { id: created.id, status: 'pending' } });
    const queue = await json(await t.call('GET', '/api/v1/admin/mentor-applications?status=pending', { as: admin }));
    expect(queue.items.map((a: { id: string }) => a.id)).toContain(created.id);

    const approved = await json(await t.call('POST', `/api/v1/admin/mentor-applications/${created.id}/approve`, { as: admin, body: { notes: 'Welcome aboard' } }));
    expect(approved).toMatchObject({ status: 'approved', decisionNotes: 'Welcome aboard' });
    const me = await json(await t.call('GET', '/api/v1/me', { as: lea }));
    expect(me.roles).toContain('mentor');
    expect(me.mentor).toMatchObject({ expertise: ['Product Management', 'UX Research'], yearsOfExperience: 12, capacity: 3, acceptingMentees: true, availability: 'available' });
    const notes = await json(await t.call('GET', '/api/v1/notifications', { as: lea }));
    expect(notes.items.map((n: { kind: string }) => n.kind)).toContain('application.approved');
    const again = await t.call('POST', '/api/v1/mentor-applications', { as: lea, body: application });
    expect(again.status).toBe(409);
  });

  it('resubmits after changes are requested, and may apply again after a rejection', async () => {
    const ken = person('app-ken', 'Ken Tanaka');
    const first = await json(await t.call('POST', '/api/v1/mentor-applications', { as: ken, body: application }));
    const dup = await t.call('POST', '/api/v1/mentor-applications', { as: ken, body: application });
    expect(dup.status).toBe(409);
    const noNotes = await t.call('POST', `/api/v1/admin/mentor-applications/${first.id}/request-changes`, { as: admin, body: {} });
    expect(noNotes.status).toBe(400);
    await t.call('POST', `/api/v1/admin/mentor-applications/${first.id}/request-changes`, { as: admin, body: { notes: 'Say more about your mentoring' } });
    const resubmitted = await t.call('PUT', '/api/v1/mentor-applications/mine', { as: ken, body: { ...application, statement: `${application.statement} I also run a weekly office hour.` } });
    expect(resubmitted.status).toBe(200);
    expect((await json(resubmitted)).status).toBe('pending');
    const resubmitPending = await t.call('PUT', '/api/v1/mentor-applications/mine', { as: ken, body: application });
    expect((await json(resubmitPending)).error.code).toBe('invalid_transition');
    await t.call('POST', `/api/v1/admin/mentor-applications/${first.id}/reject`, { as: admin, body: { notes: 'Not enough mentoring experience yet' } });
    const mine = await json(await t.call('GET', '/api/v1/mentor-applications/mine', { as: ken }));
    expect(mine).toMatchObject({ application: { status: 'rejected', decisionNotes: 'Not enough mentoring experience yet' } });
    const reapply = await t.call('POST', '/api/v1/mentor-applications', { as: ken, body: application });
    expect(reapply.status).toBe(201);
  });

  // four eyes on every mentor.
  it('refuses an admin deciding their own application (403), and lets another admin decide it', async () => {
    const self = { sub: 'app-admin-self', name: 'Self Admin', roles: ['admin'] };
    const created = await json(await t.call('POST', '/api/v1/mentor-applications', { as: self, body: application }));
    for (const action of ['approve', 'reject', 'request-changes']) {
      const res = await t.call('POST', `/api/v1/admin/mentor-applications/${created.id}/${action}`, { as: self, body: { notes: 'Looks great' } });
      expect(res.status).toBe(403);
      const body = await json(res);
      expect(body.error).toMatchObject({ code: 'forbidden', message: expect.stringMatching(/another admin must decide/) });
    }
    expect(await json(await t.call('GET', '/api/v1/mentor-applications/mine', { as: self }))).toMatchObject({ application: { status: 'pending', decisionNotes: null } });
    expect((await json(await t.call('GET', '/api/v1/me', { as: self }))).roles).not.toContain('mentor');
    const approved = await t.call('POST', `/api/v1/admin/mentor-applications/${created.id}/approve`, { as: admin, body: { notes: 'Welcome' } });
    expect(approved.status).toBe(200);
  });

  it('tells every admin of an application waiting for review, and nobody else', async () => {
    const secondAdmin = { sub: 'app-admin-2', name: 'Second Admin', roles: ['admin'] };
    const bystander = person('app-bystander', 'Bea Bystander');
    const applicant = person('app-noa', 'Noa Applicant');
    // People exist from their first request; an admin who signs in later has nothing to catch up on.
    for (const user of [admin, secondAdmin, bystander]) expect((await t.call('GET', '/api/v1/me', { as: user })).status).toBe(200);
    const submittedTo = async (user: typeof admin) =>
      (await json(await t.call('GET', '/api/v1/notifications?limit=100', { as: user }))).items
        .filter((n: { kind: string; data: { applicantName?: string } }) => n.kind === 'application.submitted' && n.data.applicantName === 'Noa Applicant')
        .map((n: { data: unknown }) => n.data);

    const created = await json(await t.call('POST', '/api/v1/mentor-applications', { as: applicant, body: application }));
    for (const user of [admin, secondAdmin]) {
      expect(await submittedTo(user)).toEqual([{ applicationId: created.id, applicantName: 'Noa Applicant', resubmitted: false }]);
    }
    expect(await submittedTo(bystander)).toEqual([]);
    expect(await submittedTo(applicant)).toEqual([]);

    await t.call('POST', `/api/v1/admin/mentor-applications/${created.id}/request-changes`, { as: admin, body: { notes: 'Add a link' } });
    expect((await t.call('PUT', '/api/v1/mentor-applications/mine', { as: applicant, body: application })).status).toBe(200);
    // (The test clock stands still, so both carry the same time: compare without order.)
    const both = await submittedTo(secondAdmin);
    expect(both).toHaveLength(2);
    expect(both).toEqual(expect.arrayContaining([
      { applicationId: created.id, applicantName: 'Noa Applicant', resubmitted: true },
      { applicationId: created.id, applicantName: 'Noa Applicant', resubmitted: false },
    ]));

    // An admin who applies is not told of their own application; the other admin is.
    const own = await json(await t.call('POST', '/api/v1/mentor-applications', { as: secondAdmin, body: application }));
    const ownNotices = async (user: typeof admin) => (await json(await t.call('GET', '/api/v1/notifications?limit=100', { as: user }))).items
      .filter((n: { kind: string; data: { applicationId?: string } }) => n.kind === 'application.submitted' && n.data.applicationId === own.id);
    expect(await ownNotices(secondAdmin)).toEqual([]);
    expect(await ownNotices(admin)).toHaveLength(1);
  });

  it('validates applications and decisions', async () => {
    const vic = person('app-vic', 'Vic Validation');
    for (const body of [
      { ...application, expertise: [] },
      { ...application, statement: 'too short' },
      { ...application, yearsOfExperience: 71 },
      { ...application, links: ['javascript:alert(1)'] },
      { ...application, unknown: 1 },
    ]) {
      const res = await t.call('POST', '/api/v1/mentor-applications', { as: vic, body });
      expect(res.status).toBe(400);
      expect((await json(res)).error.code).toBe('validation_failed');
    }
    // Never applied: an answer (200 with no application), not an error.
    const none = await t.call('GET', '/api/v1/mentor-applications/mine', { as: vic });
    expect(none.status).toBe(200);
    expect(await json(none)).toEqual({ application: null });
    expect((await t.call('PUT', '/api/v1/mentor-applications/mine', { as: vic, body: application })).status).toBe(404);
  });

  it('keeps the admin queue and decisions to admins (403) and unknown ids 404', async () => {
    const eve = person('app-eve', 'Eve Applicant');
    const created = await json(await t.call('POST', '/api/v1/mentor-applications', { as: eve, body: application }));
    for (const path of ['approve', 'reject', 'request-changes']) {
      const res = await t.call('POST', `/api/v1/admin/mentor-applications/${created.id}/${path}`, { as: eve, body: { notes: 'self-approval' } });
      expect(res.status).toBe(403);
      const missing = await t.call('POST', `/api/v1/admin/mentor-applications/00000000-0000-4000-8000-000000000000/${path}`, { as: admin, body: { notes: 'x' } });
      expect(missing.status).toBe(404);
    }
    expect((await t.call('GET', '/api/v1/admin/mentor-applications', { as: eve })).status).toBe(403);
    expect((await t.call('GET', '/api/v1/admin/mentor-applications?status=bogus', { as: admin })).status).toBe(400);
    expect((await t.call('GET', '/api/v1/admin/mentor-applications')).status).toBe(401);
  });

  /** Puts a new application into `status`. */
  async function applicationIn(status: ApplicationStatus, n: number) {
    const user = person(`app-state-${status}-${n}`, 'State Person');
    const created = await json(await t.call('POST', '/api/v1/mentor-applications', { as: user, body: application }));
    const path = { approved: 'approve', rejected: 'reject', changes_requested: 'request-changes', pending: null }[status];
    if (path) expect((await t.call('POST', `/api/v1/admin/mentor-applications/${created.id}/${path}`, { as: admin, body: { notes: 'decided' } })).status).toBe(200);
    return { id: created.id as string, user };
  }

  const decisions = [['approve', 'approved'], ['reject', 'rejected'], ['request-changes', 'changes_requested']] as const;
  it.each(applicationStatuses.flatMap((from) => decisions.map(([path, to]) => [from, to, path] as const)))(
    'from %s, %s is legal only from pending',
    async (from, to, path) => {
      const { id } = await applicationIn(from, Math.random());
      const res = await t.call('POST', `/api/v1/admin/mentor-applications/${id}/${path}`, { as: admin, body: { notes: 'again' } });
      if (from === 'pending') {
        expect(res.status).toBe(200);
        expect((await json(res)).status).toBe(to);
      } else {
        expect(res.status).toBe(409);
        expect((await json(res)).error.code).toBe('invalid_transition');
      }
    },
  );

  it('audits every decision', async () => {
    const { id } = await applicationIn('approved', 99);
    const rows = await t.handle.db.selectFrom('audit_log').select(['action', 'from_state', 'to_state', 'actor_id']).where('entity_id', '=', id).orderBy('id').execute();
    expect(rows.map((r) => [r.action, r.from_state, r.to_state])).toEqual([
      ['application.submitted', null, 'pending'],
      ['application.approved', 'pending', 'approved'],
    ]);
  });
});
