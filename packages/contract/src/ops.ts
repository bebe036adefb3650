import { z } from 'zod';

/** `GET /healthz`: the process is up (a liveness probe; it touches nothing else). */
export const healthStatus = z.object({ status: z.literal('ok') });
export type HealthStatus = z.infer<typeof healthStatus>;

/** `GET /readyz`: 200 when the database answers, 503 otherwise (a readiness probe). */
export const readiness = z.object({
  status: z.enum(['ready', 'unavailable']),
  database: z.enum(['ok', 'unreachable']),
});
export type Readiness = z.infer<typeof readiness>;
