import { serve } from '@hono/node-server';
import { Hono } from 'hono';
import { connect, type Socket } from 'node:net';
import type { Server, ServerOptions } from 'node:http';
import { afterEach, describe, expect, it } from 'vitest';
import { WebSocket, WebSocketServer } from 'ws';
import { SERVER_TIMEOUTS } from './server-options.js';

/** A server as `main.ts` starts it (same `serve`, same options) around a trivial app. */
async function start(serverOptions: ServerOptions): Promise<{ server: Server; port: number }> {
  const app = new Hono().get('/healthz', (c) => c.json({ status: 'ok' }));
  return new Promise((resolve) => {
    const server = serve({ fetch: app.fetch, port: 0, hostname: '127.0.0.1', serverOptions }, (info) => resolve({ server: server as Server, port: info.port })) as Server;
  });
}

/** A raw TCP client that records what it received and when the server closed it. */
function rawClient(port: number) {
  const socket: Socket = connect(port, '127.0.0.1');
  const started = Date.now();
  let received = '';
  socket.setEncoding('utf8');
  socket.on('data', (chunk: string) => { received += chunk; });
  socket.on('error', () => {});
  const closed = new Promise<number>((resolve) => socket.on('close', () => resolve(Date.now() - started)));
  return { socket, closed, received: () => received };
}

let running: Server | undefined;
afterEach(async () => {
  running?.closeAllConnections();
  await new Promise<void>((r) => (running ? running.close(() => r()) : r()));
  running = undefined;
});

describe('HTTP server time limits', () => {
  it('closes a client that sends its headers a byte at a time (408 after headersTimeout), and idle keep-alive connections', async () => {
    const { server, port } = await start(SERVER_TIMEOUTS);
    running = server;

    const slow = rawClient(port);
    slow.socket.write('GET /healthz HTTP/1.1\r\nHost: localhost\r\n');
    // One more header byte every 500 ms: each keeps the socket busy, none completes the headers.
    const drip = setInterval(() => { if (!slow.socket.destroyed) slow.socket.write('X'); }, 500);

    const idle = rawClient(port);
    idle.socket.write('GET /healthz HTTP/1.1\r\nHost: localhost\r\nConnection: keep-alive\r\n\r\n');

    const [slowMs, idleMs] = await Promise.all([slow.closed, idle.closed]);
    clearInterval(drip);
    expect(slow.received()).toMatch(/^HTTP\/1\.1 408 /);
    expect(slowMs).toBeGreaterThanOrEqual(SERVER_TIMEOUTS.headersTimeout - 100);
    expect(slowMs).toBeLessThan(SERVER_TIMEOUTS.headersTimeout + SERVER_TIMEOUTS.connectionsCheckingInterval + 2_000);
    expect(idle.received()).toMatch(/^HTTP\/1\.1 200 /);
    expect(idleMs).toBeGreaterThanOrEqual(SERVER_TIMEOUTS.keepAliveTimeout - 100);
    expect(idleMs).toBeLessThan(SERVER_TIMEOUTS.keepAliveTimeout + 2_000);
  }, 30_000);

  it('leaves upgraded WebSocket connections alone past every limit', async () => {
    const short = { headersTimeout: 300, requestTimeout: 600, keepAliveTimeout: 300, connectionsCheckingInterval: 100 };
    const { server, port } = await start(short);
    running = server;
    const wss = new WebSocketServer({ noServer: true });
    server.on('upgrade', (req, socket, head) => wss.handleUpgrade(req, socket, head, (ws) => ws.on('message', (m) => ws.send(String(m)))));
    const ws = new WebSocket(`ws://127.0.0.1:${port}/`);
    await new Promise((r, j) => { ws.once('open', r); ws.once('error', j); });
    await new Promise((r) => setTimeout(r, short.requestTimeout * 3));
    expect(ws.readyState).toBe(WebSocket.OPEN);
    const echoed = new Promise<string>((r) => ws.once('message', (m) => r(String(m))));
    ws.send('still here');
    expect(await echoed).toBe('still here');
    ws.close();
    wss.close();
  }, 10_000);
});
