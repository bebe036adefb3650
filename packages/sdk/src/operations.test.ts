import { openApiDocument } from '@mentorkit/server';
import { describe, expect, it } from 'vitest';
import { createClient, type MentorkitClient } from './index.js';

/*
 * The SDK is written by hand, for the types and names a caller wants; this test holds it to the
 * API. Every operation of the OpenAPI document must have an SDK method here, and calling that
 * method must send the operation's verb and path. A new route without an SDK method, or a
 * method whose path drifted, fails here.
 */

/** A value for every path parameter: the test maps it back to `{name}` in the recorded path. */
const ID = '0b5f3a52-3d0e-4f43-9a5e-6f1f5b1c0d2e';

/** Operation id → the SDK call that performs it. */
const calls: Record<string, (sdk: MentorkitClient) => Promise<unknown>> = {
  getMe: (s) => s.me.get(),
  replaceProfile: (s) => s.me.updateProfile({} as never),
  exportAccount: (s) => s.me.export(),
  eraseAccount: (s) => s.me.delete(),
  getCalendarFeed: (s) => s.calendar.feedStatus(),
  rotateCalendarFeed: (s) => s.calendar.rotateFeedToken(),
  disableCalendarFeed: (s) => s.calendar.disableFeed(),
  getNotificationPreferences: (s) => s.notifications.preferences(),
  updateNotificationPreferences: (s) => s.notifications.updatePreferences({} as never),
  searchMentors: (s) => s.mentors.search(),
  getMentor: (s) => s.mentors.get(ID),
  updateMentorSettings: (s) => s.mentors.updateMine({}),
  applyAsMentor: (s) => s.mentorApplications.submit({} as never),
  getMyApplication: (s) => s.mentorApplications.mine(),
  resubmitApplication: (s) => s.mentorApplications.resubmit({} as never),
  createRequest: (s) => s.requests.create({} as never),
  listRequests: (s) => s.requests.list(),
  getRequest: (s) => s.requests.get(ID),
  acceptRequest: (s) => s.requests.accept(ID),
  declineRequest: (s) => s.requests.decline(ID, {} as never),
  withdrawRequest: (s) => s.requests.withdraw(ID),
  listMentorships: (s) => s.mentorships.list(),
  getMentorship: (s) => s.mentorships.get(ID),
  pauseMentorship: (s) => s.mentorships.pause(ID),
  resumeMentorship: (s) => s.mentorships.resume(ID),
  completeMentorship: (s) => s.mentorships.complete(ID),
  cancelMentorship: (s) => s.mentorships.cancel(ID, 'reason'),
  mentorshipHistory: (s) => s.mentorships.history(ID),
  feedbackStatus: (s) => s.mentorships.feedbackStatus(ID),
  leaveFeedback: (s) => s.mentorships.feedback(ID, {} as never),
  setTimeline: (s) => s.mentorships.setTimeline(ID, {} as never),
  addMilestone: (s) => s.mentorships.addMilestone(ID, {} as never),
  updateMilestone: (s) => s.milestones.update(ID, {}),
  deleteMilestone: (s) => s.milestones.remove(ID),
  addProgressNote: (s) => s.progressNotes.create(ID, {} as never),
  getProgress: (s) => s.mentorships.progress(ID),
  scheduleMeeting: (s) => s.meetings.schedule(ID, {} as never),
  listMeetings: (s) => s.meetings.list(),
  getMeeting: (s) => s.meetings.get(ID),
  meetingIcs: (s) => s.meetings.ics(ID),
  updateMeeting: (s) => s.meetings.update(ID, {}),
  completeMeeting: (s) => s.meetings.complete(ID, 'notes'),
  cancelMeeting: (s) => s.meetings.cancel(ID, 'reason'),
  unsubscribe: (s) => s.notifications.unsubscribe('token'),
  listConversations: (s) => s.conversations.list(),
  getConversation: (s) => s.conversations.get(ID),
  listMessages: (s) => s.conversations.messages(ID),
  sendMessage: (s) => s.conversations.send(ID, {} as never),
  markConversationRead: (s) => s.conversations.markRead(ID, 1),
  listNotifications: (s) => s.notifications.list(),
  markNotificationsRead: (s) => s.notifications.markRead({} as never),
  listApplications: (s) => s.admin.applications(),
  approveApplication: (s) => s.admin.approve(ID),
  rejectApplication: (s) => s.admin.reject(ID, 'notes'),
  requestApplicationChanges: (s) => s.admin.requestChanges(ID, 'notes'),
  listMentorsForAdmin: (s) => s.admin.mentors(),
  suspendMentor: (s) => s.admin.suspend(ID, 'reason'),
  reactivateMentor: (s) => s.admin.reactivate(ID),
  programmeStats: (s) => s.admin.stats(),
  listAdminProgrammes: (s) => s.admin.programmes.list(),
  createProgramme: (s) => s.admin.programmes.create({} as never),
  updateProgramme: (s) => s.admin.programmes.update(ID, {}),
  listProgrammeEnrolments: (s) => s.admin.programmes.enrolments(ID),
  suggestMatches: (s) => s.admin.programmes.suggestMatches(ID),
  confirmMatches: (s) => s.admin.programmes.confirmMatches(ID, {} as never),
  programmeReport: (s) => s.admin.programmes.report(ID),
  programmeReportCsv: (s) => s.admin.programmes.reportCsv(ID),
  listProgrammes: (s) => s.programmes.list(),
  getProgramme: (s) => s.programmes.get(ID),
  enrol: (s) => s.programmes.enrol(ID, {} as never),
  leaveProgramme: (s) => s.programmes.leave(ID),
  demoToken: (s) => s.dev.token('mentee'),
};

