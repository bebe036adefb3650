import type { Context, MiddlewareHandler } from 'hono';
import { secureHeaders } from 'hono/secure-headers';
import type { AppEnv } from './env.js';

/** A Host header that is a plain host name, IPv4 or bracketed IPv6, with an optional port. */
const PLAIN_HOST = /^(?:[A-Za-z0-9.-]+|\[[0-9A-Fa-f:.]+\])(?::\d{1,5})?$/;

/**
 * The realtime socket's origin (`ws://` and `wss://` on this host). CSP 3 lets `'self'` cover it,
 * but older engines (Safari before 15.4) do not; naming it keeps the live updates working there.
 * The Host header is the caller's, so anything that is not a plain host is left out rather than
 * copied into the policy.
 */
function socketOrigins(c: Context): string {
  const host = new URL(c.req.url).host;
  return PLAIN_HOST.test(host) ? `ws://${host} wss://${host}` : "'self'";
}

/** Shared by both policies: nosniff, no referrer, HSTS without claiming the university's subdomains. */
const common = {
  xContentTypeOptions: 'nosniff',
  referrerPolicy: 'no-referrer',
  strictTransportSecurity: 'max-age=15552000',
  // Handlers that answer their own small pages (unsubscribe, the demo mail viewer) set a policy
  // that fits them; keep it instead of replacing it.
  overwrite: false,
} as const;

/**
 * Pages this server renders: the demo portal, the API reference (`/api/v1/docs`) and the demo
 * pages. The elements need no inline script, no eval and no inline style (Lit adopts
 * constructable stylesheets, and `styleMap` writes through the CSSOM); avatars come from the
 * identity provider's `picture` claim, so images may be any HTTPS host.
 */
const pageHeaders = secureHeaders({
  ...common,
  contentSecurityPolicy: {
    defaultSrc: ["'self'"],
    scriptSrc: ["'self'"],
    styleSrc: ["'self'"],
    imgSrc: ["'self'", 'data:', 'https:'],
    fontSrc: ["'self'"],
    connectSrc: ["'self'", socketOrigins],
    objectSrc: ["'none'"],
    baseUri: ["'self'"],
    formAction: ["'self'"],
    frameAncestors: ["'self'"],
  },
  permissionsPolicy: { camera: [], microphone: [], geolocation: [], payment: [], usb: [] },
});

/** JSON (and .ics) answers: nothing in them may load, run or be framed. */
const apiHeaders = secureHeaders({
  ...common,
  xFrameOptions: 'DENY',
  contentSecurityPolicy: { defaultSrc: ["'none'"], frameAncestors: ["'none'"], baseUri: ["'none'"], formAction: ["'none'"] },
});

/** Security headers on every response: the API policy under `apiBase`, the page policy elsewhere. */
export function securityHeaders(apiBase: string): MiddlewareHandler<AppEnv> {
  const docs = `${apiBase}/docs`;
  return (c, next) => {
    const path = c.req.path;
    const isApi = path.startsWith(`${apiBase}/`) && path !== docs && !path.startsWith(`${docs}/`);
    return isApi ? apiHeaders(c, next) : pageHeaders(c, next);
  };
}
