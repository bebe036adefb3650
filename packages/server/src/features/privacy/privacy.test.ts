import { accountErasure, accountExport, ACCOUNT_ERASED_REASON, errorBody, realtimeCloseCodes } from '@mentorkit/contract';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { admin, becomeMentor, person, sendRequest, userId } from '../../test/flows.js';
import { createTestContext, databaseKinds, json, type TestContext, type TestUser } from '../../test/harness.js';
import { startTestInstance, TestSocket } from '../../realtime/realtime.testing.js';
import { moveTo, newPair, type Pair } from '../lifecycle/workspace.fixtures.js';

const contact = { linkedinUrl: 'https://www.linkedin.com/in/secret-person', websiteUrl: 'https://secret.example.com/me' };

async function expectError(res: Response, status: number, code: string) {
  expect(res.status, await res.clone().text()).toBe(status);
  const body = errorBody.parse(await json(res));
  expect(body.error.code).toBe(code);
  return body;
}

describe.each(databaseKinds)('privacy on %s', (kind) => {
  let t: TestContext;
  beforeAll(async () => { t = await createTestContext(kind); }, 120_000);
  afterAll(async () => { await t?.close(); });

  const call = (method: string, path: string, options: { as?: TestUser; body?: unknown } = {}) => t.call(method, path, options);
  const ok = async (res: Response, status = 200) => {
    expect(res.status, await res.clone().text()).toBe(status);
    return json(res);
  };
  const setProfile = (as: TestUser, extra: Record<string, unknown> = {}) =>
    call('PUT', '/api/v1/me/profile', { as, body: { headline: 'Analyst', bio: 'About me', goals: 'Grow into data engineering', ...contact, ...extra } });

  /** A mentorship with a meeting, a milestone, a note and messages both ways; completed with feedback when asked. */
  async function busyPair(label: string, complete = false): Promise<Pair & { conversationId: string }> {
    const pair = await newPair(t, label);
    const m = `/api/v1/mentorships/${pair.mentorshipId}`;
    await ok(await call('POST', `${m}/meetings`, { as: pair.mentee, body: { title: 'Kick-off', startsAt: '2026-12-01T18:00:00+08:00', durationMinutes: 60 } }), 201);
    await ok(await call('POST', `${m}/milestones`, { as: pair.mentor, body: { title: 'Draft the CV' } }), 201);
    await ok(await call('POST', `${m}/progress-notes`, { as: pair.mentee, body: { body: 'Read two chapters', progressPercent: 10 } }), 201);
    const conversationId = (await ok(await call('GET', m, { as: pair.mentee }))).conversationId as string;
    await ok(await call('POST', `/api/v1/conversations/${conversationId}/messages`, { as: pair.mentee, body: { body: 'Hello from the mentee', clientId: 'm1' } }), 201);
    await ok(await call('POST', `/api/v1/conversations/${conversationId}/messages`, { as: pair.mentor, body: { body: 'Hello back', clientId: 'm2' } }), 201);
    if (complete) {
      await moveTo(t, pair, 'completed');
      await ok(await call('POST', `${m}/feedback`, { as: pair.mentee, body: { rating: 5, comment: 'Thank you' } }), 201);
    }
    return { ...pair, conversationId };
  }

  describe('GET /me/export', () => {
    it('answers every part of the caller\'s data in the contract shape, and nobody else\'s', async () => {
      const open = await busyPair('export-open');
      const unrelated = await busyPair('export-unrelated');
      // The same mentee's second mentorship, completed, with their feedback.
      const second = await newPair(t, 'export-second', { mentee: open.mentee });
      await moveTo(t, second, 'completed');
      await ok(await call('POST', `/api/v1/mentorships/${second.mentorshipId}/feedback`, { as: open.mentee, body: { rating: 4, comment: 'Useful' } }), 201);
      await ok(await setProfile(open.mentee));
      await ok(await call('PUT', '/api/v1/me/notification-preferences', { as: open.mentee, body: { language: 'fil', kinds: { request_answered: false } } }));
      // A request the mentee sent that is still waiting.
      const waitingMentor = person('export-waiting-mentor', 'Waiting Mentor');
      const waitingId = await becomeMentor(t, waitingMentor);
      await sendRequest(t, open.mentee, waitingId);

      const res = await call('GET', '/api/v1/me/export', { as: open.mentee });
      expect(res.headers.get('content-disposition')).toBe('attachment; filename="mentorkit-export.json"');
      expect(res.headers.get('cache-control')).toBe('private, no-store');
      const body = accountExport.parse(await ok(res));
      expect(body.user).toMatchObject({ id: open.menteeId, email: open.mentee.email });
      expect(body.profile).toMatchObject({ userId: open.menteeId, ...contact });
      expect(body.mentor).toBeNull();
      expect(body.mentorApplications).toEqual([]);
      expect(body.requests.sent.map((r) => r.status).sort()).toEqual(['accepted', 'accepted', 'pending']);
      expect(body.requests.received).toEqual([]);
      expect(body.mentorships.map((m) => m.id).sort()).toEqual([open.mentorshipId, second.mentorshipId].sort());
      expect(body.meetings.map((m) => m.title)).toEqual(['Kick-off']);
      expect(body.milestones.map((m) => m.title)).toEqual(['Draft the CV']);
      expect(body.progressNotes.map((n) => n.body)).toEqual(['Read two chapters']);
      expect(body.feedbackGiven).toEqual([expect.objectContaining({ mentorshipId: second.mentorshipId, rating: 4, comment: 'Useful' })]);
      const thread = body.conversations.find((c) => c.conversation.id === open.conversationId)!;
      expect(thread.messages.map((m) => m.body)).toEqual(['Hello from the mentee', 'Hello back']);
      expect(body.conversations).toHaveLength(2);
      expect(body.notifications.map((n) => n.kind)).toContain('request.accepted');
      expect(body.notificationPreferences).toMatchObject({ email: open.mentee.email, language: 'fil', kinds: { request_answered: false, request_received: true } });
      // Nothing of the unrelated pair.
      const text = JSON.stringify(body);
      for (const foreign of [unrelated.mentorshipId, unrelated.menteeId, unrelated.conversationId]) expect(text).not.toContain(foreign);
    });

    it('exports a mentor\'s record and applications, and the requests they received', async () => {
      const pair = await busyPair('export-mentor');
      const body = accountExport.parse(await ok(await call('GET', '/api/v1/me/export', { as: pair.mentor })));
      expect(body.mentor).toMatchObject({ userId: pair.mentorId, status: 'active' });
      expect(body.mentorApplications).toEqual([expect.objectContaining({ userId: pair.mentorId, status: 'approved' })]);
      expect(body.requests.received).toEqual([expect.objectContaining({ status: 'accepted' })]);
      expect(body.requests.sent).toEqual([]);
    });

    // what the export lacked.
    it('adds the feedback the caller received, their audit entries and the mail written to them', async () => {
      const pair = await busyPair('export-received', true);
      const body = accountExport.parse(await ok(await call('GET', '/api/v1/me/export', { as: pair.mentor })));
      expect(body.feedbackReceived).toEqual([expect.objectContaining({ mentorshipId: pair.mentorshipId, authorId: pair.menteeId, rating: 5, comment: 'Thank you' })]);
      expect(body.feedbackGiven).toEqual([]);
      const actions = body.auditEntries.map((a) => a.action);
      expect(actions).toEqual(expect.arrayContaining(['request.accepted', 'milestone.created']));
      expect(actions).not.toContain('progress.noted'); // the mentee's, not theirs
      expect(body.mail).toEqual(expect.arrayContaining([
        expect.objectContaining({ kind: 'request_received', subject: expect.stringContaining('asked you to be their mentor'), createdAt: expect.any(String) }),
        expect.objectContaining({ kind: 'meeting_updates', subject: 'Meeting scheduled: Kick-off' }),
      ]));
      const menteeExport = accountExport.parse(await ok(await call('GET', '/api/v1/me/export', { as: pair.mentee })));
      expect(menteeExport.mail.map((m) => m.kind)).toContain('request_answered');
      expect(menteeExport.mail.map((m) => m.kind)).not.toContain('request_received');
    });

    it('answers a person with nothing yet with empty lists', async () => {
      const body = accountExport.parse(await ok(await call('GET', '/api/v1/me/export', { as: person('export-empty', 'Empty Person') })));
      expect(body).toMatchObject({ mentor: null, mentorships: [], meetings: [], conversations: [], requests: { sent: [], received: [] } });
    });

    it('refuses without a token', async () => {
      await expectError(await call('GET', '/api/v1/me/export'), 401, 'unauthenticated');
      await expectError(await call('DELETE', '/api/v1/me'), 401, 'unauthenticated');
    });
  });

  describe('DELETE /me', () => {
    it('erases a mentee: profile emptied, requests withdrawn, mentorships cancelled, messages kept as "Deleted user"', async () => {
      const pair = await busyPair('erase-mentee');
      await ok(await setProfile(pair.mentee));
      await ok(await call('POST', '/api/v1/me/calendar-feed', { as: pair.mentee }));
      await ok(await call('PUT', '/api/v1/me/notification-preferences', { as: pair.mentee, body: { language: 'fil' } }));
      const waitingMentor = person('erase-waiting-mentor', 'Waiting Mentor');
      const waitingId = await becomeMentor(t, waitingMentor);
      const waitingRequest = await sendRequest(t, pair.mentee, waitingId);
      const slotsBefore = (await ok(await call('GET', '/api/v1/me', { as: pair.mentor }))).mentor.openMentorships;

      const erased = accountErasure.parse(await ok(await call('DELETE', '/api/v1/me', { as: pair.mentee })));
      expect(erased).toEqual({ erasedAt: '2026-11-28T09:00:00.000Z', withdrawnRequests: 1, declinedRequests: 0, cancelledMentorships: 1 });

      // The same (still valid) token never brings the account back.
      await expectError(await call('GET', '/api/v1/me', { as: pair.mentee }), 410, 'account_deleted');
      await expectError(await call('DELETE', '/api/v1/me', { as: pair.mentee }), 410, 'account_deleted');
      await expectError(await call('GET', '/api/v1/me/export', { as: { ...pair.mentee, name: 'A New Name' } }), 410, 'account_deleted');
      const db = t.handle.db;
      const user = await db.selectFrom('users').selectAll().where('id', '=', pair.menteeId).executeTakeFirstOrThrow();
      expect(user).toMatchObject({ name: 'Deleted user', email: null, avatar_url: null, calendar_feed_token: null });
      expect(user.deleted_at).not.toBeNull();
      expect(await db.selectFrom('users').select('id').where('subject', '=', pair.mentee.sub).execute()).toHaveLength(1);
      const profile = await db.selectFrom('profiles').selectAll().where('user_id', '=', pair.menteeId).executeTakeFirstOrThrow();
      expect(profile).toMatchObject({ headline: '', bio: '', goals: '', skills: [], linkedin_url: null, website_url: null, time_zone: null });
      for (const table of ['notifications', 'events', 'idempotency_keys', 'notification_preferences', 'email_outbox'] as const) {
        expect(await db.selectFrom(table).select('user_id').where('user_id', '=', pair.menteeId).execute()).toEqual([]);
      }
      const audit = await db.selectFrom('audit_log').selectAll().where('entity_id', '=', pair.menteeId).where('action', '=', 'user.erased').execute();
      expect(audit).toHaveLength(1);
      expect(audit[0]!.details).toEqual({ withdrawnRequests: 1, declinedRequests: 0, cancelledMentorships: 1 });

      // The mentor: the mentorship is cancelled with the reason, the slot freed, the meeting ahead cancelled.
      const mentorship = await ok(await call('GET', `/api/v1/mentorships/${pair.mentorshipId}`, { as: pair.mentor }));
      expect(mentorship).toMatchObject({ status: 'cancelled', endReason: ACCOUNT_ERASED_REASON, mentee: { id: pair.menteeId, name: 'Deleted user', headline: '', goals: '' } });
      expect((await ok(await call('GET', '/api/v1/me', { as: pair.mentor }))).mentor.openMentorships).toBe(slotsBefore - 1);
      const meetings = await ok(await call('GET', '/api/v1/meetings?from=2026-11-01T00:00:00Z&to=2027-01-01T00:00:00Z', { as: pair.mentor }));
      expect(meetings.items.map((m: { status: string }) => m.status)).toEqual(['cancelled']);
      const notices = (await ok(await call('GET', '/api/v1/notifications', { as: pair.mentor }))).items;
      // (The test clock stands still, so find it by kind rather than by position.)
      expect(notices.find((n: { kind: string }) => n.kind === 'mentorship.cancelled')).toMatchObject({ data: { byName: 'Deleted user', reason: ACCOUNT_ERASED_REASON } });
      // Older notifications no longer carry the erased person's name.
      expect(JSON.stringify(notices)).not.toContain(pair.mentee.name);

      // Messages stay, the erased sender's as senderId null; the conversation names a "Deleted user".
      const conversations = await ok(await call('GET', '/api/v1/conversations', { as: pair.mentor }));
      const conversation = conversations.items.find((c: { id: string }) => c.id === pair.conversationId);
      expect(conversation).toMatchObject({ otherParty: { name: 'Deleted user', avatarUrl: null }, canSend: false });
      const messages = await ok(await call('GET', `/api/v1/conversations/${pair.conversationId}/messages`, { as: pair.mentor }));
      expect(messages.items.map((m: { body: string; senderId: string | null }) => [m.body, m.senderId])).toEqual([
        ['Hello back', pair.mentorId],
        ['Hello from the mentee', null],
      ]);

      // The waiting mentor's request was withdrawn, and shows a "Deleted user".
      const request = await ok(await call('GET', `/api/v1/mentorship-requests/${waitingRequest}`, { as: waitingMentor }));
      expect(request).toMatchObject({ status: 'withdrawn', mentee: { name: 'Deleted user' } });
      expect(JSON.stringify(await ok(await call('GET', '/api/v1/mentorship-requests?role=mentor', { as: waitingMentor })))).not.toContain(pair.mentee.name);
    });

    it('erases a mentor: unlisted at once, waiting requests declined, mentees told', async () => {
      const pair = await busyPair('erase-mentor');
      const other = person('erase-mentor-asker', 'Asking Mentee');
      const waiting = await sendRequest(t, other, pair.mentorId);
      const searcher = person('erase-mentor-searcher', 'Searcher');
      const search = async () => (await ok(await call('GET', '/api/v1/mentors?availability=all&limit=100', { as: searcher }))).items.map((m: { id: string }) => m.id);
      expect(await search()).toContain(pair.mentorId);

      const erased = await ok(await call('DELETE', '/api/v1/me', { as: pair.mentor }));
      expect(erased).toMatchObject({ withdrawnRequests: 0, declinedRequests: 1, cancelledMentorships: 1 });
      expect(await search()).not.toContain(pair.mentorId);
      await expectError(await call('GET', `/api/v1/mentors/${pair.mentorId}`, { as: searcher }), 404, 'not_found');
      await expectError(await call('POST', '/api/v1/mentorship-requests', { as: searcher, body: { mentorId: pair.mentorId, goals: 'I would like to learn data engineering from you.' } }), 404, 'not_found');
      const declined = await ok(await call('GET', `/api/v1/mentorship-requests/${waiting}`, { as: other }));
      expect(declined).toMatchObject({ status: 'declined', declineReason: 'mentor_unavailable', mentor: { name: 'Deleted user' } });
      const adminList = await ok(await call('GET', '/api/v1/admin/mentors?limit=100', { as: admin }));
      expect(adminList.items.map((m: { person: { id: string } }) => m.person.id)).not.toContain(pair.mentorId);
      const applications = await ok(await call('GET', '/api/v1/admin/mentor-applications?limit=100', { as: admin }));
      expect(applications.items.map((a: { userId: string }) => a.userId)).not.toContain(pair.mentorId);
      const mentor = await t.handle.db.selectFrom('mentors').selectAll().where('user_id', '=', pair.mentorId).executeTakeFirstOrThrow();
      expect(mentor).toMatchObject({ listed: false, accepting_mentees: false, expertise: [], mentoring_bio: '', open_mentorships: 0 });
      const mentorship = await ok(await call('GET', `/api/v1/mentorships/${pair.mentorshipId}`, { as: pair.mentee }));
      expect(mentorship).toMatchObject({ status: 'cancelled', mentor: { name: 'Deleted user' } });
    });

    // the other party kept seeing what the erased person wrote.
    it('empties the texts the person wrote into shared records, keeping the rows the other party\'s history needs', async () => {
      const pair = await busyPair('erase-texts', true);
      const m = `/api/v1/mentorships/${pair.mentorshipId}`;
      await ok(await call('POST', `${m}/feedback`, { as: pair.mentor, body: { rating: 4, comment: 'A keen mentee' } }), 201);
      await ok(await call('DELETE', '/api/v1/me', { as: pair.mentee }));
      const db = t.handle.db;
      const request = await db.selectFrom('mentorship_requests').select(['goals', 'message', 'skills_seeking', 'status']).where('mentee_id', '=', pair.menteeId).executeTakeFirstOrThrow();
      expect(request).toEqual({ goals: '', message: '', skills_seeking: [], status: 'accepted' });
      const received = await ok(await call('GET', '/api/v1/mentorship-requests?role=mentor&status=accepted', { as: pair.mentor }));
      expect(received.items.find((r: { mentee: { id: string } }) => r.mentee.id === pair.menteeId)).toMatchObject({ goals: '', message: '', status: 'accepted' });
      const notes = await db.selectFrom('progress_notes').select(['body', 'progress_percent']).where('mentorship_id', '=', pair.mentorshipId).execute();
      expect(notes).toEqual([{ body: '', progress_percent: 10 }]);
      const feedback = await db.selectFrom('feedback').select(['author_id', 'comment', 'rating']).where('mentorship_id', '=', pair.mentorshipId).orderBy('rating').execute();
      // The mentor's own feedback stays as written; the erased mentee's keeps its rating only.
      expect(feedback).toEqual([
        { author_id: pair.mentorId, comment: 'A keen mentee', rating: 4 },
        { author_id: pair.menteeId, comment: '', rating: 5 },
      ]);
      const thread = await ok(await call('GET', `/api/v1/conversations/${pair.conversationId}/messages`, { as: pair.mentor }));
      expect(thread.items.map((x: { body: string }) => x.body).sort()).toEqual(['Hello back', 'Hello from the mentee']);
    });

    it('keeps completed history for the other party', async () => {
      const pair = await busyPair('erase-history', true);
      const erased = await ok(await call('DELETE', '/api/v1/me', { as: pair.mentee }));
      expect(erased).toMatchObject({ cancelledMentorships: 0 });
      const mentorship = await ok(await call('GET', `/api/v1/mentorships/${pair.mentorshipId}`, { as: pair.mentor }));
      expect(mentorship).toMatchObject({ status: 'completed', mentee: { name: 'Deleted user' } });
      const profile = await ok(await call('GET', `/api/v1/mentors/${pair.mentorId}`, { as: person('erase-history-viewer') }));
      expect(profile.stats).toMatchObject({ ratingCount: 1, averageRating: 5 });
    });
  });

  it('refuses the realtime socket to an erased account (4401), with the same valid token', async () => {
    const server = await startTestInstance(t, { authTimeoutMs: 1_000 });
    try {
      const gone = person('erase-realtime', 'Realtime Person');
      const token = await t.token(gone);
      await ok(await call('DELETE', '/api/v1/me', { as: gone }));
      const socket = new TestSocket(server.wsUrl);
      await socket.opened;
      socket.send({ type: 'auth', token });
      expect((await socket.closed).code).toBe(realtimeCloseCodes.unauthenticated);
      expect(socket.frames).toEqual([]);
    } finally {
      await server.close();
    }
  });

  describe('contact details', () => {
    it('are shown on a mentor\'s profile only to their own mentees (open or completed mentorship)', async () => {
      const pair = await newPair(t, 'contact');
      await ok(await setProfile(pair.mentor));
      const stranger = person('contact-stranger');
      const requester = person('contact-requester');
      await sendRequest(t, requester, pair.mentorId);
      const cancelled = await newPair(t, 'contact-cancelled', { mentor: pair.mentor, mentorId: pair.mentorId });
      await moveTo(t, cancelled, 'cancelled');
      const completed = await newPair(t, 'contact-completed', { mentor: pair.mentor, mentorId: pair.mentorId });
      await moveTo(t, completed, 'completed');
      const seen = async (as: TestUser) => {
        const p = await ok(await call('GET', `/api/v1/mentors/${pair.mentorId}`, { as }));
        return { linkedinUrl: p.linkedinUrl, websiteUrl: p.websiteUrl };
      };
      const hidden = { linkedinUrl: null, websiteUrl: null };
      expect(await seen(stranger)).toEqual(hidden);
      expect(await seen(requester)).toEqual(hidden);
      expect(await seen(cancelled.mentee)).toEqual(hidden);
      expect(await seen(admin)).toEqual(hidden);
      expect(await seen(pair.mentee)).toEqual(contact);
      expect(await seen(completed.mentee)).toEqual(contact);
      expect(await seen(pair.mentor)).toEqual(contact);
    });

    it('never appear in any other answer that shows a person (search, requests, mentorships, conversations, admin)', async () => {
      const pair = await busyPair('contact-audit');
      await ok(await setProfile(pair.mentor));
      await ok(await setProfile(pair.mentee));
      const asker = { ...person('contact-audit-asker', 'Asker'), email: 'asker@alumni.example.edu' };
      await ok(await setProfile(asker));
      await sendRequest(t, asker, pair.mentorId);
      await ok(await call('POST', '/api/v1/mentor-applications', {
        as: asker, body: { expertise: ['SQL'], yearsOfExperience: 3, statement: 'I would like to give back to the alumni community by mentoring.' },
      }), 201);
      const emails = [pair.mentor.email!, pair.mentee.email!, asker.email];
      const reads: Array<[TestUser, string]> = [
        [asker, '/api/v1/mentors?availability=all&limit=100'],
        [asker, '/api/v1/mentorship-requests?role=mentee'],
        [pair.mentor, '/api/v1/mentorship-requests?role=mentor'],
        [pair.mentor, '/api/v1/mentorships'],
        [pair.mentee, '/api/v1/mentorships'],
        [pair.mentor, `/api/v1/mentorships/${pair.mentorshipId}`],
        [pair.mentor, '/api/v1/conversations'],
        [pair.mentee, `/api/v1/conversations/${pair.conversationId}/messages`],
        [pair.mentor, '/api/v1/meetings'],
        [pair.mentor, '/api/v1/notifications'],
        [admin, '/api/v1/admin/mentors?limit=100'],
        [admin, '/api/v1/admin/mentor-applications?limit=100'],
        [admin, '/api/v1/admin/mentor-applications?status=pending&limit=100'],
      ];
      for (const [as, path] of reads) {
        const text = JSON.stringify(await ok(await call('GET', path, { as })));
        for (const secret of [...emails, contact.linkedinUrl, contact.websiteUrl]) {
          expect(text.includes(secret), `${path} as ${as.sub} shows ${secret}`).toBe(false);
        }
      }
      // The mentee's own contact details only in their own answers.
      expect(JSON.stringify(await ok(await call('GET', '/api/v1/me', { as: pair.mentee })))).toContain(contact.linkedinUrl);
    });
  });

  describe('admin actions are audited', () => {
    it('writes one audit row per decision, suspension and reactivation, naming the admin', async () => {
      const adminId = await userId(t, admin);
      const decide = async (name: string, action: string, body: unknown) => {
        const applicant = person(`audit-${name}`, name);
        const app = await ok(await call('POST', '/api/v1/mentor-applications', {
          as: applicant, body: { expertise: ['SQL'], yearsOfExperience: 3, statement: 'I would like to give back to the alumni community by mentoring.' },
        }), 201);
        await ok(await call('POST', `/api/v1/admin/mentor-applications/${app.id}/${action}`, { as: admin, body }));
        return app.id as string;
      };
      const approved = await decide('Approved Person', 'approve', { notes: 'Welcome' });
      const rejected = await decide('Rejected Person', 'reject', { notes: 'Not yet' });
      const changes = await decide('Changes Person', 'request-changes', { notes: 'Add detail' });
      const mentorId = (await ok(await call('GET', '/api/v1/me', { as: person('audit-Approved Person', 'Approved Person') }))).user.id;
      await ok(await call('POST', `/api/v1/admin/mentors/${mentorId}/suspend`, { as: admin, body: { reason: 'Reported' } }));
      await ok(await call('POST', `/api/v1/admin/mentors/${mentorId}/reactivate`, { as: admin, body: {} }));

      const rows = await t.handle.db.selectFrom('audit_log').select(['action', 'entity_id', 'from_state', 'to_state'])
        .where('actor_id', '=', adminId).where('entity_id', 'in', [approved, rejected, changes, mentorId]).orderBy('id').execute();
      expect(rows).toEqual([
        { action: expect.stringMatching(/^application\./), entity_id: approved, from_state: 'pending', to_state: 'approved' },
        { action: expect.stringMatching(/^application\./), entity_id: rejected, from_state: 'pending', to_state: 'rejected' },
        { action: expect.stringMatching(/^application\./), entity_id: changes, from_state: 'pending', to_state: 'changes_requested' },
        { action: 'mentor.suspended', entity_id: mentorId, from_state: 'active', to_state: 'suspended' },
        { action: 'mentor.reactivated', entity_id: mentorId, from_state: 'suspended', to_state: 'active' },
      ]);
    });
  });
});
