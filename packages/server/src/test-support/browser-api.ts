/**
 * The Mentorkit API for the elements' browser tests (`@mentorkit/server/test-support`).
 *
 * `mentorkitTestApi()` gives web-test-runner a plugin and a middleware: the plugin starts the API
 * (in-memory PGlite, demo mode, the demo seed plus a small fixture of mentors made through the API
 * itself) with the dev server, and attaches the realtime socket to it; the middleware routes
 * `/api/*` of the dev server into the app, so tests use a same-origin `api="/"`.
 *
 * Besides the API, the middleware answers:
 * - `GET /__fixture.json`: what the fixture made (see `Fixture`); tests read it instead of
 *   assuming the seed's content.
 * - `POST /__fixture/people` with `{ people: PersonSpec[] }`: new people no other test knows,
 *   with tokens, and (as asked) a profile, the approved mentor state and settings, or a copy of a
 *   demo persona (`like`) without the persona's history. Tests that change state make their own
 *   people here instead of changing the shared demo personas.
 */
import type { IncomingMessage } from 'node:http';
import type { EventEmitter } from 'node:events';
import { demoPersonas, type DemoPersona, type Me, type MentorSettingsPatch, type ProfileInput } from '@mentorkit/contract';
import { createApp, type App } from '../app.js';
import { createVerifier, signToken } from '../auth/verify.js';
import { loadConfig, type Config } from '../config.js';
import { openPGlite, type DatabaseHandle } from '../db/connect.js';
import { migrateToLatest } from '../db/migrate.js';
import { personas } from '../demo/personas.js';
import { seedDemo } from '../demo/seed.js';
import { createLogger } from '../http/logger.js';
import { attachRealtime } from '../realtime/realtime.server.js';

/** Every fixture mentor lists this expertise, so a search for it finds exactly them. */
export const FIXTURE_MARKER = 'Astrodynamics';

/** What the API was started with, as `GET /__fixture.json` answers it. */
export interface Fixture {
  /** An expertise only the fixture mentors have: searching it finds exactly them. */
  marker: string;
  mentors: { id: string; name: string; accepting: boolean }[];
  /** A mentor with a pending request from the requester. */
  pendingMentorId: string;
  /** A mentor in an active mentorship with the requester. */
  activeMentorId: string;
  /** A token of the fixture's requesting mentee. */
  requesterToken: string;
}

/** Mentor settings for a fresh mentor; absent ones come from `like`, else the defaults. */
export interface MentorSpec {
  expertise?: string[];
  yearsOfExperience?: number;
  capacity?: number;
  meetingFormats?: NonNullable<MentorSettingsPatch['meetingFormats']>;
  acceptingMentees?: boolean;
  awayUntil?: string | null;
  mentoringBio?: string;
}

/** One person for `POST /__fixture/people`. */
export interface PersonSpec {
  /**
   * A copy of this demo persona: their name, email, roles, profile and (for the demo mentors) an
   * approved mentor record with their settings. Not their history: no requests, mentorships,
   * applications, notifications or preferences.
   */
  like?: DemoPersona;
  /** The display name (a claim of the token). Default: the persona's, else "Test Person". */
  name?: string;
  /** The email claim; `null` for none. Default: the persona's, else none. */
  email?: string | null;
  /** Token roles (`admin` means the configured admin role). Default: the persona's, else none. */
  roles?: string[];
  /** Profile fields, over the persona's profile when `like` is given. */
  profile?: ProfileInput;
  /** An approved mentor (`true` for the defaults), or not (`false`, even when `like` is a mentor). */
  mentor?: boolean | MentorSpec;
}

/** A person made by `POST /__fixture/people`. */
export interface FixturePerson {
  id: string;
  sub: string;
  name: string;
  email: string | null;
  token: string;
}

export interface TestApi {
  app: App;
  config: Config;
  handle: DatabaseHandle;
  fixture: Fixture;
  /** A token for any claims, signed as the app expects. */
  tokenFor(claims: { sub: string; name?: string; email?: string; roles?: string[] }): Promise<string>;
  /** New people, in order (see `PersonSpec`). */
  people(specs: PersonSpec[]): Promise<FixturePerson[]>;
  close(): Promise<void>;
}

interface FixtureMentor {
  name: string;
  headline: string;
  position: string;
  company: string;
  industry: string;
  programme: string;
  graduationYear: number;
  languages: string[];
  timeZone: string;
  expertise: string[];
  years: number;
  capacity: number;
  formats: NonNullable<MentorSpec['meetingFormats']>;
  accepting?: boolean;
}

