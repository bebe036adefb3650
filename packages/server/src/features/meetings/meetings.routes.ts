import { cancelMeetingInput, completeMeetingInput, id, meeting, meetingInput, meetingListQuery, meetingPage, meetingPatch } from '@mentorkit/contract';
import { created, defineRoute, ok } from '../../http/route.js';
import { calendarHeaders } from '../calendar/ics.js';
import { idempotencyKeyFrom } from '../shared/idempotency.js';
import { cancelMeeting, completeMeeting, getMeeting, listMeetings, meetingIcs, scheduleMeeting, updateMeeting } from './meetings.service.js';

export const meetingRoutes = [
  defineRoute({
    method: 'post', path: '/mentorships/{id}/meetings', operationId: 'scheduleMeeting', summary: 'Schedule a meeting (either party)', tag: 'meetings', auth: 'bearer', role: 'party',
    params: { id }, body: { schema: meetingInput }, idempotencyKey: true, errors: ['not_found', 'invalid_transition', 'rate_limited'],
    responses: [created(meeting, 'The meeting, with overlaps in either party’s calendar')],
  }, async (c, { params, body }) =>
    c.json(await scheduleMeeting(c.get('deps'), c.get('viewer'), params.id, body, idempotencyKeyFrom(c.req.header('idempotency-key'))), 201)),
  defineRoute({
    method: 'get', path: '/meetings', operationId: 'listMeetings', summary: 'The caller’s meetings in a time window', tag: 'meetings', auth: 'bearer', role: 'self',
    query: meetingListQuery, responses: [ok(meetingPage, 'A page of meetings')],
  }, async (c, { query }) => c.json(await listMeetings(c.get('deps'), c.get('viewer'), query), 200)),
  defineRoute({
    method: 'get', path: '/meetings/{id}', operationId: 'getMeeting', summary: 'One meeting', tag: 'meetings', auth: 'bearer', role: 'party',
    params: { id }, errors: ['not_found'], responses: [ok(meeting, 'The meeting')],
  }, async (c, { params }) => c.json(await getMeeting(c.get('deps'), c.get('viewer'), params.id), 200)),
  defineRoute({
    method: 'get', path: '/meetings/{id}/ics', operationId: 'meetingIcs', summary: 'The meeting as an iCalendar file', tag: 'meetings', auth: 'bearer', role: 'party',
    params: { id }, errors: ['not_found'], responses: [{ status: 200, contentType: 'text/calendar', description: 'An .ics attachment' }],
  }, async (c, { params }) => {
    const file = await meetingIcs(c.get('deps'), c.get('viewer'), params.id);
    return c.body(file.ics, 200, calendarHeaders(`meeting-${file.id}.ics`, 'attachment'));
  }),
  defineRoute({
    method: 'patch', path: '/meetings/{id}', operationId: 'updateMeeting', summary: 'Reschedule or edit a scheduled meeting (either party)', tag: 'meetings', auth: 'bearer', role: 'party',
    params: { id }, body: { schema: meetingPatch }, errors: ['not_found', 'invalid_transition', 'rate_limited'], responses: [ok(meeting, 'The meeting')],
  }, async (c, { params, body }) => c.json(await updateMeeting(c.get('deps'), c.get('viewer'), params.id, body), 200)),
  defineRoute({
    method: 'post', path: '/meetings/{id}/complete', operationId: 'completeMeeting', summary: 'Complete a meeting with notes, after its start', tag: 'meetings', auth: 'bearer', role: 'party',
    params: { id }, body: { schema: completeMeetingInput }, errors: ['not_found', 'invalid_transition'], responses: [ok(meeting, 'The meeting')],
  }, async (c, { params, body }) => c.json(await completeMeeting(c.get('deps'), c.get('viewer'), params.id, body), 200)),
  defineRoute({
    method: 'post', path: '/meetings/{id}/cancel', operationId: 'cancelMeeting', summary: 'Cancel a meeting with a reason', tag: 'meetings', auth: 'bearer', role: 'party',
    params: { id }, body: { schema: cancelMeetingInput }, errors: ['not_found', 'invalid_transition', 'rate_limited'], responses: [ok(meeting, 'The meeting')],
  }, async (c, { params, body }) => c.json(await cancelMeeting(c.get('deps'), c.get('viewer'), params.id, body), 200)),
];
