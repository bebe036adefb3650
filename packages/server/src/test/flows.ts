import { expect } from 'vitest';
import { json, type TestContext, type TestUser } from './harness.js';

export const admin: TestUser = { sub: 'flow-admin', name: 'Grace Lim', roles: ['admin'] };

export const person = (sub: string, name = sub): TestUser => ({ sub, name });

/** Makes `user` an approved mentor through the real API (apply, then admin approval). */
export async function becomeMentor(t: TestContext, user: TestUser, settings: Record<string, unknown> = {}): Promise<string> {
  const applied = await t.call('POST', '/api/v1/mentor-applications', {
    as: user,
    body: { expertise: ['Data Engineering', 'SQL', 'Leadership'], yearsOfExperience: 10, statement: 'I have led data teams for ten years and mentored a dozen juniors into senior roles.' },
  });
  expect(applied.status, await applied.clone().text()).toBe(201);
  const application = await json(applied);
  const approved = await t.call('POST', `/api/v1/admin/mentor-applications/${application.id}/approve`, { as: admin, body: { notes: 'Welcome!' } });
  expect(approved.status).toBe(200);
  if (Object.keys(settings).length) {
    const patched = await t.call('PATCH', '/api/v1/mentors/me', { as: user, body: settings });
    expect(patched.status, await patched.clone().text()).toBe(200);
  }
  return application.userId as string;
}

export async function userId(t: TestContext, user: TestUser): Promise<string> {
  return (await json(await t.call('GET', '/api/v1/me', { as: user }))).user.id;
}

export const requestBody = (mentorId: string, extra: Record<string, unknown> = {}) => ({
  mentorId,
  goals: 'I want to move from analytics into data engineering within a year.',
  skillsSeeking: ['SQL', 'Airflow'],
  message: 'Hello! I loved your talk at the alumni homecoming.',
  ...extra,
});

/** Sends a request and returns its id, asserting it was created. */
export async function sendRequest(t: TestContext, mentee: TestUser, mentorId: string, extra: Record<string, unknown> = {}): Promise<string> {
  const res = await t.call('POST', '/api/v1/mentorship-requests', { as: mentee, body: requestBody(mentorId, extra) });
  expect(res.status, await res.clone().text()).toBe(201);
  return (await json(res)).id as string;
}
