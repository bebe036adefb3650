import {
  canTransition,
  mentorshipActions,
  mentorshipTransitions,
  type Feedback,
  type FeedbackStatus,
  type Mentorship,
  type MentorshipAction,
  type MentorshipStatus,
  type Page,
  type StatusChange,
} from '@mentorkit/contract';
import { ApiError, notFound } from '../../http/errors.js';
import type { ServiceContext, Viewer } from '../../http/env.js';
import { cancelFutureMeetings } from '../meetings/meetings.service.js';
import { toMentorship } from '../mentorships/mentorships.repository.js';
import { createOnce } from '../shared/idempotency.js';
import { UUID } from '../shared/paging.js';
import { record } from '../activity/record.js';
import {
  feedbackById,
  feedbackOn,
  hasGivenFeedback,
  insertFeedback,
  lockMentorOfMentorship,
  setMentorshipStatus,
  statusHistory,
  toFeedback,
} from './lifecycle.repository.js';
import { bothParties, isEnded, otherParty, partyMentorship } from './workspace.js';

const pastTense = { pause: 'paused', resume: 'resumed', complete: 'completed', cancel: 'cancelled' } as const satisfies Record<MentorshipAction, string>;

/**
 * Moves a mentorship along `mentorshipTransitions` for either party. Ending it (complete or
 * cancel) frees the mentor's slot (the trigger on `mentorships`) and cancels its meetings still
 * ahead. Audit row, the other party's notification and both parties' events go in the same
 * transaction.
 */
export async function changeMentorshipStatus(
  { db, now }: Pick<ServiceContext, 'db' | 'now'>,
  viewer: Pick<Viewer, 'id' | 'name'>,
  mentorshipId: string,
  action: MentorshipAction,
  reason?: string,
): Promise<Mentorship> {
  if (!UUID.test(mentorshipId)) throw notFound('Mentorship');
  return db.transaction().execute(async (trx) => {
    // Lock order everywhere: the mentor row, then the mentorship.
    await lockMentorOfMentorship(trx, mentorshipId, viewer.id);
    const row = await partyMentorship(trx, mentorshipId, viewer.id, true);
    const to: MentorshipStatus = mentorshipActions[action];
    if (!canTransition(mentorshipTransitions, row.status, to)) {
      throw new ApiError('invalid_transition', `A ${row.status} mentorship cannot be ${to === 'active' ? 'resumed' : to}`);
    }
    const at = now();
    const ends = isEnded(to);
    const updated = await setMentorshipStatus(trx, row.id, to, at, ends ? { reason: reason ?? null } : undefined);
    const mentorship = await toMentorship(trx, updated);
    const verb = pastTense[action];
    await record(trx, {
      now: at,
      audit: {
        actorId: viewer.id, action: `mentorship.${verb}`, entityType: 'mentorship', entityId: row.id,
        from: row.status, to, details: reason ? { reason } : {},
      },
      notices: [{
        userId: otherParty(row, viewer.id),
        kind: `mentorship.${verb}`,
        data: { mentorshipId: row.id, byId: viewer.id, byName: viewer.name, ...(reason ? { reason } : {}) },
      }],
      events: bothParties(row, 'mentorship.updated', mentorship),
    });
    if (ends) await cancelFutureMeetings(trx, row, viewer.id, at, `The mentorship was ${to}`);
    return mentorship;
  });
}

/** The status changes of one of the viewer's mentorships, oldest first. */
export async function mentorshipHistory(
  { db }: Pick<ServiceContext, 'db'>,
  viewer: Pick<Viewer, 'id'>,
  mentorshipId: string,
  query: { limit: number; cursor?: string | undefined },
): Promise<Page<StatusChange>> {
  const row = await partyMentorship(db, mentorshipId, viewer.id);
  return statusHistory(db, row.id, query);
}

/** Whether the viewer may still leave feedback, theirs if given, and whether the other party gave theirs. */
export async function feedbackStatus({ db }: Pick<ServiceContext, 'db'>, viewer: Pick<Viewer, 'id'>, mentorshipId: string): Promise<FeedbackStatus> {
  const row = await partyMentorship(db, mentorshipId, viewer.id);
  const given = await feedbackOn(db, row.id);
  const mine = given.find((f) => f.author_id === viewer.id);
  return {
    canLeaveFeedback: row.status === 'completed' && !mine,
    mine: mine ? toFeedback(mine) : null,
    otherPartySubmitted: given.some((f) => f.author_id === otherParty(row, viewer.id)),
  };
}

/** Once per party, only after completion; the subject is the other party (a mentee's rating feeds the mentor's stats). */
export async function leaveFeedback(
  { db, now }: Pick<ServiceContext, 'db' | 'now'>,
  viewer: Pick<Viewer, 'id' | 'name'>,
  mentorshipId: string,
  input: { rating: number; comment: string },
  idempotencyKey: string | undefined,
): Promise<Feedback> {
  const { resource } = await createOnce(
    db,
    { userId: viewer.id, scope: 'feedback', key: idempotencyKey },
    async (trx, id) => {
      const row = await partyMentorship(trx, mentorshipId, viewer.id, true);
      if (row.status !== 'completed') {
        throw new ApiError('invalid_transition', 'Feedback opens once the mentorship is completed');
      }
      if (await hasGivenFeedback(trx, row.id, viewer.id)) throw new ApiError('conflict', 'You already left feedback on this mentorship');
      const at = now();
      const subjectId = otherParty(row, viewer.id);
      const feedback = await insertFeedback(trx, { id, mentorshipId: row.id, authorId: viewer.id, subjectId, rating: input.rating, comment: input.comment, at });
      await record(trx, {
        now: at,
        audit: { actorId: viewer.id, action: 'feedback.created', entityType: 'feedback', entityId: id, details: { mentorshipId: row.id, subjectId, rating: input.rating } },
        notices: [{ userId: subjectId, kind: 'feedback.received', data: { mentorshipId: row.id, feedbackId: id, byId: viewer.id, byName: viewer.name } }],
      });
      return feedback;
    },
    (id) => feedbackById(db, id),
  );
  return resource;
}
