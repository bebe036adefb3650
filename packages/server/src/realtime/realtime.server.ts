import type { EventEmitter } from 'node:events';
import type { IncomingMessage } from 'node:http';
import type { Duplex } from 'node:stream';
import { REALTIME_MAX_CLIENT_MESSAGE_BYTES, realtimeClientMessage, realtimeCloseCodes, type RealtimeReadyMessage } from '@mentorkit/contract';
import type { Kysely } from 'kysely';
import { WebSocket, WebSocketServer, type RawData } from 'ws';
import { upgradeAddress } from '../auth/auth-failures.js';
import { createAuthState, type AuthState } from '../auth/auth.middleware.js';
import { accountDeleted, upsertUserFromClaims } from '../auth/users.repository.js';
import { createVerifier, InvalidTokenError, type TokenVerifier } from '../auth/verify.js';
import type { Config } from '../config.js';
import type { DatabaseHandle } from '../db/connect.js';
import type { Database } from '../db/schema.js';
import { EVENTS_CHANNEL } from '../features/shared/activity.js';
import type { Logger } from '../http/logger.js';
import { ApiError } from '../http/errors.js';
import { latestPosition } from './events.repository.js';
import { StreamDelivery, type Subscriber } from './stream-delivery.js';
import { startEventRetention } from './retention.job.js';

export const REALTIME_PATH = '/api/v1/realtime';

export interface RealtimeOptions {
  path: string;
  /** Time a new socket has to send `{type:"auth"}` before it is closed with 4401. */
  authTimeoutMs: number;
  /** Protocol ping interval; a socket that has not answered the previous ping is dropped. */
  heartbeatMs: number;
  /** Largest client message in bytes (ws closes with 1009 beyond). */
  maxPayload: number;
  maxSocketsPerUser: number;
  /**
   * Sockets not yet authenticated, per client address and in all: each costs memory and a timer
   * for up to `authTimeoutMs` without anyone known behind it. Beyond, a new socket closes with 4429.
   */
  maxUnauthenticatedPerAddress: number;
  maxUnauthenticated: number;
  /** A socket whose send buffer exceeds this is closed (4408) rather than buffering without bound. */
  maxBufferedBytes: number;
  batchSize: number;
  /** How often connected users are checked for events a lost notification would have announced. */
  sweepMs: number;
  /** Events older than this are deleted by the retention job. */
  retentionDays: number;
  /** Retention job interval; `false` to not run it here. */
  retentionIntervalMs: number | false;
}

export const defaultRealtimeOptions: RealtimeOptions = {
  path: REALTIME_PATH,
  authTimeoutMs: 5_000,
  heartbeatMs: 30_000,
  maxPayload: REALTIME_MAX_CLIENT_MESSAGE_BYTES,
  maxSocketsPerUser: 5,
  maxUnauthenticatedPerAddress: 20,
  maxUnauthenticated: 1_000,
  maxBufferedBytes: 4 * 1024 * 1024,
  batchSize: 500,
  sweepMs: 15_000,
  retentionDays: 7,
  retentionIntervalMs: 60 * 60_000,
};

export interface RealtimeDeps {
  config: Pick<Config, 'MENTORSHIP_ADMIN_ROLE' | 'MENTORSHIP_CORS_ORIGINS' | 'MENTORSHIP_JWT_SECRET' | 'MENTORSHIP_JWKS_URL' | 'MENTORSHIP_JWT_ISSUER' | 'MENTORSHIP_JWT_AUDIENCE' | 'MENTORSHIP_JWT_MAX_AGE' | 'MENTORSHIP_TRUST_PROXY'>;
  db: Kysely<Database>;
  listen: DatabaseHandle['listen'];
  logger: Logger;
  now: () => Date;
  /** Defaults to one built from `config`. */
  verifier?: TokenVerifier;
  /** The HTTP app's authentication state: sockets and requests share one budget of invalid tokens and one user lookup. */
  auth?: AuthState;
}

export interface RealtimeServer {
  /** Hands an HTTP upgrade for the realtime path to the socket server. */
  handleUpgrade(req: IncomingMessage, socket: Duplex, head: Buffer): void;
  stats(): { sockets: number; users: number; unauthenticated: number };
  /** Resolves when every stream has caught up with what it was told about (tests). */
  idle(): Promise<void>;
  /** Closes every socket (1001), stops listening and the jobs. Idempotent. */
  close(): Promise<void>;
}

