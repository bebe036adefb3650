import { zValidator } from '@hono/zod-validator';
import type { Context, ValidationTargets } from 'hono';
import type { z } from 'zod';
import { ApiError } from './errors.js';
import { MAX_JSON_DEPTH, nestsDeeperThan } from './json-depth.js';

const JSON_TYPE = /^application\/([\w.-]+\+)?json$/;

/**
 * The JSON validator reads a body without a JSON content type as `{}`: a `fetch` that forgot the
 * header would pass as "no fields", and a PUT would wipe what it replaces. So a PUT or PATCH
 * must be JSON, and so must a POST that has a body; a body-less POST (accept, pause…) is fine.
 */
function assertJsonBody(c: Context) {
  const method = c.req.method;
  const type = (c.req.header('content-type') ?? '').split(';')[0]!.trim().toLowerCase();
  const length = c.req.header('content-length');
  const hasBody = (length !== undefined && length !== '0') || c.req.header('transfer-encoding') !== undefined;
  if (!JSON_TYPE.test(type) && (method !== 'POST' || hasBody)) {
    throw new ApiError('validation_failed', 'Invalid json: the body must be JSON (Content-Type: application/json)', [
      { path: [], message: 'Expected a JSON body with Content-Type: application/json' },
    ]);
  }
}

/**
 * `zValidator` whose failure is our `validation_failed` error, naming each field, instead of
 * zod's default body (a JSON string inside `message`).
 */
export function validate<T extends z.ZodType, Target extends keyof ValidationTargets>(target: Target, schema: T) {
  const validator = zValidator(target, schema, (result) => {
    if (!result.success) {
      const issues = result.error.issues.map((i) => ({
        path: i.path.filter((p): p is string | number => typeof p !== 'symbol'),
        message: i.message,
      }));
      const fields = [...new Set(issues.map((i) => i.path.join('.') || target))];
      throw new ApiError('validation_failed', `Invalid ${target}: ${fields.join(', ')}`, issues);
    }
  });
  if (target !== 'json') return validator;
  const jsonValidator: typeof validator = async (c, next) => {
    assertJsonBody(c);
    // Read as text first (Hono keeps it, and the validator parses that copy): a body nested too
    // deep is refused before `JSON.parse` spends time on it.
    if (nestsDeeperThan(await c.req.text(), MAX_JSON_DEPTH)) {
      throw new ApiError('validation_failed', `Invalid json: nested deeper than ${MAX_JSON_DEPTH} levels`, [
        { path: [], message: `Arrays and objects may nest at most ${MAX_JSON_DEPTH} levels deep` },
      ]);
    }
    return validator(c, next);
  };
  return jsonValidator;
}
