/**
 * Programmes for the browser tests, made through the admin API by an admin the test made for
 * itself. Every name (and so every slug) is unique: test files run in parallel against one server.
 */
import type { Programme, ProgrammeInput } from '@mentorkit/contract';
import { freshPeople, type FreshPerson } from '../../test-support/api-fixture.js';

/** A calendar day `offset` days from today (UTC, as the server counts days). */
export const dayFromToday = (offset: number) => new Date(Date.now() + offset * 86_400_000).toISOString().slice(0, 10);

export async function freshAdmin(): Promise<FreshPerson> {
  return (await freshPeople({ admin: { name: 'Programme Admin', roles: ['admin'] } })).admin;
}

let made = 0;
/**
 * A new programme: enrolling (starts in 10 days, ends in 100, enrolment open), mentees choose
 * their mentor, unless `input` says otherwise.
 */
export function newProgramme(admin: FreshPerson, input: Partial<ProgrammeInput> = {}): Promise<Programme> {
  const tag = `${Date.now().toString(36)}${(made++).toString(36)}${Math.random().toString(36).slice(2, 6)}`;
  return admin.client.admin.programmes.create({
    name: `Test cohort ${tag}`,
    description: 'Eight weeks of mentoring for final-year students moving into data careers.',
    startsOn: dayFromToday(10),
    endsOn: dayFromToday(100),
    matching: 'mentee_choice',
    ...input,
  });
}
