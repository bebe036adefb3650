import type { ErrorBody, ErrorCode, ValidationIssue } from '@mentorkit/contract';

/** Any answer other than 2xx, with the contract's `code` to switch on. */
export class ApiError extends Error {
  override name = 'ApiError';
  readonly code: ErrorCode | 'network_error';
  readonly status: number;
  readonly issues: ValidationIssue[];
  readonly requestId: string | undefined;
  /** Seconds to wait before retrying, from `Retry-After` (429/503). */
  readonly retryAfter: number | undefined;

  constructor(init: { code: ErrorCode | 'network_error'; status: number; message: string; issues?: ValidationIssue[]; requestId?: string; retryAfter?: number }) {
    super(init.message);
    this.code = init.code;
    this.status = init.status;
    this.issues = init.issues ?? [];
    this.requestId = init.requestId;
    this.retryAfter = init.retryAfter;
  }

  /** The message of the first issue on a field, for showing beside it. */
  issueFor(field: string): string | undefined {
    return this.issues.find((i) => i.path.join('.') === field)?.message;
  }
}

/** For answers without our error body (a proxy's 502, a static 404): the code the status means. */
function codeForStatus(status: number): ErrorCode {
  const byStatus: Record<number, ErrorCode> = {
    400: 'validation_failed', 401: 'unauthenticated', 403: 'forbidden', 404: 'not_found', 409: 'conflict',
    413: 'payload_too_large', 429: 'rate_limited', 503: 'unavailable',
  };
  return byStatus[status] ?? (status >= 500 ? 'internal' : 'validation_failed');
}

export async function toApiError(res: Response): Promise<ApiError> {
  let body: Partial<ErrorBody> | undefined;
  try {
    body = (await res.json()) as Partial<ErrorBody>;
  } catch {
    body = undefined;
  }
  const retry = Number(res.headers.get('retry-after'));
  const e = body?.error;
  return new ApiError({
    code: e?.code ?? codeForStatus(res.status),
    status: res.status,
    message: e?.message ?? `Request failed with status ${res.status}`,
    ...(e?.issues ? { issues: e.issues } : {}),
    ...(e?.requestId ? { requestId: e.requestId } : {}),
    ...(Number.isFinite(retry) && retry > 0 ? { retryAfter: retry } : {}),
  });
}
