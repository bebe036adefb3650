import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import {
  notification,
  notificationData,
  notificationKinds,
  readRealtimeEvent,
  realtimeCloseCodes,
  realtimeEvent,
  realtimeEventData,
  realtimeEventRequiredFields,
  realtimeEventTypes,
  type NotificationDataMap,
} from './index.js';

const uuid = (n: number) => `00000000-0000-4000-8000-${String(n).padStart(12, '0')}`;
const at = '2026-11-28T09:00:00.000Z';
const by = { byId: uuid(1), byName: 'Ana Villanueva' };

/** One `data` of each notification kind, as the server writes it (typed, so a renamed field fails to compile here too). */
const samples: NotificationDataMap = {
  'request.received': { requestId: uuid(2), menteeId: uuid(3), menteeName: 'Maria Santos' },
  'request.accepted': { requestId: uuid(2), mentorshipId: uuid(4), mentorId: uuid(1), mentorName: 'Ana Villanueva' },
  'request.declined': { requestId: uuid(2), mentorId: uuid(1), mentorName: 'Ana Villanueva', reason: 'not_enough_time' },
  'request.withdrawn': { requestId: uuid(2), menteeId: uuid(3), menteeName: 'Maria Santos' },
  'request.expired': { requestId: uuid(2), mentorId: uuid(1), mentorName: 'Ana Villanueva' },
  'request.reminder': { requestId: uuid(2), menteeId: uuid(3), menteeName: 'Maria Santos', expiresAt: at },
  'application.approved': { applicationId: uuid(5), notes: '' },
  'application.rejected': { applicationId: uuid(5), notes: 'Not yet' },
  'application.changes_requested': { applicationId: uuid(5), notes: 'Add a link' },
  'application.submitted': { applicationId: uuid(5), applicantName: 'Jose Cruz', resubmitted: false },
  'mentor.suspended': { reason: 'Reports' },
  'mentor.reactivated': {},
  'mentorship.paused': { mentorshipId: uuid(4), ...by },
  'mentorship.resumed': { mentorshipId: uuid(4), ...by },
  'mentorship.completed': { mentorshipId: uuid(4), ...by },
  'mentorship.cancelled': { mentorshipId: uuid(4), ...by, reason: 'Moved abroad' },
  'feedback.received': { mentorshipId: uuid(4), feedbackId: uuid(6), ...by },
  'timeline.updated': { mentorshipId: uuid(4), targetEndDate: '2027-02-01', template: 'leadership', milestonesAdded: 4, ...by },
  'milestone.added': { mentorshipId: uuid(4), milestoneId: uuid(7), title: 'Draft the CV', dueDate: null, ...by },
  'milestone.updated': { mentorshipId: uuid(4), milestoneId: uuid(7), title: 'Draft the CV', status: 'completed', changed: ['status'], ...by },
  'milestone.removed': { mentorshipId: uuid(4), milestoneId: uuid(7), title: 'Draft the CV', ...by },
  'progress.note_added': { mentorshipId: uuid(4), noteId: uuid(8), progressPercent: null, ...by },
  'meeting.scheduled': { mentorshipId: uuid(4), meetingId: uuid(9), title: 'Kick-off', startsAt: at, ...by },
  'meeting.updated': { mentorshipId: uuid(4), meetingId: uuid(9), title: 'Kick-off', startsAt: at, previousStartsAt: at, rescheduled: true, ...by },
  'meeting.completed': { mentorshipId: uuid(4), meetingId: uuid(9), title: 'Kick-off', ...by },
  'meeting.cancelled': { mentorshipId: uuid(4), meetingId: uuid(9), title: 'Kick-off', startsAt: at, reason: 'Ill', ...by },
  'programme.enrolled': { programmeId: uuid(11), programmeName: 'Data careers 2027', programmeSlug: 'data-careers-2027', role: 'mentee', startsOn: '2027-01-11', endsOn: '2027-04-30' },
  'programme.introduced': { programmeId: uuid(11), programmeName: 'Data careers 2027', requestId: uuid(2), mentorId: uuid(1), mentorName: 'Ana Villanueva', score: 72, reasons: ['Shares your skill: SQL'] },
};
const notificationOf = (kind: string, data: unknown) => ({ id: uuid(10), kind, data, readAt: null, createdAt: at });

