import { z } from 'zod';

/** Every error code the API answers with, and the HTTP status that carries it. */
export const errorStatus = {
  validation_failed: 400,
  unauthenticated: 401,
  forbidden: 403,
  not_found: 404,
  conflict: 409,
  invalid_transition: 409,
  capacity_reached: 409,
  duplicate_request: 409,
  mentor_unavailable: 409,
  too_many_pending_requests: 409,
  /** The caller is already enrolled in this programme in this role. */
  duplicate_enrolment: 409,
  /** The programme's enrolment has closed (or it has ended). */
  enrolment_closed: 409,
  /** One of the two people is not enrolled in the programme the request or pair names. */
  not_enrolled: 409,
  /** The programme has ended: no more requests, matches or enrolments in it. */
  programme_ended: 409,
  /** Another programme has this slug. */
  slug_taken: 409,
  /** The caller's account was erased (`DELETE /me`); a valid token for it never signs in again. */
  account_deleted: 410,
  payload_too_large: 413,
  rate_limited: 429,
  internal: 500,
  unavailable: 503,
} as const;

export type ErrorCode = keyof typeof errorStatus;
export const errorCodes = Object.keys(errorStatus) as [ErrorCode, ...ErrorCode[]];

export const validationIssue = z.object({
  path: z.array(z.union([z.string(), z.number()])),
  message: z.string(),
});
export type ValidationIssue = z.infer<typeof validationIssue>;

/** The one error format: `{"error":{"code","message","issues?","requestId"}}`. */
export const errorBody = z.object({
  error: z.object({
    code: z.enum(errorCodes),
    message: z.string(),
    issues: z.array(validationIssue).optional(),
    requestId: z.string(),
  }),
});
export type ErrorBody = z.infer<typeof errorBody>;
