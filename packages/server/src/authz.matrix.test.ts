import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { signUnsubscribeToken, unsubscribeKey } from './features/email/tokens.js';
import { routeSpecs } from './routes.js';
import { becomeMentor, requestBody, sendRequest, userId } from './test/flows.js';
import { createTestContext, databaseKinds, json, type TestContext, type TestUser } from './test/harness.js';

const routes = routeSpecs({ demo: true });

/*
 * The authorization matrix: every route of the route table, called as each kind of
 * caller, against real fixtures made through the API. A route without a row fails the test, so a
 * new route cannot ship without saying who may call it.
 *
 * Columns: anonymous (no token); an unrelated alumnus; the wrong party (the mentee on a mentor's
 * action, the mentor on a mentee's); a suspended mentor with no part in the resource; an admin
 * with no part in it; and the rightful caller (owner), whose success shows the fixture is real, so
 * that the refusals beside it mean something. `_` marks a column that does not apply (no wrong
 * party on a route either party may call; no owner on routes that act on the caller's own data,
 * where the other columns already succeed).
 */

const columns = ['anonymous', 'outsider', 'wrongParty', 'suspendedMentor', 'admin', 'owner'] as const;
type Column = (typeof columns)[number];
type Cell = number | '_';

/** Everything one row may address, made lazily (each row gets a world of its own). */
interface World {
  people: { mentor: TestUser; mentee: TestUser; asker: TestUser; applicant: TestUser; reviser: TestUser; outsider: TestUser; suspended: TestUser; admin: TestUser };
  mentorId(): Promise<string>;
  /** An active mentorship between mentor and mentee, with its conversation holding one message. */
  mentorship(): Promise<{ id: string; conversationId: string; messageSeq: number }>;
  /** A pending request from `asker` to the mentor. */
  request(): Promise<string>;
  /** A scheduled meeting ahead, and one that has started (only those can be completed). */
  meeting(): Promise<string>;
  startedMeeting(): Promise<string>;
  milestone(): Promise<string>;
  /** A pending application by `applicant`; `reviser`'s was sent back for changes. */
  application(): Promise<string>;
  revisableApplication(): Promise<string>;
  suspendedId(): Promise<string>;
  feedFile(): Promise<string>;
  unsubscribeToken(): Promise<string>;
  /** An enrolling programme the admin made through the API. */
  programme(): Promise<{ id: string; slug: string }>;
  /** A running programme with the mentorship in it (written directly: the report only reads). */
  programmeForReport(): Promise<string>;
}

interface Call {
  path: string;
  body?: unknown;
}

interface Row {
  /** `METHOD /path` as the registry writes it. */
  route: string;
  /** Which world member is the owner and which the wrong party. */
  owner?: keyof World['people'];
  wrong?: keyof World['people'];
  expect: [Cell, Cell, Cell, Cell, Cell, Cell];
  call(w: World): Promise<Call> | Call;
  /** Puts the resource into the state the owner's call needs (runs before the owner's call only). */
  beforeOwner?(w: World, t: TestContext): Promise<void>;
}

const _ = '_' as const;
const DENIED = 401;
const appBody = { expertise: ['SQL'], yearsOfExperience: 4, statement: 'I would like to give back to the alumni community by mentoring.' };
const programmeBody = { startsOn: '2027-01-10', endsOn: '2027-06-30', matching: 'mentee_choice' };

// anonymous, outsider, wrongParty, suspendedMentor, admin, owner
const open = (status: number): Row['expect'] => [status, status, _, status, status, _];
const signedIn = (status: number): Row['expect'] => [DENIED, status, _, status, status, _];
const partyOnly = (status: number): Row['expect'] => [DENIED, 404, _, 404, 404, status];
const oneParty = (status: number): Row['expect'] => [DENIED, 404, 403, 404, 404, status];
const adminOnly = (status: number): Row['expect'] => [DENIED, 403, _, 403, status, _];

