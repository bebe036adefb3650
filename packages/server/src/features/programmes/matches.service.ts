import { randomUUID } from 'node:crypto';
import type { ErrorCode, MatchesResult, MatchPair, matchesInput, MatchScore, MentorshipRequest, RefusedPair } from '@mentorkit/contract';
import type { z } from 'zod';
import type { Db } from '../../db/schema.js';
import { ApiError } from '../../http/errors.js';
import type { ServiceContext, Viewer } from '../../http/env.js';
import { record } from '../activity/record.js';
import { isoDay } from '../mentors/availability.js';
import { viewerFromProfile } from '../mentors/mentors.repository.js';
import { zoneOffsets } from '../mentors/time-zones.js';
import { openRequest } from '../requests/requests.service.js';
import { lockMentees, lockMentorsForMatches, menteesForIntroduction, menteesUnderWay, pairsTaken, type MenteeForIntroduction, type MentorForMatch } from './matches.repository.js';
import { explainPair } from './match-scores.js';
import { enrolledIds, programmeById, type ProgrammeRow } from './programmes.repository.js';
import { programmeOrNotFound } from './programmes.service.js';
import { mentorsToMatch } from './suggestions.repository.js';
import { mentorCap } from './mentor-cap.js';

type Ctx = Pick<ServiceContext, 'db' | 'now' | 'config'>;

const pairKey = (p: MatchPair) => `${p.menteeId} ${p.mentorId}`;

/**
 * The score and reasons the mentee sees for the mentor in search (`explainPair`, as suggestions
 * explain a pair), so the mentee's notice explains the introduction in the words the admin read.
 * Read before the locks are taken: an explanation, not a rule. Pairs with a mentor search does not
 * show (not enrolled, unlisted) get none; most are refused anyway.
 */
async function scoresOf(db: Db, programme: ProgrammeRow, pairs: MatchPair[], at: Date): Promise<Map<string, MatchScore>> {
  const offsets = await zoneOffsets(db, at);
  const mentors = new Map((await mentorsToMatch(db, programme.id, isoDay(at))).map((m) => [m.id, m]));
  const mentees = await menteesForIntroduction(db, programme.id, [...new Set(pairs.map((p) => p.menteeId))]);
  const viewers = new Map<string, ReturnType<typeof viewerFromProfile>>();
  const scores = new Map<string, MatchScore>();
  for (const pair of pairs) {
    const mentor = mentors.get(pair.mentorId);
    if (!mentor) continue;
    let viewer = viewers.get(pair.menteeId);
    if (!viewer) viewers.set(pair.menteeId, (viewer = viewerFromProfile(pair.menteeId, mentees.get(pair.menteeId)?.profile, offsets)));
    scores.set(pairKey(pair), explainPair(viewer, mentor, offsets));
  }
  return scores;
}

/**
 * How many more of the programme's mentees a mentor can be introduced to (`mentorCap`, the rule
 * suggestions follow too), from the locked row and the counts read under the lock; null when the
 * mentor is not taking mentees at all (suspended, not accepting, away).
 */
function roomOf(mentor: MentorForMatch, programme: ProgrammeRow, today: string): number | null {
  const away = mentor.away_until !== null && mentor.away_until >= today;
  if (mentor.status !== 'active' || mentor.deleted_at !== null || !mentor.accepting_mentees || away) return null;
  return mentorCap({ ...mentor, free_slots: Math.max(0, mentor.capacity - mentor.open_mentorships) }, programme.max_mentees_per_mentor);
}

/** The goals an introduction's request carries: the mentee's for the programme, else their profile's, else a sentence naming the programme. */
function introductionGoals(mentee: MenteeForIntroduction | undefined, programme: ProgrammeRow): string {
  const goals = mentee?.enrolmentGoals.trim() || mentee?.profile.goals?.trim() || `Introduced in ${programme.name}; goals to agree at the first meeting.`;
  return goals.slice(0, 2000);
}

/**
 * An admin confirms reviewed pairs of a programme: each valid pair becomes a pending request from
 * the mentee to the mentor, marked `introduced` (the mentee is told why, the mentor answers as
 * usual); each other pair is refused with its reason, and the valid ones are still made. The
 * whole call is refused when the programme has ended.
 */
