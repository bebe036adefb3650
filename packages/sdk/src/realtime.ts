import type {
  RealtimeHandler,
  RealtimeStatus,
  RealtimeStatusInfo,
  RealtimeSubscribeOptions,
} from '@mentorkit/contract';
import { readRealtimeEvent, realtimeCloseCodes } from '@mentorkit/contract/values';

/**
 * The realtime stream (`GET /api/v1/realtime`, see the protocol in the contract's `realtime.ts`):
 * first-message auth, resume by the last seen event id, reconnect with exponential backoff and
 * jitter. From the contract, only its zod-free values module is imported, which keeps zod out of
 * browser bundles: events are read with its light check (`readRealtimeEvent`), not the zod schema.
 *
 * On `realtimeCloseCodes.tooManySockets` the user opened more sockets than the server allows and
 * this, the oldest, was closed. Reconnecting would close the next oldest, and so on round the
 * tabs: this subscription stops instead (status `closed` with the code).
 */

/**
 * A WHATWG-style `WebSocket` class: the browser's, Node ≥ 22's global one, or `WebSocket` from
 * the `ws` package. (Typed loosely so each of them fits; the stream uses `onopen`, `onmessage`,
 * `onclose`, `onerror`, `send` and `close`.)
 */
export type WebSocketConstructor = new (url: string) => { send(data: string): void; close(code?: number, reason?: string): void };

/** What the stream uses of a socket. */
interface WebSocketLike {
  send(data: string): void;
  close(code?: number, reason?: string): void;
  onopen: ((event: unknown) => void) | null;
  onmessage: ((event: { data: unknown }) => void) | null;
  onclose: ((event: { code: number; reason: string }) => void) | null;
  onerror: ((event: unknown) => void) | null;
}

export interface RealtimeTuning {
  /** First reconnect delay (default 500 ms); doubles per failed attempt up to `maxDelayMs`. */
  initialDelayMs?: number;
  /** Longest reconnect delay (default 30 s). */
  maxDelayMs?: number;
  /** How often the client pings; a socket silent for two intervals is replaced (default 25 s). */
  heartbeatMs?: number;
  /** Random source for jitter (tests pass a fixed one). */
  random?: () => number;
}

/**
 * The subscription's types live in the contract (so `@mentorkit/sdk` re-exports them with the
 * rest of it, and declaration files of packages that use the client can name them).
 */
export type { RealtimeHandler, RealtimeStatus, RealtimeStatusInfo, RealtimeSubscribeOptions as SubscribeOptions };

interface RealtimeContext {
  /** `ws(s)://…/api/v1/realtime` */
  url: string;
  token: (forceRefresh: boolean) => Promise<string | null | undefined>;
  WebSocket?: WebSocketConstructor | undefined;
  tuning?: RealtimeTuning | undefined;
}

const report = (err: unknown) => {
  const g = globalThis as { reportError?: (e: unknown) => void };
  if (g.reportError) g.reportError(err);
  else console.error(err);
};

/** Exponential backoff with "equal jitter": a random delay between half and all of min(max, initial·2^attempt). */
export function backoffDelay(attempt: number, tuning: RealtimeTuning = {}): number {
  const initial = tuning.initialDelayMs ?? 500;
  const max = tuning.maxDelayMs ?? 30_000;
  const ceiling = Math.min(max, initial * 2 ** Math.min(attempt, 30));
  return Math.round(ceiling / 2 + (tuning.random ?? Math.random)() * (ceiling / 2));
}

