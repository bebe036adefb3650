import { Hono } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import { requestId } from 'hono/request-id';
import { devRoutes } from './features/dev/dev.routes.js';
import { healthRoutes } from './features/health/health.routes.js';
import { meRoutes } from './features/me/me.routes.js';
import { conversationRoutes } from './features/messages/messages.routes.js';
import { adminRoutes } from './features/admin/admin.routes.js';
import { applicationRoutes } from './features/applications/applications.routes.js';
import { mentorRoutes } from './features/mentors/mentors.routes.js';
import { createMentorSearch } from './features/mentors/mentor-search.js';
import { mentorshipRoutes } from './features/mentorships/mentorships.routes.js';
import { notificationRoutes } from './features/notifications/notifications.routes.js';
import { requestRoutes } from './features/requests/requests.routes.js';
import { calendarFeedRoutes, calendarSettingsRoutes } from './features/calendar/calendar.routes.js';
import { lifecycleRoutes } from './features/lifecycle/lifecycle.routes.js';
import { meetingRoutes, mentorshipMeetingRoutes } from './features/meetings/meetings.routes.js';
import { milestoneRoutes, mentorshipMilestoneRoutes } from './features/milestones/milestones.routes.js';
import { progressRoutes } from './features/progress/progress.routes.js';
import { devMailRoutes } from './features/email/dev-mail.routes.js';
import { preferenceRoutes, unsubscribeRoutes } from './features/email/email.routes.js';
import { privacyRoutes } from './features/privacy/privacy.routes.js';
import { ApiError, errorResponse, toApiError } from './http/errors.js';
import { cors } from './http/cors.js';
import type { AppDeps, AppEnv } from './http/env.js';
import { redactPath } from './http/logger.js';
import { securityHeaders } from './http/security-headers.js';
import { openApiRoutes } from './openapi/openapi.routes.js';

export const API_BASE = '/api/v1';
/** The largest request body the API reads (issue 16: 1 MB let one body freeze the server). */
export const MAX_BODY_BYTES = 64 * 1024;

/** Builds the HTTP app from its dependencies; serving it is `main.ts`'s job. */
export function createApp(deps: AppDeps) {
  const { config, logger } = deps;
  const mentorSearch = deps.mentorSearch ?? createMentorSearch({ db: deps.db, cacheSize: config.MENTORSHIP_SEARCH_CACHE_SIZE });
  const app = new Hono<AppEnv>();

  app.use('*', requestId({ headerName: 'X-Request-Id', limitLength: 64 }));
  app.use('*', securityHeaders(API_BASE));
  app.use('*', async (c, next) => {
    c.set('deps', deps);
    c.set('mentorSearch', mentorSearch);
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
  const api = new Hono<AppEnv>()
    .route('/', healthRoutes)
    .route('/', openApiRoutes({ demo }))
    .route('/me', meRoutes)
    .route('/mentors', mentorRoutes)
    .route('/mentor-applications', applicationRoutes)
    .route('/mentorship-requests', requestRoutes)
    .route('/mentorships', mentorshipRoutes)
    .route('/mentorships', lifecycleRoutes)
    .route('/mentorships', mentorshipMeetingRoutes)
    .route('/mentorships', mentorshipMilestoneRoutes)
    .route('/mentorships', progressRoutes)
    .route('/meetings', meetingRoutes)
    .route('/milestones', milestoneRoutes)
    .route('/calendar', calendarFeedRoutes)
    .route('/me', calendarSettingsRoutes)
    .route('/me', privacyRoutes)
    .route('/me', preferenceRoutes)
    .route('/unsubscribe', unsubscribeRoutes)
    .route('/notifications', notificationRoutes)
    .route('/conversations', conversationRoutes)
    .route('/admin', adminRoutes);
  if (demo) api.route('/dev', devRoutes);

  app.route('/', healthRoutes);
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
