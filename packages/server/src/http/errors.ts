import { errorStatus, type ErrorBody, type ErrorCode, type ValidationIssue } from '@mentorkit/contract';
import type { Context } from 'hono';
import { HTTPException } from 'hono/http-exception';
import type { ContentfulStatusCode } from 'hono/utils/http-status';
import type { AppEnv } from './env.js';

/** Thrown anywhere in a handler; `app.onError` shapes it into the one error format. */
export class ApiError extends Error {
  override name = 'ApiError';
  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly issues?: ValidationIssue[],
    readonly headers?: Record<string, string>,
  ) {
    super(message);
  }
  get status(): ContentfulStatusCode {
    return errorStatus[this.code];
  }
}

export const notFound = (what = 'Resource') => new ApiError('not_found', `${what} not found`);

/**
 * pg's errors for a connection that died under a query (pg_terminate_backend, a restart, a
 * failover) carry no SQLSTATE; Kysely's failed ROLLBACK on such a connection throws one of them.
 */
const CONNECTION_LOST = /^(Connection terminated|Client was closed and is not queryable|Client has encountered a connection error and is not queryable)/;

/** PostgreSQL error codes worth answering with something better than 500. */
function fromDatabaseError(err: unknown): ApiError | undefined {
  if (err instanceof Error && CONNECTION_LOST.test(err.message)) {
    return new ApiError('unavailable', 'The database is unavailable; please retry shortly');
  }
  const code = (err as { code?: unknown })?.code;
  if (typeof code !== 'string') return undefined;
  if (code === '23505') return new ApiError('conflict', 'This conflicts with an existing record');
  if (code === '40001' || code === '40P01') return new ApiError('conflict', 'A concurrent change won; please retry');
  if (code.startsWith('08') || code === '57P01' || code === '57P02' || code === '57P03' || code === 'ECONNREFUSED' || code === 'ECONNRESET' || code === 'EPIPE') {
    return new ApiError('unavailable', 'The database is unavailable; please retry shortly');
  }
  return undefined;
}

export function toApiError(err: unknown): ApiError {
  if (err instanceof ApiError) return err;
  if (err instanceof HTTPException) {
    if (err.status === 400) return new ApiError('validation_failed', err.message || 'Malformed request');
    if (err.status === 401) return new ApiError('unauthenticated', 'Authentication required');
    if (err.status === 404) return new ApiError('not_found', 'Not found');
    if (err.status === 413) return new ApiError('payload_too_large', 'Request body too large');
    return new ApiError('internal', 'Something went wrong');
  }
  return fromDatabaseError(err) ?? new ApiError('internal', 'Something went wrong');
}

export function errorResponse(c: Context<AppEnv>, err: ApiError) {
  const body: ErrorBody = {
    error: {
      code: err.code,
      message: err.message,
      ...(err.issues ? { issues: err.issues } : {}),
      requestId: c.get('requestId') ?? 'unknown',
    },
  };
  for (const [k, v] of Object.entries(err.headers ?? {})) c.header(k, v);
  return c.json(body, err.status);
}
