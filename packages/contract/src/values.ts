/**
 * The contract's enumerations as plain values, without zod, so browser code (the SDK and the
 * elements) can import them without pulling the schema library into its bundle.
 */
export * from './states.js';
export * from './events.js';

export const meetingFormats = ['video', 'phone', 'in_person', 'chat'] as const;
export type MeetingFormat = (typeof meetingFormats)[number];

export const availabilities = ['available', 'limited', 'unavailable'] as const;
export type Availability = (typeof availabilities)[number];

/** The availability filter of search: `accepting` (the default) means available or limited. */
export const availabilityFilters = ['accepting', 'available', 'limited', 'all'] as const;
export type AvailabilityFilter = (typeof availabilityFilters)[number];

export const mentorSorts = ['relevance', 'match', 'experience', 'newest', 'responsiveness'] as const;
export type MentorSort = (typeof mentorSorts)[number];

/** The viewer's relation to a mentor, shown on cards and profiles. */
export const viewerRequestStates = ['none', 'pending', 'active'] as const;
export type ViewerRequestState = (typeof viewerRequestStates)[number];

/** How a programme pairs people: mentees request mentors in it, or an admin confirms suggested pairs. */
export const programmeMatchingModes = ['mentee_choice', 'admin_matched'] as const;
export type ProgrammeMatchingMode = (typeof programmeMatchingModes)[number];

/**
 * Where a programme is, from its dates and today: `upcoming` (not started, enrolment closed),
 * `enrolling` (not started, enrolment open), `running` (started, not ended), `ended`.
 */
export const programmeStatuses = ['upcoming', 'enrolling', 'running', 'ended'] as const;
export type ProgrammeStatus = (typeof programmeStatuses)[number];

/** The role a person enrols in a programme as. */
export const enrolmentRoles = ['mentor', 'mentee'] as const;
export type EnrolmentRole = (typeof enrolmentRoles)[number];

/**
 * A programme's status on `today` (YYYY-MM-DD; ISO dates compare as strings). Enrolment is open
 * until `enrolmentClosesOn`, or the end without one, whatever the start.
 */
export function programmeStatus(p: { startsOn: string; endsOn: string; enrolmentClosesOn: string | null }, today: string): { status: ProgrammeStatus; enrolmentOpen: boolean } {
  const enrolmentOpen = today <= (p.enrolmentClosesOn ?? p.endsOn) && today <= p.endsOn;
  const status: ProgrammeStatus = today > p.endsOn ? 'ended' : today >= p.startsOn ? 'running' : enrolmentOpen ? 'enrolling' : 'upcoming';
  return { status, enrolmentOpen };
}

export const demoPersonas = ['mentee', 'mentor', 'admin', 'mentee2', 'mentor2'] as const;
export type DemoPersona = (typeof demoPersonas)[number];

/**
 * How `match.score` is made. Skills: each of the viewer's skills or goal words found in the
 * mentor's expertise is worth `perSharedSkill`, up to `skills`.
 */
export const matchRubric = {
  perSharedSkill: 17,
  skills: 50,
  industry: 15,
  language: 10,
  timeZone: 10,
  timeZoneWithinHours: 3,
  programme: 5,
  openCapacity: 10,
} as const;
