import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

/**
 * A process manager (or `docker stop`) sends SIGTERM to the process it started: `npm`, not the
 * server. npm forwards the signal to its child, which must be the server itself (`exec node …`),
 * not a shell that would die and leave the server holding the port and the database lock.
 */

const ROOT = fileURLToPath(new URL('../../../', import.meta.url));
const SECRET = 'npm-scripts-test-secret-0123456789-abcdefghij';

/** Only what the server reads: nothing from the test process's own configuration leaks in. */
function baseEnv(): Record<string, string> {
  const env: Record<string, string> = {};
  for (const [k, v] of Object.entries(process.env)) if (v !== undefined && !/^(MENTORSHIP_|DATABASE_URL|PORT|HOST|npm_)/i.test(k)) env[k] = v;
  return env;
}

function runScript(script: string, env: Record<string, string>, args: string[] = []) {
  // --ignore-scripts skips `prestart` (the build: `npx tsc -b` has made dist/ already).
  const npm = spawn('npm', ['run', script, '--ignore-scripts', '--silent', ...(args.length ? ['--', ...args] : [])], { cwd: ROOT, env: { ...baseEnv(), ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
  let out = '';
  npm.stdout.on('data', (d) => { out += String(d); });
  npm.stderr.on('data', (d) => { out += String(d); });
  const exited = new Promise<void>((r) => npm.once('exit', () => r()));
  return { npm, output: () => out, exited };
}

async function waitFor<T>(find: () => T | undefined, what: string, output: () => string, timeoutMs = 90_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const found = find();
    if (found !== undefined) return found;
    if (Date.now() > deadline) throw new Error(`no ${what} within ${timeoutMs} ms:\n${output()}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

const alive = (pid: number) => {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
};

const portFree = (port: number) => new Promise<boolean>((resolve) => {
  const probe = createServer().once('error', () => resolve(false)).listen(port, '127.0.0.1', () => probe.close(() => resolve(true)));
});

describe('npm scripts hand SIGTERM to the server', () => {
  let dataDir: string;
  const leftovers: number[] = [];
  beforeAll(async () => { dataDir = await mkdtemp(join(tmpdir(), 'mentorkit-npm-')); });
  afterAll(async () => {
    // Without the fix the server outlives npm: do not leave it running on the machine.
    for (const pid of leftovers) if (alive(pid)) process.kill(pid, 'SIGKILL');
    await rm(dataDir, { recursive: true, force: true });
  });

  it.each([
    ['start', { MENTORSHIP_DEMO: '1' }],
    ['serve', { MENTORSHIP_JWT_SECRET: SECRET, HOST: '127.0.0.1' }],
  ])('npm run %s: SIGTERM to npm stops the server gracefully within 10 s and frees the port', async (script, env) => {
    const run = runScript(script, { PORT: '0', MENTORSHIP_DATA_DIR: join(dataDir, script), ...env });
    const { port, pid } = await waitFor(() => {
      const m = /"msg":"listening","port":(\d+),"url":"[^"]*","pid":(\d+)/.exec(run.output());
      return m ? { port: Number(m[1]), pid: Number(m[2]) } : undefined;
    }, 'listening line', run.output);
    leftovers.push(pid);
    expect(pid).not.toBe(run.npm.pid);
    expect((await fetch(`http://127.0.0.1:${port}/healthz`)).status).toBe(200);

    const signalled = Date.now();
    run.npm.kill('SIGTERM');
    await run.exited;
    await waitFor(() => (alive(pid) ? undefined : true), 'server exit', run.output, 10_000);
    expect(Date.now() - signalled).toBeLessThan(10_000);
    expect(run.output()).toMatch(/"msg":"shutting down","signal":"SIGTERM"/);
    expect(run.output()).toMatch(/"msg":"stopped"/);
    expect(await portFree(port)).toBe(true);
  }, 120_000);

  it('npm run serve never enables demo mode', async () => {
    const run = runScript('serve', { PORT: '0', HOST: '127.0.0.1', MENTORSHIP_DEMO: '1', MENTORSHIP_JWT_SECRET: SECRET, MENTORSHIP_DATA_DIR: join(dataDir, 'serve-demo') });
    const { port, pid } = await waitFor(() => {
      const m = /"msg":"listening","port":(\d+),"url":"[^"]*","pid":(\d+)/.exec(run.output());
      return m ? { port: Number(m[1]), pid: Number(m[2]) } : undefined;
    }, 'listening line', run.output);
    leftovers.push(pid);
    const res = await fetch(`http://127.0.0.1:${port}/api/v1/dev/token`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{"persona":"admin"}' });
    expect(res.status).toBe(404);
    expect((await fetch(`http://127.0.0.1:${port}/dev/mail`)).status).toBe(404);
    run.npm.kill('SIGTERM');
    await run.exited;
    await waitFor(() => (alive(pid) ? undefined : true), 'server exit', run.output, 10_000);
  }, 120_000);
});

describe('npm run seed', () => {
  it('runs the built packages/server/dist/seed.js with the flags after --: a bad one exits 2 naming it, and nothing is created', async () => {
    const dataDir = join(tmpdir(), `mentorkit-npm-seed-${process.pid}-${Date.now()}`);
    const run = runScript('seed', { MENTORSHIP_DATA_DIR: dataDir }, ['--mentors', '10', '--alumni', '5']);
    const code = await new Promise<number | null>((resolve) => run.npm.once('exit', (c) => resolve(c)));
    expect(code).toBe(2);
    expect(run.output().trim().split('\n')).toEqual([expect.stringMatching(/^seed: --mentors \(10\) cannot exceed --alumni \(5\)/)]);
    expect(existsSync(dataDir)).toBe(false);
  }, 60_000);
});
