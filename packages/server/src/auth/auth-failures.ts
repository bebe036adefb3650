import type { IncomingMessage } from 'node:http';
import { getConnInfo } from '@hono/node-server/conninfo';
import type { Context } from 'hono';
import type { AppEnv } from '../http/env.js';

/** Failed token checks one client address may make per window before it is turned away. */
export const AUTH_FAILURES_PER_WINDOW = 20;
export const AUTH_FAILURE_WINDOW_MS = 60_000;
/** Addresses remembered at most; beyond, expired windows go first, then the oldest. */
const MAX_TRACKED = 10_000;

interface Window {
  failures: number;
  endsAt: number;
}

/**
 * Counts failed bearer tokens per client address in fixed windows. Once an address reaches the
 * limit, its bearer requests are answered 429 before any signature is checked, until the window
 * ends: this bounds the CPU a client can burn on verification (RS256/ES256, JWKS refetches) and
 * slows token guessing. Kept in memory, per server instance: with N instances a client gets at
 * most N times the budget, which still bounds the work of each instance; a limit shared through
 * the database would cost a write per failed request, the very load it is meant to shed. Valid
 * tokens never count, and an address's window is short, so people behind a shared address (a
 * campus NAT) are locked out for at most a minute by someone else's failures.
 */
export class AuthFailureLimiter {
  readonly #windows = new Map<string, Window>();

  /** Seconds until `address` may try again; 0 when it may now. */
  retryAfter(address: string, now: number): number {
    const w = this.#windows.get(address);
    if (!w || w.endsAt <= now || w.failures < AUTH_FAILURES_PER_WINDOW) return 0;
    return Math.max(1, Math.ceil((w.endsAt - now) / 1000));
  }

  fail(address: string, now: number): void {
    const w = this.#windows.get(address);
    if (w && w.endsAt > now) {
      w.failures++;
      return;
    }
    this.#windows.delete(address);
    if (this.#windows.size >= MAX_TRACKED) this.#evict(now);
    this.#windows.set(address, { failures: 1, endsAt: now + AUTH_FAILURE_WINDOW_MS });
  }

  #evict(now: number): void {
    for (const [key, w] of this.#windows) if (w.endsAt <= now) this.#windows.delete(key);
    // Still full: forget the oldest windows (Map order is insertion order).
    for (const key of this.#windows.keys()) {
      if (this.#windows.size < MAX_TRACKED) break;
      this.#windows.delete(key);
    }
  }
}

/**
 * The client's address: the socket's, or behind a trusted proxy the last `X-Forwarded-For` entry.
 * Undefined without a socket (the app called in-process): then there is no one to count against,
 * and lumping such callers together would let one lock out all the others.
 */
export function clientAddress(c: Context<AppEnv>): string | undefined {
  const forwarded = forwardedAddress(c.get('deps').config.MENTORSHIP_TRUST_PROXY, c.req.header('x-forwarded-for'));
  if (forwarded) return forwarded;
  try {
    return getConnInfo(c).remote.address;
  } catch {
    return undefined;
  }
}

/** The same for a WebSocket upgrade, which reaches the realtime server as a bare Node request. */
export function upgradeAddress(trustProxy: boolean, req: IncomingMessage): string | undefined {
  const header = req.headers['x-forwarded-for'];
  return forwardedAddress(trustProxy, Array.isArray(header) ? header.join(',') : header) ?? req.socket.remoteAddress;
}

/** Behind a trusted proxy, the last `X-Forwarded-For` entry: the one the proxy itself appended. */
function forwardedAddress(trustProxy: boolean, header: string | undefined): string | undefined {
  if (!trustProxy) return undefined;
  return header?.split(',').map((s) => s.trim()).filter(Boolean).at(-1) || undefined;
}