const rows: Row[] = [
  // ops and demo: no credentials read
  { route: 'GET /healthz', expect: open(200), call: () => ({ path: '/healthz' }) },
  { route: 'GET /readyz', expect: open(200), call: () => ({ path: '/readyz' }) },
  { route: 'GET /openapi.json', expect: open(200), call: () => ({ path: '/openapi.json' }) },
  { route: 'GET /docs', expect: open(200), call: () => ({ path: '/docs' }) },
  { route: 'GET /docs/{asset}', expect: open(200), call: () => ({ path: '/docs/docs.js' }) },
  { route: 'POST /dev/token', expect: open(200), call: () => ({ path: '/dev/token', body: { persona: 'mentee' } }) },

  // the caller's own data
  { route: 'GET /me', expect: signedIn(200), call: () => ({ path: '/me' }) },
  { route: 'PUT /me/profile', expect: signedIn(200), call: () => ({ path: '/me/profile', body: { headline: 'Analyst' } }) },
  { route: 'GET /me/calendar-feed', expect: signedIn(200), call: () => ({ path: '/me/calendar-feed' }) },
  { route: 'POST /me/calendar-feed', expect: signedIn(200), call: () => ({ path: '/me/calendar-feed' }) },
  { route: 'DELETE /me/calendar-feed', expect: signedIn(204), call: () => ({ path: '/me/calendar-feed' }) },
  { route: 'GET /me/notification-preferences', expect: signedIn(200), call: () => ({ path: '/me/notification-preferences' }) },
  { route: 'PUT /me/notification-preferences', expect: signedIn(200), call: () => ({ path: '/me/notification-preferences', body: { language: 'fil' } }) },
  { route: 'GET /me/export', expect: signedIn(200), call: () => ({ path: '/me/export' }) },
  { route: 'DELETE /me', expect: signedIn(200), call: () => ({ path: '/me' }) },

  // mentors
  { route: 'GET /mentors', expect: signedIn(200), call: () => ({ path: '/mentors?availability=all' }) },
  { route: 'GET /mentors/{id}', expect: signedIn(200), call: async (w) => ({ path: `/mentors/${await w.mentorId()}` }) },
  // Only an approved mentor has settings; a suspended one may still change theirs.
  { route: 'PATCH /mentors/me', owner: 'mentor', expect: [DENIED, 404, _, 200, 404, 200], call: async (w) => { await w.mentorId(); return { path: '/mentors/me', body: { capacity: 5 } }; } },

  // applications: one open application per person (the suspended mentor's was approved)
  { route: 'POST /mentor-applications', expect: [DENIED, 201, _, 409, 201, _], call: () => ({ path: '/mentor-applications', body: appBody }) },
  { route: 'GET /mentor-applications/mine', owner: 'reviser', expect: [DENIED, 200, _, 200, 200, 200], call: async (w) => { await w.revisableApplication(); return { path: '/mentor-applications/mine' }; } },
  { route: 'PUT /mentor-applications/mine', owner: 'reviser', expect: [DENIED, 404, _, 409, 404, 200], call: async (w) => { await w.revisableApplication(); return { path: '/mentor-applications/mine', body: appBody }; } },

  // requests
  { route: 'POST /mentorship-requests', expect: signedIn(201), call: async (w) => ({ path: '/mentorship-requests', body: requestBody(await w.mentorId()) }) },
  { route: 'GET /mentorship-requests', expect: signedIn(200), call: () => ({ path: '/mentorship-requests' }) },
  { route: 'GET /mentorship-requests/{id}', owner: 'asker', expect: partyOnly(200), call: async (w) => ({ path: `/mentorship-requests/${await w.request()}` }) },
  { route: 'POST /mentorship-requests/{id}/accept', owner: 'mentor', wrong: 'asker', expect: oneParty(200), call: async (w) => ({ path: `/mentorship-requests/${await w.request()}/accept` }) },
  { route: 'POST /mentorship-requests/{id}/decline', owner: 'mentor', wrong: 'asker', expect: oneParty(200), call: async (w) => ({ path: `/mentorship-requests/${await w.request()}/decline`, body: { reason: 'not_enough_time' } }) },
  { route: 'POST /mentorship-requests/{id}/withdraw', owner: 'asker', wrong: 'mentor', expect: oneParty(200), call: async (w) => ({ path: `/mentorship-requests/${await w.request()}/withdraw` }) },

  // mentorships and their lifecycle
  { route: 'GET /mentorships', expect: signedIn(200), call: () => ({ path: '/mentorships' }) },
  { route: 'GET /mentorships/{id}', owner: 'mentee', expect: partyOnly(200), call: async (w) => ({ path: `/mentorships/${(await w.mentorship()).id}` }) },
  { route: 'POST /mentorships/{id}/pause', owner: 'mentee', expect: partyOnly(200), call: async (w) => ({ path: `/mentorships/${(await w.mentorship()).id}/pause` }) },
  {
    route: 'POST /mentorships/{id}/resume', owner: 'mentor', expect: partyOnly(200),
    call: async (w) => ({ path: `/mentorships/${(await w.mentorship()).id}/resume` }),
    beforeOwner: async (w, t) => { expect((await t.call('POST', `/api/v1/mentorships/${(await w.mentorship()).id}/pause`, { as: w.people.mentee })).status).toBe(200); },
  },
  { route: 'POST /mentorships/{id}/complete', owner: 'mentor', expect: partyOnly(200), call: async (w) => ({ path: `/mentorships/${(await w.mentorship()).id}/complete` }) },
  { route: 'POST /mentorships/{id}/cancel', owner: 'mentee', expect: partyOnly(200), call: async (w) => ({ path: `/mentorships/${(await w.mentorship()).id}/cancel`, body: { reason: 'Moving abroad' } }) },
  { route: 'GET /mentorships/{id}/history', owner: 'mentor', expect: partyOnly(200), call: async (w) => ({ path: `/mentorships/${(await w.mentorship()).id}/history` }) },
  { route: 'GET /mentorships/{id}/feedback', owner: 'mentee', expect: partyOnly(200), call: async (w) => ({ path: `/mentorships/${(await w.mentorship()).id}/feedback` }) },
  {
    route: 'POST /mentorships/{id}/feedback', owner: 'mentee', expect: partyOnly(201),
    call: async (w) => ({ path: `/mentorships/${(await w.mentorship()).id}/feedback`, body: { rating: 5, comment: 'Thank you' } }),
    beforeOwner: async (w, t) => { expect((await t.call('POST', `/api/v1/mentorships/${(await w.mentorship()).id}/complete`, { as: w.people.mentor })).status).toBe(200); },
  },

  // the plan: the mentor shapes it, the mentee moves milestones along and writes notes
  { route: 'PUT /mentorships/{id}/timeline', owner: 'mentor', wrong: 'mentee', expect: oneParty(200), call: async (w) => ({ path: `/mentorships/${(await w.mentorship()).id}/timeline`, body: { targetEndDate: '2027-03-01' } }) },
  { route: 'POST /mentorships/{id}/milestones', owner: 'mentor', wrong: 'mentee', expect: oneParty(201), call: async (w) => ({ path: `/mentorships/${(await w.mentorship()).id}/milestones`, body: { title: 'Draft the CV' } }) },
  { route: 'PATCH /milestones/{id}', owner: 'mentee', expect: partyOnly(200), call: async (w) => ({ path: `/milestones/${await w.milestone()}`, body: { status: 'in_progress' } }) },
  { route: 'DELETE /milestones/{id}', owner: 'mentor', wrong: 'mentee', expect: oneParty(204), call: async (w) => ({ path: `/milestones/${await w.milestone()}` }) },
  { route: 'POST /mentorships/{id}/progress-notes', owner: 'mentee', expect: partyOnly(201), call: async (w) => ({ path: `/mentorships/${(await w.mentorship()).id}/progress-notes`, body: { body: 'Read two chapters' } }) },
  { route: 'GET /mentorships/{id}/progress', owner: 'mentor', expect: partyOnly(200), call: async (w) => ({ path: `/mentorships/${(await w.mentorship()).id}/progress` }) },

  // meetings
  { route: 'POST /mentorships/{id}/meetings', owner: 'mentee', expect: partyOnly(201), call: async (w) => ({ path: `/mentorships/${(await w.mentorship()).id}/meetings`, body: { title: 'Kick-off', startsAt: '2026-12-02T10:00:00Z', durationMinutes: 45 } }) },
  { route: 'GET /meetings', expect: signedIn(200), call: () => ({ path: '/meetings' }) },
  { route: 'GET /meetings/{id}', owner: 'mentee', expect: partyOnly(200), call: async (w) => ({ path: `/meetings/${await w.meeting()}` }) },
  { route: 'GET /meetings/{id}/ics', owner: 'mentor', expect: partyOnly(200), call: async (w) => ({ path: `/meetings/${await w.meeting()}/ics` }) },
  { route: 'PATCH /meetings/{id}', owner: 'mentor', expect: partyOnly(200), call: async (w) => ({ path: `/meetings/${await w.meeting()}`, body: { title: 'Kick-off (moved)' } }) },
  { route: 'POST /meetings/{id}/complete', owner: 'mentee', expect: partyOnly(200), call: async (w) => ({ path: `/meetings/${await w.startedMeeting()}/complete`, body: { notes: 'Agreed on a plan' } }) },
  { route: 'POST /meetings/{id}/cancel', owner: 'mentor', expect: partyOnly(200), call: async (w) => ({ path: `/meetings/${await w.meeting()}/cancel`, body: { reason: 'Travelling' } }) },
  // URL-token routes: the token in the URL is the credential, whoever sends it (a calendar app, a mail client).
  { route: 'GET /calendar/{file}', expect: open(200), call: async (w) => ({ path: `/calendar/${await w.feedFile()}` }) },
  { route: 'GET /unsubscribe', expect: open(200), call: async (w) => ({ path: `/unsubscribe?token=${encodeURIComponent(await w.unsubscribeToken())}` }) },
  { route: 'POST /unsubscribe', expect: open(200), call: async (w) => ({ path: `/unsubscribe?token=${encodeURIComponent(await w.unsubscribeToken())}` }) },

  // messages
  { route: 'GET /conversations', expect: signedIn(200), call: () => ({ path: '/conversations' }) },
  { route: 'GET /conversations/{id}', owner: 'mentee', expect: partyOnly(200), call: async (w) => ({ path: `/conversations/${(await w.mentorship()).conversationId}` }) },
  { route: 'GET /conversations/{id}/messages', owner: 'mentor', expect: partyOnly(200), call: async (w) => ({ path: `/conversations/${(await w.mentorship()).conversationId}/messages` }) },
  { route: 'POST /conversations/{id}/messages', owner: 'mentee', expect: partyOnly(201), call: async (w) => ({ path: `/conversations/${(await w.mentorship()).conversationId}/messages`, body: { body: 'Hello', clientId: 'matrix-1' } }) },
  { route: 'POST /conversations/{id}/read', owner: 'mentee', expect: partyOnly(200), call: async (w) => { const m = await w.mentorship(); return { path: `/conversations/${m.conversationId}/read`, body: { upTo: m.messageSeq } }; } },

  // notifications
  { route: 'GET /notifications', expect: signedIn(200), call: () => ({ path: '/notifications' }) },
  { route: 'POST /notifications/read', expect: signedIn(200), call: () => ({ path: '/notifications/read', body: { all: true } }) },

  // admin
  { route: 'GET /admin/mentor-applications', expect: adminOnly(200), call: () => ({ path: '/admin/mentor-applications' }) },
  { route: 'POST /admin/mentor-applications/{id}/approve', expect: adminOnly(200), call: async (w) => ({ path: `/admin/mentor-applications/${await w.application()}/approve`, body: { notes: 'Welcome' } }) },
  { route: 'POST /admin/mentor-applications/{id}/reject', expect: adminOnly(200), call: async (w) => ({ path: `/admin/mentor-applications/${await w.application()}/reject`, body: { notes: 'Not yet' } }) },
  { route: 'POST /admin/mentor-applications/{id}/request-changes', expect: adminOnly(200), call: async (w) => ({ path: `/admin/mentor-applications/${await w.application()}/request-changes`, body: { notes: 'More detail' } }) },
  { route: 'GET /admin/mentors', expect: adminOnly(200), call: () => ({ path: '/admin/mentors' }) },
  { route: 'POST /admin/mentors/{id}/suspend', expect: adminOnly(200), call: async (w) => ({ path: `/admin/mentors/${await w.mentorId()}/suspend`, body: { reason: 'Reported' } }) },
  { route: 'POST /admin/mentors/{id}/reactivate', expect: adminOnly(200), call: async (w) => ({ path: `/admin/mentors/${await w.suspendedId()}/reactivate` }) },
  { route: 'GET /admin/stats', expect: adminOnly(200), call: () => ({ path: '/admin/stats' }) },

  // programmes: admins run them; anyone signed in reads them and enrols (as a mentee here)
  { route: 'GET /admin/programmes', expect: adminOnly(200), call: () => ({ path: '/admin/programmes' }) },
  { route: 'POST /admin/programmes', expect: adminOnly(201), call: (w) => ({ path: '/admin/programmes', body: { ...programmeBody, name: `Cohort ${w.people.admin.sub}` } }) },
  { route: 'PATCH /admin/programmes/{id}', expect: adminOnly(200), call: async (w) => ({ path: `/admin/programmes/${(await w.programme()).id}`, body: { description: 'Now with a kick-off' } }) },
  { route: 'GET /admin/programmes/{id}/enrolments', expect: adminOnly(200), call: async (w) => ({ path: `/admin/programmes/${(await w.programme()).id}/enrolments` }) },
  // Nobody is enrolled, so the admin's pair is refused (201 with `refused`): the route, not the rule, is under test here.
  { route: 'POST /admin/programmes/{id}/matches', expect: adminOnly(201), call: async (w) => ({ path: `/admin/programmes/${(await w.programme()).id}/matches`, body: { pairs: [{ menteeId: '00000000-0000-4000-8000-000000000001', mentorId: await w.mentorId() }] } }) },
  { route: 'GET /programmes', expect: signedIn(200), call: () => ({ path: '/programmes' }) },
  { route: 'GET /programmes/{idOrSlug}', expect: signedIn(200), call: async (w) => ({ path: `/programmes/${(await w.programme()).slug}` }) },
  { route: 'POST /programmes/{id}/enrolment', expect: signedIn(201), call: async (w) => ({ path: `/programmes/${(await w.programme()).id}/enrolment`, body: { role: 'mentee' } }) },
  {
    route: 'DELETE /programmes/{id}/enrolment', owner: 'mentee', expect: partyOnly(204),
    call: async (w) => ({ path: `/programmes/${(await w.programme()).id}/enrolment` }),
    beforeOwner: async (w, t) => { expect((await t.call('POST', `/api/v1/programmes/${(await w.programme()).id}/enrolment`, { as: w.people.mentee, body: { role: 'mentee' } })).status).toBe(201); },
  },
  { route: 'GET /admin/programmes/{id}/report', expect: adminOnly(200), call: async (w) => ({ path: `/admin/programmes/${await w.programmeForReport()}/report` }) },
  { route: 'GET /admin/programmes/{id}/report.csv', expect: adminOnly(200), call: async (w) => ({ path: `/admin/programmes/${await w.programmeForReport()}/report.csv` }) },
  { route: 'POST /admin/programmes/{id}/match-suggestions', expect: adminOnly(200), call: async (w) => ({ path: `/admin/programmes/${await w.programmeForReport()}/match-suggestions` }) },
];

