import {
  canTransition,
  mentorshipActions,
  mentorshipTransitions,
  type Feedback,
  type Mentorship,
  type MentorshipAction,
  type MentorshipStatus,
  type Page,
  type StatusChange,
} from '@mentorkit/contract';
import type { Kysely, Selectable } from 'kysely';
import type { Database, FeedbackTable } from '../../db/schema.js';
import { ApiError } from '../../http/errors.js';
import { cancelFutureMeetings } from '../meetings/meetings.repository.js';
import { toMentorship } from '../mentorships/mentorships.repository.js';
import { record } from '../shared/record.js';
import { bothParties, isEnded, otherParty, partyMentorship, type Db } from './workspace.js';

const pastTense = { pause: 'paused', resume: 'resumed', complete: 'completed', cancel: 'cancelled' } as const satisfies Record<MentorshipAction, string>;

/**
 * Moves a mentorship along `mentorshipTransitions` for either party. Ending it (complete or
 * cancel) frees the mentor's slot (the trigger on `mentorships`) and cancels its meetings still
 * ahead. Audit row, the other party's notification and both parties' events go in the same
 * transaction.
 */
export async function changeStatus(
  db: Kysely<Database>,
  change: { mentorshipId: string; viewerId: string; viewerName: string; action: MentorshipAction; reason?: string; now: () => Date },
): Promise<Mentorship> {
  const seen = await partyMentorship(db, change.mentorshipId, change.viewerId);
  return db.transaction().execute(async (trx) => {
    // The mentor row first, as in accept: the slot trigger updates it on every status change.
    await trx.selectFrom('mentors').select('user_id').where('user_id', '=', seen.mentor_id).forUpdate().execute();
    const row = await partyMentorship(trx, seen.id, change.viewerId, true);
    const to: MentorshipStatus = mentorshipActions[change.action];
    if (!canTransition(mentorshipTransitions, row.status, to)) {
      throw new ApiError('invalid_transition', `A ${row.status} mentorship cannot be ${to === 'active' ? 'resumed' : to}`);
    }
    const at = change.now();
    const ends = isEnded(to);
    const updated = await trx.updateTable('mentorships')
      .set({ status: to, updated_at: at, ...(ends ? { ended_at: at, end_reason: change.reason ?? null } : {}) })
      .where('id', '=', row.id)
      .returningAll().executeTakeFirstOrThrow();
    const mentorship = await toMentorship(trx, updated);
    const verb = pastTense[change.action];
    await record(trx, {
      now: at,
      audit: {
        actorId: change.viewerId, action: `mentorship.${verb}`, entityType: 'mentorship', entityId: row.id,
        from: row.status, to, details: change.reason ? { reason: change.reason } : {},
      },
      notices: [{
        userId: otherParty(row, change.viewerId),
        kind: `mentorship.${verb}`,
        data: { mentorshipId: row.id, byId: change.viewerId, byName: change.viewerName, ...(change.reason ? { reason: change.reason } : {}) },
      }],
      events: bothParties(row, 'mentorship.updated', mentorship),
    });
    if (ends) await cancelFutureMeetings(trx, row, change.viewerId, at, `The mentorship was ${to}`);
    return mentorship;
  });
}

/** History cursors are audit-log ids (`bigint`, read as strings). */
const encodeIdCursor = (id: string) => Buffer.from(id).toString('base64url');
function decodeIdCursor(raw: string | undefined): string | undefined {
  if (raw === undefined) return undefined;
  const id = Buffer.from(raw, 'base64url').toString('utf8');
  if (!/^\d{1,19}$/.test(id)) {
    throw new ApiError('validation_failed', 'Invalid query: cursor', [{ path: ['cursor'], message: 'Not a cursor from this list' }]);
  }
  return id;
}

/** The status changes of a mentorship, oldest first, from the audit log. */
export async function statusHistory(db: Db, mentorshipId: string, query: { limit: number; cursor?: string | undefined }): Promise<Page<StatusChange>> {
  const after = decodeIdCursor(query.cursor);
  let q = db.selectFrom('audit_log').select(['id', 'actor_id', 'from_state', 'to_state', 'details', 'created_at'])
    .where('entity_type', '=', 'mentorship').where('entity_id', '=', mentorshipId).where('to_state', 'is not', null);
  if (after) q = q.where('id', '>', after);
  const rows = await q.orderBy('id').limit(query.limit + 1).execute();
  const kept = rows.slice(0, query.limit);
  return {
    items: kept.map((r) => ({
      at: r.created_at.toISOString(),
      from: r.from_state as MentorshipStatus | null,
      to: r.to_state as MentorshipStatus,
      actorId: r.actor_id,
      reason: typeof r.details['reason'] === 'string' ? r.details['reason'] : null,
    })),
    nextCursor: rows.length > query.limit && kept.length > 0 ? encodeIdCursor(String(kept.at(-1)!.id)) : null,
  };
}

export function toFeedback(r: Selectable<FeedbackTable>): Feedback {
  return {
    id: r.id,
    mentorshipId: r.mentorship_id,
    authorId: r.author_id,
    subjectId: r.subject_id,
    rating: r.rating,
    comment: r.comment,
    createdAt: r.created_at.toISOString(),
  };
}
