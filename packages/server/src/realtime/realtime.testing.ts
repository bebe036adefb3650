import type { AddressInfo } from 'node:net';
import { serve, type ServerType } from '@hono/node-server';
import { WebSocket } from 'ws';
import type { App } from '../app.js';
import type { AuthState } from '../auth/auth.middleware.js';
import type { DatabaseHandle } from '../db/connect.js';
import { createLogger } from '../http/logger.js';
import { attachRealtime, type RealtimeOptions, type RealtimeServer } from './realtime.server.js';
import type { TestContext } from '../test/harness.js';

export interface Instance {
  port: number;
  base: string;
  wsUrl: string;
  realtime: RealtimeServer;
  server: ServerType;
  logs: string[];
  close(): Promise<void>;
}

/** Serves an app on a loopback port with the realtime socket attached, like `main.ts` does. */
export async function startInstance(
  app: App,
  deps: { handle: Pick<DatabaseHandle, 'db' | 'listen'>; config: TestContext['config']; now: () => Date; auth?: AuthState },
  options: Partial<RealtimeOptions> = {},
): Promise<Instance> {
  const server = serve({ fetch: app.fetch, port: 0, hostname: '127.0.0.1' });
  await new Promise((r) => server.once('listening', r));
  const port = (server.address() as AddressInfo).port;
  const logs: string[] = [];
  const realtime = await attachRealtime(server, {
    config: deps.config,
    db: deps.handle.db,
    listen: deps.handle.listen,
    logger: createLogger('info', (l) => logs.push(l)),
    now: deps.now,
    ...(deps.auth ? { auth: deps.auth } : {}),
  }, { retentionIntervalMs: false, ...options });
  return {
    port,
    base: `http://127.0.0.1:${port}`,
    wsUrl: `ws://127.0.0.1:${port}/api/v1/realtime`,
    realtime,
    server,
    logs,
    async close() {
      await realtime.close();
      await new Promise((r) => server.close(r));
    },
  };
}

export const startTestInstance = (t: TestContext, options: Partial<RealtimeOptions> = {}) =>
  startInstance(t.app, { handle: t.handle, config: t.config, now: t.clock.now, auth: t.auth }, options);

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type Frame = any;

/** A raw protocol client that records everything it receives. */
export class TestSocket {
  readonly frames: Frame[] = [];
  readonly ws: WebSocket;
  readonly opened: Promise<void>;
  readonly closed: Promise<{ code: number; reason: string }>;
  private waiters: (() => void)[] = [];

  constructor(url: string, options: { autoPong?: boolean; headers?: Record<string, string> } = {}) {
    this.ws = new WebSocket(url, { autoPong: options.autoPong ?? true, ...(options.headers ? { headers: options.headers } : {}) });
    this.opened = new Promise((resolve, reject) => {
      this.ws.once('open', () => resolve());
      this.ws.once('error', reject);
      this.ws.once('unexpected-response', (_req, res) => reject(new Error(`HTTP ${res.statusCode}`)));
    });
    this.opened.catch(() => {});
    this.closed = new Promise((resolve) => this.ws.once('close', (code, reason) => resolve({ code, reason: reason.toString() })));
    this.ws.on('message', (data) => {
      this.frames.push(JSON.parse(data.toString()));
      for (const w of this.waiters.splice(0)) w();
    });
    this.ws.on('close', () => { for (const w of this.waiters.splice(0)) w(); });
    this.ws.on('error', () => {});
  }

  /** Connects, authenticates (and resumes, in the same breath) and waits for `ready`. */
  static async open(url: string, token: string, resumeAfter?: number): Promise<TestSocket> {
    const s = new TestSocket(url);
    await s.opened;
    s.send({ type: 'auth', token });
    if (resumeAfter !== undefined) s.send({ type: 'resume', after: resumeAfter });
    await s.until((f) => f.type === 'ready');
    return s;
  }

  send(message: unknown): void {
    this.ws.send(typeof message === 'string' ? message : JSON.stringify(message));
  }

  get events(): Frame[] {
    return this.frames.filter((f) => typeof f.id === 'number');
  }

  /** Resolves with the first frame matching, waiting for it if needed. */
  async until(match: (f: Frame) => boolean, timeoutMs = 10_000): Promise<Frame> {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const found = this.frames.find(match);
      if (found) return found;
      if (this.ws.readyState === WebSocket.CLOSED) throw new Error(`socket closed while waiting; got ${JSON.stringify(this.frames).slice(0, 500)}`);
      const left = deadline - Date.now();
      if (left <= 0) throw new Error(`timed out waiting; got ${JSON.stringify(this.frames).slice(0, 500)}`);
      await new Promise<void>((r) => {
        const timer = setTimeout(r, left);
        this.waiters.push(() => { clearTimeout(timer); r(); });
      });
    }
  }

  /** Waits until `count` frames match. */
  async count(match: (f: Frame) => boolean, count: number, timeoutMs = 10_000): Promise<Frame[]> {
    let n = 0;
    await this.until(() => (n = this.frames.filter(match).length) >= count, timeoutMs).catch((err: Error) => {
      throw new Error(`expected ${count} frames, got ${n}: ${err.message}`);
    });
    return this.frames.filter(match);
  }

  close(): Promise<{ code: number; reason: string }> {
    this.ws.close();
    return this.closed;
  }
}

export const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