export async function confirmMatches({ db, now, config }: Ctx, viewer: Pick<Viewer, 'id'>, programmeId: string, input: z.output<typeof matchesInput>): Promise<MatchesResult> {
  const before = await programmeOrNotFound({ db }, programmeId);
  if (before.ends_on < isoDay(now())) throw new ApiError('programme_ended', `${before.name} has ended: no more introductions in it`);
  const scores = await scoresOf(db, before, input.pairs, now());
  return db.transaction().execute(async (trx): Promise<MatchesResult> => {
    const at = now();
    const today = isoDay(at);
    // Lock order everywhere: the programme row (shared), mentor rows (in id order), mentee rows, then requests.
    const programme = await programmeById(trx, before.id, 'share');
    if (!programme) throw new ApiError('conflict', 'The programme was deleted while these matches were being confirmed');
    if (programme.ends_on < today) throw new ApiError('programme_ended', `${programme.name} has ended: no more introductions in it`);
    const menteeIds = [...new Set(input.pairs.map((p) => p.menteeId))];
    const mentorIds = [...new Set(input.pairs.map((p) => p.mentorId))];
    const mentors = await lockMentorsForMatches(trx, programme.id, mentorIds);
    await lockMentees(trx, menteeIds);
    const enrolledMentees = new Set(await enrolledIds(trx, programme.id, 'mentee'));
    const enrolledMentors = new Set(await enrolledIds(trx, programme.id, 'mentor'));
    const taken = await pairsTaken(trx, menteeIds, mentorIds);
    // Each mentee once per programme: a pending introduction or request, or an open mentorship, in it already.
    const underWay = await menteesUnderWay(trx, programme.id, menteeIds);
    const room = new Map([...mentors].map(([id, m]) => [id, roomOf(m, programme, today)]));

    const refused: RefusedPair[] = [];
    const accepted: MatchPair[] = [];
    const seenMentees = new Set<string>();
    const refuse = (pair: MatchPair, code: ErrorCode, message: string) => refused.push({ menteeId: pair.menteeId, mentorId: pair.mentorId, code, message });
    for (const pair of input.pairs) {
      const repeated = seenMentees.has(pair.menteeId);
      seenMentees.add(pair.menteeId);
      if (pair.menteeId === pair.mentorId) { refuse(pair, 'validation_failed', 'A person cannot be introduced to themself'); continue; }
      if (repeated) { refuse(pair, 'conflict', 'This mentee is in an earlier pair of the set: each mentee is introduced once'); continue; }
      if (!enrolledMentees.has(pair.menteeId)) { refuse(pair, 'not_enrolled', `The mentee is not enrolled in ${programme.name} as a mentee`); continue; }
      if (!enrolledMentors.has(pair.mentorId) || !mentors.has(pair.mentorId)) { refuse(pair, 'not_enrolled', `The mentor is not enrolled in ${programme.name} as a mentor`); continue; }
      if (taken.open.has(pairKey(pair))) { refuse(pair, 'conflict', 'This mentor already mentors this mentee'); continue; }
      if (taken.pending.has(pairKey(pair))) { refuse(pair, 'duplicate_request', 'A request between these two is already pending'); continue; }
      if (underWay.has(pair.menteeId)) { refuse(pair, 'conflict', `This mentee already has a pending request or a mentorship in ${programme.name}`); continue; }
      const left = room.get(pair.mentorId) ?? null;
      if (left === null) { refuse(pair, 'mentor_unavailable', 'This mentor is not taking new mentees right now'); continue; }
      if (left <= 0) {
        refuse(pair, 'capacity_reached', programme.max_mentees_per_mentor === null
          ? 'This mentor has no free slot left'
          : `This mentor has no free slot left within ${programme.name}'s limit of ${programme.max_mentees_per_mentor} mentees per mentor`);
        continue;
      }
      room.set(pair.mentorId, left - 1);
      accepted.push(pair);
    }

    const mentees = await menteesForIntroduction(trx, programme.id, accepted.map((p) => p.menteeId));
    const items: MentorshipRequest[] = [];
    for (const pair of accepted) {
      const mentee = mentees.get(pair.menteeId);
      const { score, reasons } = scores.get(pairKey(pair)) ?? { score: 0, reasons: [] };
      items.push(await openRequest(trx, {
        id: randomUUID(),
        menteeId: pair.menteeId,
        mentorId: pair.mentorId,
        goals: introductionGoals(mentee, programme),
        skillsSeeking: (mentee?.profile.skills ?? []).slice(0, 10),
        message: '',
        programmeId: programme.id,
        introduced: true,
      }, {
        actorId: viewer.id,
        now: at,
        ttlDays: config.MENTORSHIP_REQUEST_TTL_DAYS,
        moreNotices: (request) => [{
          userId: pair.menteeId,
          kind: 'programme.introduced',
          data: { programmeId: programme.id, programmeName: programme.name, requestId: request.id, mentorId: pair.mentorId, mentorName: request.mentor.name, score, reasons },
        }],
      }));
    }
    await record(trx, {
      now: at,
      audit: {
        actorId: viewer.id, action: 'programme.matches_confirmed', entityType: 'programme', entityId: programme.id,
        details: { requested: input.pairs.length, introduced: items.length, refused: refused.map((r) => ({ menteeId: r.menteeId, mentorId: r.mentorId, code: r.code })) },
      },
    });
    return { items, refused };
  });
}
