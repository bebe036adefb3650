import type { MailKind, MailLanguage, NotificationPreferences, notificationPreferencesInput } from '@mentorkit/contract';
import type { z } from 'zod';
import type { ServiceContext, Viewer } from '../../http/env.js';
import { accountExists, getPreferences, mailSettings, updatePreferences } from './preferences.repository.js';
import { unsubscribeKey, verifyUnsubscribeToken } from './tokens.js';

/** What an unsubscribe link names, in the language its owner reads; or why it does not work. */
export type UnsubscribeLink = { ok: true; kind: MailKind; language: MailLanguage } | { ok: false; reason: 'malformed' | 'forged' | 'expired' };

export function notificationPreferences({ db }: Pick<ServiceContext, 'db'>, viewer: Pick<Viewer, 'id'>): Promise<NotificationPreferences> {
  return getPreferences(db, viewer.id);
}

export async function changeNotificationPreferences({ db, now }: Pick<ServiceContext, 'db' | 'now'>, viewer: Pick<Viewer, 'id'>, input: z.output<typeof notificationPreferencesInput>): Promise<NotificationPreferences> {
  await updatePreferences(db, viewer.id, input, now());
  return getPreferences(db, viewer.id);
}

function check({ config, now }: Pick<ServiceContext, 'config' | 'now'>, token: string) {
  const key = unsubscribeKey(config);
  return key ? verifyUnsubscribeToken(key, token, now()) : { ok: false as const, reason: 'forged' as const };
}

const languageOf = async (db: ServiceContext['db'], userId: string) => (await mailSettings(db, [userId])).get(userId)!.language;

/** Reads a one-click unsubscribe link without acting on it (the confirmation page). */
export async function readUnsubscribeLink(ctx: Pick<ServiceContext, 'db' | 'config' | 'now'>, token: string): Promise<UnsubscribeLink> {
  const result = check(ctx, token);
  if (!result.ok) return result;
  return { ok: true, kind: result.kind, language: await languageOf(ctx.db, result.userId) };
}

/**
 * Switches off the kind a signed link names, with no sign-in. A forged, malformed or expired
 * token changes nothing.
 */
export async function unsubscribe(ctx: Pick<ServiceContext, 'db' | 'config' | 'now'>, token: string): Promise<UnsubscribeLink> {
  const result = check(ctx, token);
  if (!result.ok) return result;
  const exists = await accountExists(ctx.db, result.userId);
  // An erased account gets no mail anyway: nothing to switch off.
  if (!exists) return { ok: true, kind: result.kind, language: 'en' };
  await updatePreferences(ctx.db, result.userId, { kinds: { [result.kind]: false } }, ctx.now());
  return { ok: true, kind: result.kind, language: await languageOf(ctx.db, result.userId) };
}
