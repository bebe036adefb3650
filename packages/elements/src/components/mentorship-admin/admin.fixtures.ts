/**
 * Test data for `<mentorship-admin>`, made through the real API of web-test-runner.config.mjs.
 *
 * Decisions and suspensions cannot be undone, and other test files share the same server, so
 * these tests never decide about or suspend the demo personas: each test makes its own people.
 * test-support has no helper for tokens of new people (`POST /dev/token` knows only the
 * personas), so fresh tokens are signed here with the server's well-known demo secret.
 */
import type { MentorApplication, MentorApplicationInput, ProfileInput } from '@mentorkit/contract';
import { createClient, type MentorkitClient } from '@mentorkit/sdk';
import { devToken } from '../../test-support/api-fixture.js';

/** `DEMO_JWT_SECRET` in packages/server/src/config.ts: what a demo-mode server without a key signs with. */
const DEMO_JWT_SECRET = 'mentorkit-demo-secret-do-not-use-in-production-0123456789';

const base64url = (bytes: Uint8Array) => btoa(String.fromCharCode(...bytes)).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
const encodeJson = (value: unknown) => base64url(new TextEncoder().encode(JSON.stringify(value)));

/** An HS256 JWT for any subject, valid for an hour. */
async function signDemoToken(claims: { sub: string; name: string; roles?: string[] }): Promise<string> {
  const now = Math.floor(Date.now() / 1000);
  const unsigned = `${encodeJson({ alg: 'HS256', typ: 'JWT' })}.${encodeJson({ roles: [], ...claims, iat: now, exp: now + 3600 })}`;
  const key = await crypto.subtle.importKey('raw', new TextEncoder().encode(DEMO_JWT_SECRET), { name: 'HMAC', hash: 'SHA-256' }, false, ['sign']);
  const signature = new Uint8Array(await crypto.subtle.sign('HMAC', key, new TextEncoder().encode(unsigned)));
  return `${unsigned}.${base64url(signature)}`;
}

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
  const token = await signDemoToken({ sub: `wtr-admin-test-${crypto.randomUUID()}`, name });
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