/** The object schemas a schema accepts (the options of a union), to read their fields. */
const objectsOf = (schema: z.ZodType): z.ZodObject[] =>
  schema instanceof z.ZodObject ? [schema] : schema instanceof z.ZodUnion ? (schema.options as z.ZodType[]).flatMap(objectsOf) : [];

describe('notification kinds', () => {
  it('each kind has a data schema, and nothing else has one', () => {
    expect(Object.keys(notificationData).sort()).toEqual([...notificationKinds].sort());
  });

  it.each(notificationKinds)('%s: its data parses, inside a notification of its kind and of no other kind', (kind) => {
    expect(notificationData[kind].safeParse(samples[kind]).success).toBe(true);
    expect(notification.safeParse(notificationOf(kind, samples[kind])).success).toBe(true);
    const other = kind === 'application.submitted' ? 'request.received' : 'application.submitted';
    expect(notification.safeParse(notificationOf(other, samples[kind])).success, `${kind}'s data as ${other}`).toBe(false);
  });

  it('a notification of an unknown kind, or with a field of the wrong type, is refused', () => {
    expect(notification.safeParse(notificationOf('mentor.renamed', {})).success).toBe(false);
    expect(notification.safeParse(notificationOf('meeting.updated', { ...samples['meeting.updated'], rescheduled: 'yes' })).success).toBe(false);
    expect(notification.safeParse(notificationOf('request.accepted', { ...samples['request.accepted'], mentorName: undefined })).success).toBe(false);
  });
});

describe('realtime event types', () => {
  it('each type has a data schema and a row of required fields, and nothing else has one', () => {
    expect(Object.keys(realtimeEventData).sort()).toEqual([...realtimeEventTypes].sort());
    expect(Object.keys(realtimeEventRequiredFields).sort()).toEqual([...realtimeEventTypes].sort());
  });

  it.each(realtimeEventTypes)('%s: the fields the light check requires are required by the zod schema too', (type) => {
    const objects = objectsOf(realtimeEventData[type]);
    expect(objects.length, 'an object schema, or a union of them').toBeGreaterThan(0);
    for (const object of objects) {
      for (const field of realtimeEventRequiredFields[type]) {
        const shape = object.shape as Record<string, z.ZodType>;
        expect(shape[field], `${type}.${field}`).toBeDefined();
        expect(shape[field]!.safeParse(undefined).success, `${type}.${field} is optional in the schema`).toBe(false);
      }
    }
  });

  const frame = (type: string, data: unknown, extra: Record<string, unknown> = {}) => ({ type, id: 7, at, data, ...extra });
  const notificationEvent = frame('notification.created', notificationOf('request.received', samples['request.received']));

  it('readRealtimeEvent and the zod schema both accept a well-formed event', () => {
    expect(readRealtimeEvent(notificationEvent)).toBe(notificationEvent);
    expect(realtimeEvent.safeParse(notificationEvent).success).toBe(true);
  });

  it.each([
    ['an unknown type', frame('mentor.renamed', {})],
    ['data that is not an object', frame('notification.created', 'hello')],
    ['a required field missing', frame('notification.created', { id: uuid(10), kind: 'request.received' })],
    ['a negative id', { ...notificationEvent, id: -1 }],
    ['a fractional id', { ...notificationEvent, id: 1.5 }],
    ['no `at`', { ...notificationEvent, at: undefined }],
    ['a control message', { type: 'ready', cursor: 3, userId: uuid(1) }],
    ['not an object', [notificationEvent]],
  ])('readRealtimeEvent refuses a frame with %s, as the zod schema does', (_, bad) => {
    expect(readRealtimeEvent(bad)).toBeUndefined();
    expect(realtimeEvent.safeParse(bad).success).toBe(false);
  });
});

describe('realtime close codes', () => {
  it('are distinct, and the application ones are in the 4000s', () => {
    const codes = Object.values(realtimeCloseCodes);
    expect(new Set(codes).size).toBe(codes.length);
    expect(codes.filter((c) => c >= 4000)).toEqual([4400, 4401, 4408, 4429]);
  });
});
