/**
 * Test data for `<mentorship-admin>`, made through the real API of web-test-runner.config.mjs.
 *
 * Decisions and suspensions cannot be undone, and other test files share the same server, so
 * these tests never decide about or suspend the demo personas: each test makes its own people.
 * Fresh people get their tokens from test-support's `freshToken`.
 */
import type { MentorApplication, MentorApplicationInput, ProfileInput } from '@mentorkit/contract';
import { createClient, type MentorkitClient } from '@mentorkit/sdk';
import { devToken, freshToken } from '../../test-support/api-fixture.js';

export interface FreshUser {
  id: string;
  name: string;
  token: string;
  client: MentorkitClient;
}

/** A word no seed or other test uses, so a name search finds exactly this test's people. */
export const uniqueWord = () => `Q${Math.random().toString(36).slice(2, 8)}`;

/** A new person with a profile, signed in with their own token. */
export async function freshUser(name: string, profile: ProfileInput = {}): Promise<FreshUser> {
  const { token } = await freshToken(name);
  const client = createClient({ baseUrl: '/', token });
  await client.me.updateProfile(profile);
  const me = await client.me.get();
  return { id: me.user.id, name, token, client };
}

export const adminClient = async (): Promise<MentorkitClient> => createClient({ baseUrl: '/', token: await devToken('admin') });

export const applicationInput = (overrides: Partial<MentorApplicationInput> = {}): MentorApplicationInput => ({
  expertise: ['Product Management', 'Career Change'],
  yearsOfExperience: 12,
  statement: 'I moved from engineering into product and want to help alumni who are thinking about the same change.',
  links: ['https://example.org/portfolio'],
  ...overrides,
});

/** A fresh applicant with a pending application. */
export async function freshApplicant(
  name: string,
  options: { profile?: ProfileInput; application?: Partial<MentorApplicationInput> } = {},
): Promise<{ user: FreshUser; application: MentorApplication }> {
  const user = await freshUser(name, options.profile);
  const application = await user.client.mentorApplications.submit(applicationInput(options.application));
  return { user, application };
}

/** A fresh, approved mentor; with `waitingRequests`, that many fresh mentees have asked them. */
export async function freshMentor(name: string, options: { waitingRequests?: number } = {}): Promise<FreshUser> {
  const { user, application } = await freshApplicant(name);
  await (await adminClient()).admin.approve(application.id);
  for (let i = 0; i < (options.waitingRequests ?? 0); i++) {
    const mentee = await freshUser(`Mentee ${i + 1} of ${name}`);
    await mentee.client.requests.create({ mentorId: user.id, goals: 'I would like help planning a move into product management.', skillsSeeking: ['Career Change'] });
  }
  return user;
}
