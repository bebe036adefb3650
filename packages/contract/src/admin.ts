import { z } from 'zod';
import { id, isoDateTime, page, pageQuery, text } from './common.js';
import type { ListParams } from './common.js';
import { personSummary } from './people.js';
import { mentorStatuses } from './values.js';

export const adminMentor = z.object({
  person: personSummary,
  status: z.enum(mentorStatuses),
  acceptingMentees: z.boolean(),
  capacity: z.number().int(),
  openMentorships: z.number().int(),
  medianResponseHours: z.number().nullable(),
  averageRating: z.number().nullable(),
  pendingRequests: z.number().int(),
  suspendedReason: z.string().nullable(),
  approvedAt: isoDateTime,
});
export type AdminMentor = z.infer<typeof adminMentor>;
export const adminMentorPage = page(adminMentor);
export const adminMentorQuery = pageQuery.extend({
  status: z.enum(mentorStatuses).optional(),
  // text(): no control characters; PostgreSQL cannot hold a NUL and answered a search for one with a 500.
  q: text(200).optional(),
});
export type AdminMentorParams = ListParams<typeof adminMentorQuery>;

export const suspendInput = z.object({ reason: text(1000, 1) }).strict();
/** The answer to suspend and reactivate: suspension also declines the mentor's pending requests. */
export const mentorStatusResult = z.object({ id, status: z.enum(mentorStatuses), declinedRequests: z.number().int().min(0) });
export type MentorStatusResult = z.infer<typeof mentorStatusResult>;

export const weeklyCount = z.object({ week: z.string(), requests: z.number().int(), accepted: z.number().int() });

export const programmeStats = z.object({
  applications: z.object({ total: z.number().int(), pending: z.number().int(), approved: z.number().int(), rejected: z.number().int() }),
  /** approved / decided applications, 0–1, null before any decision. */
  approvalRate: z.number().nullable(),
  mentors: z.object({ active: z.number().int(), suspended: z.number().int(), accepting: z.number().int() }),
  requests: z.object({ total: z.number().int(), pending: z.number().int(), accepted: z.number().int(), declined: z.number().int(), expired: z.number().int(), withdrawn: z.number().int() }),
  /** accepted / answered-or-expired requests, 0–1. */
  acceptanceRate: z.number().nullable(),
  medianResponseHours: z.number().nullable(),
  mentorships: z.object({ active: z.number().int(), paused: z.number().int(), completed: z.number().int(), cancelled: z.number().int() }),
  /** The last 12 weeks, oldest first. */
  weekly: z.array(weeklyCount),
});
export type ProgrammeStats = z.infer<typeof programmeStats>;
