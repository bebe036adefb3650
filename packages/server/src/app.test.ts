import { spawn } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestContext, databaseKinds, json, type TestContext } from './test/harness.js';

describe.each(databaseKinds)('the HTTP app on %s', (kind) => {
  let t: TestContext;
  const user = { sub: 'app-user', name: 'App User' };
  beforeAll(async () => { t = await createTestContext(kind); });
  afterAll(async () => { await t?.close(); });

  it('answers health and readiness', async () => {
    expect(await json(await t.call('GET', '/healthz'))).toEqual({ status: 'ok' });
    expect(await json(await t.call('GET', '/readyz'))).toMatchObject({ status: 'ready' });
    expect((await t.call('GET', '/api/v1/healthz')).status).toBe(200);
  });

  it('shapes every error the same way, with a request id header and body', async () => {
    const res = await t.call('GET', '/api/v1/no-such-route');
    expect(res.status).toBe(404);
    const body = await json(res);
    expect(body).toEqual({ error: { code: 'not_found', message: expect.any(String), requestId: expect.any(String) } });
    expect(res.headers.get('x-request-id')).toBe(body.error.requestId);
    const malformed = await t.call('PUT', '/api/v1/me/profile', { as: user, body: '{"headline": ' });
    expect(malformed.status).toBe(400);
    expect((await json(malformed)).error.code).toBe('validation_failed');
  });

  it('refuses bodies over 64 KB with 413', async () => {
    const res = await t.call('PUT', '/api/v1/me/profile', { as: user, body: JSON.stringify({ bio: 'x'.repeat(70_000) }) });
    expect(res.status).toBe(413);
    expect((await json(res)).error.code).toBe('payload_too_large');
  });

  it('allows only the configured CORS origins', async () => {
    const allowed = await t.app.request('/api/v1/me', { method: 'OPTIONS', headers: { origin: 'https://portal.example.edu', 'access-control-request-method': 'GET' } });
    expect(allowed.headers.get('access-control-allow-origin')).toBe('https://portal.example.edu');
    const denied = await t.app.request('/api/v1/me', { method: 'OPTIONS', headers: { origin: 'https://evil.example', 'access-control-request-method': 'GET' } });
    expect(denied.headers.get('access-control-allow-origin')).toBeNull();
  });

  it('logs one structured line per request, without tokens or secrets in paths', async () => {
    const token = await t.token(user);
    t.logs.length = 0;
    await t.app.request('/api/v1/me', { headers: { authorization: `Bearer ${token}` } });
    await t.app.request('/api/v1/calendar/secret-feed-token.ics');
    const lines = t.logs.map((l) => JSON.parse(l));
    expect(lines[0]).toMatchObject({ level: 'info', msg: 'request', method: 'GET', path: '/api/v1/me', status: 200 });
    expect(t.logs.join('\n')).not.toContain(token);
    expect(t.logs.join('\n')).not.toContain('secret-feed-token');
  });

  it('answers 500 in the error format without a stack trace, and logs the cause', async () => {
    const broken = await createTestContext(kind);
    await broken.handle.db.schema.dropTable('profiles').cascade().execute();
    const res = await broken.call('GET', '/api/v1/me', { as: user });
    expect(res.status).toBe(500);
    const text = await res.text();
    expect(JSON.parse(text).error.code).toBe('internal');
    expect(text).not.toMatch(/at .*\.js/);
    expect(broken.logs.some((l) => l.includes('unhandled error'))).toBe(true);
    await broken.close();
  });
});

describe('the server process', () => {
  const main = fileURLToPath(new URL('./main.js', import.meta.url).href.replace('/src/', '/dist/'));
  let dataDir: string;
  beforeAll(async () => { dataDir = await mkdtemp(join(tmpdir(), 'mentorkit-main-')); });
  afterAll(async () => { await rm(dataDir, { recursive: true, force: true }); });

  const run = (env: Record<string, string>) => {
    const child = spawn(process.execPath, [main], { env: { PATH: process.env['PATH'] ?? '', ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    child.stdout.on('data', (d) => { out += String(d); });
    child.stderr.on('data', (d) => { out += String(d); });
    const exited = new Promise<number | null>((r) => child.on('exit', (code) => r(code)));
    return { child, output: () => out, exited };
  };

  it('refuses to start on a bad value, naming it', async () => {
    const p = run({ MENTORSHIP_JWT_SECRET: 'x'.repeat(40), PORT: 'eighty' });
    expect(await p.exited).toBe(78);
    expect(p.output()).toMatch(/PORT/);
  });

  it('starts on the embedded database, serves, and stops cleanly on SIGTERM', async () => {
    const p = run({ MENTORSHIP_JWT_SECRET: 'x'.repeat(40), PORT: '0', HOST: '127.0.0.1', MENTORSHIP_DATA_DIR: dataDir });
    const deadline = Date.now() + 30_000;
    let port = 0;
    while (!port && Date.now() < deadline) {
      const m = /"msg":"listening","port":(\d+)/.exec(p.output());
      if (m) port = Number(m[1]);
      else await new Promise((r) => setTimeout(r, 100));
    }
    expect(port).toBeGreaterThan(0);
    const ready = await fetch(`http://127.0.0.1:${port}/readyz`);
    expect(ready.status).toBe(200);
    p.child.kill('SIGTERM');
    expect(await p.exited).toBe(0);
    expect(p.output()).toMatch(/"msg":"stopped"/);
  }, 60_000);
});
