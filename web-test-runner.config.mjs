// Element tests in Debian's Chromium against the real Mentorkit API.
//
// The API runs in this process (built server package, in-memory PGlite, demo mode) and the dev
// server routes `/api/*` to it, so tests use a same-origin `api="/"` and demo tokens from
// `POST /api/v1/dev/token`. Besides the demo seed, a small fixture of mentors is created through
// the API itself; tests read what it made from `GET /__fixture.json` instead of assuming the
// seed's content. Needs `tsc -b` first (npm test does that).
import { fileURLToPath } from 'node:url';
import { esbuildPlugin } from '@web/dev-server-esbuild';
import { playwrightLauncher } from '@web/test-runner-playwright';
import {
  createApp,
  createLogger,
  createVerifier,
  loadConfig,
  migrateToLatest,
  openPGlite,
  signToken,
} from './packages/server/dist/index.js';
import { seedDemo } from './packages/server/dist/demo/seed.js';
import { personas } from './packages/server/dist/demo/personas.js';
import { attachRealtime } from './packages/server/dist/realtime/realtime.server.js';

/** Every fixture mentor lists this expertise, so a search for it finds exactly them. */
const MARKER = 'Astrodynamics';

const fixtureMentors = [
  { name: 'Celeste Aurelio', headline: 'Flight dynamics lead who loves teaching orbital intuition', position: 'Flight Dynamics Lead', company: 'Orbital Works', industry: 'Aerospace', programme: 'BS Physics', graduationYear: 2008, languages: ['English', 'Filipino'], timeZone: 'Asia/Manila', expertise: [MARKER, 'Mission Planning', 'Leadership'], years: 14, capacity: 3, formats: ['video', 'chat'] },
  { name: 'Dmitri Okafor', headline: 'Systems engineer for small satellites', position: 'Systems Engineer', company: 'Kestrel Space', industry: 'Aerospace', programme: 'BS Aerospace Engineering', graduationYear: 2013, languages: ['English'], timeZone: 'Europe/London', expertise: [MARKER, 'Systems Engineering'], years: 9, capacity: 2, formats: ['video', 'in_person'] },
  { name: 'Hana Sato', headline: 'Energy analyst modelling solar output from orbit', position: 'Senior Analyst', company: 'Brightgrid', industry: 'Energy', programme: 'BS Applied Mathematics', graduationYear: 2017, languages: ['English', 'Japanese'], timeZone: 'Asia/Tokyo', expertise: [MARKER, 'Data Analysis'], years: 6, capacity: 3, formats: ['phone', 'video'] },
  { name: 'Luis Ferrer', headline: 'Programme director for launch infrastructure', position: 'Programme Director', company: 'Meridian Energy', industry: 'Energy', programme: 'BS Civil Engineering', graduationYear: 2002, languages: ['English', 'Spanish'], timeZone: 'Europe/Madrid', expertise: [MARKER, 'Project Management'], years: 20, capacity: 1, formats: ['in_person'] },
  { name: 'Priya Raman', headline: 'Early-career engineer happy to help students', position: 'Software Engineer', company: 'Kestrel Space', industry: 'Aerospace', programme: 'BS Computer Science', graduationYear: 2021, languages: ['English', 'Tamil'], timeZone: 'Asia/Kolkata', expertise: [MARKER, 'Python'], years: 3, capacity: 2, formats: ['chat'] },
  { name: 'Tomás Reyes', headline: 'Retired mission designer, fully booked this term', position: 'Mission Designer', company: 'Independent', industry: 'Energy', programme: 'BS Physics', graduationYear: 1990, languages: ['English', 'Spanish'], timeZone: 'America/Mexico_City', expertise: [MARKER, 'Leadership'], years: 30, capacity: 2, formats: ['video'], accepting: false },
];