/** `exp` of a token that has already been verified, in ms. */
function tokenExpiry(token: string): number | undefined {
  try {
    const { exp } = JSON.parse(Buffer.from(token.split('.')[1] ?? '', 'base64url').toString('utf8')) as { exp?: unknown };
    return typeof exp === 'number' ? exp * 1000 : undefined;
  } catch {
    return undefined;
  }
}

class Connection implements Subscriber {
  userId = '';
  cursor = 0;
  /** The user's latest position when the socket authenticated; a resume can never start later. */
  baseline = 0;
  live = false;
  seekVersion = 0;
  authenticated = false;
  /** Counted among the unauthenticated sockets (until it authenticates or closes). */
  counted = false;
  alive = true;
  pending = 0;
  chain: Promise<void> = Promise.resolve();
  authTimer: NodeJS.Timeout | undefined;
  expiryTimer: NodeJS.Timeout | undefined;
  readonly openedAt = Date.now();

  constructor(readonly ws: WebSocket, private readonly maxBufferedBytes: number, readonly address: string | undefined) {}

  isOpen(): boolean {
    return this.ws.readyState === WebSocket.OPEN;
  }

  send(frame: string): void {
    if (!this.isOpen()) return;
    if (this.ws.bufferedAmount > this.maxBufferedBytes) {
      this.close(realtimeCloseCodes.slowConsumer, 'Too far behind; reconnect and resume');
      return;
    }
    this.ws.send(frame);
  }

  close(code: number, reason: string): void {
    if (this.ws.readyState === WebSocket.OPEN || this.ws.readyState === WebSocket.CONNECTING) this.ws.close(code, reason);
  }
}

