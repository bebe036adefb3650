import type { MentorSettings, Profile, ProfileInput } from '@mentorkit/contract';
import type { Selectable } from 'kysely';
import type { Db, MentorsTable, ProfileRow, UserRow } from '../../db/schema.js';
import { dateOnly, deriveAvailability, isoDay } from '../mentors/availability.js';

export function toProfile(row: ProfileRow): Profile {
  return {
    userId: row.user_id,
    headline: row.headline,
    bio: row.bio,
    goals: row.goals,
    skills: row.skills,
    industry: row.industry,
    company: row.company,
    position: row.position,
    location: row.location,
    timeZone: row.time_zone,
    languages: row.languages,
    graduationYear: row.graduation_year,
    programme: row.programme,
    linkedinUrl: row.linkedin_url,
    websiteUrl: row.website_url,
    updatedAt: row.updated_at.toISOString(),
  };
}

export function toMentorSettings(row: Selectable<MentorsTable>, now: Date): MentorSettings {
  const awayUntil = dateOnly(row.away_until);
  return {
    userId: row.user_id,
    status: row.status,
    acceptingMentees: row.accepting_mentees,
    capacity: row.capacity,
    awayUntil,
    expertise: row.expertise,
    yearsOfExperience: row.years_of_experience,
    mentoringBio: row.mentoring_bio,
    meetingFormats: row.meeting_formats as MentorSettings['meetingFormats'],
    openMentorships: row.open_mentorships,
    availability: deriveAvailability(
      {
        status: row.status,
        acceptingMentees: row.accepting_mentees,
        awayUntil,
        capacity: row.capacity,
        openMentorships: row.open_mentorships,
      },
      isoDay(now),
    ),
    approvedAt: row.approved_at.toISOString(),
  };
}

export function toUser(row: UserRow) {
  return { id: row.id, name: row.name, email: row.email, avatarUrl: row.avatar_url, createdAt: row.created_at.toISOString() };
}

/** The rows that make up the caller's account: user, profile, mentor profile (if any), language. */
export async function accountRows(db: Db, userId: string) {
  const [user, profile, mentor, preferences] = await Promise.all([
    db.selectFrom('users').selectAll().where('id', '=', userId).executeTakeFirstOrThrow(),
    db.selectFrom('profiles').selectAll().where('user_id', '=', userId).executeTakeFirstOrThrow(),
    db.selectFrom('mentors').selectAll().where('user_id', '=', userId).executeTakeFirst(),
    db.selectFrom('notification_preferences').select('language').where('user_id', '=', userId).executeTakeFirst(),
  ]);
  return { user, profile, mentor, language: preferences?.language };
}

export async function replaceProfile(db: Db, userId: string, input: Required<ProfileInput>, now: Date): Promise<Profile> {
  const row = await db
    .updateTable('profiles')
    .set({
      headline: input.headline,
      bio: input.bio,
      goals: input.goals,
      skills: input.skills,
      industry: input.industry,
      company: input.company,
      position: input.position,
      location: input.location,
      time_zone: input.timeZone,
      languages: input.languages,
      graduation_year: input.graduationYear,
      programme: input.programme,
      linkedin_url: input.linkedinUrl,
      website_url: input.websiteUrl,
      updated_at: now,
    })
    .where('user_id', '=', userId)
    .returningAll()
    .executeTakeFirstOrThrow();
  return toProfile(row);
}