const fixtureMentors: FixtureMentor[] = [
  { name: 'Celeste Aurelio', headline: 'Flight dynamics lead who loves teaching orbital intuition', position: 'Flight Dynamics Lead', company: 'Orbital Works', industry: 'Aerospace', programme: 'BS Physics', graduationYear: 2008, languages: ['English', 'Filipino'], timeZone: 'Asia/Manila', expertise: [FIXTURE_MARKER, 'Mission Planning', 'Leadership'], years: 14, capacity: 3, formats: ['video', 'chat'] },
  { name: 'Dmitri Okafor', headline: 'Systems engineer for small satellites', position: 'Systems Engineer', company: 'Kestrel Space', industry: 'Aerospace', programme: 'BS Aerospace Engineering', graduationYear: 2013, languages: ['English'], timeZone: 'Europe/London', expertise: [FIXTURE_MARKER, 'Systems Engineering'], years: 9, capacity: 2, formats: ['video', 'in_person'] },
  { name: 'Hana Sato', headline: 'Energy analyst modelling solar output from orbit', position: 'Senior Analyst', company: 'Brightgrid', industry: 'Energy', programme: 'BS Applied Mathematics', graduationYear: 2017, languages: ['English', 'Japanese'], timeZone: 'Asia/Tokyo', expertise: [FIXTURE_MARKER, 'Data Analysis'], years: 6, capacity: 3, formats: ['phone', 'video'] },
  { name: 'Luis Ferrer', headline: 'Programme director for launch infrastructure', position: 'Programme Director', company: 'Meridian Energy', industry: 'Energy', programme: 'BS Civil Engineering', graduationYear: 2002, languages: ['English', 'Spanish'], timeZone: 'Europe/Madrid', expertise: [FIXTURE_MARKER, 'Project Management'], years: 20, capacity: 1, formats: ['in_person'] },
  { name: 'Priya Raman', headline: 'Early-career engineer happy to help students', position: 'Software Engineer', company: 'Kestrel Space', industry: 'Aerospace', programme: 'BS Computer Science', graduationYear: 2021, languages: ['English', 'Tamil'], timeZone: 'Asia/Kolkata', expertise: [FIXTURE_MARKER, 'Python'], years: 3, capacity: 2, formats: ['chat'] },
  { name: 'Tomás Reyes', headline: 'Retired mission designer, fully booked this term', position: 'Mission Designer', company: 'Independent', industry: 'Energy', programme: 'BS Physics', graduationYear: 1990, languages: ['English', 'Spanish'], timeZone: 'America/Mexico_City', expertise: [FIXTURE_MARKER, 'Leadership'], years: 30, capacity: 2, formats: ['video'], accepting: false },
];

const APPLICATION_STATEMENT = 'I would like to help alumni and students find their way in the field I work in.';
const DEFAULT_MENTOR: Required<MentorSpec> = {
  expertise: ['Mentoring'],
  yearsOfExperience: 10,
  capacity: 3,
  meetingFormats: ['video'],
  acceptingMentees: true,
  awayUntil: null,
  mentoringBio: 'Monthly calls, clear goals, honest feedback.',
};

