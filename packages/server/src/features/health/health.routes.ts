import { healthStatus, readiness, type HealthStatus, type Readiness } from '@mentorkit/contract';
import { defineRoute, ok } from '../../http/route.js';
import { databaseAnswers } from './health.repository.js';

/** The probes; the app answers them under the API base and, for load balancers, at the root. */
export const healthRoutes = [
  defineRoute({
    method: 'get', path: '/healthz', operationId: 'health', summary: 'Liveness probe', tag: 'ops', auth: 'none', role: 'anyone',
    description: 'Also answered at `/healthz` outside the API base, for load balancers.',
    responses: [ok(healthStatus, 'The process is up')],
  }, (c) => c.json({ status: 'ok' } satisfies HealthStatus, 200)),
  defineRoute({
    method: 'get', path: '/readyz', operationId: 'readiness', summary: 'Readiness probe (database reachable)', tag: 'ops', auth: 'none', role: 'anyone',
    description: 'Also answered at `/readyz` outside the API base. 503 with the same shape when the database does not answer.',
    responses: [ok(readiness, 'The database answers')],
  }, async (c) => (await databaseAnswers(c.get('deps').db)
    ? c.json({ status: 'ready', database: 'ok' } satisfies Readiness, 200)
    : c.json({ status: 'unavailable', database: 'unreachable' } satisfies Readiness, 503))),
];
