import { createServer, type AddressInfo, type Socket } from 'node:net';
import type { TypedRealtimeEvent } from '@mentorkit/contract';
import { afterEach, describe, expect, it } from 'vitest';
import WebSocket, { WebSocketServer } from 'ws';
import { createClient } from './client.js';
import { backoffDelay, type RealtimeStatus, type RealtimeStatusInfo, type WebSocketConstructor } from './realtime.js';

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

async function until(check: () => boolean, timeoutMs = 5_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!check()) {
    if (Date.now() > deadline) throw new Error('timed out');
    await sleep(5);
  }
}

interface FakeConnection {
  ws: WebSocket;
  received: Record<string, unknown>[];
}

/** A stand-in for the server's socket, speaking the protocol as each test scripts it. */
class FakeServer {
  readonly connections: FakeConnection[] = [];
  private readonly wss: WebSocketServer;
  readonly ready: Promise<void>;
  onMessage: (conn: FakeConnection, message: Record<string, unknown>) => void = (conn, message) => {
    if (message['type'] === 'auth') conn.ws.send(JSON.stringify({ type: 'ready', cursor: 100, userId: '00000000-0000-4000-8000-000000000001' }));
  };

  constructor() {
    this.wss = new WebSocketServer({ port: 0, host: '127.0.0.1' });
    this.ready = new Promise((r) => this.wss.once('listening', () => r()));
    this.wss.on('connection', (ws) => {
      const conn: FakeConnection = { ws, received: [] };
      this.connections.push(conn);
      ws.on('message', (data) => {
        const message = JSON.parse(String(data)) as Record<string, unknown>;
        conn.received.push(message);
        this.onMessage(conn, message);
      });
    });
  }

  get url(): string {
    return `http://127.0.0.1:${(this.wss.address() as AddressInfo).port}`;
  }

  close(): Promise<void> {
    for (const c of this.connections) c.ws.terminate();
    return new Promise((r) => this.wss.close(() => r()));
  }
}

const uuid = (n: number) => `00000000-0000-4000-8000-${String(n).padStart(12, '0')}`;
/** The ids of one conversation: the fields a client reads from `message.created` and `conversation.read`. */
const conversationIds = { mentorshipId: uuid(900), conversationId: uuid(901) };
const event = (id: number, body = `m${id}`) => JSON.stringify({
  type: 'message.created',
  id,
  at: '2026-11-28T09:00:00.000Z',
  data: { id: uuid(id), ...conversationIds, body },
});