const once = <T>(make: () => Promise<T>) => {
  let value: Promise<T> | undefined;
  return () => (value ??= make());
};

let worlds = 0;

function newWorld(t: TestContext): World {
  const n = ++worlds;
  const who = (role: string, roles: string[] = []): TestUser => ({ sub: `authz-${n}-${role}`, name: `${role} ${n}`, roles, email: `${role}-${n}@alumni.example.edu` });
  const people = {
    mentor: who('mentor'), mentee: who('mentee'), asker: who('asker'), applicant: who('applicant'), reviser: who('reviser'),
    outsider: who('outsider'), suspended: who('suspended'), admin: who('admin', ['admin']),
  };
  const ok = async (res: Response, status: number) => {
    expect(res.status, await res.clone().text()).toBe(status);
    return json(res);
  };
  const api = (method: string, path: string, as: TestUser, body?: unknown) => t.call(method, `/api/v1${path}`, { as, ...(body === undefined ? {} : { body }) });
  const mentorId = once(() => becomeMentor(t, people.mentor, { capacity: 20 }));
  const mentorship = once(async () => {
    const requestId = await sendRequest(t, people.mentee, await mentorId());
    const accepted = (await ok(await api('POST', `/mentorship-requests/${requestId}/accept`, people.mentor), 200)).mentorship;
    const sent = await ok(await api('POST', `/conversations/${accepted.conversationId}/messages`, people.mentor, { body: 'Welcome!', clientId: 'welcome' }), 201);
    return { id: accepted.id as string, conversationId: accepted.conversationId as string, messageSeq: sent.seq as number };
  });
  const meetingAt = async (startsAt: string) =>
    (await ok(await api('POST', `/mentorships/${(await mentorship()).id}/meetings`, people.mentor, { title: 'Kick-off', startsAt, durationMinutes: 60 }), 201)).id as string;
  const apply = async (as: TestUser) => (await ok(await api('POST', '/mentor-applications', as, appBody), 201)).id as string;
  return {
    people,
    mentorId,
    mentorship,
    request: once(async () => sendRequest(t, people.asker, await mentorId())),
    meeting: once(() => meetingAt('2026-12-01T10:00:00Z')),
    startedMeeting: once(async () => {
      const id = await meetingAt('2026-12-01T10:00:00Z');
      // Meetings are scheduled in the future only; move this one's start behind the clock.
      await t.handle.db.updateTable('meetings').set({ starts_at: new Date(t.clock.now().getTime() - 3_600_000) }).where('id', '=', id).execute();
      return id;
    }),
    milestone: once(async () => (await ok(await api('POST', `/mentorships/${(await mentorship()).id}/milestones`, people.mentor, { title: 'Draft the CV' }), 201)).id as string),
    application: once(() => apply(people.applicant)),
    revisableApplication: once(async () => {
      const id = await apply(people.reviser);
      await ok(await api('POST', `/admin/mentor-applications/${id}/request-changes`, people.admin, { notes: 'More detail, please' }), 200);
      return id;
    }),
    suspendedId: once(async () => {
      const id = await becomeMentor(t, people.suspended);
      await ok(await api('POST', `/admin/mentors/${id}/suspend`, people.admin, { reason: 'Reported' }), 200);
      return id;
    }),
    feedFile: once(async () => `${(await ok(await api('POST', '/me/calendar-feed', people.mentee), 200)).token}.ics`),
    unsubscribeToken: once(async () => signUnsubscribeToken(unsubscribeKey(t.config)!, { userId: await userId(t, people.mentee), kind: 'request_answered' }, t.clock.now())),
    programme: once(async () => {
      const made = await ok(await api('POST', '/admin/programmes', people.admin, { ...programmeBody, name: `Matrix cohort ${n}` }), 201);
      return { id: made.id as string, slug: made.slug as string };
    }),
    programmeForReport: once(async () => {
      const { id } = await t.handle.db.insertInto('programmes').values({
        slug: `report-${n}`, name: `Report ${n}`, starts_on: '2026-11-01', ends_on: '2027-02-28', matching: 'admin_matched',
      }).returning('id').executeTakeFirstOrThrow();
      await t.handle.db.updateTable('mentorships').set({ programme_id: id }).where('id', '=', (await mentorship()).id).execute();
      return id;
    }),
  };
}

