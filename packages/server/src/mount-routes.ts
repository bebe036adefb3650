import type { Hono, MiddlewareHandler } from 'hono';
import type { AppEnv } from './http/env.js';
import { toHonoPath, type RouteDef, type RouteInput, type RouteSpec } from './http/route.js';
import { validate } from './http/validate.js';

/** The app's authentication, which routes get according to their declaration. */
export interface Guards {
  requireViewer: MiddlewareHandler<AppEnv>;
  requireAdmin: MiddlewareHandler<AppEnv>;
}

/** The middleware a declaration implies, in order: credential, role, then the declared input. */
function middlewareOf(spec: RouteSpec, guards: Guards): MiddlewareHandler<AppEnv>[] {
  const chain: MiddlewareHandler<AppEnv>[] = [];
  if (spec.auth === 'bearer') chain.push(guards.requireViewer);
  if (spec.role === 'admin') chain.push(guards.requireAdmin);
  if (!spec.manualValidation) {
    if (spec.query) chain.push(validate('query', spec.query) as unknown as MiddlewareHandler<AppEnv>);
    if (spec.body) chain.push(validate('json', spec.body.schema) as unknown as MiddlewareHandler<AppEnv>);
  }
  return chain;
}

/**
 * Mounts declared routes on `app`, in the order given: Hono tries handlers in the order they were
 * added, so a static path (`/mentors/me`) must come before a parameter in the same place.
 */
export function mountRoutes(app: Hono<AppEnv>, routes: readonly RouteDef[], guards: Guards): void {
  // Hono's overloads type each position of a handler chain; this one is built at run time.
  const router = app as unknown as { on(method: string, path: string, ...handlers: MiddlewareHandler<AppEnv>[]): unknown };
  for (const { spec, handler } of routes) {
    const validated = !spec.manualValidation;
    router.on(spec.method.toUpperCase(), toHonoPath(spec.path), ...middlewareOf(spec, guards), async (c) => {
      // The validators above stored the parsed input; the declaration says which parts exist.
      const valid = (target: 'query' | 'json') => (c.req.valid as (t: typeof target) => unknown).call(c.req, target);
      const input = {
        params: c.req.param(),
        query: spec.query && validated ? valid('query') : undefined,
        body: spec.body && validated ? valid('json') : undefined,
      } as RouteInput<RouteSpec>;
      return handler(c, input);
    });
  }
}
