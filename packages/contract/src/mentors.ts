import { z } from 'zod';
import { cursor, id, isoDate, isoDateTime, page, pageLimit, repeated, tag, tagList, text } from './common.js';
import { mentorStatuses } from './states.js';
import { availabilities, availabilityFilters, meetingFormats, mentorSorts, viewerRequestStates, type AvailabilityFilter, type MeetingFormat, type MentorSort } from './values.js';

export const capacity = z.number().int().min(1).max(20);

/** The mentor record as its owner sees it (part of `GET /me`, answer of `PATCH /mentors/me`). */
export const mentorSettings = z.object({
  userId: id,
  status: z.enum(mentorStatuses),
  acceptingMentees: z.boolean(),
  capacity,
  awayUntil: isoDate.nullable(),
  expertise: z.array(z.string()),
  yearsOfExperience: z.number().int(),
  mentoringBio: z.string(),
  meetingFormats: z.array(z.enum(meetingFormats)),
  openMentorships: z.number().int(),
  availability: z.enum(availabilities),
  approvedAt: isoDateTime,
});
export type MentorSettings = z.infer<typeof mentorSettings>;

export const mentorSettingsPatch = z
  .object({
    acceptingMentees: z.boolean(),
    /** With `acceptingMentees: false`, also decline every pending request (`mentor_unavailable`). */
    declinePending: z.boolean(),
    capacity,
    awayUntil: isoDate.nullable(),
    expertise: tagList(30).pipe(z.array(z.string()).min(1)),
    yearsOfExperience: z.number().int().min(0).max(70),
    mentoringBio: text(4000),
    meetingFormats: z.array(z.enum(meetingFormats)).max(meetingFormats.length),
  })
  .partial()
  .strict();
export type MentorSettingsPatch = z.input<typeof mentorSettingsPatch>;

export const matchScore = z.object({
  /** 0–100, see `matchRubric`. */
  score: z.number().int().min(0).max(100),
  /** One human-readable reason for every part of the rubric that scored. */
  reasons: z.array(z.string()),
});
export type MatchScore = z.infer<typeof matchScore>;

export const mentorCard = z.object({
  id,
  name: z.string(),
  avatarUrl: z.string().nullable(),
  headline: z.string(),
  position: z.string(),
  company: z.string(),
  industry: z.string(),
  location: z.string(),
  programme: z.string(),
  graduationYear: z.number().int().nullable(),
  expertise: z.array(z.string()),
  meetingFormats: z.array(z.enum(meetingFormats)),
  languages: z.array(z.string()),
  availability: z.enum(availabilities),
  freeSlots: z.number().int(),
  capacity: z.number().int(),
  yearsOfExperience: z.number().int(),
  menteeCount: z.number().int(),
  medianResponseHours: z.number().nullable(),
  viewerRequestState: z.enum(viewerRequestStates),
  /** When the viewer's pending request to this mentor expires (null without one). */
  viewerRequestExpiresAt: isoDateTime.nullable(),
  match: matchScore,
});
export type MentorCard = z.infer<typeof mentorCard>;

export const mentorStats = z.object({
  menteesHelped: z.number().int(),
  activeMentees: z.number().int(),
  completedMentorships: z.number().int(),
  medianResponseHours: z.number().nullable(),
  averageRating: z.number().nullable(),
  ratingCount: z.number().int(),
});
export type MentorStats = z.infer<typeof mentorStats>;

/** `GET /mentors/:id`: the card plus the full profile and stats. */
export const mentorProfile = mentorCard.extend({
  bio: z.string(),
  mentoringBio: z.string(),
  timeZone: z.string().nullable(),
  awayUntil: isoDate.nullable(),
  linkedinUrl: z.string().nullable(),
  websiteUrl: z.string().nullable(),
  stats: mentorStats,
  approvedAt: isoDateTime,
});
export type MentorProfile = z.infer<typeof mentorProfile>;

export const mentorSearchQuery = z.object({
  q: z.string().max(10_000).optional(),
  expertise: repeated(tag),
  availability: z.enum(availabilityFilters).default('accepting'),
  industry: repeated(tag),
  location: tag.optional(),
  language: repeated(tag),
  meetingFormat: repeated(z.enum(meetingFormats)),
  minYearsExperience: z.coerce.number().int().min(0).max(70).optional(),
  graduationYearFrom: z.coerce.number().int().min(1900).max(2100).optional(),
  graduationYearTo: z.coerce.number().int().min(1900).max(2100).optional(),
  sort: z.enum(mentorSorts).default('relevance'),
  /** Only mentors enrolled in this programme (its id or slug); 404 for an unknown one. */
  programme: z.string().trim().min(1).max(80).optional(),
  limit: pageLimit,
  cursor: cursor.optional(),
});
export type MentorSearchQuery = z.output<typeof mentorSearchQuery>;
/** What a caller passes: every field optional, arrays for repeatable filters. */
export type MentorSearchParams = Partial<{
  q: string;
  expertise: string[];
  availability: AvailabilityFilter;
  industry: string[];
  location: string;
  language: string[];
  meetingFormat: MeetingFormat[];
  minYearsExperience: number;
  graduationYearFrom: number;
  graduationYearTo: number;
  sort: MentorSort;
  programme: string;
  limit: number;
  cursor: string;
}>;

export const facetCount = z.object({ value: z.string(), count: z.number().int() });
export type FacetCount = z.infer<typeof facetCount>;

export const mentorSearchResult = page(mentorCard).extend({
  /** Mentors matching every filter (all pages). */
  total: z.number().int(),
  /** Counts per value, each computed with every filter except its own. */
  facets: z.object({ expertise: z.array(facetCount), industry: z.array(facetCount) }),
});
export type MentorSearchResult = z.infer<typeof mentorSearchResult>;

/** `PATCH /mentors/me` answers with the settings and how many pending requests it declined. */
export const mentorSettingsResult = mentorSettings.extend({ declinedRequests: z.number().int() });
export type MentorSettingsResult = z.infer<typeof mentorSettingsResult>;
