import { matchRubric, type MatchScore } from '@mentorkit/contract';
import type { Viewer } from './search-sql.js';
import { zoneGap } from './time-zones.js';

/** The parts of the rubric that scored for one viewer and one mentor (`matchParts`), and the score. */
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

/**
 * What the match score reads of a mentor: the columns of its `mentors` row that the SQL `score()`
 * compares (the lower-case keys, the expertise words, the time zone, the free slots as
 * `freeSlots` counts them), and the spellings the reasons show (expertise, industry, the
 * profile's languages and programme, aligned with their keys).
 */
export interface MentorMatchColumns {
  expertise: string[];
  expertise_keys: string[];
  expertise_words: string[];
  industry: string;
  industry_key: string;
  languages: string[];
  language_keys: string[];
  time_zone: string | null;
  programme: string;
  programme_key: string;
  free_slots: number;
  capacity: number;
}

interface ViewerSets {
  skills: Set<string>;
  phrases: Set<string>;
  languages: Set<string>;
}

const viewerSets = new WeakMap<Viewer, ViewerSets>();

/** The viewer's lists as sets, made once per viewer object (a page of cards, a programme's mentors). */
function setsOf(viewer: Viewer): ViewerSets {
  let sets = viewerSets.get(viewer);
  if (!sets) {
    sets = { skills: new Set(viewer.skills), phrases: new Set(viewer.goalPhrases), languages: new Set(viewer.languages) };
    viewerSets.set(viewer, sets);
  }
  return sets;
}

/** What scored beyond the score itself, filled by `rubric` when asked for (`matchParts`). */
type Scored = Omit<MatchParts, 'freeSlots' | 'capacity' | 'score'>;

/**
 * The match score of `mentor` for `viewer`: the SQL `score()` of search-sql.ts in JavaScript,
 * term for term (an expertise counts once, by its key among the viewer's skills or its words
 * among the goal phrases; industry, programme and languages by key; the time zone within
 * `matchRubric.timeZoneWithinHours` by the same offsets table as the viewer's `nearZones`; room
 * by the free slots). With `scored`, also records what scored, in the mentor's spellings. The one
 * implementation behind `matchParts` and `matchScore`.
 */
function rubric(viewer: Viewer, mentor: MentorMatchColumns, offsets: Map<string, number>, scored: Scored | null): number {
  const { skills, phrases, languages } = setsOf(viewer);
  const { expertise, expertise_keys: keys, expertise_words: words, language_keys: languageKeys } = mentor;
  let shared = 0;
  for (let i = 0; i < keys.length; i++) {
    if (skills.has(keys[i]!)) {
      shared++;
      scored?.sharedSkills.push(expertise[i] ?? keys[i]!);
    } else if (phrases.has(words[i] ?? '')) {
      shared++;
      scored?.goalMatches.push(expertise[i] ?? keys[i]!);
    }
  }
  let speaks = false;
  for (let i = 0; i < languageKeys.length; i++) {
    if (!languages.has(languageKeys[i]!)) continue;
    speaks = true;
    if (!scored) break;
    scored.sharedLanguages.push(mentor.languages[i] ?? languageKeys[i]!);
  }
  const sameIndustry = viewer.industry !== '' && mentor.industry_key === viewer.industry;
  const sameProgramme = viewer.programme !== '' && mentor.programme_key === viewer.programme;
  const gap = zoneGap(offsets, viewer.timeZone, mentor.time_zone);
  if (scored) {
    scored.sameIndustry = sameIndustry ? mentor.industry : null;
    scored.sameProgramme = sameProgramme ? mentor.programme : null;
    scored.timeZoneGapHours = gap;
  }
  return Math.min(matchRubric.skills, matchRubric.perSharedSkill * shared)
    + (sameIndustry ? matchRubric.industry : 0)
    + (speaks ? matchRubric.language : 0)
    + (gap !== null && gap <= matchRubric.timeZoneWithinHours ? matchRubric.timeZone : 0)
    + (sameProgramme ? matchRubric.programme : 0)
    + (mentor.free_slots > 0 ? matchRubric.openCapacity : 0);
}

/**
 * The match score of `mentor` for `viewer` and the parts that make it up (`rubric`). Search cards
 * (`toCard`) and programme matching both explain with it, so the admin and the mentee read the
 * same score and reasons; the SQL score still orders search (match-scores.test.ts holds the two
 * equal).
 */
export function matchParts(viewer: Viewer, mentor: MentorMatchColumns, offsets: Map<string, number>): MatchParts {
  const scored: Scored = { sharedSkills: [], goalMatches: [], sameIndustry: null, sharedLanguages: [], timeZoneGapHours: null, sameProgramme: null };
  const score = rubric(viewer, mentor, offsets, scored);
  return { ...scored, freeSlots: mentor.free_slots, capacity: mentor.capacity, score };
}

/** `matchParts(…).score` without the parts: for scoring every pair of a programme. */
export function matchScore(viewer: Viewer, mentor: MentorMatchColumns, offsets: Map<string, number>): number {
  return rubric(viewer, mentor, offsets, null);
}
