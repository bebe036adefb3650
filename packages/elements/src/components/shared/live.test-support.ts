/**
 * Helpers for the live-update tests (`*.live.test.ts`): brand-new people made through the real
 * API (so each test owns its state and its sockets), and a count of the realtime sockets the page
 * opens (the elements use the global `WebSocket`, which a test wraps).
 */
import { createClient, type MentorkitClient } from '@mentorkit/sdk';
import { waitUntil } from '@open-wc/testing';
import { devToken, freshToken } from '../../test-support/api-fixture.js';

export interface Person {
  id: string;
  name: string;
  token: string;
  client: MentorkitClient;
}

const tag = () => Math.random().toString(36).slice(2, 7);

export async function freshPerson(name: string): Promise<Person> {
  const full = `${name} ${tag()}`;
  const { token } = await freshToken(full);
  const client = createClient({ baseUrl: '/', token });
  return { id: (await client.me.get()).user.id, name: full, token, client };
}

/** A new approved mentor, accepting, with three free slots; `expertise` makes them findable. */
export async function freshMentor(name: string, expertise: string[] = ['Leadership']): Promise<Person> {
  const mentor = await freshPerson(name);
  const application = await mentor.client.mentorApplications.submit({
    expertise,
    yearsOfExperience: 8,
    statement: 'I have led teams for years and want to help alumni grow into their first lead roles.',
    links: [],
  });
  await createClient({ baseUrl: '/', token: await devToken('admin') }).admin.approve(application.id);
  await mentor.client.mentors.updateMine({ acceptingMentees: true, capacity: 3 });
  return mentor;
}

export function request(mentee: Person, mentor: Person) {
  return mentee.client.requests.create({ mentorId: mentor.id, goals: 'I want to grow into a team lead role within a year.', skillsSeeking: ['Leadership'] });
}

export interface SocketCount {
  /** Realtime sockets constructed since `countSockets()`. */
  readonly opened: number;
  /** Of those, the ones not closed yet. */
  readonly open: number;
  restore(): void;
}

/** Wraps the global `WebSocket` to count the sockets made to the realtime path. */
export function countSockets(): SocketCount {
  const Original = window.WebSocket;
  const live = new Set<WebSocket>();
  let opened = 0;
  class Counting extends Original {
    constructor(url: string | URL, protocols?: string | string[]) {
      super(url, protocols);
      if (!String(url).includes('/api/v1/realtime')) return;
      opened++;
      live.add(this);
      this.addEventListener('close', () => live.delete(this));
    }
  }
  window.WebSocket = Counting;
  return {
    get opened() {
      return opened;
    },
    get open() {
      return [...live].filter((s) => s.readyState !== WebSocket.CLOSED && s.readyState !== WebSocket.CLOSING).length;
    },
    restore: () => {
      window.WebSocket = Original;
    },
  };
}

/** Waits for the element's live stream to be open (an event sent before that would be missed). */
export async function liveOpen(el: { liveStatus: string; updateComplete: Promise<unknown> }, what = 'the live stream did not open'): Promise<void> {
  await el.updateComplete;
  await waitUntil(() => el.liveStatus === 'open', what, { timeout: 8000 });
}
