import type { RouteDef } from '../../http/route.js';

/**
 * Every programme route, in mount order. Each part of the feature declares its routes in its own
 * file (administration and enrolment, match suggestions and confirmations, the report) and is
 * listed here once.
 */
export const programmeRoutes: RouteDef[] = [];