/** The socket server without an HTTP server: `attachRealtime` wires it to one. */
export async function createRealtimeServer(deps: RealtimeDeps, overrides: Partial<RealtimeOptions> = {}): Promise<RealtimeServer> {
  const options = { ...defaultRealtimeOptions, ...overrides };
  const { db, logger, config } = deps;
  const verifier = deps.verifier ?? createVerifier(config);
  const { failures, users } = deps.auth ?? createAuthState(deps.db);
  /** Sockets not yet authenticated, per client address ('' when the address is unknown). */
  const unauthenticated = new Map<string, number>();
  let unauthenticatedTotal = 0;
  /** Takes a socket out of those counts, once: when it authenticates or closes, whichever comes first. */
  const settle = (conn: Connection) => {
    if (!conn.counted) return;
    conn.counted = false;
    unauthenticatedTotal--;
    const key = conn.address ?? '';
    const n = (unauthenticated.get(key) ?? 1) - 1;
    if (n > 0) unauthenticated.set(key, n);
    else unauthenticated.delete(key);
  };
  const delivery = new StreamDelivery(db, logger, { batchSize: options.batchSize, maxSocketsPerUser: options.maxSocketsPerUser, retryMs: 1_000 });
  const connections = new Set<Connection>();
  const wss = new WebSocketServer({ noServer: true, maxPayload: options.maxPayload, perMessageDeflate: false, clientTracking: false });
  let closing: Promise<void> | undefined;

  const unlisten = await deps.listen(EVENTS_CHANNEL, (payload) => {
    try {
      const { users, erased } = JSON.parse(payload) as { users?: unknown; erased?: unknown };
      if (Array.isArray(users)) delivery.notify(users.filter((u): u is string => typeof u === 'string'));
      // An erased account keeps no stream: its sockets close as a new one would be refused.
      if (Array.isArray(erased)) {
        const gone = new Set(erased);
        const reason = accountDeleted().message;
        for (const conn of connections) if (gone.has(conn.userId)) conn.close(realtimeCloseCodes.unauthenticated, reason);
      }
    } catch {
      logger.warn('realtime: ignored a malformed notification');
    }
  });

  const heartbeat = setInterval(() => {
    for (const conn of connections) {
      if (!conn.alive) {
        conn.ws.terminate();
        continue;
      }
      conn.alive = false;
      if (conn.ws.readyState === WebSocket.OPEN) conn.ws.ping();
    }
  }, options.heartbeatMs);
  heartbeat.unref();

  let sweeping = false;
  const sweep = setInterval(() => {
    if (sweeping) return;
    sweeping = true;
    delivery.sweep()
      .catch((err: unknown) => logger.error('realtime sweep failed', { error: err instanceof Error ? err.message : String(err) }))
      .finally(() => { sweeping = false; });
  }, options.sweepMs);
  sweep.unref();

  const retention = options.retentionIntervalMs === false
    ? undefined
    : startEventRetention(db, { now: deps.now, logger, keepDays: options.retentionDays, intervalMs: options.retentionIntervalMs });

  /** `wss` rejects nothing by itself: only clients of the allowed origins (or none, e.g. Node) get in. */
  const originAllowed = (req: IncomingMessage): boolean => {
    const origin = req.headers.origin;
    if (!origin) return true;
    try {
      const url = new URL(origin);
      if (url.host === req.headers.host) return true;
      return config.MENTORSHIP_CORS_ORIGINS.includes(url.origin);
    } catch {
      return false;
    }
  };

  async function authenticate(conn: Connection, token: string): Promise<void> {
    // The same budget of bad tokens per address as HTTP: a socket is no way around it.
    const wait = conn.address === undefined ? 0 : failures.retryAfter(conn.address, deps.now().getTime());
    if (wait > 0) {
      conn.close(realtimeCloseCodes.tooManySockets, `Too many invalid tokens from this address; try again in ${wait} s`);
      return;
    }
    let claims;
    try {
      claims = await verifier.verify(token);
    } catch (err) {
      if (err instanceof InvalidTokenError) {
        if (conn.address !== undefined) failures.fail(conn.address, deps.now().getTime());
        if (err.claim) logger.warn('token refused', { claim: err.claim, reason: err.message });
        conn.close(realtimeCloseCodes.unauthenticated, err.message);
        return;
      }
      throw err;
    }
    let user;
    try {
      user = await upsertUserFromClaims(db, users, claims, claims.roles.includes(config.MENTORSHIP_ADMIN_ROLE));
    } catch (err) {
      if (err instanceof ApiError && err.code === 'account_deleted') {
        conn.close(realtimeCloseCodes.unauthenticated, err.message);
        return;
      }
      throw err;
    }
    if (!conn.isOpen()) return;
    settle(conn);
    conn.userId = user.id;
    conn.authenticated = true;
    clearTimeout(conn.authTimer);
    // The socket lives no longer than its token: at `exp` it closes with 4401, and the client
    // comes back with a fresh one (so a portal session that ended does not keep a stream open).
    const expiresAt = tokenExpiry(token);
    if (expiresAt !== undefined) {
      conn.expiryTimer = setTimeout(() => conn.close(realtimeCloseCodes.unauthenticated, 'Token expired'), Math.min(2 ** 31 - 1, Math.max(0, expiresAt - Date.now())));
      conn.expiryTimer.unref();
    }
    // The starting point for a socket that does not resume: what exists now is history, not news.
    conn.baseline = conn.cursor = await latestPosition(db, user.id);
    if (!conn.isOpen()) return;
    delivery.add(conn);
    const ready: RealtimeReadyMessage = { type: 'ready', cursor: conn.cursor, userId: user.id };
    conn.ws.send(JSON.stringify(ready));
  }

  async function handleMessage(conn: Connection, data: RawData, isBinary: boolean): Promise<void> {
    if (!conn.isOpen()) return;
    const refuse = conn.authenticated ? realtimeCloseCodes.badMessage : realtimeCloseCodes.unauthenticated;
    let parsed;
    try {
      parsed = isBinary ? undefined : realtimeClientMessage.safeParse(JSON.parse(data.toString()));
    } catch {
      parsed = undefined;
    }
    if (!conn.authenticated) {
      if (!parsed?.success || parsed.data.type !== 'auth') {
        conn.close(refuse, 'The first message must be {"type":"auth","token":…}');
        return;
      }
      await authenticate(conn, parsed.data.token);
      return;
    }
    if (!parsed?.success) {
      conn.close(refuse, 'Not a realtime protocol message');
      return;
    }
    const message = parsed.data;
    if (message.type === 'ping') conn.ws.send('{"type":"pong"}');
    // A second auth is ignored: a socket's identity cannot change (a new token means a new socket).
    if (message.type === 'resume') {
      // A cursor beyond anything this socket could know of (another database, a reset demo)
      // would hide real events: clamp it.
      const after = Math.min(message.after, Math.max(conn.baseline, conn.cursor));
      if (conn.live) delivery.seek(conn, after);
      else conn.cursor = after;
    }
  }

  function onConnection(ws: WebSocket, req: IncomingMessage): void {
    const conn = new Connection(ws, options.maxBufferedBytes, upgradeAddress(config.MENTORSHIP_TRUST_PROXY, req));
    connections.add(conn);
    ws.on('error', () => { /* a broken socket closes; nothing to report to anyone */ });
    ws.on('close', () => {
      clearTimeout(conn.authTimer);
      clearTimeout(conn.expiryTimer);
      settle(conn);
      connections.delete(conn);
      if (conn.authenticated) delivery.remove(conn);
    });
    // Anyone can open a socket: until one authenticates, few are allowed per address and in all.
    const key = conn.address ?? '';
    const fromAddress = unauthenticated.get(key) ?? 0;
    if (fromAddress >= options.maxUnauthenticatedPerAddress || unauthenticatedTotal >= options.maxUnauthenticated) {
      conn.close(realtimeCloseCodes.tooManySockets, 'Too many sockets waiting to authenticate; try again shortly');
      return;
    }
    unauthenticated.set(key, fromAddress + 1);
    unauthenticatedTotal++;
    conn.counted = true;
    conn.authTimer = setTimeout(() => {
      if (!conn.authenticated) conn.close(realtimeCloseCodes.unauthenticated, 'No authentication received in time');
    }, options.authTimeoutMs);
    ws.on('message', (data, isBinary) => {
      conn.pending++;
      conn.chain = conn.chain
        .then(() => handleMessage(conn, data, isBinary))
        .catch((err: unknown) => {
          logger.error('realtime message failed', { error: err instanceof Error ? err.message : String(err) });
          conn.close(1011, 'Internal error');
        })
        .finally(() => {
          conn.pending--;
          // Messages sent together with `auth` (a resume) are handled before live delivery starts.
          if (conn.authenticated && !conn.live && conn.pending === 0 && conn.isOpen()) delivery.goLive(conn);
        });
    });
    ws.on('pong', () => { conn.alive = true; });
  }

  return {
    handleUpgrade(req, socket, head) {
      const refuse = (status: string) => {
        socket.end(`HTTP/1.1 ${status}\r\nConnection: close\r\nContent-Length: 0\r\n\r\n`);
      };
      socket.on('error', () => socket.destroy());
      if (closing) return refuse('503 Service Unavailable');
      if (!originAllowed(req)) return refuse('403 Forbidden');
      wss.handleUpgrade(req, socket, head, onConnection);
    },
    stats: () => ({ sockets: connections.size, users: delivery.userCount, unauthenticated: unauthenticatedTotal }),
    idle: () => delivery.idle(),
    close() {
      closing ??= (async () => {
        clearInterval(heartbeat);
        clearInterval(sweep);
        delivery.close();
        for (const conn of connections) conn.close(realtimeCloseCodes.goingAway, 'Server shutting down');
        const deadline = Date.now() + 1_000;
        while (connections.size > 0 && Date.now() < deadline) await new Promise((r) => setTimeout(r, 20));
        for (const conn of connections) conn.ws.terminate();
        await unlisten().catch(() => {});
        await retention?.stop();
        await delivery.idle().catch(() => {});
        await new Promise<void>((r) => wss.close(() => r()));
      })();
      return closing;
    },
  };
}

/**
 * Serves the realtime socket on an HTTP server (the one `serve()` returns): upgrades for
 * `options.path` only; any other upgrade is left to other listeners, or refused with 404 when
 * there are none.
 */
export async function attachRealtime(server: EventEmitter, deps: RealtimeDeps, overrides: Partial<RealtimeOptions> = {}): Promise<RealtimeServer> {
  const realtime = await createRealtimeServer(deps, overrides);
  const path = overrides.path ?? defaultRealtimeOptions.path;
  const onUpgrade = (req: IncomingMessage, socket: Duplex, head: Buffer) => {
    const pathname = new URL(req.url ?? '/', 'http://localhost').pathname;
    if (pathname === path) realtime.handleUpgrade(req, socket, head);
    else if (server.listenerCount('upgrade') === 1) socket.end('HTTP/1.1 404 Not Found\r\nConnection: close\r\nContent-Length: 0\r\n\r\n');
  };
  server.on('upgrade', onUpgrade);
  return {
    ...realtime,
    async close() {
      server.off('upgrade', onUpgrade);
      await realtime.close();
    },
  };
}
