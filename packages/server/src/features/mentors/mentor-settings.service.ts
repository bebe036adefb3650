import type { MentorSettingsPatch, MentorSettingsResult } from '@mentorkit/contract';
import { ApiError, notFound } from '../../http/errors.js';
import type { ServiceContext, Viewer } from '../../http/env.js';
import { toMentorSettings } from '../me/me.repository.js';
import { declineAllPending } from '../requests/requests.service.js';
import { record } from '../activity/record.js';
import { lockMentor, updateMentor } from './mentor-settings.repository.js';

/**
 * A mentor's availability, capacity and mentoring profile. Capacity never goes below the
 * mentorships already open (read under the mentor row's lock, which accepting also takes).
 */
export async function updateMentorSettings({ db, now }: Pick<ServiceContext, 'db' | 'now'>, viewer: Pick<Viewer, 'id'>, patch: MentorSettingsPatch): Promise<MentorSettingsResult> {
  if (patch.declinePending && patch.acceptingMentees !== false) {
    throw new ApiError('validation_failed', 'declinePending goes with acceptingMentees: false', [
      { path: ['declinePending'], message: 'Only when you stop accepting mentees' },
    ]);
  }
  return db.transaction().execute(async (trx) => {
    const current = await lockMentor(trx, viewer.id);
    if (!current) throw notFound('Mentor profile');
    if (patch.capacity !== undefined && patch.capacity < current.open_mentorships) {
      throw new ApiError('conflict', `You have ${current.open_mentorships} active or paused mentorships; capacity cannot go below that`);
    }
    const at = now();
    const row = await updateMentor(trx, viewer.id, patch, at);
    const declined = patch.declinePending ? await declineAllPending(trx, viewer.id, viewer.id, at, null) : 0;
    if (patch.acceptingMentees !== undefined && patch.acceptingMentees !== current.accepting_mentees) {
      await record(trx, {
        now: at,
        audit: {
          actorId: viewer.id, action: 'mentor.accepting_changed', entityType: 'mentor', entityId: viewer.id,
          from: String(current.accepting_mentees), to: String(patch.acceptingMentees), details: { declinedPending: declined },
        },
      });
    }
    return { ...toMentorSettings(row, at), declinedRequests: declined };
  });
}
