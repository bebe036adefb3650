import type { MentorSettingsPatch } from '@mentorkit/contract';
import type { Db } from '../../db/schema.js';

/** The caller's mentor row, locked for the rest of the transaction. */
export function lockMentor(db: Db, userId: string) {
  return db.selectFrom('mentors').selectAll().where('user_id', '=', userId).forUpdate().executeTakeFirst();
}

/** Writes the fields the patch names; the others keep their values. */
export function updateMentor(db: Db, userId: string, patch: MentorSettingsPatch, at: Date) {
  return db.updateTable('mentors').set({
    ...(patch.acceptingMentees !== undefined ? { accepting_mentees: patch.acceptingMentees } : {}),
    ...(patch.capacity !== undefined ? { capacity: patch.capacity } : {}),
    ...(patch.awayUntil !== undefined ? { away_until: patch.awayUntil } : {}),
    ...(patch.expertise !== undefined ? { expertise: patch.expertise } : {}),
    ...(patch.yearsOfExperience !== undefined ? { years_of_experience: patch.yearsOfExperience } : {}),
    ...(patch.mentoringBio !== undefined ? { mentoring_bio: patch.mentoringBio } : {}),
    ...(patch.meetingFormats !== undefined ? { meeting_formats: [...new Set(patch.meetingFormats)] } : {}),
    updated_at: at,
  }).where('user_id', '=', userId).returningAll().executeTakeFirstOrThrow();
}
