import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { signToken } from '../auth/verify.js';

/**
 * The built server (`dist/main.js`, as `npm run serve` starts it) as a child process, and a small
 * HTTP client that signs tokens for it: for tests that kill and restart the process.
 */

export const MAIN_JS = fileURLToPath(new URL('../../dist/main.js', import.meta.url));
/** The Node flags `npm start` runs the server with (package.json). */
export const SERVER_NODE_FLAGS = ['--max-semi-space-size=64'];
export const CHILD_SECRET = 'reliability-child-secret-0123456789-abcdefghij';

export interface ChildServer {
  proc: ChildProcess;
  base: string;
  /** Everything the child wrote, for failure messages. */
  output: string[];
  /** Resolves with the exit code (or signal) once the process is gone. */
  exited: Promise<number | string>;
  kill(signal: NodeJS.Signals): Promise<number | string>;
}

/** Starts `dist/main.js` on a free loopback port and resolves once it listens. */
export async function startChild(env: Record<string, string>, timeoutMs = 120_000, nodeFlags: string[] = []): Promise<ChildServer> {
  if (!existsSync(MAIN_JS)) throw new Error(`${MAIN_JS} is missing: run \`npx tsc -b\` first (npm test does)`);
  // Only what the server reads: nothing from the test process's own configuration leaks in.
  const base: Record<string, string> = {};
  for (const [k, v] of Object.entries(process.env)) if (v !== undefined && !/^(MENTORSHIP_|DATABASE_URL|PORT|HOST)/.test(k)) base[k] = v;
  const proc = spawn(process.execPath, [...SERVER_NODE_FLAGS, ...nodeFlags, MAIN_JS], {
    env: { ...base, HOST: '127.0.0.1', PORT: '0', MENTORSHIP_JWT_SECRET: CHILD_SECRET, MENTORSHIP_LOG_LEVEL: 'info', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const output: string[] = [];
  const exited = new Promise<number | string>((resolve) => proc.once('exit', (code, signal) => resolve(code ?? signal ?? -1)));
  const port = await new Promise<number>((resolve, reject) => {
    const timer = setTimeout(() => {
      proc.kill('SIGKILL');
      reject(new Error(`server did not listen within ${timeoutMs} ms:\n${output.join('')}`));
    }, timeoutMs);
    let pending = '';
    proc.stdout!.on('data', (chunk: Buffer) => {
      // The last lines only: a server under load logs every request.
      if (output.push(chunk.toString()) > 200) output.shift();
      pending += chunk.toString();
      let nl;
      while ((nl = pending.indexOf('\n')) >= 0) {
        const line = pending.slice(0, nl);
        pending = pending.slice(nl + 1);
        try {
          const entry = JSON.parse(line) as { msg?: string; port?: number };
          if (entry.msg === 'listening' && typeof entry.port === 'number') {
            clearTimeout(timer);
            resolve(entry.port);
          }
        } catch {
          // not a log line
        }
      }
    });
    proc.stderr!.on('data', (chunk: Buffer) => output.push(chunk.toString()));
    void exited.then((code) => {
      clearTimeout(timer);
      reject(new Error(`server exited (${code}) before listening:\n${output.join('')}`));
    });
  });
  return {
    proc,
    base: `http://127.0.0.1:${port}`,
    output,
    exited,
    kill(signal) {
      if (proc.exitCode === null && proc.signalCode === null) proc.kill(signal);
      return exited;
    },
  };
}

export interface Person {
  sub: string;
  name: string;
  roles?: string[];
}

/** `fetch` against a base URL that may change (a restarted server), with signed tokens. */
export class HttpApi {
  private readonly tokens = new Map<string, Promise<string>>();
  constructor(public base: string) {}

  token(who: Person): Promise<string> {
    let token = this.tokens.get(who.sub);
    if (!token) {
      token = signToken(CHILD_SECRET, { sub: who.sub, name: who.name, roles: who.roles ?? [] }, { expiresInSeconds: 3600 }).then((t) => t.token);
      this.tokens.set(who.sub, token);
    }
    return token;
  }

  async call(method: string, path: string, options: { as?: Person; body?: unknown } = {}): Promise<Response> {
    const headers: Record<string, string> = {};
    if (options.as) headers['authorization'] = `Bearer ${await this.token(options.as)}`;
    if (options.body !== undefined) headers['content-type'] = 'application/json';
    return fetch(this.base + path, {
      method,
      headers,
      ...(options.body !== undefined ? { body: JSON.stringify(options.body) } : {}),
      signal: AbortSignal.timeout(15_000),
    });
  }

  /** `call` that must answer `status`; resolves with the JSON body. */
  async expect<T = Record<string, unknown>>(status: number, method: string, path: string, options: { as?: Person; body?: unknown } = {}): Promise<T> {
    const res = await this.call(method, path, options);
    const text = await res.text();
    if (res.status !== status) throw new Error(`${method} ${path} answered ${res.status}, expected ${status}: ${text.slice(0, 300)}`);
    return (text ? JSON.parse(text) : {}) as T;
  }
}

export const childAdmin: Person = { sub: 'reliability-admin', name: 'Grace Admin', roles: ['admin'] };

/** An approved mentor (capacity 20) and a mentee with an active mentorship, made through the API. */
export async function pairOverHttp(api: HttpApi, label: string): Promise<{ mentor: Person; mentee: Person; mentorshipId: string }> {
  const mentor = { sub: `${label}-mentor`, name: `Mentor ${label}` };
  const mentee = { sub: `${label}-mentee`, name: `Mentee ${label}` };
  const application = await api.expect<{ id: string; userId: string }>(201, 'POST', '/api/v1/mentor-applications', {
    as: mentor, body: { expertise: ['SQL', 'Leadership'], yearsOfExperience: 8, statement: 'I have mentored analysts into engineering roles for years.' },
  });
  await api.expect(200, 'POST', `/api/v1/admin/mentor-applications/${application.id}/approve`, { as: childAdmin, body: { notes: '' } });
  await api.expect(200, 'PATCH', '/api/v1/mentors/me', { as: mentor, body: { capacity: 20 } });
  const request = await api.expect<{ id: string }>(201, 'POST', '/api/v1/mentorship-requests', {
    as: mentee, body: { mentorId: application.userId, goals: 'Move into data engineering.', skillsSeeking: ['SQL'], message: 'Hello!' },
  });
  const accepted = await api.expect<{ mentorship: { id: string } }>(200, 'POST', `/api/v1/mentorship-requests/${request.id}/accept`, { as: mentor });
  return { mentor, mentee, mentorshipId: accepted.mentorship.id };
}
