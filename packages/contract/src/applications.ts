import { z } from 'zod';
import { httpUrl, id, isoDateTime, page, pageQuery, tagList, text } from './common.js';
import type { ListParams } from './common.js';
import { personSummary } from './people.js';
import { applicationStatuses } from './values.js';

/** `POST /mentor-applications` and `PUT /mentor-applications/mine` (resubmit). */
export const mentorApplicationInput = z
  .object({
    expertise: tagList(30).pipe(z.array(z.string()).min(1, 'Name at least one area of expertise')),
    yearsOfExperience: z.number().int().min(0).max(70),
    statement: text(4000, 50),
    links: z.array(httpUrl).max(5).default([]),
  })
  .strict();
export type MentorApplicationInput = z.input<typeof mentorApplicationInput>;

export const mentorApplication = z.object({
  id,
  userId: id,
  status: z.enum(applicationStatuses),
  expertise: z.array(z.string()),
  yearsOfExperience: z.number().int(),
  statement: z.string(),
  links: z.array(z.string()),
  decisionNotes: z.string().nullable(),
  decidedAt: isoDateTime.nullable(),
  createdAt: isoDateTime,
  updatedAt: isoDateTime,
  applicant: personSummary,
});
export type MentorApplication = z.infer<typeof mentorApplication>;

/** `GET /mentor-applications/mine`: the caller's latest application, null when they never applied. */
export const myMentorApplication = z.object({ application: mentorApplication.nullable() });
export type MyMentorApplication = z.infer<typeof myMentorApplication>;
export const mentorApplicationPage = page(mentorApplication);

/** Approve takes optional notes; reject and request-changes must say why. */
export const approveInput = z.object({ notes: text(2000).default('') }).strict();
export const decisionInput = z.object({ notes: text(2000, 1) }).strict();
export type DecisionInput = z.input<typeof decisionInput>;

export const applicationListQuery = pageQuery.extend({
  status: z.enum(applicationStatuses).default('pending'),
});
export type ApplicationListParams = ListParams<typeof applicationListQuery>;