async function startApi() {
  const config = loadConfig({ MENTORSHIP_DEMO: '1' });
  const handle = await openPGlite(undefined);
  await migrateToLatest(handle.db);
  await seedDemo(handle.db, { issuer: config.MENTORSHIP_JWT_ISSUER ?? '', now: new Date() });
  const app = createApp({ config, db: handle.db, verifier: createVerifier(config), logger: createLogger('silent'), now: () => new Date() });

  const tokenFor = async (claims) =>
    (await signToken(config.MENTORSHIP_JWT_SECRET, { roles: [], ...claims }, { issuer: config.MENTORSHIP_JWT_ISSUER, audience: config.MENTORSHIP_JWT_AUDIENCE })).token;
  const call = async (method, path, token, body) => {
    const res = await app.fetch(new Request(`http://fixture.test/api/v1/${path}`, {
      method,
      headers: { authorization: `Bearer ${token}`, ...(body ? { 'content-type': 'application/json' } : {}) },
      ...(body ? { body: JSON.stringify(body) } : {}),
    }));
    const json = res.status === 204 ? undefined : await res.json();
    return { status: res.status, json };
  };
  const must = async (method, path, token, body) => {
    const r = await call(method, path, token, body);
    if (r.status >= 300) throw new Error(`fixture: ${method} ${path} answered ${r.status} ${JSON.stringify(r.json)}`);
    return r.json;
  };
  const admin = await tokenFor({ sub: 'wtr-admin', name: 'Fixture Admin', roles: [config.MENTORSHIP_ADMIN_ROLE] });

  /** Applies, gets approved and sets mentor settings; a person who already mentors (seed) is left as is. */
  async function makeMentor(token, { expertise, years, capacity, formats, accepting = true }) {
    const applied = await call('POST', 'mentor-applications', token, {
      expertise,
      yearsOfExperience: years,
      statement: 'I would like to help alumni and students find their way in the field I work in.',
    });
    if (applied.status === 409) return;
    if (applied.status !== 201) throw new Error(`fixture: application answered ${applied.status} ${JSON.stringify(applied.json)}`);
    await must('POST', `admin/mentor-applications/${applied.json.id}/approve`, admin, { notes: '' });
    await must('PATCH', 'mentors/me', token, { capacity, meetingFormats: formats, acceptingMentees: accepting, mentoringBio: 'Monthly calls, clear goals, honest feedback.' });
  }

  const mentors = [];
  const mentorTokens = [];
  for (const [i, m] of fixtureMentors.entries()) {
    const token = await tokenFor({ sub: `wtr-mentor-${i}`, name: m.name });
    mentorTokens.push(token);
    await must('PUT', 'me/profile', token, {
      headline: m.headline, bio: `${m.name} works at ${m.company}.`, position: m.position, company: m.company, industry: m.industry,
      programme: m.programme, graduationYear: m.graduationYear, languages: m.languages, timeZone: m.timeZone,
      linkedinUrl: 'https://www.linkedin.com/in/example',
    });
    await makeMentor(token, m);
    const me = await must('GET', 'me', token);
    mentors.push({ id: me.user.id, name: m.name, accepting: m.accepting !== false });
  }

  // The demo's mentor personas must be mentors even before the demo seed exists (tests edit their profiles).
  for (const persona of ['mentor', 'mentor2']) {
    const p = personas[persona];
    const token = await tokenFor({ sub: p.sub, name: p.name, email: p.email });
    await makeMentor(token, { expertise: ['Mentoring'], years: 10, capacity: 3, formats: ['video'] });
  }

  // A fixture mentee (not a demo persona, whose requests the seed may already use up) has a pending
  // request to the first fixture mentor and an active mentorship with the second.
  const requesterToken = await tokenFor({ sub: 'wtr-mentee', name: 'Fixture Mentee' });
  const request = (mentor) => must('POST', 'mentorship-requests', requesterToken, {
    mentorId: mentor.id,
    goals: 'I want to understand how orbital mechanics is used in industry.',
    skillsSeeking: [MARKER],
  });
  const [pendingFor, activeWith] = mentors;
  await request(pendingFor);
  const accepted = await request(activeWith);
  await must('POST', `mentorship-requests/${accepted.id}/accept`, mentorTokens[1]);

  const fixture = { marker: MARKER, mentors, pendingMentorId: pendingFor.id, activeMentorId: activeWith.id, requesterToken };
  return { app, fixture, tokenFor, config, handle, close: () => handle.close() };
}

