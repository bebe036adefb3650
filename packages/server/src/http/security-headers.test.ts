import { readFile } from 'node:fs/promises';
import type { Kysely } from 'kysely';
import { describe, expect, it } from 'vitest';
import { createApp } from '../app.js';
import { createVerifier } from '../auth/verify.js';
import { loadConfig } from '../config.js';
import type { Database } from '../db/schema.js';
import { TEST_SECRET } from '../test/harness.js';
import { serveDemoPortal } from './demo-portal.js';
import { createLogger } from './logger.js';

const PORTAL = 'https://portal.example.edu';

/** The app as `npm start` serves it (demo portal included), with no database: no route here queries. */
function demoApp() {
  const config = loadConfig({ MENTORSHIP_JWT_SECRET: TEST_SECRET, MENTORSHIP_DEMO: '1', MENTORSHIP_CORS_ORIGINS: `${PORTAL}/,http://localhost:3000` });
  const app = createApp({ config, db: {} as Kysely<Database>, verifier: createVerifier(config), logger: createLogger('error', () => {}), now: () => new Date() });
  expect(serveDemoPortal(app)).toBe(true);
  return app;
}

/** A CSP header as directive → sources. */
function policy(res: Response): Map<string, string[]> {
  const header = res.headers.get('content-security-policy') ?? '';
  return new Map(header.split(';').map((d) => d.trim().split(/\s+/)).filter((d) => d[0]).map(([name, ...sources]) => [name!, sources]));
}

function expectCommonHeaders(res: Response) {
  expect(res.headers.get('x-content-type-options')).toBe('nosniff');
  expect(res.headers.get('referrer-policy')).toBe('no-referrer');
  expect(res.headers.get('strict-transport-security')).toBe('max-age=15552000');
  expect(res.headers.get('x-powered-by')).toBeNull();
}

describe('security headers', () => {
  const app = demoApp();

  it('lock API answers down: nothing loads, runs or frames, success or error', async () => {
    for (const [path, status] of [['/api/v1/healthz', 200], ['/api/v1/me', 401], ['/api/v1/no-such-route', 404], ['/api/v1/openapi.json', 200]] as const) {
      const res = await app.request(path);
      expect(res.status, path).toBe(status);
      expectCommonHeaders(res);
      const csp = policy(res);
      expect(csp.get('default-src'), path).toEqual(["'none'"]);
      expect(csp.get('frame-ancestors'), path).toEqual(["'none'"]);
      expect(res.headers.get('x-frame-options')).toBe('DENY');
    }
  });

  it('give the portal page a policy without inline script, eval or inline style, that allows the realtime socket', async () => {
    const res = await app.request('http://localhost:8787/');
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toMatch(/^text\/html/);
    expectCommonHeaders(res);
    const csp = policy(res);
    expect(csp.get('default-src')).toEqual(["'self'"]);
    expect(csp.get('script-src')).toEqual(["'self'"]);
    expect(csp.get('style-src')).toEqual(["'self'"]);
    expect(csp.get('object-src')).toEqual(["'none'"]);
    expect(csp.get('frame-ancestors')).toEqual(["'self'"]);
    expect(csp.get('connect-src')).toEqual(["'self'", 'ws://localhost:8787', 'wss://localhost:8787']);
    expect(res.headers.get('content-security-policy')).not.toMatch(/unsafe-inline|unsafe-eval|\*/);
    expect(res.headers.get('permissions-policy')).toContain('camera=()');
    // The portal's script and the bundle it loads get the headers too (nosniff matters most there).
    expectCommonHeaders(await app.request('http://localhost:8787/portal.js'));
  });

  it('give the API reference the page policy, though it lives under the API base', async () => {
    for (const path of ['/api/v1/docs', '/api/v1/docs/docs.js']) {
      const csp = policy(await app.request(`http://localhost:8787${path}`));
      expect(csp.get('script-src'), path).toEqual(["'self'"]);
      expect(csp.get('connect-src'), path).toContain("'self'");
    }
  });

  it('copy only a plain host into connect-src', async () => {
    const res = await app.request('http://evil;script-src:8787/');
    expect(policy(res).get('connect-src')).toEqual(["'self'", "'self'"]);
    expect(res.headers.get('content-security-policy')).not.toContain('evil');
  });

  it('keep a policy a handler set for its own page', async () => {
    const res = await app.request('/api/v1/unsubscribe?token=not-a-token');
    expect(res.status).toBe(400);
    expect(policy(res).get('style-src')).toEqual(["'unsafe-inline'"]);
    expectCommonHeaders(res);
  });

  it('the portal page has no inline script, inline style or event-handler attribute the policy would block', async () => {
    const html = await readFile(new URL('../../../../examples/portal/index.html', import.meta.url), 'utf8');
    expect(html).not.toMatch(/<script(?![^>]*\ssrc=)[^>]*>/);
    expect(html).not.toMatch(/<style[\s>]/);
    expect(html).not.toMatch(/\s(style|on[a-z]+)=/i);
    expect(html).not.toMatch(/javascript:/i);
  });
});

