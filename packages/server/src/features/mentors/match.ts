import { matchRubric, type MatchScore } from '@mentorkit/contract';

/** The parts of the rubric the search query computes per mentor (see mentors.repository.ts). */
export interface MatchParts {
  sharedSkills: string[];
  goalMatches: string[];
  sameIndustry: string | null;
  sharedLanguages: string[];
  timeZoneGapHours: number | null;
  sameProgramme: string | null;
  freeSlots: number;
  capacity: number;
  score: number;
}

const list = (items: string[]) => items.slice(0, 4).join(', ') + (items.length > 4 ? ` and ${items.length - 4} more` : '');

/** Turns the scored parts into the reasons shown beside the score, one per part that scored. */
export function explainMatch(p: MatchParts): MatchScore {
  const reasons: string[] = [];
  if (p.sharedSkills.length === 1) reasons.push(`Shares your skill: ${p.sharedSkills[0]}`);
  else if (p.sharedSkills.length > 1) reasons.push(`Shares ${p.sharedSkills.length} of your skills: ${list(p.sharedSkills)}`);
  if (p.goalMatches.length > 0) reasons.push(`Expert in what your goals mention: ${list(p.goalMatches)}`);
  if (p.sameIndustry) reasons.push(`Same industry: ${p.sameIndustry}`);
  if (p.sharedLanguages.length > 0) reasons.push(`Speaks ${list(p.sharedLanguages)}`);
  if (p.timeZoneGapHours !== null && p.timeZoneGapHours <= matchRubric.timeZoneWithinHours) {
    reasons.push(p.timeZoneGapHours === 0 ? 'Same time zone as you' : `Time zone within ${Math.ceil(p.timeZoneGapHours)} h of yours`);
  }
  if (p.sameProgramme) reasons.push(`Same programme: ${p.sameProgramme}`);
  if (p.freeSlots > 0) reasons.push(`Has room: ${p.freeSlots} of ${p.capacity} mentee ${p.capacity === 1 ? 'slot' : 'slots'} free`);
  return { score: Math.max(0, Math.min(100, Math.round(p.score))), reasons };
}
