import { z } from 'zod';
import { id, isoDate, isoDateTime, page, pageQuery, text } from './common.js';
import type { ListParams } from './common.js';
import { personSummary } from './people.js';
import { mentorshipRequest } from './requests.js';
import { enrolmentRoles, programmeMatchingModes, programmeStatuses, mentorshipStatuses, requestStatuses } from './values.js';
import { milestoneTemplates } from './workspace.js';

/**
 * Programmes (DESIGN §3b): named cohorts with dates that people enrol in as mentor or mentee,
 * matched by the mentees themselves (`mentee_choice`) or by an admin confirming an optimal,
 * explained assignment (`admin_matched`). The open marketplace is untouched by them.
 */

/** A programme's address in portal pages: lower-case words joined by hyphens. */
export const programmeSlug = z
  .string()
  .trim()
  .min(3)
  .max(80)
  .regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, 'Use lower-case letters, digits and single hyphens');

export const maxMenteesPerMentor = z.number().int().min(1).max(20);

const programmeFields = z.object({
  name: text(120, 3),
  description: text(4000),
  /** Without one, the slug is made from the name (`slugify`). */
  slug: programmeSlug,
  startsOn: isoDate,
  endsOn: isoDate,
  /** The last day people can enrol; null: the end date. */
  enrolmentClosesOn: isoDate.nullable(),
  matching: z.enum(programmeMatchingModes),
  /** The milestones every mentorship of the programme starts with. */
  milestoneTemplate: z.enum(milestoneTemplates).nullable(),
  /** At most this many of the programme's mentees per mentor (null: the mentor's free slots). */
  maxMenteesPerMentor: maxMenteesPerMentor.nullable(),
});

type DateFields = { startsOn?: string | undefined; endsOn?: string | undefined; enrolmentClosesOn?: string | null | undefined };

/**
 * The date rules, as issues naming the field: the start on or before the end, enrolment closing
 * on or before the end. ISO dates compare as strings. Also used by the server on a patch merged
 * with the stored programme.
 */
export function programmeDateIssues(v: DateFields): { path: string[]; message: string }[] {
  const issues: { path: string[]; message: string }[] = [];
  if (v.startsOn && v.endsOn && v.endsOn < v.startsOn) issues.push({ path: ['endsOn'], message: 'Must be on or after the start date' });
  if (v.enrolmentClosesOn && v.endsOn && v.enrolmentClosesOn > v.endsOn) {
    issues.push({ path: ['enrolmentClosesOn'], message: 'Must be on or before the end date' });
  }
  return issues;
}

const checkDates = (v: DateFields, ctx: z.RefinementCtx) => {
  for (const issue of programmeDateIssues(v)) ctx.addIssue({ code: 'custom', path: issue.path, message: issue.message });
};

/** `POST /admin/programmes`. */
export const programmeInput = programmeFields
  .extend({
    description: programmeFields.shape.description.default(''),
    slug: programmeSlug.optional(),
    enrolmentClosesOn: isoDate.nullable().default(null),
    milestoneTemplate: programmeFields.shape.milestoneTemplate.default(null),
    maxMenteesPerMentor: maxMenteesPerMentor.nullable().default(null),
  })
  .strict()
  .superRefine(checkDates);
export type ProgrammeInput = z.input<typeof programmeInput>;

/** `PATCH /admin/programmes/:id`: any field; the dates are checked again merged with the stored ones. */
export const programmePatch = programmeFields.partial().strict().superRefine(checkDates);
export type ProgrammePatch = z.input<typeof programmePatch>;

export const programme = z.object({
  id,
  slug: z.string(),
  name: z.string(),
  description: z.string(),
  startsOn: isoDate,
  endsOn: isoDate,
  enrolmentClosesOn: isoDate.nullable(),
  matching: z.enum(programmeMatchingModes),
  milestoneTemplate: z.enum(milestoneTemplates).nullable(),
  maxMenteesPerMentor: z.number().int().nullable(),
  /** From the dates and today (`programmeStatus`). */
  status: z.enum(programmeStatuses),
  /** Whether people can enrol today: from creation until `enrolmentClosesOn` (or the end). */
  enrolmentOpen: z.boolean(),
  enrolled: z.object({ mentors: z.number().int(), mentees: z.number().int() }),
  /** The roles the caller is enrolled in. */
  viewerRoles: z.array(z.enum(enrolmentRoles)),
  createdAt: isoDateTime,
  updatedAt: isoDateTime,
});
export type Programme = z.infer<typeof programme>;
export const programmePage = page(programme);

/** `GET /programmes`: the programmes that have not ended, soonest first. */
export const programmeListQuery = pageQuery.extend({
  /** Only those the caller is enrolled in. */
  enrolled: z.enum(['true', 'false']).optional().transform((v) => v === 'true'),
});
export type ProgrammeListParams = { limit?: number; cursor?: string; enrolled?: boolean };