/** Starts the API: in-memory PGlite, migrated, the demo seed, then the fixture (made through the API). */
export async function startTestApi(): Promise<TestApi> {
  const config = loadConfig({ MENTORSHIP_DEMO: '1' });
  const handle = await openPGlite(undefined);
  await migrateToLatest(handle.db);
  await seedDemo(handle.db, { issuer: config.MENTORSHIP_JWT_ISSUER ?? '', now: new Date() });
  const app = createApp({ config, db: handle.db, verifier: createVerifier(config), logger: createLogger('silent'), now: () => new Date() });

  const tokenFor: TestApi['tokenFor'] = async (claims) =>
    (await signToken(config.MENTORSHIP_JWT_SECRET!, { roles: [], ...claims }, { issuer: config.MENTORSHIP_JWT_ISSUER, audience: config.MENTORSHIP_JWT_AUDIENCE })).token;
  const call = async (method: string, path: string, token: string, body?: unknown) => {
    const res = await app.fetch(new Request(`http://fixture.test/api/v1/${path}`, {
      method,
      headers: { authorization: `Bearer ${token}`, ...(body !== undefined ? { 'content-type': 'application/json' } : {}) },
      ...(body !== undefined ? { body: JSON.stringify(body) } : {}),
    }));
    // eslint-disable-next-line @typescript-eslint/no-explicit-any
    const json: any = res.status === 204 ? undefined : await res.json();
    return { status: res.status, json };
  };
  const must = async (method: string, path: string, token: string, body?: unknown) => {
    const r = await call(method, path, token, body);
    if (r.status >= 300) throw new Error(`fixture: ${method} ${path} answered ${r.status} ${JSON.stringify(r.json)}`);
    return r.json;
  };
  const adminToken = await tokenFor({ sub: 'wtr-admin', name: 'Fixture Admin', roles: [config.MENTORSHIP_ADMIN_ROLE] });
  const roleClaim = (role: string) => (role === 'admin' ? config.MENTORSHIP_ADMIN_ROLE : role);

  /** Applies, gets approved and sets mentor settings; a person who already mentors is left as is. */
  async function makeMentor(token: string, spec: Required<MentorSpec>): Promise<void> {
    const applied = await call('POST', 'mentor-applications', token, {
      expertise: spec.expertise,
      yearsOfExperience: spec.yearsOfExperience,
      statement: APPLICATION_STATEMENT,
    });
    if (applied.status === 409) return;
    if (applied.status !== 201) throw new Error(`fixture: application answered ${applied.status} ${JSON.stringify(applied.json)}`);
    await must('POST', `admin/mentor-applications/${applied.json.id}/approve`, adminToken, { notes: '' });
    const { expertise: _e, yearsOfExperience: _y, ...settings } = spec;
    await must('PATCH', 'mentors/me', token, settings);
  }

  /** What a demo persona is now, read through the API as the persona. */
  const personaNow = new Map<DemoPersona, Promise<Me>>();
  function persona(key: DemoPersona): Promise<Me> {
    let me = personaNow.get(key);
    if (!me) {
      const p = personas[key];
      me = tokenFor({ sub: p.sub, name: p.name, email: p.email, roles: p.roles.map(roleClaim) }).then((token) => must('GET', 'me', token) as Promise<Me>);
      personaNow.set(key, me);
    }
    return me;
  }

  let made = 0;
  async function person(spec: PersonSpec): Promise<FixturePerson> {
    if (spec.like !== undefined && !demoPersonas.includes(spec.like)) throw new Error(`fixture: unknown persona ${JSON.stringify(spec.like)}`);
    const twin = spec.like ? personas[spec.like] : undefined;
    const twinNow = spec.like ? await persona(spec.like) : undefined;
    const name = spec.name ?? twin?.name ?? 'Test Person';
    const email = spec.email === undefined ? (twin?.email ?? null) : spec.email;
    const roles = (spec.roles ?? twin?.roles ?? []).map(roleClaim);
    const sub = `test-${Date.now().toString(36)}-${++made}-${Math.random().toString(36).slice(2, 8)}`;
    const token = await tokenFor({ sub, name, roles, ...(email ? { email } : {}) });

    const { userId: _u, updatedAt: _a, ...twinProfile } = twinNow?.profile ?? ({} as Partial<Me['profile']>);
    const profile = { ...twinProfile, ...spec.profile };
    if (Object.keys(profile).length) await must('PUT', 'me/profile', token, profile);

    const twinMentor: MentorSpec | undefined = twinNow?.mentor
      ? {
          expertise: twinNow.mentor.expertise,
          yearsOfExperience: twinNow.mentor.yearsOfExperience,
          capacity: twinNow.mentor.capacity,
          meetingFormats: twinNow.mentor.meetingFormats,
          acceptingMentees: twinNow.mentor.acceptingMentees,
          awayUntil: twinNow.mentor.awayUntil,
          mentoringBio: twinNow.mentor.mentoringBio,
        }
      : undefined;
    const mentor = spec.mentor === false ? undefined : spec.mentor === undefined ? twinMentor : { ...twinMentor, ...(spec.mentor === true ? {} : spec.mentor) };
    if (mentor) await makeMentor(token, { ...DEFAULT_MENTOR, ...mentor });

    const me = (await must('GET', 'me', token)) as Me;
    return { id: me.user.id, sub, name, email, token };
  }
  const people: TestApi['people'] = async (specs) => {
    const out: FixturePerson[] = [];
    for (const spec of specs) out.push(await person(spec));
    return out;
  };

  const mentors: Fixture['mentors'] = [];
  const mentorTokens: string[] = [];
  for (const [i, m] of fixtureMentors.entries()) {
    const token = await tokenFor({ sub: `wtr-mentor-${i}`, name: m.name });
    mentorTokens.push(token);
    await must('PUT', 'me/profile', token, {
      headline: m.headline, bio: `${m.name} works at ${m.company}.`, position: m.position, company: m.company, industry: m.industry,
      programme: m.programme, graduationYear: m.graduationYear, languages: m.languages, timeZone: m.timeZone,
      linkedinUrl: 'https://www.linkedin.com/in/example',
    });
    const accepting = m.accepting !== false;
    await makeMentor(token, { ...DEFAULT_MENTOR, expertise: m.expertise, yearsOfExperience: m.years, capacity: m.capacity, meetingFormats: m.formats, acceptingMentees: accepting });
    const me = (await must('GET', 'me', token)) as Me;
    mentors.push({ id: me.user.id, name: m.name, accepting });
  }

  // A fixture mentee (not a demo persona, whose requests the seed may already use up) has a pending
  // request to the first fixture mentor and an active mentorship with the second.
  const requesterToken = await tokenFor({ sub: 'wtr-mentee', name: 'Fixture Mentee' });
  const request = (mentor: { id: string }) => must('POST', 'mentorship-requests', requesterToken, {
    mentorId: mentor.id,
    goals: 'I want to understand how orbital mechanics is used in industry.',
    skillsSeeking: [FIXTURE_MARKER],
  });
  const [pendingFor, activeWith] = mentors as [Fixture['mentors'][number], Fixture['mentors'][number]];
  await request(pendingFor);
  const accepted = await request(activeWith);
  await must('POST', `mentorship-requests/${accepted.id}/accept`, mentorTokens[1]!);

  const fixture: Fixture = { marker: FIXTURE_MARKER, mentors, pendingMentorId: pendingFor.id, activeMentorId: activeWith.id, requesterToken };
  return { app, config, handle, fixture, tokenFor, people, close: () => handle.close() };
}

