import { mentorSettingsPatch } from '@mentorkit/contract';
import { Hono } from 'hono';
import { ApiError, notFound } from '../../http/errors.js';
import type { AppEnv } from '../../http/env.js';
import { validate } from '../../http/validate.js';
import { toMentorSettings } from '../me/me.repository.js';
import { declineAllPending } from '../requests/requests.repository.js';
import { record } from '../shared/record.js';

/**
 * `PATCH /mentors/me`: a mentor's availability, capacity and mentoring profile. Mounted inside
 * `mentorRoutes`, whose `requireViewer` guards it (one token check per request).
 */
export const mentorSettingsRoutes = new Hono<AppEnv>()
  .patch('/me', validate('json', mentorSettingsPatch), async (c) => {
    const { db, now } = c.get('deps');
    const viewer = c.get('viewer');
    const patch = c.req.valid('json');
    if (patch.declinePending && patch.acceptingMentees !== false) {
      throw new ApiError('validation_failed', 'declinePending goes with acceptingMentees: false', [
        { path: ['declinePending'], message: 'Only when you stop accepting mentees' },
      ]);
    }
    const result = await db.transaction().execute(async (trx) => {
      const current = await trx.selectFrom('mentors').selectAll().where('user_id', '=', viewer.id).forUpdate().executeTakeFirst();
      if (!current) throw notFound('Mentor profile');
      if (patch.capacity !== undefined && patch.capacity < current.open_mentorships) {
        throw new ApiError('conflict', `You have ${current.open_mentorships} active or paused mentorships; capacity cannot go below that`);
      }
      const at = now();
      const row = await trx.updateTable('mentors').set({
        ...(patch.acceptingMentees !== undefined ? { accepting_mentees: patch.acceptingMentees } : {}),
        ...(patch.capacity !== undefined ? { capacity: patch.capacity } : {}),
        ...(patch.awayUntil !== undefined ? { away_until: patch.awayUntil } : {}),
        ...(patch.expertise !== undefined ? { expertise: patch.expertise } : {}),
        ...(patch.yearsOfExperience !== undefined ? { years_of_experience: patch.yearsOfExperience } : {}),
        ...(patch.mentoringBio !== undefined ? { mentoring_bio: patch.mentoringBio } : {}),
        ...(patch.meetingFormats !== undefined ? { meeting_formats: [...new Set(patch.meetingFormats)] } : {}),
        updated_at: at,
      }).where('user_id', '=', viewer.id).returningAll().executeTakeFirstOrThrow();
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
    return c.json(result, 200);
  });
