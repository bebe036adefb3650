import { zValidator } from '@hono/zod-validator';
import type { ValidationTargets } from 'hono';
import type { z } from 'zod';
import { ApiError } from './errors.js';

/**
 * `zValidator` whose failure is our `validation_failed` error, naming each field, instead of
 * zod's default body (a JSON string inside `message`).
 */
export function validate<T extends z.ZodType, Target extends keyof ValidationTargets>(target: Target, schema: T) {
  return zValidator(target, schema, (result) => {
    if (!result.success) {
      const issues = result.error.issues.map((i) => ({
        path: i.path.filter((p): p is string | number => typeof p !== 'symbol'),
        message: i.message,
      }));
      const fields = [...new Set(issues.map((i) => i.path.join('.') || target))];
      throw new ApiError('validation_failed', `Invalid ${target}: ${fields.join(', ')}`, issues);
    }
  });
}
