import { adminRoutes } from './features/admin/admin.routes.js';
import { applicationRoutes } from './features/applications/applications.routes.js';
import { calendarRoutes } from './features/calendar/calendar.routes.js';
import { devRoutes } from './features/dev/dev.routes.js';
import { emailRoutes } from './features/email/email.routes.js';
import { healthRoutes } from './features/health/health.routes.js';
import { lifecycleRoutes } from './features/lifecycle/lifecycle.routes.js';
import { meRoutes } from './features/me/me.routes.js';
import { meetingRoutes } from './features/meetings/meetings.routes.js';
import { messageRoutes } from './features/messages/messages.routes.js';
import { mentorRoutes } from './features/mentors/mentors.routes.js';
import { mentorshipRoutes } from './features/mentorships/mentorships.routes.js';
import { milestoneRoutes } from './features/milestones/milestones.routes.js';
import { notificationRoutes } from './features/notifications/notifications.routes.js';
import { privacyRoutes } from './features/privacy/privacy.routes.js';
import { programmeRoutes } from './features/programmes/programmes.routes.js';
import { progressRoutes } from './features/progress/progress.routes.js';
import { requestRoutes } from './features/requests/requests.routes.js';
import type { RouteDef, RouteSpec } from './http/route.js';
import { buildOpenApiDocument, type DocumentOptions } from './openapi/document.js';
import { openApiRoutes } from './openapi/openapi.routes.js';

/**
 * The API's route table, in mount order: every operation, declared once beside its handler.
 * `createApp` mounts it and the OpenAPI document is generated from it.
 */
export function routeTable(options: DocumentOptions): RouteDef[] {
  const features: RouteDef[] = [
    ...meRoutes,
    ...mentorRoutes,
    ...applicationRoutes,
    ...requestRoutes,
    ...mentorshipRoutes,
    ...lifecycleRoutes,
    ...meetingRoutes,
    ...milestoneRoutes,
    ...progressRoutes,
    ...calendarRoutes,
    ...privacyRoutes,
    ...emailRoutes,
    ...notificationRoutes,
    ...messageRoutes,
    ...adminRoutes,
    ...programmeRoutes,
    ...(options.demo ? devRoutes : []),
  ];
  const docs = openApiRoutes(() => openApiDocument(options));
  return [...healthRoutes, ...docs, ...features];
}

/** The declarations of every route the app mounts with these options. */
export function routeSpecs(options: DocumentOptions): RouteSpec[] {
  return routeTable(options).map((r) => r.spec);
}

/** The OpenAPI document of the app with these options. */
export const openApiDocument = (options: DocumentOptions) => buildOpenApiDocument(routeSpecs(options), options);