/** `GET /admin/programmes`: every programme, ended ones too, soonest start first. */
export const adminProgrammeListQuery = pageQuery.extend({ status: z.enum(programmeStatuses).optional() });
export type AdminProgrammeListParams = ListParams<typeof adminProgrammeListQuery>;

/** `POST /programmes/:id/enrolment`. */
export const enrolmentInput = z
  .object({
    role: z.enum(enrolmentRoles),
    /** What the person hopes to get from (mentee) or give to (mentor) the programme. */
    goals: text(2000).default(''),
  })
  .strict();
export type EnrolmentInput = z.input<typeof enrolmentInput>;

/** `DELETE /programmes/:id/enrolment?role=`: without a role, every enrolment of the caller in it. */
export const unenrolQuery = z.object({ role: z.enum(enrolmentRoles).optional() });

export const enrolment = z.object({
  programmeId: id,
  role: z.enum(enrolmentRoles),
  goals: z.string(),
  enrolledAt: isoDateTime,
  person: personSummary,
  /** For a mentee: has a request or mentorship in the programme. For a mentor: has one of its mentees. */
  matched: z.boolean(),
  /** For a mentor: how many more of the programme's mentees they can take (free slots, capped by `maxMenteesPerMentor`); null for a mentee. */
  freeSlots: z.number().int().nullable(),
});
export type Enrolment = z.infer<typeof enrolment>;
export const enrolmentPage = page(enrolment);
export const enrolmentListQuery = pageQuery.extend({ role: z.enum(enrolmentRoles).optional() });
export type EnrolmentListParams = ListParams<typeof enrolmentListQuery>;

/** One suggested pair: the score and reasons are those the mentee sees for that mentor in search. */
export const matchSuggestion = z.object({
  menteeId: id,
  mentorId: id,
  score: z.number().int().min(0).max(100),
  reasons: z.array(z.string()),
  mentee: personSummary,
  mentor: personSummary,
});
export type MatchSuggestion = z.infer<typeof matchSuggestion>;

/**
 * `POST /admin/programmes/:id/match-suggestions`: the assignment of the enrolled mentees (not
 * yet matched in it) to enrolled mentors that maximises the total score, each mentor taking at
 * most min(free slots, `maxMenteesPerMentor`); `unmatched` lists the mentees left without one.
 */
export const matchSuggestions = z.object({
  items: z.array(matchSuggestion),
  unmatched: z.array(id),
  unmatchedPeople: z.array(personSummary),
  totalScore: z.number().int(),
});
export type MatchSuggestions = z.infer<typeof matchSuggestions>;

export const matchPair = z.object({ menteeId: id, mentorId: id }).strict();
export type MatchPair = z.infer<typeof matchPair>;

/** `POST /admin/programmes/:id/matches`: a reviewed set of pairs to introduce. */
export const matchesInput = z.object({ pairs: z.array(matchPair).min(1).max(2000) }).strict();
export type MatchesInput = z.input<typeof matchesInput>;

/** Why one pair was not introduced; the other pairs still were. */
export const refusedPair = matchPair.extend({ code: z.string(), message: z.string() });
export type RefusedPair = z.infer<typeof refusedPair>;

/** The requests made (one per introduced pair, marked `introduced`) and the pairs refused. */
export const matchesResult = z.object({ items: z.array(mentorshipRequest), refused: z.array(refusedPair) });
export type MatchesResult = z.infer<typeof matchesResult>;

const countsOf = <T extends readonly [string, ...string[]]>(values: T) =>
  z.object(Object.fromEntries(values.map((v) => [v, z.number().int()])) as Record<T[number], z.ZodNumber>);

/** An active mentorship of the programme without a meeting or a message for `atRiskDays`. */
export const atRiskMentorship = z.object({
  mentorshipId: id,
  mentor: personSummary,
  mentee: personSummary,
  startedAt: isoDateTime,
  /** The last meeting, message or the start, whichever is latest: quiet since then. */
  lastActivityAt: isoDateTime,
});
export type AtRiskMentorship = z.infer<typeof atRiskMentorship>;

/** `GET /admin/programmes/:id/report`. */
export const programmeReport = z.object({
  programme,
  enrolled: z.object({ mentors: z.number().int(), mentees: z.number().int() }),
  /** Mentees with a mentorship in the programme, and mentors with at least one of its mentees. */
  matched: z.object({ mentors: z.number().int(), mentees: z.number().int() }),
  unmatched: z.object({ mentors: z.number().int(), mentees: z.number().int() }),
  requests: countsOf(requestStatuses),
  mentorships: countsOf(mentorshipStatuses),
  meetingsHeld: z.number().int(),
  milestones: z.object({ completed: z.number().int(), total: z.number().int() }),
  /** Median days from a mentorship's start to its first held meeting (null before any). */
  medianDaysToFirstMeeting: z.number().nullable(),
  /** `MENTORSHIP_AT_RISK_DAYS`. */
  atRiskDays: z.number().int(),
  atRisk: z.array(atRiskMentorship),
  generatedAt: isoDateTime,
});
export type ProgrammeReport = z.infer<typeof programmeReport>;
