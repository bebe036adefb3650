/**
 * Stored XSS: markup written through every text field of the API comes back in every
 * element that shows it as text, never as elements, and never runs. Data is made through the real
 * API of web-test-runner.config.mjs by fresh people; each element is then rendered in Chromium and
 * its whole tree (shadow roots included) is searched.
 */
import type { Mentorship } from '@mentorkit/contract';
import { createClient, type MentorkitClient } from '@mentorkit/sdk';
import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import type { TemplateResult } from 'lit';
import './define/mentee-dashboard.js';
import './define/mentor-dashboard.js';
import './define/mentor-search.js';
import './define/mentorship-admin.js';
import './define/mentorship-workspace.js';
import './define/message-thread.js';
import './define/notification-list.js';
import { freshToken } from './test-support/api-fixture.js';

declare global {
  interface Window { __xss?: number }
}

/** Sets `window.__xss` if it is ever parsed as markup, in either form; short enough for 80-character fields. */
const payload = (field: string) => `${field}<img src=x onerror=__xss=1><script>__xss=2</script>`;
/** Tags (skills, expertise) are at most 60 characters. */
const tagPayload = (field: string) => `${field}<img src=x onerror=__xss=3>`;

interface Person { id: string; token: string; client: MentorkitClient }

async function person(name: string, roles: string[] = []): Promise<Person> {
  const { token } = await freshToken(name, roles);
  const client = createClient({ baseUrl: '/', token });
  return { id: (await client.me.get()).user.id, token, client };
}

async function profileWithPayloads(p: Person, who: string): Promise<void> {
  await p.client.me.updateProfile({
    headline: payload(`${who}-headline`), bio: payload(`${who}-bio`), goals: payload(`${who}-goals`),
    company: payload(`${who}-company`), position: payload(`${who}-position`), location: payload(`${who}-location`),
    industry: payload(`${who}-industry`), programme: payload(`${who}-programme`), skills: [tagPayload(`${who}-skill`)],
  });
}

/** Every text node and attribute value under `root`, shadow roots and slotted content included. */
function walk(root: Node, visit: (node: Node) => void): void {
  visit(root);
  if (root instanceof Element && root.shadowRoot) walk(root.shadowRoot, visit);
  for (const child of root.childNodes) walk(child, visit);
}

function deepText(root: Element): string {
  let text = '';
  walk(root, (n) => { if (n.nodeType === Node.TEXT_NODE) text += n.textContent; });
  return text;
}

/** What the payloads would have created had they been parsed as HTML. */
function injected(root: Element): string[] {
  const found: string[] = [];
  walk(root, (n) => {
    if (!(n instanceof Element)) return;
    if (n.localName === 'script') found.push(`<script> ${n.textContent}`);
    if (n.localName === 'img' && n.getAttribute('src') === 'x') found.push('<img src=x>');
    for (const a of n.attributes) if (a.name.startsWith('on')) found.push(`${n.localName}[${a.name}]`);
  });
  return found;
}

let world: {
  mentor: Person; mentee: Person; declined: Person; waiting: Person; applicant: Person; admin: Person;
  mentorship: Mentorship; completed: Mentorship; marker: string;
};

before(async () => {
  const marker = `xss${Math.random().toString(36).slice(2, 8)}`;
  const admin = await person('XSS Admin', ['admin']);
  const mentor = await person(payload('mentor-name'));
  await profileWithPayloads(mentor, 'mentor');
  const application = await mentor.client.mentorApplications.submit({
    expertise: [marker, tagPayload('mentor-expertise')], yearsOfExperience: 9,
    statement: `${payload('mentor-statement')} I have mentored many juniors into senior roles.`, links: [],
  });
  await admin.client.admin.approve(application.id, payload('approve-notes'));
  await mentor.client.mentors.updateMine({ acceptingMentees: true, capacity: 10, mentoringBio: payload('mentoring-bio') });

  const request = async (p: Person, who: string) => p.client.requests.create({
    mentorId: mentor.id, goals: payload(`${who}-request-goals`), skillsSeeking: [tagPayload(`${who}-seeking`)], message: payload(`${who}-request-message`),
  });
  const mentee = await person(payload('mentee-name'));
  await profileWithPayloads(mentee, 'mentee');
  const { mentorship } = await mentor.client.requests.accept((await request(mentee, 'mentee')).id);
  await mentor.client.meetings.schedule(mentorship.id, {
    title: payload('meeting-title'), startsAt: new Date(Date.now() + 3 * 86_400_000).toISOString(), durationMinutes: 60,
    location: payload('meeting-location'), agenda: payload('meeting-agenda'),
  });
  await mentor.client.mentorships.addMilestone(mentorship.id, { title: payload('milestone-title'), description: payload('milestone-description') });
  await mentee.client.progressNotes.create(mentorship.id, { body: payload('progress-note') });
  await mentee.client.conversations.send(mentorship.conversationId!, { body: payload('message-body'), clientId: 'xss-1' });

  const declined = await person(payload('declined-name'));
  await mentor.client.requests.decline((await request(declined, 'declined')).id, { reason: 'other', message: payload('decline-message') });
  const waiting = await person(payload('waiting-name'));
  await profileWithPayloads(waiting, 'waiting');
  await request(waiting, 'waiting');

  const finisher = await person(payload('finisher-name'));
  const { mentorship: done } = await mentor.client.requests.accept((await request(finisher, 'finisher')).id);
  const completed = await mentor.client.mentorships.complete(done.id);
  await finisher.client.mentorships.feedback(done.id, { rating: 4, comment: payload('feedback-comment') });

  const applicant = await person(payload('applicant-name'));
  await profileWithPayloads(applicant, 'applicant');
  await applicant.client.mentorApplications.submit({
    expertise: [tagPayload('applicant-expertise')], yearsOfExperience: 3,
    statement: `${payload('applicant-statement')} I would like to give back to the alumni community.`, links: [],
  });
  world = { mentor, mentee, declined, waiting, applicant, admin, mentorship, completed, marker };
});