/** Operations that are not the SDK's to call, each with the reason. */
const notForTheSdk: Record<string, string> = {
  health: 'a probe for load balancers',
  readiness: 'a probe for load balancers',
  openApiDocument: 'the document this test reads',
  apiReference: 'a page for people',
  apiReferenceAsset: 'a file of that page',
  unsubscribePage: 'a page for people who follow a mail link',
  calendarFeed: 'fetched by calendar apps; the SDK builds its URL (`calendar.feedUrl`)',
};

interface Operation {
  operationId: string;
  method: string;
  path: string;
}

function operations(): Operation[] {
  const doc = openApiDocument({ demo: true }) as { paths: Record<string, Record<string, { operationId: string }>> };
  return Object.entries(doc.paths).flatMap(([path, item]) =>
    Object.entries(item).map(([method, op]) => ({ operationId: op.operationId, method: method.toUpperCase(), path })));
}

/** Sends nothing: records the verb and the path (relative to the API base, ids as `{id}`). */
function recordingClient() {
  const sent: { method: string; path: string }[] = [];
  const sdk = createClient({
    baseUrl: 'http://api.test/',
    token: 'token',
    fetch: async (input, init) => {
      const url = new URL(String(input));
      sent.push({ method: init?.method ?? 'GET', path: url.pathname.replace('/api/v1', '') });
      return new Response('{}', { status: 200, headers: { 'content-type': 'application/json' } });
    },
  });
  return { sdk, sent };
}

/** `/mentorships/<ID>/pause` matches `/mentorships/{id}/pause`. */
const matches = (template: string, path: string) =>
  new RegExp(`^${template.replace(/\{\w+\}/g, '[^/]+')}$`).test(path) && path.split('/').length === template.split('/').length;

describe('the SDK and the OpenAPI document', () => {
  const ops = operations();

  it('has an SDK method for every operation, or a reason why not', () => {
    const missing = ops.map((o) => o.operationId).filter((id) => !(id in calls) && !(id in notForTheSdk));
    expect(missing, 'operations without an SDK method').toEqual([]);
  });

  it('maps no operation that the document does not have', () => {
    const known = new Set(ops.map((o) => o.operationId));
    expect(Object.keys(calls).filter((id) => !known.has(id)), 'SDK calls for unknown operations').toEqual([]);
    expect(Object.keys(notForTheSdk).filter((id) => !known.has(id))).toEqual([]);
  });

  for (const op of operations().filter((o) => o.operationId in calls)) {
    it(`${op.operationId}: ${op.method} ${op.path}`, async () => {
      const { sdk, sent } = recordingClient();
      await calls[op.operationId]!(sdk).catch(() => undefined);
      expect(sent).toHaveLength(1);
      expect(sent[0]!.method).toBe(op.method);
      expect(matches(op.path, sent[0]!.path), `${sent[0]!.path} is not ${op.path}`).toBe(true);
    });
  }

  it('checks every method the SDK has', () => {
    const { sdk } = recordingClient();
    // Methods that build URLs rather than call the API, and the low-level escape hatch.
    const notCalls = new Set(['request', 'meetings.icsUrl', 'calendar.feedUrl']);
    const methods = Object.entries(sdk).flatMap(([group, value]) =>
      typeof value === 'function' ? [group]
        : group === 'realtime' ? []
          : Object.entries(value as object).filter(([, v]) => typeof v === 'function').map(([name]) => `${group}.${name}`));
    const covered = new Set(Object.values(calls).map((call) => String(call).match(/s\.(\w+\.\w+)\(/)?.[1]));
    expect(methods.filter((m) => !notCalls.has(m) && !covered.has(m)), 'SDK methods not checked against the document').toEqual([]);
  });
});
