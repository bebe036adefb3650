import { z } from 'zod';
import { id, isoDate, isoDateTime, page, pageQuery } from './common.js';
import type { ListParams } from './common.js';
import { personSummary } from './people.js';
import { mentorshipStatuses } from './values.js';

/** The programme a request or mentorship belongs to, as shown beside it. */
export const programmeRef = z.object({ id, slug: z.string(), name: z.string() });
export type ProgrammeRef = z.infer<typeof programmeRef>;

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
  /** The programme it was made in (null in the open marketplace); it then ends with the programme. */
  programme: programmeRef.nullable(),
});
export type Mentorship = z.infer<typeof mentorship>;
export const mentorshipPage = page(mentorship);

export const mentorshipListQuery = pageQuery.extend({
  role: z.enum(['mentee', 'mentor', 'any']).default('any'),
  status: z.enum(mentorshipStatuses).optional(),
});
export type MentorshipListParams = ListParams<typeof mentorshipListQuery>;