function callerFor(w: World, row: Row, column: Column): TestUser | undefined | null {
  switch (column) {
    case 'anonymous': return undefined;
    case 'outsider': return w.people.outsider;
    case 'suspendedMentor': return w.people.suspended;
    case 'admin': return w.people.admin;
    case 'wrongParty': return row.wrong ? w.people[row.wrong] : null;
    case 'owner': return row.owner ? w.people[row.owner] : null;
  }
}

describe('the authorization matrix', () => {
  it('has exactly one row for every route of the OpenAPI registry', () => {
    const registered = routes.map((r) => `${r.method.toUpperCase()} ${r.path}`).sort();
    const covered = rows.map((r) => r.route).sort();
    expect(covered.filter((r, i) => covered.indexOf(r) !== i), 'rows listed twice').toEqual([]);
    expect(registered.filter((r) => !covered.includes(r)), 'routes without a row').toEqual([]);
    expect(covered.filter((r) => !registered.includes(r)), 'rows for routes that do not exist').toEqual([]);
  });

  it('marks the wrong-party column exactly where a route belongs to one party', () => {
    for (const row of rows) {
      expect(row.expect[2] === _, `${row.route}: wrongParty cell`).toBe(row.wrong === undefined);
      expect(row.expect[5] === _, `${row.route}: owner cell`).toBe(row.owner === undefined);
    }
  });
});

