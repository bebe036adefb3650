import type { ServerOptions } from 'node:http';

/**
 * Time limits of the HTTP server against slow clients (slowloris: a connection that sends its
 * headers or body a byte at a time holds a socket for as long as it likes).
 * - `headersTimeout`: the whole header block must arrive within 10 s, else 408 and close.
 * - `requestTimeout`: the whole request, body included, within 60 s (a 1 MB body at 256 kbit/s
 *   takes about 32 s).
 * - `keepAliveTimeout`: an idle keep-alive connection is closed after 5 s. Behind a load balancer
 *   that reuses connections, this must be longer than the balancer's own idle timeout.
 * - `connectionsCheckingInterval`: how often Node checks the first two (default 30 s, which would
 *   let a slow client stay up to 30 s past its limit).
 * Upgraded connections (the realtime WebSocket) leave the HTTP parser and none of these apply.
 */
export const SERVER_TIMEOUTS = {
  headersTimeout: 10_000,
  requestTimeout: 60_000,
  keepAliveTimeout: 5_000,
  connectionsCheckingInterval: 1_000,
} as const satisfies ServerOptions;
