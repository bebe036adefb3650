import { applicationTransitions, canTransition, type MentorApplication, type mentorApplicationInput, type MyMentorApplication } from '@mentorkit/contract';
import type { z } from 'zod';
import type { Db } from '../../db/schema.js';
import { ApiError, notFound } from '../../http/errors.js';
import type { ServiceContext, Viewer } from '../../http/env.js';
import { createOnce, idempotencyKeyFrom } from '../shared/idempotency.js';
import { record } from '../activity/record.js';
import type { Notice } from '../shared/activity.js';
import {
  applicationById,
  insertApplication,
  isMentor,
  latestApplication,
  lockApplicant,
  openApplicationStatus,
  resubmit,
  reviewerIds,
  toApplication,
} from './applications.repository.js';

type Ctx = Pick<ServiceContext, 'db' | 'now'>;
type Applicant = Pick<Viewer, 'id' | 'name'>;
type Input = z.output<typeof mentorApplicationInput>;

/**
 * Every admin hears of an application waiting for review (a new one or a resubmission), so the
 * review queue and the admin's notifications update live. An admin applying is not told of their own.
 */
async function reviewersNotice(db: Db, applicant: Applicant, applicationId: string, resubmitted: boolean): Promise<Notice[]> {
  return (await reviewerIds(db, applicant.id)).map((adminId) => ({
    userId: adminId,
    kind: 'application.submitted',
    data: { applicationId, applicantName: applicant.name, resubmitted },
  }));
}

/** An alumnus applies for mentor status. With an `Idempotency-Key`, a repeat answers with the first application. */
export async function applyAsMentor({ db, now }: Ctx, viewer: Applicant, input: Input, idempotencyKeyHeader: string | undefined): Promise<MentorApplication> {
  const { resource } = await createOnce(
    db,
    { userId: viewer.id, scope: 'mentor-application', key: idempotencyKeyFrom(idempotencyKeyHeader) },
    async (trx, id) => {
      // Serialize one person's applications: the unique partial index is the backstop.
      await lockApplicant(trx, viewer.id);
      if (await isMentor(trx, viewer.id)) throw new ApiError('conflict', 'You are already a mentor');
      const open = await openApplicationStatus(trx, viewer.id);
      if (open) {
        throw new ApiError('conflict', open === 'changes_requested'
          ? 'Your application awaits changes: resubmit it instead'
          : 'You already have an application in review');
      }
      const at = now();
      const row = await insertApplication(trx, id, viewer.id, input, at);
      await record(trx, {
        now: at,
        audit: { actorId: viewer.id, action: 'application.submitted', entityType: 'mentor_application', entityId: id, from: null, to: 'pending' },
        notices: await reviewersNotice(trx, viewer, id, false),
      });
      return toApplication(trx, row);
    },
    async (id) => toApplication(db, (await applicationById(db, id))!),
  );
  return resource;
}

/** The caller's latest application. Never applied is an answer, not an error: every non-mentor's dashboard asks. */
export async function myApplication({ db }: Pick<ServiceContext, 'db'>, viewer: Pick<Viewer, 'id'>): Promise<MyMentorApplication> {
  const row = await latestApplication(db, viewer.id);
  return { application: row ? await toApplication(db, row) : null };
}

/** Resubmits the latest application after an admin asked for changes. */
export async function resubmitApplication({ db, now }: Ctx, viewer: Applicant, input: Input): Promise<MentorApplication> {
  return db.transaction().execute(async (trx) => {
    const latest = await latestApplication(trx, viewer.id);
    if (!latest) throw notFound('Application');
    const current = await applicationById(trx, latest.id, true);
    if (!current || !canTransition(applicationTransitions, current.status, 'pending')) {
      throw new ApiError('invalid_transition', `An application that is ${current?.status ?? 'gone'} cannot be resubmitted`);
    }
    const at = now();
    const row = await resubmit(trx, current.id, input, at);
    await record(trx, {
      now: at,
      audit: { actorId: viewer.id, action: 'application.resubmitted', entityType: 'mentor_application', entityId: row.id, from: current.status, to: 'pending' },
      notices: await reviewersNotice(trx, viewer, row.id, true),
    });
    return toApplication(trx, row);
  });
}
