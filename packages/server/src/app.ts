import { Hono } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import { requestId } from 'hono/request-id';
import { devMailRoutes } from './features/email/dev-mail.routes.js';
import { ApiError, errorResponse, toApiError } from './http/errors.js';
import { cors } from './http/cors.js';
import type { AppDeps, AppEnv } from './http/env.js';
import { redactPath } from './http/logger.js';
import { securityHeaders } from './http/security-headers.js';
import { createAuthState, requireAdmin, requireViewer, type AuthState } from './auth/auth.middleware.js';
import { createMentorSearch } from './features/mentors/mentor-search.js';
import { mountRoutes } from './mount-routes.js';
import { routeTable } from './routes.js';
import { healthRoutes } from './features/health/health.routes.js';

export const API_BASE = '/api/v1';
/** The largest request body the API reads (1 MB let one body freeze the server). */
export const MAX_BODY_BYTES = 64 * 1024;

/** State an app keeps between requests; `createApp` makes what is not given. */
export interface AppState {
  /** Shared with the realtime socket of the same process (`main.ts`). */
  auth?: AuthState;
}

/** Builds the HTTP app from its dependencies; serving it is `main.ts`'s job. */
export function createApp(given: AppDeps, state: AppState = {}) {
  const { config, logger } = given;
  // Per-app state: made here unless the caller shares its own (main.ts shares `auth` with realtime).
  const deps: AppDeps = { ...given, mentorSearch: given.mentorSearch ?? createMentorSearch({ db: given.db, cacheSize: config.MENTORSHIP_SEARCH_CACHE_SIZE }) };
  const auth = state.auth ?? createAuthState(deps.db);
  const authenticated = { requireViewer: requireViewer(auth), requireAdmin };
  const app = new Hono<AppEnv>();

  app.use('*', requestId({ headerName: 'X-Request-Id', limitLength: 64 }));
  app.use('*', securityHeaders(API_BASE));
  app.use('*', async (c, next) => {
    c.set('deps', deps);
    const started = performance.now();
    await next();
    logger.info('request', {
      requestId: c.get('requestId'),
      method: c.req.method,
      path: redactPath(c.req.path),
      status: c.res.status,
      durationMs: Math.round((performance.now() - started) * 10) / 10,
      userId: c.get('viewer')?.id,
    });
  });
  app.use(
    `${API_BASE}/*`,
    cors({
      origins: config.MENTORSHIP_CORS_ORIGINS,
      methods: ['GET', 'POST', 'PUT', 'PATCH', 'DELETE', 'OPTIONS'],
      headers: ['Authorization', 'Content-Type', 'Idempotency-Key'],
      exposeHeaders: ['X-Request-Id', 'Retry-After'],
      maxAgeSeconds: 600,
    }),
  );
  // Reading a request's body stream makes @hono/node-server build a full Request; answers to
  // GET and HEAD carry none, so they skip the check. The limit is what the largest real input
  // needs (a full profile is about 20 KB) with room to spare: every byte accepted is a byte
  // parsed on the one thread that answers everyone. A route that needs more gets its own limit.
  const limitBody = bodyLimit({ maxSize: MAX_BODY_BYTES, onError: () => { throw new ApiError('payload_too_large', `Request body exceeds ${MAX_BODY_BYTES / 1024} KB`); } });
  app.use(`${API_BASE}/*`, (c, next) => (c.req.method === 'GET' || c.req.method === 'HEAD' ? next() : limitBody(c, next)));

  // The demo sign-in exists only in demo mode with an HS256 secret; the API reference lists it then too.
  const demo = Boolean(config.MENTORSHIP_DEMO && config.MENTORSHIP_JWT_SECRET);
  const api = new Hono<AppEnv>();
  mountRoutes(api, routeTable({ demo }), authenticated);

  mountRoutes(app, healthRoutes, authenticated);
  app.route(API_BASE, api);
  // The demo's outbox viewer: a page for people, so outside the JSON API.
  if (config.MENTORSHIP_DEMO) app.route('/dev/mail', devMailRoutes);

  app.notFound((c) => errorResponse(c, new ApiError('not_found', `No route for ${c.req.method} ${redactPath(c.req.path)}`)));
  app.onError((err, c) => {
    const apiError = toApiError(err);
    if (apiError.code === 'internal' || apiError.code === 'unavailable') {
      logger.error('unhandled error', {
        requestId: c.get('requestId'),
        path: redactPath(c.req.path),
        error: err instanceof Error ? `${err.name}: ${err.message}` : String(err),
        stack: err instanceof Error ? err.stack : undefined,
      });
    }
    return errorResponse(c, apiError);
  });
  return app;
}

export type App = ReturnType<typeof createApp>;
