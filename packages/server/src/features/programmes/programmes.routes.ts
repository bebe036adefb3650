import type { RouteDef } from '../../http/route.js';
import { matchRoutes } from './matches.routes.js';
import { programmeAdministrationRoutes } from './programmes-admin.routes.js';
import { reportRoutes } from './report.routes.js';
import { suggestionRoutes } from './suggestions.routes.js';

/**
 * Every programme route, in mount order. Each part of the feature declares its routes in its own
 * file (administration and enrolment, match suggestions and confirmations, the report) and is
 * listed here once.
 */
export const programmeRoutes: RouteDef[] = [
  ...programmeAdministrationRoutes,
  ...suggestionRoutes,
  ...matchRoutes,
  ...reportRoutes,
];
