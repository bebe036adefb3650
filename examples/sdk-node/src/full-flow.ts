/**
 * A whole mentorship, scripted from Node with the SDK the way a portal's back end would drive it:
 * an alumna applies to mentor, an admin approves her, a student requests her, she accepts and
 * schedules the first meeting, and the student writes to her.
 *
 *   npm start                                        # in another terminal: the demo server
 *   node examples/sdk-node/dist/full-flow.js
 *
 * The portal owns sign-in, so this script signs its own short-lived tokens with the server's
 * HS256 secret (`MENTORKIT_JWT_SECRET`, the demo server's secret by default) for three fresh
 * people per run: running it twice never collides with the first run's data.
 */
import { createClient, type MentorkitClient } from '@mentorkit/sdk';
import { SignJWT } from 'jose';

export interface FlowPeople {
  admin: MentorkitClient;
  mentor: MentorkitClient;
  mentee: MentorkitClient;
}

export interface FlowResult {
  applicationId: string;
  mentorId: string;
  requestId: string;
  mentorshipId: string;
  meetingId: string;
  messageId: string;
  /** What the mentor's inbox says after the student wrote. */
  mentorUnread: number;
}

/** Runs the flow; `log` receives one line per step. */
export async function runFullFlow(people: FlowPeople, log: (line: string) => void = () => {}): Promise<FlowResult> {
  const { admin, mentor, mentee } = people;

  const application = await mentor.mentorApplications.submit({
    expertise: ['Product Management', 'Career Change', 'Leadership'],
    yearsOfExperience: 11,
    statement: 'Eleven years in product, and I moved into it from teaching: happy to help others change course.',
  });
  log(`applied to mentor: application ${application.id} is ${application.status}`);

  const approved = await admin.admin.approve(application.id);
  log(`admin approved it: ${approved.status}`);

  const request = await mentee.requests.create(
    {
      mentorId: application.userId,
      goals: 'Move from teaching into product management within a year.',
      skillsSeeking: ['Product Management', 'Career Change'],
      message: 'I read that you made the same move. Could we talk about how you started?',
    },
    // A retried create with the same key answers with the same request.
    { idempotencyKey: `full-flow-request-${application.id}` },
  );
  log(`student sent a request: ${request.id} is ${request.status}`);

  const { mentorship } = await mentor.requests.accept(request.id);
  log(`mentor accepted: mentorship ${mentorship.id} is ${mentorship.status}`);

  const startsAt = new Date(Date.now() + 3 * 24 * 3600_000);
  startsAt.setUTCMinutes(0, 0, 0);
  const meeting = await mentor.meetings.schedule(mentorship.id, {
    title: 'Getting started',
    startsAt: startsAt.toISOString(),
    durationMinutes: 45,
    videoUrl: 'https://meet.example.edu/getting-started',
    agenda: 'Goals for the first month',
  });
  log(`mentor scheduled "${meeting.title}" at ${meeting.startsAt}`);

  const conversationId = mentorship.conversationId ?? (await mentee.mentorships.get(mentorship.id)).conversationId;
  if (!conversationId) throw new Error(`mentorship ${mentorship.id} has no conversation`);
  const message = await mentee.conversations.send(conversationId, {
    body: 'Thank you! See you at the meeting — I will bring my portfolio.',
    clientId: `full-flow-${request.id}`,
  });
  log(`student wrote: message ${message.id}`);

  const inbox = await mentor.conversations.get(conversationId);
  log(`mentor has ${inbox.unreadCount} unread message(s) from ${inbox.otherParty.name}`);

  return {
    applicationId: application.id,
    mentorId: application.userId,
    requestId: request.id,
    mentorshipId: mentorship.id,
    meetingId: meeting.id,
    messageId: message.id,
    mentorUnread: inbox.unreadCount,
  };
}

/** The demo server's secret (see packages/server/src/config.ts); never use it in production. */
const demoSecret = 'mentorkit-demo-secret-do-not-use-in-production-0123456789';

async function signFor(secret: string, sub: string, name: string, roles: string[] = []): Promise<string> {
  return new SignJWT({ name, email: `${sub}@alumni.example.edu`, roles })
    .setProtectedHeader({ alg: 'HS256' })
    .setSubject(sub)
    .setIssuedAt()
    .setExpirationTime('15m')
    .sign(new TextEncoder().encode(secret));
}

async function main() {
  const baseUrl = process.env['MENTORKIT_URL'] ?? 'http://localhost:8787';
  const secret = process.env['MENTORKIT_JWT_SECRET'] ?? demoSecret;
  const run = Date.now().toString(36);
  const client = async (sub: string, name: string, roles?: string[]) =>
    createClient({ baseUrl, token: await signFor(secret, `${sub}-${run}`, name, roles) });
  await runFullFlow(
    {
      admin: await client('script-admin', 'Script Admin', ['admin']),
      mentor: await client('script-mentor', 'Lucia Fernández'),
      mentee: await client('script-mentee', 'Tomás Bautista'),
    },
    (line) => console.log(line),
  );
}

if (import.meta.url === `file://${process.argv[1]}`) {
  main().catch((err: unknown) => {
    console.error(err instanceof Error ? err.message : err);
    process.exit(1);
  });
}
