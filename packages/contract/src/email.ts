import { z } from 'zod';
import { isoDateTime } from './common.js';

/**
 * The kinds of email a person can switch on or off (DESIGN §5b). Each groups the
 * notifications that deserve an email; every kind is on until its owner turns it off.
 */
export const mailKinds = [
  /** To a mentor: someone asked for mentorship (links open the portal at the request). */
  'request_received',
  /** To a mentee: the mentor accepted or declined. */
  'request_answered',
  /** To a mentor: a request has waited for days and will expire soon. */
  'request_reminder',
  /** To the other party: a meeting was scheduled, rescheduled or cancelled (with the .ics). */
  'meeting_updates',
  /** To an applicant: the mentor application was approved, rejected or sent back for changes. */
  'application_decided',
  /** Once a day at most: the messages that arrived and are still unread. */
  'message_digest',
  /** Programmes: the confirmation of an enrolment, and an introduction to a mentor an admin matched (with the reasons). */
  'programme_updates',
] as const;
export type MailKind = (typeof mailKinds)[number];

/** Languages mail is written in. */
/** Where a mail is in the outbox: `skipped` when the recipient turned its kind off. */
export const mailStatuses = ['pending', 'sending', 'sent', 'failed', 'skipped'] as const;
export type MailStatus = (typeof mailStatuses)[number];

export const mailLanguages = ['en', 'fil'] as const;
export type MailLanguage = (typeof mailLanguages)[number];

const kindSwitches = z.object(Object.fromEntries(mailKinds.map((k) => [k, z.boolean()])) as Record<MailKind, z.ZodBoolean>);

export const notificationPreferences = z.object({
  /** Where mail goes: the address from the sign-in token; null means nothing can be sent. */
  email: z.string().nullable(),
  language: z.enum(mailLanguages),
  kinds: kindSwitches,
  updatedAt: isoDateTime.nullable(),
});
export type NotificationPreferences = z.infer<typeof notificationPreferences>;

/**
 * `PUT /me/notification-preferences`: the language and any kinds to switch; kinds left out keep
 * their setting (so an older client never switches on a kind it does not know about).
 */
export const notificationPreferencesInput = z
  .object({
    language: z.enum(mailLanguages).optional(),
    kinds: kindSwitches.partial().strict().optional(),
  })
  .strict()
  .refine((v) => v.language !== undefined || (v.kinds !== undefined && Object.keys(v.kinds).length > 0), {
    message: 'Give a language or at least one kind',
  });
export type NotificationPreferencesInput = z.input<typeof notificationPreferencesInput>;

/** The answer of `POST /unsubscribe?token=`. */
export const unsubscribeResult = z.object({ kind: z.enum(mailKinds), unsubscribed: z.literal(true) });
export type UnsubscribeResult = z.infer<typeof unsubscribeResult>;
