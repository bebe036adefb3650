import * as c from '@mentorkit/contract';
import { z } from 'zod';
import { FEED_TOKEN } from '../features/calendar/calendar.repository.js';
import { unsubscribeQuery } from '../features/email/email.routes.js';
import { docsAssets, type RouteSpec } from './registry.js';

/*
 * Every operation of the API, declared once from the contract's schemas. The OpenAPI document is
 * generated from this list, and `openapi.test.ts` fails when it and the Hono app disagree, so a
 * new route cannot ship undocumented. Issue 7's authorization matrix iterates over it too.
 */

const byId = { id: c.id };
const ok = (schema: z.ZodType, description: string) => ({ status: 200 as const, schema, description });
const created = (schema: z.ZodType, description: string) => ({ status: 201 as const, schema, description });
const noContent = (description: string) => ({ status: 204 as const, description });
const calendar = (description: string) => ({ status: 200 as const, contentType: 'text/calendar', description });

/** The private feed's path segment: the feed token (as the route checks it) followed by `.ics`. */
const feedFile = z.string().regex(new RegExp(`${FEED_TOKEN.source.replace(/\$$/, '')}\\.ics$`)).describe('The feed token followed by `.ics`');
const docsAsset = z.enum(docsAssets);

export const routes: RouteSpec[] = [
  // ops
  { method: 'get', path: '/healthz', operationId: 'health', summary: 'Liveness probe', tag: 'ops', auth: 'none', role: 'anyone',
    description: 'Also answered at `/healthz` outside the API base, for load balancers.',
    responses: [ok(c.healthStatus, 'The process is up')] },
  { method: 'get', path: '/readyz', operationId: 'readiness', summary: 'Readiness probe (database reachable)', tag: 'ops', auth: 'none', role: 'anyone',
    description: 'Also answered at `/readyz` outside the API base. 503 with the same shape when the database does not answer.',
    responses: [ok(c.readiness, 'The database answers')] },
  { method: 'get', path: '/openapi.json', operationId: 'openApiDocument', summary: 'This OpenAPI 3.1 document', tag: 'ops', auth: 'none', role: 'anyone',
    responses: [{ status: 200, contentType: 'application/json', description: 'The OpenAPI document, generated from the contract' }] },
  { method: 'get', path: '/docs', operationId: 'apiReference', summary: 'The browsable API reference', tag: 'ops', auth: 'none', role: 'anyone',
    responses: [{ status: 200, contentType: 'text/html', description: 'A self-contained page that renders this document' }] },
  { method: 'get', path: '/docs/{asset}', operationId: 'apiReferenceAsset', summary: 'Script and style of the API reference page', tag: 'ops', auth: 'none', role: 'anyone',
    params: { asset: docsAsset }, errors: ['not_found'],
    responses: [{ status: 200, contentType: 'text/javascript', description: 'The asset' }] },

  // me
  { method: 'get', path: '/me', operationId: 'getMe', summary: 'The caller: user, profile, mentor status, roles and language', tag: 'me', auth: 'bearer', role: 'self',
    responses: [ok(c.me, 'The caller')] },
  { method: 'put', path: '/me/profile', operationId: 'replaceProfile', summary: 'Replace the caller’s profile', tag: 'me', auth: 'bearer', role: 'self',
    body: { schema: c.profileInput }, responses: [ok(c.profile, 'The stored profile')] },
  { method: 'get', path: '/me/calendar-feed', operationId: 'getCalendarFeed', summary: 'Whether the private calendar feed is on', tag: 'me', auth: 'bearer', role: 'self',
    responses: [ok(c.calendarFeedStatus, 'The feed status')] },
  { method: 'post', path: '/me/calendar-feed', operationId: 'rotateCalendarFeed', summary: 'Create or rotate the private calendar feed URL', tag: 'me', auth: 'bearer', role: 'self',
    description: 'The only answer that shows the token; the previous URL stops working at once.',
    responses: [ok(c.calendarFeed, 'The new feed URL')] },
  { method: 'delete', path: '/me/calendar-feed', operationId: 'disableCalendarFeed', summary: 'Turn the private calendar feed off', tag: 'me', auth: 'bearer', role: 'self',
    responses: [noContent('The feed is off')] },
  { method: 'get', path: '/me/notification-preferences', operationId: 'getNotificationPreferences', summary: 'Which emails the caller gets, and in which language', tag: 'me', auth: 'bearer', role: 'self',
    responses: [ok(c.notificationPreferences, 'The preferences')] },
  { method: 'put', path: '/me/notification-preferences', operationId: 'updateNotificationPreferences', summary: 'Turn kinds of email on or off', tag: 'me', auth: 'bearer', role: 'self',
    body: { schema: c.notificationPreferencesInput }, responses: [ok(c.notificationPreferences, 'The preferences')] },
  { method: 'get', path: '/me/export', operationId: 'exportAccount', summary: 'All of the caller’s data as one JSON document', tag: 'me', auth: 'bearer', role: 'self',
    responses: [ok(c.accountExport, 'The export (offered as a download)')] },
  { method: 'delete', path: '/me', operationId: 'eraseAccount', summary: 'Erase the caller’s account', tag: 'me', auth: 'bearer', role: 'self',
    description: 'Messages stay for the other party, shown as from a deleted user; the token never signs in again (410).',
    responses: [ok(c.accountErasure, 'What was erased')] },

  // mentors
  { method: 'get', path: '/mentors', operationId: 'searchMentors', summary: 'Search mentors, ranked, with match scores and facets', tag: 'mentors', auth: 'bearer', role: 'user',
    description: 'Answers carry an `ETag` and `Cache-Control: private, no-cache`: a browser revalidates each time, and while nothing '
      + 'the answer shows has changed, a request whose `If-None-Match` names its ETag gets 304 without a body.',
    query: c.mentorSearchQuery,
    responses: [ok(c.mentorSearchResult, 'A page of mentor cards'), { status: 304, description: 'The answer named in `If-None-Match` is still current' }] },
  { method: 'get', path: '/mentors/{id}', operationId: 'getMentor', summary: 'A mentor’s full profile, stats and the caller’s request state', tag: 'mentors', auth: 'bearer', role: 'user',
    params: byId, errors: ['not_found'], responses: [ok(c.mentorProfile, 'The mentor')] },
  { method: 'patch', path: '/mentors/me', operationId: 'updateMentorSettings', summary: 'Change the caller’s mentor settings', tag: 'mentors', auth: 'bearer', role: 'approvedMentor',
    body: { schema: c.mentorSettingsPatch }, errors: ['not_found', 'conflict'], responses: [ok(c.mentorSettingsResult, 'The settings')] },

  // applications
  { method: 'post', path: '/mentor-applications', operationId: 'applyAsMentor', summary: 'Apply for mentor status', tag: 'applications', auth: 'bearer', role: 'self',
    body: { schema: c.mentorApplicationInput }, idempotencyKey: true, errors: ['conflict'], responses: [created(c.mentorApplication, 'The application')] },
  { method: 'get', path: '/mentor-applications/mine', operationId: 'getMyApplication', summary: 'The caller’s latest application', tag: 'applications', auth: 'bearer', role: 'self',
    responses: [ok(c.myMentorApplication, 'The latest application, or `application: null` when the caller never applied')] },
  { method: 'put', path: '/mentor-applications/mine', operationId: 'resubmitApplication', summary: 'Resubmit after changes were requested', tag: 'applications', auth: 'bearer', role: 'self',
    body: { schema: c.mentorApplicationInput }, errors: ['not_found', 'invalid_transition'], responses: [ok(c.mentorApplication, 'The application, pending again')] },

  // requests
  { method: 'post', path: '/mentorship-requests', operationId: 'createRequest', summary: 'Ask a mentor', tag: 'requests', auth: 'bearer', role: 'user',
    body: { schema: c.mentorshipRequestInput }, idempotencyKey: true,
    errors: ['not_found', 'conflict', 'duplicate_request', 'too_many_pending_requests', 'mentor_unavailable'],
    responses: [created(c.mentorshipRequest, 'The request')] },
  { method: 'get', path: '/mentorship-requests', operationId: 'listRequests', summary: 'Requests the caller sent or received', tag: 'requests', auth: 'bearer', role: 'self',
    query: c.requestListQuery, responses: [ok(c.mentorshipRequestPage, 'A page of requests')] },
  { method: 'get', path: '/mentorship-requests/{id}', operationId: 'getRequest', summary: 'One request', tag: 'requests', auth: 'bearer', role: 'party',
    params: byId, errors: ['not_found'], responses: [ok(c.mentorshipRequest, 'The request')] },
  { method: 'post', path: '/mentorship-requests/{id}/accept', operationId: 'acceptRequest', summary: 'Accept a request (the mentor); starts the mentorship', tag: 'requests', auth: 'bearer', role: 'mentor',
    description: 'Idempotent: accepting an accepted request answers with the mentorship it made.',
    params: byId, errors: ['forbidden', 'not_found', 'invalid_transition', 'capacity_reached', 'mentor_unavailable', 'conflict'],
    responses: [ok(c.acceptResult, 'The request with its new mentorship')] },
  { method: 'post', path: '/mentorship-requests/{id}/decline', operationId: 'declineRequest', summary: 'Decline a request with a reason (the mentor)', tag: 'requests', auth: 'bearer', role: 'mentor',
    params: byId, body: { schema: c.declineInput }, errors: ['forbidden', 'not_found', 'invalid_transition'], responses: [ok(c.mentorshipRequest, 'The declined request')] },
  { method: 'post', path: '/mentorship-requests/{id}/withdraw', operationId: 'withdrawRequest', summary: 'Withdraw a pending request (the mentee)', tag: 'requests', auth: 'bearer', role: 'mentee',
    params: byId, errors: ['forbidden', 'not_found', 'invalid_transition'], responses: [ok(c.mentorshipRequest, 'The withdrawn request')] },

  // mentorships
  { method: 'get', path: '/mentorships', operationId: 'listMentorships', summary: 'The caller’s mentorships', tag: 'mentorships', auth: 'bearer', role: 'self',
    query: c.mentorshipListQuery, responses: [ok(c.mentorshipPage, 'A page of mentorships')] },
  { method: 'get', path: '/mentorships/{id}', operationId: 'getMentorship', summary: 'One mentorship', tag: 'mentorships', auth: 'bearer', role: 'party',
    params: byId, errors: ['not_found'], responses: [ok(c.mentorship, 'The mentorship')] },
  ...(['pause', 'resume', 'complete'] as const).map((action): RouteSpec => ({
    method: 'post', path: `/mentorships/{id}/${action}`, operationId: `${action}Mentorship`, summary: `${action[0]!.toUpperCase()}${action.slice(1)} a mentorship (either party)`,
    tag: 'mentorships', auth: 'bearer', role: 'party', params: byId, errors: ['not_found', 'invalid_transition'], responses: [ok(c.mentorship, 'The mentorship')],
  })),
  { method: 'post', path: '/mentorships/{id}/cancel', operationId: 'cancelMentorship', summary: 'Cancel a mentorship with a reason (either party)', tag: 'mentorships', auth: 'bearer', role: 'party',
    params: byId, body: { schema: c.cancelMentorshipInput }, errors: ['not_found', 'invalid_transition'], responses: [ok(c.mentorship, 'The mentorship')] },
  { method: 'get', path: '/mentorships/{id}/history', operationId: 'mentorshipHistory', summary: 'Status changes of a mentorship', tag: 'mentorships', auth: 'bearer', role: 'party',
    params: byId, query: c.historyQuery, errors: ['not_found'], responses: [ok(c.statusChangePage, 'A page of status changes')] },
  { method: 'get', path: '/mentorships/{id}/feedback', operationId: 'feedbackStatus', summary: 'Whether the caller can leave feedback, and what was given', tag: 'mentorships', auth: 'bearer', role: 'party',
    params: byId, errors: ['not_found'], responses: [ok(c.feedbackStatus, 'The feedback status')] },
  { method: 'post', path: '/mentorships/{id}/feedback', operationId: 'leaveFeedback', summary: 'Rate the other party after completion', tag: 'mentorships', auth: 'bearer', role: 'party',
    params: byId, body: { schema: c.feedbackInput }, idempotencyKey: true, errors: ['not_found', 'invalid_transition', 'conflict'],
    responses: [created(c.feedback, 'The feedback')] },

  // timeline
  { method: 'put', path: '/mentorships/{id}/timeline', operationId: 'setTimeline', summary: 'Set the target end date, optionally from a template (the mentor)', tag: 'timeline', auth: 'bearer', role: 'mentor',
    params: byId, body: { schema: c.timelineInput }, errors: ['forbidden', 'not_found', 'invalid_transition', 'conflict', 'rate_limited'], responses: [ok(c.timelineResult, 'The timeline')] },
  { method: 'post', path: '/mentorships/{id}/milestones', operationId: 'addMilestone', summary: 'Add a milestone (the mentor)', tag: 'timeline', auth: 'bearer', role: 'mentor',
    params: byId, body: { schema: c.milestoneInput }, idempotencyKey: true, errors: ['forbidden', 'not_found', 'invalid_transition', 'rate_limited'],
    responses: [created(c.milestone, 'The milestone')] },
  { method: 'patch', path: '/milestones/{id}', operationId: 'updateMilestone', summary: 'Change a milestone: status (either party), plan fields (the mentor)', tag: 'timeline', auth: 'bearer', role: 'party',
    params: byId, body: { schema: c.milestonePatch }, errors: ['forbidden', 'not_found', 'invalid_transition', 'rate_limited'], responses: [ok(c.milestone, 'The milestone')] },
  { method: 'delete', path: '/milestones/{id}', operationId: 'deleteMilestone', summary: 'Delete a milestone (the mentor)', tag: 'timeline', auth: 'bearer', role: 'mentor',
    params: byId, errors: ['forbidden', 'not_found', 'invalid_transition', 'rate_limited'], responses: [noContent('Deleted')] },
  { method: 'post', path: '/mentorships/{id}/progress-notes', operationId: 'addProgressNote', summary: 'Add a progress note (either party)', tag: 'timeline', auth: 'bearer', role: 'party',
    params: byId, body: { schema: c.progressNoteInput }, idempotencyKey: true, errors: ['not_found', 'invalid_transition', 'rate_limited'],
    responses: [created(c.progressNote, 'The note')] },
  { method: 'get', path: '/mentorships/{id}/progress', operationId: 'getProgress', summary: 'Progress percent, milestones and the timeline of events', tag: 'timeline', auth: 'bearer', role: 'party',
    params: byId, errors: ['not_found'], responses: [ok(c.progress, 'The progress')] },

  // meetings
  { method: 'post', path: '/mentorships/{id}/meetings', operationId: 'scheduleMeeting', summary: 'Schedule a meeting (either party)', tag: 'meetings', auth: 'bearer', role: 'party',
    params: byId, body: { schema: c.meetingInput }, idempotencyKey: true, errors: ['not_found', 'invalid_transition', 'rate_limited'],
    responses: [created(c.meeting, 'The meeting, with overlaps in either party’s calendar')] },
  { method: 'get', path: '/meetings', operationId: 'listMeetings', summary: 'The caller’s meetings in a time window', tag: 'meetings', auth: 'bearer', role: 'self',
    query: c.meetingListQuery, responses: [ok(c.meetingPage, 'A page of meetings')] },
  { method: 'get', path: '/meetings/{id}', operationId: 'getMeeting', summary: 'One meeting', tag: 'meetings', auth: 'bearer', role: 'party',
    params: byId, errors: ['not_found'], responses: [ok(c.meeting, 'The meeting')] },
  { method: 'get', path: '/meetings/{id}/ics', operationId: 'meetingIcs', summary: 'The meeting as an iCalendar file', tag: 'meetings', auth: 'bearer', role: 'party',
    params: byId, errors: ['not_found'], responses: [calendar('An .ics attachment')] },
  { method: 'patch', path: '/meetings/{id}', operationId: 'updateMeeting', summary: 'Reschedule or edit a scheduled meeting (either party)', tag: 'meetings', auth: 'bearer', role: 'party',
    params: byId, body: { schema: c.meetingPatch }, errors: ['not_found', 'invalid_transition', 'rate_limited'], responses: [ok(c.meeting, 'The meeting')] },
  { method: 'post', path: '/meetings/{id}/complete', operationId: 'completeMeeting', summary: 'Complete a meeting with notes, after its start', tag: 'meetings', auth: 'bearer', role: 'party',
    params: byId, body: { schema: c.completeMeetingInput }, errors: ['not_found', 'invalid_transition'], responses: [ok(c.meeting, 'The meeting')] },
  { method: 'post', path: '/meetings/{id}/cancel', operationId: 'cancelMeeting', summary: 'Cancel a meeting with a reason', tag: 'meetings', auth: 'bearer', role: 'party',
    params: byId, body: { schema: c.cancelMeetingInput }, errors: ['not_found', 'invalid_transition', 'rate_limited'], responses: [ok(c.meeting, 'The meeting')] },
  { method: 'get', path: '/calendar/{file}', operationId: 'calendarFeed', summary: 'The private calendar feed a calendar app subscribes to', tag: 'meetings', auth: 'urlToken', role: 'anyone',
    description: 'The token in the path is the only credential (see `POST /me/calendar-feed`); an unknown token answers 404.',
    params: { file: feedFile }, errors: ['not_found'], responses: [calendar('The caller’s meetings as iCalendar')] },

  { method: 'get', path: '/unsubscribe', operationId: 'unsubscribePage', summary: 'The confirmation page of a one-click unsubscribe link', tag: 'notifications', auth: 'urlToken', role: 'anyone',
    description: 'Shows a button that POSTs; link scanners that fetch GET URLs change nothing. A bad or expired token answers a 400 page.',
    query: unsubscribeQuery, responses: [{ status: 200, contentType: 'text/html', description: 'The confirmation page' }] },
  { method: 'post', path: '/unsubscribe', operationId: 'unsubscribe', summary: 'One-click unsubscribe (RFC 8058), no sign-in', tag: 'notifications', auth: 'urlToken', role: 'anyone',
    description: 'Switches the kind named by the signed token off. Answers an HTML page when the request accepts `text/html`.',
    query: unsubscribeQuery, responses: [ok(c.unsubscribeResult, 'The kind is off')] },

  // messages
  { method: 'get', path: '/conversations', operationId: 'listConversations', summary: 'The caller’s conversations, latest activity first', tag: 'messages', auth: 'bearer', role: 'self',
    query: c.conversationListQuery, responses: [ok(c.conversationPage, 'A page of conversations')] },
  { method: 'get', path: '/conversations/{id}', operationId: 'getConversation', summary: 'One conversation', tag: 'messages', auth: 'bearer', role: 'party',
    params: byId, errors: ['not_found'], responses: [ok(c.conversation, 'The conversation')] },
  { method: 'get', path: '/conversations/{id}/messages', operationId: 'listMessages', summary: 'Messages, newest first', tag: 'messages', auth: 'bearer', role: 'party',
    params: byId, query: c.messageListQuery, errors: ['not_found'], responses: [ok(c.messagePage, 'A page of messages')] },
  { method: 'post', path: '/conversations/{id}/messages', operationId: 'sendMessage', summary: 'Send a message (idempotent on clientId)', tag: 'messages', auth: 'bearer', role: 'party',
    params: byId, body: { schema: c.sendMessageInput }, errors: ['not_found', 'invalid_transition', 'rate_limited'],
    responses: [created(c.message, 'The stored message'), ok(c.message, 'A replay of an earlier send with the same clientId')] },
  { method: 'post', path: '/conversations/{id}/read', operationId: 'markConversationRead', summary: 'Move the caller’s read marker', tag: 'messages', auth: 'bearer', role: 'party',
    params: byId, body: { schema: c.markConversationReadInput }, errors: ['not_found'], responses: [ok(c.conversationRead, 'The read marker and unread counts')] },

  // notifications
  { method: 'get', path: '/notifications', operationId: 'listNotifications', summary: 'The caller’s notifications, newest first', tag: 'notifications', auth: 'bearer', role: 'self',
    query: c.notificationListQuery, responses: [ok(c.notificationPage, 'A page of notifications with the unread count')] },
  { method: 'post', path: '/notifications/read', operationId: 'markNotificationsRead', summary: 'Mark some or all notifications read', tag: 'notifications', auth: 'bearer', role: 'self',
    body: { schema: c.markReadInput }, responses: [ok(c.markReadResult, 'How many were marked')] },

  // admin
  { method: 'get', path: '/admin/mentor-applications', operationId: 'listApplications', summary: 'Applications by status, longest waiting first', tag: 'admin', auth: 'bearer', role: 'admin',
    query: c.applicationListQuery, responses: [ok(c.mentorApplicationPage, 'A page of applications')] },
  { method: 'post', path: '/admin/mentor-applications/{id}/approve', operationId: 'approveApplication', summary: 'Approve an application; the applicant becomes a mentor', tag: 'admin', auth: 'bearer', role: 'admin',
    params: byId, body: { schema: c.approveInput }, errors: ['not_found', 'invalid_transition'], responses: [ok(c.mentorApplication, 'The application')] },
  { method: 'post', path: '/admin/mentor-applications/{id}/reject', operationId: 'rejectApplication', summary: 'Reject an application with notes', tag: 'admin', auth: 'bearer', role: 'admin',
    params: byId, body: { schema: c.decisionInput }, errors: ['not_found', 'invalid_transition'], responses: [ok(c.mentorApplication, 'The application')] },
  { method: 'post', path: '/admin/mentor-applications/{id}/request-changes', operationId: 'requestApplicationChanges', summary: 'Ask the applicant for changes', tag: 'admin', auth: 'bearer', role: 'admin',
    params: byId, body: { schema: c.decisionInput }, errors: ['not_found', 'invalid_transition'], responses: [ok(c.mentorApplication, 'The application')] },
  { method: 'get', path: '/admin/mentors', operationId: 'listMentorsForAdmin', summary: 'Mentors with workload and rating', tag: 'admin', auth: 'bearer', role: 'admin',
    query: c.adminMentorQuery, responses: [ok(c.adminMentorPage, 'A page of mentors')] },
  { method: 'post', path: '/admin/mentors/{id}/suspend', operationId: 'suspendMentor', summary: 'Suspend a mentor: hides them and declines their pending requests', tag: 'admin', auth: 'bearer', role: 'admin',
    params: byId, body: { schema: c.suspendInput }, errors: ['not_found', 'invalid_transition'], responses: [ok(c.mentorStatusResult, 'The new status')] },
  { method: 'post', path: '/admin/mentors/{id}/reactivate', operationId: 'reactivateMentor', summary: 'Reactivate a suspended mentor', tag: 'admin', auth: 'bearer', role: 'admin',
    params: byId, errors: ['not_found', 'invalid_transition'], responses: [ok(c.mentorStatusResult, 'The new status')] },
  { method: 'get', path: '/admin/stats', operationId: 'programmeStats', summary: 'Programme statistics', tag: 'admin', auth: 'bearer', role: 'admin',
    responses: [ok(c.programmeStats, 'The statistics')] },

  // demo
  { method: 'post', path: '/dev/token', operationId: 'demoToken', summary: 'A token for a demo persona', tag: 'demo', auth: 'none', role: 'anyone', demoOnly: true,
    body: { schema: c.devTokenRequest }, responses: [ok(c.devTokenResponse, 'A signed token for the persona')] },
];