describe.each(databaseKinds)('the authorization matrix on %s', (kind) => {
  let t: TestContext;
  // Demo mode mounts every route of the registry (the demo sign-in too).
  beforeAll(async () => { t = await createTestContext(kind, { MENTORSHIP_DEMO: '1' }); }, 120_000);
  afterAll(async () => { await t?.close(); });
  const auditCount = async () =>
    Number((await t.handle.db.selectFrom('audit_log').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow()).n);

  it.each(rows.map((r) => [r.route, r] as const))('%s', async (_label, row) => {
    const w = newWorld(t);
    await w.suspendedId();
    const [method] = row.route.split(' ') as [string];
    // A success can change the resource (accept, cancel, delete …): refusals first, the owner last.
    const order = [...columns].sort((a, b) => Number(a === 'owner') - Number(b === 'owner'));
    const seen: Partial<Record<Column, Cell>> = {};
    for (const column of order) {
      const as = callerFor(w, row, column);
      if (as === null) { seen[column] = _; continue; }
      if (column === 'owner') await row.beforeOwner?.(w, t);
      const target = await row.call(w);
      const writesBefore = await auditCount();
      const res = await t.call(method, `/api/v1${target.path}`, { ...(as ? { as } : {}), ...(target.body === undefined ? {} : { body: target.body }) });
      seen[column] = res.status;
      if (res.status >= 400) {
        // A refusal is in the error format and leaves nothing behind (every change writes an audit row).
        expect((await json(res)).error?.requestId, `${row.route} as ${column}: error format`).toBeTruthy();
        expect(await auditCount(), `${row.route} as ${column}: written on a refusal`).toBe(writesBefore);
      }
    }
    expect(columns.map((c) => seen[c]), columns.join(', ')).toEqual(row.expect);
  });
});
