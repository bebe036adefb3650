import type { MeetingFormat, ProfileInput } from '@mentorkit/contract';
import { expect } from 'vitest';
import { json, type TestContext, type TestUser } from '../../test/harness.js';

/**
 * Test data for search and profiles. People and their profiles go through the real API (the user
 * appears on their first authenticated request, `PUT /me/profile` fills the profile); mentor
 * records, mentorships, requests and feedback are inserted directly, because their own APIs
 * (application approval, accept, feedback) are other features' business and would make these
 * tests depend on them.
 */

export interface MentorSpec {
  status?: 'active' | 'suspended';
  acceptingMentees?: boolean;
  capacity?: number;
  /** `YYYY-MM-DD` */
  awayUntil?: string | null;
  expertise?: string[];
  yearsOfExperience?: number;
  mentoringBio?: string;
  meetingFormats?: MeetingFormat[];
  medianResponseHours?: number | null;
  /** ISO instant */
  approvedAt?: string;
}

/** Makes sure the person exists (first authenticated request) and returns their id. */
export async function ensureUser(t: TestContext, user: TestUser): Promise<string> {
  const res = await t.call('GET', '/api/v1/me', { as: user });
  expect(res.status, await res.clone().text()).toBe(200);
  return (await json(res)).user.id as string;
}

/** Creates the person if needed and replaces their profile through `PUT /me/profile`. */
export async function putProfile(t: TestContext, user: TestUser, profile: ProfileInput): Promise<string> {
  const res = await t.call('PUT', '/api/v1/me/profile', { as: user, body: profile });
  expect(res.status, await res.clone().text()).toBe(200);
  return (await json(res)).userId as string;
}

/** A person with a profile (through the API) and an approved mentor record (inserted). */
export async function createMentor(t: TestContext, user: TestUser, profile: ProfileInput, spec: MentorSpec = {}): Promise<string> {
  const id = await putProfile(t, user, profile);
  await t.handle.db
    .insertInto('mentors')
    .values({
      user_id: id,
      application_id: null,
      status: spec.status ?? 'active',
      accepting_mentees: spec.acceptingMentees ?? true,
      capacity: spec.capacity ?? 3,
      away_until: spec.awayUntil ?? null,
      expertise: spec.expertise ?? ['Mentoring'],
      years_of_experience: spec.yearsOfExperience ?? 5,
      mentoring_bio: spec.mentoringBio ?? '',
      meeting_formats: spec.meetingFormats ?? ['video'],
      median_response_hours: spec.medianResponseHours ?? null,
      approved_at: spec.approvedAt ?? '2026-01-01T00:00:00Z',
      ...(spec.status === 'suspended' ? { suspended_at: '2026-11-01T00:00:00Z', suspended_reason: 'Fixture' } : {}),
    })
    .execute();
  return id;
}

export type MentorshipStatus = 'active' | 'paused' | 'completed' | 'cancelled';

/** A mentorship row; the slot counter trigger keeps `mentors.open_mentorships` in step. */
export async function addMentorship(t: TestContext, mentorId: string, menteeId: string, status: MentorshipStatus = 'active'): Promise<string> {
  const ended = status === 'completed' || status === 'cancelled';
  const row = await t.handle.db
    .insertInto('mentorships')
    .values({
      mentor_id: mentorId,
      mentee_id: menteeId,
      status,
      started_at: '2026-01-15T00:00:00Z',
      ended_at: ended ? '2026-06-15T00:00:00Z' : null,
      end_reason: status === 'cancelled' ? 'Schedules did not fit' : null,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

export async function addRequest(
  t: TestContext,
  mentorId: string,
  menteeId: string,
  options: { status?: 'pending' | 'accepted' | 'declined' | 'withdrawn' | 'expired'; expiresAt?: string } = {},
): Promise<string> {
  const status = options.status ?? 'pending';
  const row = await t.handle.db
    .insertInto('mentorship_requests')
    .values({
      mentee_id: menteeId,
      mentor_id: mentorId,
      status,
      goals: 'Learn from you',
      expires_at: options.expiresAt ?? '2026-12-12T09:00:00Z',
      decline_reason: status === 'declined' ? 'not_enough_time' : null,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

/** Feedback `authorId` left on a mentorship about `subjectId`. */
export async function addFeedback(t: TestContext, mentorshipId: string, authorId: string, subjectId: string, rating: number): Promise<void> {
  await t.handle.db
    .insertInto('feedback')
    .values({ mentorship_id: mentorshipId, author_id: authorId, subject_id: subjectId, rating, comment: '' })
    .execute();
}

/** `GET /api/v1/mentors` with a query built from a record (arrays become repeated keys). */
export function searchPath(params: Record<string, string | number | Array<string | number> | undefined> = {}): string {
  const qs = new URLSearchParams();
  for (const [key, value] of Object.entries(params)) {
    if (value === undefined) continue;
    for (const v of Array.isArray(value) ? value : [value]) qs.append(key, String(v));
  }
  const s = qs.toString();
  return `/api/v1/mentors${s ? `?${s}` : ''}`;
}
