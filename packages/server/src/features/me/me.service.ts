import type { Me, Profile, ProfileInput, Role } from '@mentorkit/contract';
import type { ServiceContext, Viewer } from '../../http/env.js';
import { asLanguage } from '../email/preferences.repository.js';
import { accountRows, replaceProfile as storeProfile, toMentorSettings, toProfile, toUser } from './me.repository.js';

/** The caller: who they are, their profile, mentor settings, roles and language. */
export async function getMe({ db, now }: Pick<ServiceContext, 'db' | 'now'>, viewer: Pick<Viewer, 'id'>): Promise<Me> {
  const { user, profile, mentor, language } = await accountRows(db, viewer.id);
  const roles: Role[] = ['alumnus'];
  if (mentor) roles.push('mentor');
  if (user.is_admin) roles.push('admin');
  return {
    user: toUser(user),
    profile: toProfile(profile),
    mentor: mentor ? toMentorSettings(mentor, now()) : null,
    roles,
    language: asLanguage(language ?? 'en'),
  };
}

/** Replaces the caller's whole profile (PUT: every field the contract defaults is set). */
export function replaceProfile({ db, now }: Pick<ServiceContext, 'db' | 'now'>, viewer: Pick<Viewer, 'id'>, input: Required<ProfileInput>): Promise<Profile> {
  return storeProfile(db, viewer.id, input, now());
}