export function createRealtime(context: RealtimeContext) {
  /**
   * Delivers the caller's events to `handler` until the returned function is called: each event
   * once, in order, across reconnects (the socket resumes after the last id seen).
   */
  function subscribe(handler: RealtimeHandler, options: RealtimeSubscribeOptions = {}): () => void {
    const Ctor = context.WebSocket ?? (globalThis as { WebSocket?: WebSocketConstructor }).WebSocket;
    if (!Ctor) throw new Error('No WebSocket implementation: on Node < 22 pass one, e.g. createClient({ WebSocket: (await import("ws")).WebSocket })');
    const tuning = context.tuning ?? {};
    const heartbeatMs = tuning.heartbeatMs ?? 25_000;
    const only = options.types ? new Set<string>(options.types) : undefined;
    let lastSeen = options.after;
    let attempt = 0;
    let stopped = false;
    let forceRefresh = false;
    let socket: WebSocketLike | undefined;
    let retryTimer: ReturnType<typeof setTimeout> | undefined;
    let heartbeat: ReturnType<typeof setInterval> | undefined;
    let status: RealtimeStatus | undefined;

    const setStatus = (next: RealtimeStatus, info: RealtimeStatusInfo) => {
      status = next;
      try {
        options.onStatus?.(next, info);
      } catch (err) {
        report(err);
      }
    };

    const scheduleReconnect = (code?: number) => {
      if (stopped || retryTimer) return;
      const delayMs = backoffDelay(attempt, tuning);
      attempt++;
      setStatus('reconnecting', { attempt, delayMs, ...(code !== undefined ? { code } : {}) });
      retryTimer = setTimeout(() => {
        retryTimer = undefined;
        void connect();
      }, delayMs);
    };

    const onMessage = (raw: unknown) => {
      let frame: { type?: unknown; id?: unknown; cursor?: unknown };
      try {
        frame = JSON.parse(typeof raw === 'string' ? raw : String(raw)) as typeof frame;
      } catch {
        return;
      }
      if (frame?.type === 'ready') {
        attempt = 0;
        // Without a cursor of our own, the stream starts at the server's "now"; later reconnects resume from there.
        if (lastSeen === undefined && typeof frame.cursor === 'number') lastSeen = frame.cursor;
        setStatus('open', { attempt: 0 });
        return;
      }
      if (typeof frame?.id !== 'number') return; // pong and anything unknown
      // Ids rise strictly within one user's stream: anything at or below the last one is a repeat.
      if (lastSeen !== undefined && frame.id <= lastSeen) return;
      lastSeen = frame.id;
      const event = readRealtimeEvent(frame);
      // An event type this version does not know (a newer server), or a malformed event, never reaches the handler.
      if (!event) return void options.onInvalid?.(frame);
      if (only && !only.has(event.type)) return;
      try {
        handler(event);
      } catch (err) {
        report(err);
      }
    };

    async function connect(): Promise<void> {
      if (stopped) return;
      if (status === undefined) setStatus('connecting', { attempt });
      let token: string | null | undefined;
      try {
        token = await context.token(forceRefresh);
      } catch {
        token = undefined;
      }
      if (stopped) return;
      if (!token) {
        scheduleReconnect(realtimeCloseCodes.unauthenticated);
        return;
      }
      let ws: WebSocketLike;
      try {
        ws = new Ctor!(context.url) as unknown as WebSocketLike;
      } catch {
        scheduleReconnect();
        return;
      }
      socket = ws;
      let heard = true;
      ws.onopen = () => {
        ws.send(JSON.stringify({ type: 'auth', token }));
        // Sent together with auth, so the server starts the stream at our cursor, not at "now".
        if (lastSeen !== undefined) ws.send(JSON.stringify({ type: 'resume', after: lastSeen }));
        heartbeat = setInterval(() => {
          if (!heard) {
            ws.close(4000, 'No answer to ping');
            ws.onclose?.({ code: 1006, reason: 'No answer to ping' });
            return;
          }
          heard = false;
          try {
            ws.send('{"type":"ping"}');
          } catch {
            // the close handler reconnects
          }
        }, heartbeatMs);
      };
      ws.onmessage = (event) => {
        heard = true;
        onMessage(event.data);
      };
      ws.onerror = () => { /* a close event follows */ };
      ws.onclose = (event) => {
        if (socket !== ws) return;
        socket = undefined;
        clearInterval(heartbeat);
        ws.onopen = ws.onmessage = ws.onclose = ws.onerror = null;
        if (stopped) return;
        if (event.code === realtimeCloseCodes.tooManySockets) {
          stop({ attempt, code: event.code });
          return;
        }
        forceRefresh = event.code === realtimeCloseCodes.unauthenticated;
        scheduleReconnect(event.code);
      };
    }

    const online = () => {
      // Back online: try now rather than at the end of a long backoff.
      if (retryTimer && !stopped) {
        clearTimeout(retryTimer);
        retryTimer = undefined;
        void connect();
      }
    };
    const g = globalThis as { addEventListener?: (t: string, l: () => void) => void; removeEventListener?: (t: string, l: () => void) => void };
    g.addEventListener?.('online', online);

    const stop = (info: RealtimeStatusInfo) => {
      if (stopped) return;
      stopped = true;
      clearTimeout(retryTimer);
      clearInterval(heartbeat);
      g.removeEventListener?.('online', online);
      const ws = socket;
      socket = undefined;
      if (ws) {
        ws.onopen = ws.onmessage = ws.onclose = null;
        // Closing a socket that is still connecting makes it fire `error` afterwards; with no
        // handler, Node's `ws` would raise that as an uncaught exception.
        ws.onerror = () => {};
        try {
          ws.close(1000, 'Unsubscribed');
        } catch {
          // already closing
        }
      }
      setStatus('closed', info);
    };
    const unsubscribe = () => stop({ attempt });
    options.signal?.addEventListener('abort', unsubscribe, { once: true });
    if (options.signal?.aborted) unsubscribe();
    else void connect();
    return unsubscribe;
  }

  return { subscribe, url: context.url };
}