let api;
let realtime;

/** Koa headers from Node's request; repeated headers arrive as arrays. */
function toHeaders(nodeHeaders) {
  const headers = new Headers();
  for (const [key, value] of Object.entries(nodeHeaders)) {
    if (value === undefined) continue;
    for (const v of Array.isArray(value) ? value : [value]) headers.append(key, v);
  }
  return headers;
}

async function readBody(req) {
  const chunks = [];
  for await (const chunk of req) chunks.push(chunk);
  return chunks.length ? Buffer.concat(chunks) : undefined;
}

/** Routes `/api/*` of the dev server into the app (Koa ctx → fetch Request → Koa ctx). */
async function apiMiddleware(ctx, next) {
  if (ctx.path === '/__fixture.json') {
    ctx.body = (await api).fixture;
    return;
  }
  // A token for a fresh person, so a test can own its state instead of sharing the demo personas.
  if (ctx.path === '/__token' && ctx.method === 'POST') {
    const { sub, name, roles = [], email } = JSON.parse((await readBody(ctx.req)).toString());
    if (typeof sub !== 'string' || !sub.startsWith('test-')) {
      ctx.status = 400;
      ctx.body = { error: 'sub must start with "test-"' };
      return;
    }
    ctx.body = { token: await (await api).tokenFor({ sub, name, roles, ...(email ? { email } : {}) }) };
    return;
  }
  if (!ctx.path.startsWith('/api/')) return next();
  const { app } = await api;
  const res = await app.fetch(new Request(new URL(ctx.url, `http://${ctx.host}`), {
    method: ctx.method,
    headers: toHeaders(ctx.req.headers),
    ...(ctx.method === 'GET' || ctx.method === 'HEAD' ? {} : { body: await readBody(ctx.req) }),
  }));
  ctx.status = res.status;
  res.headers.forEach((value, key) => {
    if (key !== 'content-length') ctx.set(key, value);
  });
  ctx.set('cache-control', 'no-store');
  ctx.body = res.status === 204 ? null : Buffer.from(await res.arrayBuffer());
}

/** Starts the API with the dev server and stops it with the dev server. */
const apiLifecycle = {
  name: 'mentorkit-api',
  async serverStart({ server }) {
    api = startApi();
    const { config, handle } = await api;
    // The realtime socket on the dev server itself, so elements get live events same-origin.
    realtime = await attachRealtime(server, { config, db: handle.db, listen: handle.listen, logger: createLogger('silent'), now: () => new Date() });
  },
  async serverStop() {
    await realtime?.close();
    await (await api)?.close();
  },
};

export default {
  files: ['packages/elements/src/**/*.test.ts'],
  nodeResolve: true,
  concurrency: 2,
  testsFinishTimeout: 300_000,
  testFramework: { config: { timeout: 15000 } },
  // Test pages declare their language, as a portal's pages do; the tests of the fallback to the
  // signed-in user's language (which asks the server for it) remove it.
  testRunnerHtml: (testFramework) =>
    `<!DOCTYPE html><html lang="en"><head></head><body><script type="module" src="${testFramework}"></script></body></html>`,
  middleware: [apiMiddleware],
  plugins: [
    apiLifecycle,
    esbuildPlugin({ ts: true, target: 'es2022', tsconfig: fileURLToPath(new URL('./packages/elements/tsconfig.json', import.meta.url)) }),
  ],
  browsers: [
    playwrightLauncher({
      product: 'chromium',
      launchOptions: {
        executablePath: process.env.CHROME_PATH || '/usr/bin/chromium',
        headless: true,
        args: [
          '--no-sandbox',
          '--disable-gpu',
          '--disable-dev-shm-usage',
          '--disable-background-networking',
          '--disable-component-update',
          '--disable-sync',
          '--no-first-run',
        ],
      },
    }),
  ],
};