describe('client.realtime.subscribe against a scripted server', () => {
  let server: FakeServer;
  const stops: (() => void)[] = [];
  afterEach(async () => {
    for (const stop of stops.splice(0)) stop();
    await server?.close();
  });

  async function subscribe(options: { after?: number; getToken?: (o: { forceRefresh: boolean }) => string; tuning?: Record<string, unknown>; types?: TypedRealtimeEvent['type'][]; onInvalid?: (frame: unknown) => void } = {}) {
    server = new FakeServer();
    await server.ready;
    const client = createClient({
      baseUrl: server.url,
      getToken: options.getToken ?? (() => 'token-1'),
      WebSocket: WebSocket as unknown as WebSocketConstructor,
      realtime: { initialDelayMs: 20, maxDelayMs: 100, random: () => 0, heartbeatMs: 1_000, ...options.tuning },
    });
    const events: TypedRealtimeEvent[] = [];
    const statuses: [RealtimeStatus, RealtimeStatusInfo][] = [];
    const stop = client.realtime.subscribe((e) => events.push(e), {
      onStatus: (s, info) => statuses.push([s, info]),
      ...(options.after !== undefined ? { after: options.after } : {}),
      ...(options.types ? { types: options.types } : {}),
      ...(options.onInvalid ? { onInvalid: options.onInvalid } : {}),
    });
    stops.push(stop);
    return { client, events, statuses, stop };
  }

  it('connects to /api/v1/realtime, authenticates first, resumes from `after`, and hands over each event once, in order', async () => {
    const { client, events, statuses } = await subscribe({ after: 5 });
    expect(client.realtime.url).toBe(`${server.url.replace('http', 'ws')}/api/v1/realtime`);
    await until(() => statuses.some(([s]) => s === 'open'));
    expect(statuses[0]![0]).toBe('connecting');
    expect(server.connections[0]!.received).toEqual([{ type: 'auth', token: 'token-1' }, { type: 'resume', after: 5 }]);
    const ws = server.connections[0]!.ws;
    for (const id of [6, 7, 7, 6, 8]) ws.send(event(id));
    ws.send('{"type":"pong"}');
    ws.send('not json');
    await until(() => events.length >= 3);
    await sleep(30);
    expect(events.map((e) => e.id)).toEqual([6, 7, 8]);
    const first = events[0]!;
    if (first.type === 'message.created') expect(first.data.body).toBe('m6'); // `data` narrows to Message
  });

  it('starts at the server\'s cursor without `after`, and filters by type', async () => {
    const { events } = await subscribe({ types: ['conversation.read'] });
    await until(() => server.connections[0]?.received.length === 1);
    await sleep(20);
    expect(server.connections[0]!.received).toEqual([{ type: 'auth', token: 'token-1' }]);
    const ws = server.connections[0]!.ws;
    ws.send(event(99)); // at or below the ready cursor (100): already history
    ws.send(event(101));
    ws.send(JSON.stringify({ type: 'conversation.read', id: 102, at: '2026-11-28T09:00:00.000Z', data: conversationIds }));
    await until(() => events.length === 1);
    expect(events[0]).toMatchObject({ type: 'conversation.read', id: 102 });
  });

  it('reads each frame with the contract\'s check: unknown types and malformed events never reach the handler, and go to onInvalid', async () => {
    const invalid: unknown[] = [];
    const { events, statuses } = await subscribe({ onInvalid: (frame) => invalid.push(frame) });
    await until(() => statuses.some(([s]) => s === 'open'));
    const ws = server.connections[0]!.ws;
    const at = '2026-11-28T09:00:00.000Z';
    const malformed = [
      { type: 'message.created', id: 101, at, data: { id: uuid(101), body: 'no conversation' } }, // a required field missing
      { type: 'message.created', id: 102, at, data: null },
      { type: 'message.created', id: 103, data: { id: uuid(103), ...conversationIds } }, // no `at`
      { type: 'notification.created', id: 104, at, data: { id: uuid(104), kind: 'request.received' } }, // no `data.data`
      { type: 'mentor.renamed', id: 105, at, data: {} }, // a type this version does not know
    ];
    for (const frame of malformed) ws.send(JSON.stringify(frame));
    ws.send(event(106));
    ws.send('null');
    ws.send('[1,2]');
    await until(() => events.length === 1);
    await sleep(30);
    expect(events.map((e) => e.id)).toEqual([106]);
    expect(invalid).toEqual(malformed);
    // Their ids still count as seen: a reconnect resumes after the last one.
    ws.terminate();
    await until(() => server.connections[1]?.received.length === 2);
    expect(server.connections[1]!.received[1]).toEqual({ type: 'resume', after: 106 });
  });

  it('reconnects after a drop with backoff, resuming after the last id it saw', async () => {
    const { events, statuses } = await subscribe();
    await until(() => statuses.some(([s]) => s === 'open'));
    server.connections[0]!.ws.send(event(101));
    server.connections[0]!.ws.send(event(102));
    await until(() => events.length === 2);
    server.connections[0]!.ws.terminate();
    await until(() => server.connections.length === 2 && server.connections[1]!.received.length === 2);
    expect(server.connections[1]!.received).toEqual([{ type: 'auth', token: 'token-1' }, { type: 'resume', after: 102 }]);
    // The new socket may repeat what the old one delivered; the handler still sees it once.
    server.connections[1]!.ws.send(event(102));
    server.connections[1]!.ws.send(event(103));
    await until(() => events.length === 3);
    expect(events.map((e) => e.id)).toEqual([101, 102, 103]);
    expect(statuses.map(([s]) => s)).toEqual(['connecting', 'open', 'reconnecting', 'open']);
    expect(statuses[2]![1]).toMatchObject({ attempt: 1, delayMs: 10, code: 1006 });
  });

  it('backs off exponentially (with jitter, capped) while the server keeps refusing, and resets once connected', async () => {
    let refusals = 4;
    const { statuses } = await subscribe();
    server.onMessage = (conn, message) => {
      if (message['type'] !== 'auth') return;
      if (refusals-- > 0) conn.ws.close(1011, 'busy');
      else conn.ws.send(JSON.stringify({ type: 'ready', cursor: 0, userId: 'u' }));
    };
    await until(() => statuses.some(([s]) => s === 'open'), 10_000);
    const delays = statuses.filter(([s]) => s === 'reconnecting').map(([, i]) => i.delayMs);
    // random() = 0: half of min(100, 20·2^n) → 10, 20, 40, 50.
    expect(delays).toEqual([10, 20, 40, 50]);
    expect(statuses.at(-1)).toEqual(['open', { attempt: 0 }]);
    server.connections.at(-1)!.ws.terminate();
    await until(() => statuses.filter(([s]) => s === 'reconnecting').length === 5);
    expect(statuses.at(-1)![1].delayMs).toBe(10);
  });

  it('asks for a fresh token after 4401', async () => {
    const calls: boolean[] = [];
    const { statuses } = await subscribe({ getToken: ({ forceRefresh }) => { calls.push(forceRefresh); return forceRefresh ? 'fresh' : 'stale'; } });
    server.onMessage = (conn, message) => {
      if (message['type'] !== 'auth') return;
      if (message['token'] === 'stale') conn.ws.close(4401, 'Token expired');
      else conn.ws.send(JSON.stringify({ type: 'ready', cursor: 0, userId: 'u' }));
    };
    await until(() => statuses.some(([s]) => s === 'open'));
    expect(calls).toEqual([false, true]);
    expect(statuses.find(([s]) => s === 'reconnecting')![1]).toMatchObject({ code: 4401 });
  });

  it('stops for good on 4429 (too many sockets) and on unsubscribe', async () => {
    const first = await subscribe();
    await until(() => first.statuses.some(([s]) => s === 'open'));
    server.connections[0]!.ws.close(4429, 'Too many open connections');
    await until(() => first.statuses.some(([s]) => s === 'closed'));
    expect(first.statuses.at(-1)).toEqual(['closed', { attempt: 0, code: 4429 }]);
    await sleep(100);
    expect(server.connections).toHaveLength(1);
    await server.close();

    const second = await subscribe();
    await until(() => second.statuses.some(([s]) => s === 'open'));
    const closed = new Promise((r) => server.connections[0]!.ws.once('close', r));
    second.stop();
    expect(await closed).toBe(1000);
    second.stop();
    await sleep(100);
    expect(server.connections).toHaveLength(1);
    expect(second.statuses.map(([s]) => s)).toEqual(['connecting', 'open', 'closed']);
  });

  it('replaces a socket whose server stopped answering pings', async () => {
    const { statuses } = await subscribe({ tuning: { heartbeatMs: 40 } });
    let answer = true;
    server.onMessage = (conn, message) => {
      if (message['type'] === 'auth') conn.ws.send(JSON.stringify({ type: 'ready', cursor: 0, userId: 'u' }));
      if (message['type'] === 'ping' && answer) conn.ws.send('{"type":"pong"}');
    };
    await until(() => statuses.some(([s]) => s === 'open'));
    await sleep(150);
    expect(server.connections).toHaveLength(1);
    answer = false;
    await until(() => server.connections.length === 2, 2_000);
    expect(server.connections[0]!.received.filter((m) => m['type'] === 'ping').length).toBeGreaterThan(2);
  });

  it('ends through an AbortSignal too', async () => {
    server = new FakeServer();
    await server.ready;
    const client = createClient({ baseUrl: server.url, token: 't', WebSocket: WebSocket as unknown as WebSocketConstructor });
    const controller = new AbortController();
    const statuses: RealtimeStatus[] = [];
    client.realtime.subscribe(() => {}, { signal: controller.signal, onStatus: (s) => statuses.push(s) });
    await until(() => statuses.includes('open'));
    controller.abort();
    expect(statuses).toEqual(['connecting', 'open', 'closed']);
  });

  it('unsubscribes quietly while the socket is still connecting', async () => {
    // A peer that takes the TCP connection and never answers the upgrade: the socket stays CONNECTING.
    const sockets: Socket[] = [];
    const silent = createServer((socket) => sockets.push(socket));
    await new Promise<void>((r) => silent.listen(0, '127.0.0.1', r));
    try {
      const client = createClient({ baseUrl: `http://127.0.0.1:${(silent.address() as AddressInfo).port}`, token: 't', WebSocket: WebSocket as unknown as WebSocketConstructor });
      const statuses: RealtimeStatus[] = [];
      const stop = client.realtime.subscribe(() => {}, { onStatus: (s) => statuses.push(s) });
      await until(() => sockets.length === 1);
      stop();
      // `ws` reports the aborted handshake as an `error` event on the next tick; unhandled, it
      // would be an uncaught exception (vitest fails the run on one).
      await sleep(50);
      expect(statuses).toEqual(['connecting', 'closed']);
    } finally {
      for (const socket of sockets) socket.destroy();
      await new Promise((r) => silent.close(r));
    }
  });

  it.runIf(!('WebSocket' in globalThis))('explains how to pass a WebSocket where there is no global one (Node < 22)', () => {
    const client = createClient({ baseUrl: 'http://127.0.0.1:9', token: 't' });
    expect(() => client.realtime.subscribe(() => {})).toThrow(/ws/);
  });
});

describe('backoffDelay', () => {
  it('stays between half and all of min(max, initial·2^attempt)', () => {
    for (let attempt = 0; attempt < 12; attempt++) {
      const ceiling = Math.min(30_000, 500 * 2 ** attempt);
      expect(backoffDelay(attempt, { random: () => 0 })).toBe(Math.round(ceiling / 2));
      expect(backoffDelay(attempt, { random: () => 0.999999 })).toBe(Math.round(ceiling));
      const d = backoffDelay(attempt);
      expect(d).toBeGreaterThanOrEqual(ceiling / 2 - 1);
      expect(d).toBeLessThanOrEqual(ceiling);
    }
    expect(backoffDelay(1000)).toBeLessThanOrEqual(30_000);
  });
});