describe('CORS allow-list (MENTORSHIP_CORS_ORIGINS)', () => {
  const app = demoApp();
  const preflight = (origin: string) => app.request('/api/v1/mentorship-requests', {
    method: 'OPTIONS',
    headers: { origin, 'access-control-request-method': 'POST', 'access-control-request-headers': 'authorization, content-type, idempotency-key' },
  });

  it('answers a preflight from an allowed origin, with Authorization and Idempotency-Key allowed', async () => {
    const res = await preflight(PORTAL);
    expect(res.status).toBe(204);
    expect(res.headers.get('access-control-allow-origin')).toBe(PORTAL);
    const allowed = (res.headers.get('access-control-allow-headers') ?? '').toLowerCase().split(/\s*,\s*/);
    expect(allowed).toEqual(expect.arrayContaining(['authorization', 'content-type', 'idempotency-key']));
    expect(res.headers.get('access-control-allow-methods')).toMatch(/POST/);
    expect(res.headers.get('access-control-allow-credentials')).toBeNull();
    expect(res.headers.get('vary')).toMatch(/origin/i);
  });

  it('lets an allowed origin read answers and errors, with the request id exposed', async () => {
    for (const path of ['/api/v1/healthz', '/api/v1/me']) {
      const res = await app.request(path, { headers: { origin: 'http://localhost:3000' } });
      expect(res.headers.get('access-control-allow-origin'), path).toBe('http://localhost:3000');
      expect(res.headers.get('access-control-expose-headers'), path).toMatch(/X-Request-Id/i);
    }
  });

  it('gives a disallowed origin no CORS headers, on preflight or request', async () => {
    for (const origin of ['https://evil.example', 'https://portal.example.edu.evil.example', 'http://portal.example.edu', 'null']) {
      const pre = await preflight(origin);
      expect(pre.status, origin).toBe(204);
      for (const header of ['access-control-allow-origin', 'access-control-allow-methods', 'access-control-allow-headers']) {
        expect(pre.headers.get(header), `${origin} ${header}`).toBeNull();
      }
      const res = await app.request('/api/v1/healthz', { headers: { origin } });
      expect(res.headers.get('access-control-allow-origin'), origin).toBeNull();
      expect(res.headers.get('access-control-expose-headers'), origin).toBeNull();
    }
  });

  it('marks every API answer as varying by Origin, with or without one, errors included', async () => {
    for (const headers of [{}, { origin: PORTAL }, { origin: 'https://evil.example' }] as Record<string, string>[]) {
      for (const path of ['/api/v1/healthz', '/api/v1/me', '/api/v1/no-such-route']) {
        const res = await app.request(path, { headers });
        expect(res.headers.get('vary'), `${path} ${JSON.stringify(headers)}`).toMatch(/\borigin\b/i);
      }
    }
  });
});
