/** What decides how many more of a programme's mentees a mentor can take. */
export interface MentorRoom {
  /** Free slots as mentor search counts them: capacity less open mentorships when active, accepting and not away; else 0. */
  free_slots: number;
  /** Pending introductions to the mentor in any programme: each takes a slot once accepted. */
  pending_introductions: number;
  /** The programme's mentees the mentor has: its pending introductions and open mentorships. */
  programme_mentees: number;
}

/**
 * How many more of the programme's mentees a mentor can be given: the free slots less the pending
 * introductions that will take slots, and at most `maxMenteesPerMentor` counting the programme's
 * mentees the mentor already has. One rule for the enrolments list, the suggestions and the
 * confirmation, so every suggested pair can be confirmed as it stands.
 */
export function mentorCap(mentor: MentorRoom, maxPerMentor: number | null): number {
  const free = mentor.free_slots - mentor.pending_introductions;
  const cap = maxPerMentor === null ? free : maxPerMentor - mentor.programme_mentees;
  return Math.max(0, Math.min(free, cap));
}
