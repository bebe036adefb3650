import { z } from 'zod';
import { id, isoDateTime, page, pageQuery, tagList, text } from './common.js';
import type { ListParams } from './common.js';
import { mentorship, programmeRef } from './mentorships.js';
import { personSummary } from './people.js';
import { declineReasons, requestStatuses } from './values.js';

export const mentorshipRequestInput = z
  .object({
    mentorId: id,
    goals: text(2000, 20),
    skillsSeeking: tagList(10).default([]),
    message: text(2000).default(''),
    /** Ask inside a `mentee_choice` programme both people are enrolled in. */
    programmeId: id.optional(),
  })
  .strict();
export type MentorshipRequestInput = z.input<typeof mentorshipRequestInput>;

/**
 * How many mentorship requests one person may send in any rolling hour and day (answered 429
 * `rate_limited` with Retry-After beyond). Withdrawn ones count: the limit is on sending, so that
 * nobody can flood mentors by sending and withdrawing in a loop.
 */
export const REQUESTS_PER_HOUR = 10;
export const REQUESTS_PER_DAY = 30;

export const mentorshipRequest = z.object({
  id,
  status: z.enum(requestStatuses),
  goals: z.string(),
  skillsSeeking: z.array(z.string()),
  message: z.string(),
  declineReason: z.enum(declineReasons).nullable(),
  declineMessage: z.string().nullable(),
  createdAt: isoDateTime,
  expiresAt: isoDateTime,
  respondedAt: isoDateTime.nullable(),
  mentee: personSummary,
  mentor: personSummary,
  /** The mentor's median reply time over 90 days, for "usually replies in about …". */
  mentorMedianResponseHours: z.number().nullable(),
  /** The programme the request was made in (null in the open marketplace). */
  programme: programmeRef.nullable(),
  /** Made by an admin's match in the programme, on the mentee's behalf; the mentor answers as usual. */
  introduced: z.boolean(),
});
export type MentorshipRequest = z.infer<typeof mentorshipRequest>;
export const mentorshipRequestPage = page(mentorshipRequest);

export const requestListQuery = pageQuery.extend({
  role: z.enum(['mentee', 'mentor']).default('mentee'),
  status: z.enum(requestStatuses).optional(),
});
export type RequestListParams = ListParams<typeof requestListQuery>;

export const declineInput = z
  .object({
    reason: z.enum(declineReasons),
    message: text(1000).optional(),
  })
  .strict();
export type DeclineInput = z.input<typeof declineInput>;

/** `accept` answers with the updated request and the mentorship it created. */
export const acceptResult = mentorshipRequest.extend({ mentorship });
export type AcceptResult = z.infer<typeof acceptResult>;