/** The part of Koa's context the middleware uses (web-test-runner's dev server is Koa). */
export interface DevServerContext {
  path: string;
  method: string;
  url: string;
  host: string;
  req: IncomingMessage;
  status: number;
  body: unknown;
  set(field: string, value: string): void;
}

/** A web-test-runner plugin: only the hooks used here. */
export interface TestApiPlugin {
  name: string;
  serverStart(args: { server?: EventEmitter }): Promise<void>;
  serverStop(): Promise<void>;
}

export interface MentorkitTestApi {
  /** Starts the API (and its realtime socket) with the dev server, and stops it with it. */
  plugin: TestApiPlugin;
  /** Routes `/api/*` into the app, and answers the fixture paths. */
  middleware(ctx: DevServerContext, next: () => Promise<unknown>): Promise<unknown>;
  /** The running API, once the dev server has started it. */
  api(): Promise<TestApi>;
}

/** Request headers from Node's; repeated headers arrive as arrays. */
function toHeaders(nodeHeaders: IncomingMessage['headers']): Headers {
  const headers = new Headers();
  for (const [key, value] of Object.entries(nodeHeaders)) {
    if (value === undefined) continue;
    for (const v of Array.isArray(value) ? value : [value]) headers.append(key, v);
  }
  return headers;
}

async function readBody(req: IncomingMessage): Promise<Buffer | undefined> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  return chunks.length ? Buffer.concat(chunks) : undefined;
}

async function readJson(req: IncomingMessage): Promise<unknown> {
  const body = await readBody(req);
  return body ? JSON.parse(body.toString('utf8')) : undefined;
}

/** The plugin and middleware for a web-test-runner config. */
export function mentorkitTestApi(): MentorkitTestApi {
  let started: Promise<TestApi> | undefined;
  let realtime: { close(): Promise<void> } | undefined;
  const api = () => {
    if (!started) throw new Error('the Mentorkit test API has not been started (is its plugin in the config?)');
    return started;
  };

  async function middleware(ctx: DevServerContext, next: () => Promise<unknown>): Promise<unknown> {
    if (ctx.path === '/__fixture.json') {
      ctx.body = (await api()).fixture;
      return;
    }
    if (ctx.path === '/__fixture/people' && ctx.method === 'POST') {
      const body = (await readJson(ctx.req)) as { people?: unknown } | undefined;
      if (!Array.isArray(body?.people)) {
        ctx.status = 400;
        ctx.body = { error: 'expected { "people": [ … ] }' };
        return;
      }
      try {
        ctx.body = { people: await (await api()).people(body.people as PersonSpec[]) };
      } catch (error) {
        ctx.status = 400;
        ctx.body = { error: error instanceof Error ? error.message : String(error) };
      }
      return;
    }
    if (!ctx.path.startsWith('/api/')) return next();
    const { app } = await api();
    const res = await app.fetch(new Request(new URL(ctx.url, `http://${ctx.host}`), {
      method: ctx.method,
      headers: toHeaders(ctx.req.headers),
      ...(ctx.method === 'GET' || ctx.method === 'HEAD' ? {} : { body: (await readBody(ctx.req)) ?? null }),
    }));
    ctx.status = res.status;
    res.headers.forEach((value, key) => {
      if (key !== 'content-length') ctx.set(key, value);
    });
    ctx.set('cache-control', 'no-store');
    ctx.body = res.status === 204 ? null : Buffer.from(await res.arrayBuffer());
  }

  const plugin: TestApiPlugin = {
    name: 'mentorkit-api',
    async serverStart({ server }) {
      started = startTestApi();
      const { config, handle } = await started;
      // The realtime socket on the dev server itself, so elements get live events same-origin.
      if (server) realtime = await attachRealtime(server, { config, db: handle.db, listen: handle.listen, logger: createLogger('silent'), now: () => new Date() });
    },
    async serverStop() {
      await realtime?.close();
      await (await started)?.close();
    },
  };

  return { plugin, middleware, api };
}
