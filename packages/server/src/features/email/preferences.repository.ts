import { mailKinds, mailLanguages, type MailKind, type MailLanguage, type NotificationPreferences, type NotificationPreferencesInput } from '@mentorkit/contract';
import { sql } from 'kysely';
import type { Db } from '../../db/schema.js';

export interface MailSettings {
  language: MailLanguage;
  disabled: Set<MailKind>;
}

const DEFAULTS: MailSettings = { language: 'en', disabled: new Set() };

export const asLanguage = (value: string): MailLanguage => ((mailLanguages as readonly string[]).includes(value) ? (value as MailLanguage) : 'en');

/** Settings of several people at once; anyone without a row has every kind on, in English. */
export async function mailSettings(db: Db, userIds: string[]): Promise<Map<string, MailSettings>> {
  const settings = new Map<string, MailSettings>();
  const unique = [...new Set(userIds)];
  if (unique.length === 0) return settings;
  const rows = await db.selectFrom('notification_preferences').selectAll().where('user_id', 'in', unique).execute();
  for (const r of rows) settings.set(r.user_id, { language: asLanguage(r.language), disabled: new Set(r.disabled_kinds as MailKind[]) });
  for (const id of unique) if (!settings.has(id)) settings.set(id, DEFAULTS);
  return settings;
}

/** Whether the account still exists (erased accounts have no row). */
export async function accountExists(db: Db, userId: string): Promise<boolean> {
  return (await db.selectFrom('users').select('id').where('id', '=', userId).executeTakeFirst()) !== undefined;
}

export async function getPreferences(db: Db, userId: string): Promise<NotificationPreferences> {
  const user = await db.selectFrom('users as u')
    .leftJoin('notification_preferences as p', 'p.user_id', 'u.id')
    .select(['u.email', 'p.language', 'p.disabled_kinds', 'p.updated_at'])
    .where('u.id', '=', userId)
    .executeTakeFirstOrThrow();
  const disabled = new Set(user.disabled_kinds ?? []);
  return {
    email: user.email,
    language: asLanguage(user.language ?? 'en'),
    kinds: Object.fromEntries(mailKinds.map((k) => [k, !disabled.has(k)])) as Record<MailKind, boolean>,
    updatedAt: user.updated_at?.toISOString() ?? null,
  };
}

/**
 * Switches kinds on or off and sets the language in one statement: concurrent updates of
 * different kinds (two tabs, or a tab and an unsubscribe link) both take effect, because each
 * adds or removes its own kinds from the stored set instead of writing back a set it read.
 */
export async function updatePreferences(db: Db, userId: string, input: NotificationPreferencesInput, now: Date): Promise<void> {
  const entries = Object.entries(input.kinds ?? {}) as Array<[MailKind, boolean]>;
  const off = entries.filter(([, on]) => !on).map(([k]) => k);
  const on = entries.filter(([, on]) => on).map(([k]) => k);
  const offArray = sql<string[]>`${sql.val(off)}::text[]`;
  const onArray = sql<string[]>`${sql.val(on)}::text[]`;
  await db.insertInto('notification_preferences')
    .values({ user_id: userId, language: input.language ?? 'en', disabled_kinds: off, updated_at: now })
    .onConflict((oc) => oc.column('user_id').doUpdateSet({
      language: input.language ? sql`excluded.language` : sql`notification_preferences.language`,
      // (stored ∪ off) ∖ on, without duplicates, in a stable order
      disabled_kinds: sql<string[]>`ARRAY(SELECT DISTINCT k FROM unnest(notification_preferences.disabled_kinds || ${offArray}) AS k WHERE NOT (k = ANY(${onArray})) ORDER BY k)`,
      updated_at: now,
    }))
    .execute();
}