/**
 * Renders `template`, waits until every expected field shows up as text, then checks that no
 * payload made an element or ran. Fields are the labels given to `payload()`.
 */
async function renders(template: TemplateResult, fields: string[], act?: (el: HTMLElement) => Promise<void>): Promise<void> {
  const el = await fixture<HTMLElement>(template);
  await act?.(el);
  try {
    await waitUntil(() => fields.every((f) => deepText(el).includes(payload(f))), undefined, { timeout: 10_000 });
  } catch {
    const text = deepText(el);
    expect(fields.filter((f) => !text.includes(payload(f))), 'fields not shown as text').to.deep.equal([]);
  }
  // Give an onerror handler (fired when the image fails to load) time to run.
  await new Promise((r) => setTimeout(r, 100));
  expect(injected(el)).to.deep.equal([]);
  expect(window.__xss ?? null).to.equal(null);
}

describe('stored XSS through every text field', () => {
  it('<mentor-search>: cards and the profile dialog', async () => {
    await renders(html`<mentor-search api="/" .token=${world.mentee.token} query=${world.marker}></mentor-search>`,
      ['mentor-name', 'mentor-headline', 'mentoring-bio', 'mentor-bio'], async (el) => {
        await waitUntil(() => el.shadowRoot!.querySelector('article.card'), 'no card', { timeout: 10_000 });
        const view = [...el.shadowRoot!.querySelectorAll('button')].find((b) => /View profile/.test(b.textContent ?? ''))!;
        view.click();
      });
  });

  it('<mentee-dashboard>: requests (with the decline message) and mentorships', async () => {
    await renders(html`<mentee-dashboard api="/" .token=${world.declined.token}></mentee-dashboard>`, ['mentor-name', 'decline-message']);
    await renders(html`<mentee-dashboard api="/" .token=${world.mentee.token}></mentee-dashboard>`, ['mentor-name']);
  });

  it('<mentor-dashboard>: waiting requests and mentorships', async () => {
    await renders(html`<mentor-dashboard api="/" .token=${world.mentor.token}></mentor-dashboard>`, ['waiting-name', 'waiting-request-goals', 'waiting-request-message', 'mentee-name']);
  });

  for (const [section, fields] of [
    ['meetings', ['mentee-name', 'meeting-title', 'meeting-location', 'meeting-agenda']],
    ['plan', ['milestone-title', 'milestone-description']],
    ['notes', ['progress-note']],
    ['messages', ['message-body']],
  ] as const) {
    it(`<mentorship-workspace> ${section}`, async () => {
      await renders(html`<mentorship-workspace api="/" .token=${world.mentor.token} mentorship-id=${world.mentorship.id} section=${section}></mentorship-workspace>`, [...fields]);
    });
  }

  // No element shows a feedback comment (only the caller's own form); the other party's name, yes.
  it('<mentorship-workspace> of a completed mentorship', async () => {
    await renders(html`<mentorship-workspace api="/" .token=${world.mentor.token} mentorship-id=${world.completed.id}></mentorship-workspace>`, ['finisher-name']);
  });

  it('<message-thread>', async () => {
    await renders(html`<message-thread api="/" .token=${world.mentor.token} conversation-id=${world.mentorship.conversationId!}></message-thread>`, ['mentee-name', 'message-body']);
  });

  it('<notification-list>', async () => {
    await renders(html`<notification-list api="/" .token=${world.mentor.token} inline open></notification-list>`, ['waiting-name']);
  });

  it('<mentorship-admin>: the application queue and the mentors', async () => {
    await renders(html`<mentorship-admin api="/" .token=${world.admin.token}></mentorship-admin>`, ['applicant-name', 'applicant-statement', 'applicant-headline']);
    await renders(html`<mentorship-admin api="/" .token=${world.admin.token} tab="mentors"></mentorship-admin>`, ['mentor-name']);
  });
});
