import { type MatchSuggestion, type MatchSuggestions, type PersonSummary } from '@mentorkit/contract';
import type { Db } from '../../db/schema.js';
import { ApiError } from '../../http/errors.js';
import type { ServiceContext } from '../../http/env.js';
import { isoDay } from '../mentors/availability.js';
import { viewerFromProfile } from '../mentors/mentors.repository.js';
import { zoneOffsets } from '../mentors/time-zones.js';
import { loadPeople, personOrThrow } from '../shared/people.repository.js';
import { assign } from './assignment.js';
import { pairsTaken } from './matches.repository.js';
import { mentorCap } from './mentor-cap.js';
import { explainPair, scoreMatrix } from './match-scores.js';
import { programmeOrNotFound } from './programmes.service.js';
import { menteesToMatch, mentorsToMatch, type MentorToMatch } from './suggestions.repository.js';

type Ctx = Pick<ServiceContext, 'db' | 'now'>;

const names = new Intl.Collator('en');

/** People by name, then id: the order an admin reads the pairs in. */
const byName = (people: Map<string, PersonSummary>) => (a: string, b: string) =>
  names.compare(personOrThrow(people, a).name, personOrThrow(people, b).name) || (a < b ? -1 : a > b ? 1 : 0);

/**
 * The pairs (mentee row by mentor column, 1: not allowed) the confirmation would refuse whatever
 * the rest of the set: a person with themself, a request already pending between the two, a
 * mentorship already open between them.
 */
async function refusedPairs(db: Db, menteeIds: string[], mentorIds: string[]): Promise<Uint8Array> {
  const m = mentorIds.length;
  const refused = new Uint8Array(menteeIds.length * m);
  const menteeIndex = new Map(menteeIds.map((id, i) => [id, i]));
  const mentorIndex = new Map(mentorIds.map((id, j) => [id, j]));
  const taken = await pairsTaken(db, menteeIds, mentorIds);
  for (const key of [...taken.pending, ...taken.open]) {
    const [mentee, mentor] = key.split(' ') as [string, string];
    refused[menteeIndex.get(mentee)! * m + mentorIndex.get(mentor)!] = 1;
  }
  for (const [id, i] of menteeIndex) {
    const j = mentorIndex.get(id);
    if (j !== undefined) refused[i * m + j] = 1;
  }
  return refused;
}

/**
 * The assignment of an admin-matched programme's enrolled mentees (those with nothing under way
 * in it yet) to its enrolled mentors that maximises the total match score (`assign`), each mentor
 * within `mentorCap`, each pair scored and explained as the mentee's search card for that mentor
 * is. A pair that the confirmation would refuse (a person with themself, a request already
 * pending between the two, a mentorship already open) is never suggested. Reads only: the admin
 * confirms the pairs they keep with `POST /admin/programmes/:id/matches`.
 */
export async function suggestMatches({ db, now }: Ctx, programmeId: string): Promise<MatchSuggestions> {
  const programme = await programmeOrNotFound({ db }, programmeId);
  const at = now();
  const today = isoDay(at);
  if (programme.ends_on < today) throw new ApiError('programme_ended', `${programme.name} has ended: no more matches in it`);
  if (programme.matching !== 'admin_matched') {
    throw new ApiError('conflict', `In ${programme.name} mentees choose their mentors: match suggestions are for admin-matched programmes`);
  }
  const offsets = await zoneOffsets(db, at);
  const [menteeRows, mentorRows] = await Promise.all([menteesToMatch(db, programme.id), mentorsToMatch(db, programme.id, today)]);
  const mentors = mentorRows.map((mentor) => ({ mentor, cap: mentorCap(mentor, programme.max_mentees_per_mentor) })).filter((m) => m.cap > 0);
  const viewers = menteeRows.map((row) => viewerFromProfile(row.id, row, offsets));
  const m = mentors.length;
  const refused = await refusedPairs(db, viewers.map((v) => v.id), mentors.map((x) => x.mentor.id));
  const scores = scoreMatrix(viewers, mentors.map((x) => x.mentor), offsets, (i, j) => refused[i * m + j] === 0);
  const { mentorOf, totalScore } = assign({ menteeCount: viewers.length, mentorCount: m, scores, caps: Int32Array.from(mentors, (x) => x.cap) });

  const pairs: { mentee: number; mentor: number }[] = [];
  const unmatchedIds: string[] = [];
  mentorOf.forEach((j, i) => (j < 0 ? unmatchedIds.push(viewers[i]!.id) : pairs.push({ mentee: i, mentor: j })));
  const people = await loadPeople(db, [...viewers.map((v) => v.id), ...pairs.map((p) => mentors[p.mentor]!.mentor.id)]);
  const order = byName(people);
  const items: MatchSuggestion[] = pairs.map(({ mentee, mentor }) => {
    const viewer = viewers[mentee]!;
    const row = mentors[mentor]!.mentor;
    const { score, reasons } = explainPair(viewer, row, offsets);
    return { menteeId: viewer.id, mentorId: row.id, score, reasons, mentee: personOrThrow(people, viewer.id), mentor: personOrThrow(people, row.id) };
  }).sort((a, b) => order(a.menteeId, b.menteeId));
  unmatchedIds.sort(order);
  return {
    items,
    unmatched: unmatchedIds,
    unmatchedPeople: unmatchedIds.map((id) => personOrThrow(people, id)),
    totalScore,
  };
}
