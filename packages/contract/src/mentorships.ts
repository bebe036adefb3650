import { z } from 'zod';
import { id, isoDate, isoDateTime, page, pageQuery } from './common.js';
import type { ListParams } from './common.js';
import { personSummary } from './people.js';
import { mentorshipStatuses } from './values.js';

export const mentorship = z.object({
  id,
  requestId: id.nullable(),
  status: z.enum(mentorshipStatuses),
  startedAt: isoDateTime,
  endedAt: isoDateTime.nullable(),
  endReason: z.string().nullable(),
  targetEndDate: isoDate.nullable(),
  conversationId: id.nullable(),
  mentor: personSummary,
  mentee: personSummary,
});
export type Mentorship = z.infer<typeof mentorship>;
export const mentorshipPage = page(mentorship);

export const mentorshipListQuery = pageQuery.extend({
  role: z.enum(['mentee', 'mentor', 'any']).default('any'),
  status: z.enum(mentorshipStatuses).optional(),
});
export type MentorshipListParams = ListParams<typeof mentorshipListQuery>;
