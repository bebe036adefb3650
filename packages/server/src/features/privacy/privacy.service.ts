import { ACCOUNT_ERASED_REASON, type AccountErasure, type AccountExport } from '@mentorkit/contract';
import type { Transaction } from 'kysely';
import { accountDeleted } from '../../auth/users.repository.js';
import type { Database } from '../../db/schema.js';
import type { ServiceContext, Viewer } from '../../http/env.js';
import { otherParty } from '../lifecycle/workspace.js';
import { getMe } from '../me/me.service.js';
import { cancelFutureMeetings } from '../meetings/meetings.service.js';
import { toMentorships } from '../mentorships/mentorships.repository.js';
import { requestEvents, toRequests, withdrawAllSent } from '../requests/requests.repository.js';
import { declineAllPending } from '../requests/requests.service.js';
import { announceErased, record } from '../activity/record.js';
import { cancelOpenMentorships, DELETED_NAME, erasePersonalData, lockAccount, lockMentors, markErased, openMentorshipsOf } from './erase.repository.js';
import { accountRecords } from './export.repository.js';

type Ctx = Pick<ServiceContext, 'db' | 'now'>;

/**
 * Everything kept about the viewer as one document, read in one REPEATABLE READ snapshot so the
 * parts agree with each other.
 */
export async function exportAccount({ db, now }: Ctx, viewer: Pick<Viewer, 'id'>): Promise<AccountExport> {
  const at = now();
  return db.transaction().setIsolationLevel('repeatable read').execute(async (trx) => {
    const me = await getMe({ db: trx, now: () => at }, viewer);
    const records = await accountRecords(trx, viewer.id, at);
    return { exportedAt: at.toISOString(), user: me.user, profile: me.profile, mentor: me.mentor, ...records };
  });
}

/** Withdraws the person's waiting requests, telling each mentor. */
async function withdrawSent(trx: Transaction<Database>, userId: string, at: Date): Promise<number> {
  const rows = await withdrawAllSent(trx, userId);
  for (const request of await toRequests(trx, rows)) {
    await record(trx, {
      now: at,
      audit: { actorId: userId, action: 'request.withdrawn', entityType: 'mentorship_request', entityId: request.id, from: 'pending', to: 'withdrawn', details: { reason: 'account_erased' } },
      notices: [{ userId: request.mentor.id, kind: 'request.withdrawn', data: { requestId: request.id, menteeId: userId, menteeName: DELETED_NAME } }],
      events: requestEvents(request, 'request.updated'),
    });
  }
  return rows.length;
}

/**
 * Cancels the person's active and paused mentorships (freeing mentors' slots through the slot
 * trigger, cancelling meetings ahead), telling the other party. The mentor rows are locked first,
 * in id order, as everywhere else that changes a mentorship's status, so this cannot deadlock
 * with an accept or a status change of the same mentors.
 */
async function cancelOpen(trx: Transaction<Database>, userId: string, at: Date): Promise<number> {
  const open = await openMentorshipsOf(trx, userId);
  if (open.length === 0) return 0;
  await lockMentors(trx, [...new Set(open.map((m) => m.mentor_id))]);
  const rows = await cancelOpenMentorships(trx, userId, ACCOUNT_ERASED_REASON, at);
  const mentorships = await toMentorships(trx, rows);
  const before = new Map(open.map((m) => [m.id, m.status]));
  for (const [i, row] of rows.entries()) {
    const other = otherParty(row, userId);
    await record(trx, {
      now: at,
      audit: { actorId: userId, action: 'mentorship.cancelled', entityType: 'mentorship', entityId: row.id, from: before.get(row.id) ?? null, to: 'cancelled', details: { reason: ACCOUNT_ERASED_REASON } },
      notices: [{ userId: other, kind: 'mentorship.cancelled', data: { mentorshipId: row.id, byId: userId, byName: DELETED_NAME, reason: ACCOUNT_ERASED_REASON } }],
      events: [{ userId: other, type: 'mentorship.updated', data: mentorships[i]! }],
    });
    await cancelFutureMeetings(trx, row, userId, at, ACCOUNT_ERASED_REASON);
  }
  return rows.length;
}

/**
 * Erases the viewer's account in one transaction: the account is marked deleted first, so that
 * every notification and event written below already names a "Deleted user"; waiting requests
 * are withdrawn or declined and open mentorships cancelled; then every personal field and the
 * texts the person wrote into shared records are emptied (`erasePersonalData`). Messages stay for
 * the other party with `senderId` null ("Deleted user"); other rows keep the id, which now names
 * nobody (`loadPeople`). RELIABILITY.md has the table.
 */
export async function eraseAccount({ db, now }: Ctx, viewer: Pick<Viewer, 'id'>): Promise<AccountErasure> {
  const userId = viewer.id;
  return db.transaction().execute(async (trx) => {
    if ((await lockAccount(trx, userId)) !== null) throw accountDeleted();
    const at = now();
    await markErased(trx, userId, at);
    const withdrawnRequests = await withdrawSent(trx, userId, at);
    const declinedRequests = await declineAllPending(trx, userId, userId, at, null);
    const cancelledMentorships = await cancelOpen(trx, userId, at);
    await erasePersonalData(trx, userId, at);
    await announceErased(trx, [userId]);
    await record(trx, {
      now: at,
      audit: { actorId: userId, action: 'user.erased', entityType: 'user', entityId: userId, details: { withdrawnRequests, declinedRequests, cancelledMentorships } },
    });
    return { erasedAt: at.toISOString(), withdrawnRequests, declinedRequests, cancelledMentorships };
  });
}
