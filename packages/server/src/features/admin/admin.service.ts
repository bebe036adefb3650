import {
  applicationTransitions,
  canTransition,
  type adminMentorPage,
  type adminMentorQuery,
  type applicationListQuery,
  type ApplicationStatus,
  type MentorApplication,
  type mentorApplicationPage,
  type MentorStatusResult,
  type ProgrammeStats,
} from '@mentorkit/contract';
import type { z } from 'zod';
import { ApiError, notFound } from '../../http/errors.js';
import type { ServiceContext, Viewer } from '../../http/env.js';
import { applicationById, toApplication, toApplications } from '../applications/applications.repository.js';
import { declineAllPending } from '../requests/requests.service.js';
import { decodeTimeCursor, pageOf, UUID } from '../shared/paging.js';
import { record } from '../activity/record.js';
import {
  adminMentorRows,
  applicationQueue,
  insertMentorFromApplication,
  lockMentorStatus,
  toAdminMentors,
  updateApplication,
  updateMentor,
} from './admin.repository.js';
import { programmeStats as computeStats } from './stats.repository.js';

type Ctx = Pick<ServiceContext, 'db' | 'now'>;
type Admin = Pick<Viewer, 'id'>;

const decisions = {
  approve: { to: 'approved', kind: 'application.approved' },
  reject: { to: 'rejected', kind: 'application.rejected' },
  'request-changes': { to: 'changes_requested', kind: 'application.changes_requested' },
} as const satisfies Record<string, { to: ApplicationStatus; kind: string }>;
export type Decision = keyof typeof decisions;

/** The queue of applications in one status; whoever waited longest is answered first. */
export async function listApplications({ db }: Pick<ServiceContext, 'db'>, query: z.output<typeof applicationListQuery>): Promise<z.output<typeof mentorApplicationPage>> {
  const rows = await applicationQueue(db, query.status, decodeTimeCursor(query.cursor), query.limit + 1);
  return pageOf(rows, query.limit, (r) => toApplications(db, r), (r) => ({ at: r.updated_at, id: r.id }));
}

/** One admin decision on an application, with its audit row and the applicant's notification. */
export async function decideApplication({ db, now }: Ctx, viewer: Admin, id: string, which: Decision, notes: string): Promise<MentorApplication> {
  const decision = decisions[which];
  if (!UUID.test(id)) throw notFound('Application');
  return db.transaction().execute(async (trx) => {
    const row = await applicationById(trx, id, true);
    if (!row) throw notFound('Application');
    // Four eyes: an admin who applies to mentor is an applicant like any other.
    if (row.user_id === viewer.id) throw new ApiError('forbidden', 'You cannot decide your own mentor application; another admin must decide it');
    if (!canTransition(applicationTransitions, row.status, decision.to)) {
      throw new ApiError('invalid_transition', `An application that is ${row.status} cannot be ${decision.to}`);
    }
    const at = now();
    const updated = await updateApplication(trx, id, { status: decision.to, decision_notes: notes || null, decided_by: viewer.id, decided_at: at, updated_at: at });
    // The mentor profile starts from the application; the mentor refines it in settings.
    if (decision.to === 'approved') await insertMentorFromApplication(trx, row, at);
    await record(trx, {
      now: at,
      audit: { actorId: viewer.id, action: `application.${decision.to}`, entityType: 'mentor_application', entityId: id, from: row.status, to: decision.to, details: { notes } },
      notices: [{ userId: row.user_id, kind: decision.kind, data: { applicationId: id, notes } }],
    });
    return toApplication(trx, updated);
  });
}

/** Mentors with workload and rating, most recently approved first. */
export async function listMentors({ db }: Pick<ServiceContext, 'db'>, query: z.output<typeof adminMentorQuery>): Promise<z.output<typeof adminMentorPage>> {
  const rows = await adminMentorRows(db, {
    status: query.status,
    name: query.q?.trim() || undefined,
    after: decodeTimeCursor(query.cursor),
    limit: query.limit + 1,
  });
  return pageOf(rows, query.limit, (rs) => toAdminMentors(db, rs), (r) => ({ at: r.approved_at, id: r.user_id }));
}

/** Hides the mentor from search and declines their pending requests. */
export async function suspendMentor({ db, now }: Ctx, viewer: Admin, id: string, reason: string): Promise<MentorStatusResult> {
  if (!UUID.test(id)) throw notFound('Mentor');
  return db.transaction().execute(async (trx) => {
    const status = await lockMentorStatus(trx, id);
    if (!status) throw notFound('Mentor');
    if (status === 'suspended') throw new ApiError('invalid_transition', 'This mentor is already suspended');
    const at = now();
    await updateMentor(trx, id, { status: 'suspended', suspended_at: at, suspended_reason: reason, updated_at: at });
    // Running mentorships go on; waiting mentees are told at once instead of waiting for expiry.
    const declined = await declineAllPending(trx, id, viewer.id, at, null);
    await record(trx, {
      now: at,
      audit: { actorId: viewer.id, action: 'mentor.suspended', entityType: 'mentor', entityId: id, from: 'active', to: 'suspended', details: { reason, declinedRequests: declined } },
      notices: [{ userId: id, kind: 'mentor.suspended', data: { reason } }],
    });
    return { id, status: 'suspended' as const, declinedRequests: declined };
  });
}

export async function reactivateMentor({ db, now }: Ctx, viewer: Admin, id: string): Promise<MentorStatusResult> {
  if (!UUID.test(id)) throw notFound('Mentor');
  return db.transaction().execute(async (trx) => {
    const status = await lockMentorStatus(trx, id);
    if (!status) throw notFound('Mentor');
    if (status === 'active') throw new ApiError('invalid_transition', 'This mentor is already active');
    const at = now();
    await updateMentor(trx, id, { status: 'active', suspended_at: null, suspended_reason: null, updated_at: at });
    await record(trx, {
      now: at,
      audit: { actorId: viewer.id, action: 'mentor.reactivated', entityType: 'mentor', entityId: id, from: 'suspended', to: 'active' },
      notices: [{ userId: id, kind: 'mentor.reactivated', data: {} }],
    });
    return { id, status: 'active' as const, declinedRequests: 0 };
  });
}

export function programmeStats({ db, now }: Ctx): Promise<ProgrammeStats> {
  return computeStats(db, now());
}
