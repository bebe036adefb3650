import type { MatchScore } from '@mentorkit/contract';
import { explainMatch, matchParts, matchScore, type MentorMatchColumns } from '../mentors/match.js';
import type { Viewer } from '../mentors/search-sql.js';

/**
 * The match scores of a programme's mentees (as viewers of search) for its mentors, and the words
 * for a chosen pair: `matchScore` and `matchParts`, the rubric search cards are explained with, so
 * a suggestion shows exactly the score and reasons the mentee reads on that mentor's card.
 */

/**
 * Every pair's score, one row of `mentors.length` per viewer (what `assign` reads); −1 where
 * `allowed(viewerIndex, mentorIndex)` is false.
 */
export function scoreMatrix(
  viewers: Viewer[], mentors: MentorMatchColumns[], offsets: Map<string, number>, allowed: (viewer: number, mentor: number) => boolean,
): Int16Array {
  const m = mentors.length;
  const scores = new Int16Array(viewers.length * m);
  for (let i = 0; i < viewers.length; i++) {
    const viewer = viewers[i]!;
    for (let j = 0; j < m; j++) scores[i * m + j] = allowed(i, j) ? matchScore(viewer, mentors[j]!, offsets) : -1;
  }
  return scores;
}

/** The score and reasons of one pair, as the mentee's card for that mentor shows them. */
export function explainPair(viewer: Viewer, mentor: MentorMatchColumns, offsets: Map<string, number>): MatchScore {
  return explainMatch(matchParts(viewer, mentor, offsets));
}
