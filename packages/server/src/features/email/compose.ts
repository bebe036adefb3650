import type { MailKind } from '@mentorkit/contract';
import type { Kysely } from 'kysely';
import type { Config } from '../../config.js';
import type { Database } from '../../db/schema.js';
import { TURNED_OFF } from './enqueue.js';
import type { OutboxRow } from './outbox.repository.js';
import { mailSettings, type MailSettings } from './preferences.repository.js';
import { oneLine, type Rendered } from './render.js';
import { renderMail, type MailTemplate, type MeetingData } from './templates.js';
import { signUnsubscribeToken, unsubscribeKey } from './tokens.js';
import type { OutgoingMail } from './transport.js';

/**
 * A deliberately plain address check (local@domain.tld, no spaces, quotes or angle brackets):
 * anything else is recorded as failed instead of being handed to SMTP.
 */
const ADDRESS = /^[A-Za-z0-9.!#$%&'*+/=?^_`{|}~-]+@[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?(?:\.[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?)+$/;
export const isMailAddress = (value: string) => value.length <= 254 && ADDRESS.test(value);

/** Links in mail are absolute; a base without a trailing slash would lose its last segment. */
const withSlash = (url: string) => (url.endsWith('/') ? url : `${url}/`);

export function unsubscribeUrl(config: Config, token: string): string {
  const url = new URL('api/v1/unsubscribe', withSlash(config.MENTORSHIP_PUBLIC_URL ?? config.MENTORSHIP_PORTAL_URL));
  url.searchParams.set('token', token);
  return url.toString();
}

/** `<outbox-<id>@<sender's domain>>`: the same for every attempt at one row. */
export function messageIdFor(config: Config, rowId: string): string {
  const domain = /@([A-Za-z0-9.-]+)/.exec(config.MENTORSHIP_MAIL_FROM)?.[1] ?? 'mentorkit.invalid';
  return `<outbox-${rowId}@${domain}>`;
}

export interface Built {
  rendered: Rendered;
  mail: OutgoingMail;
}

export type Prepared =
  | ({ ok: true; to: string } & Built)
  | { ok: false; status: 'skipped' | 'failed'; reason: string; recipient: string | null };

interface Recipient {
  email: string | null;
  name: string;
  deleted_at: Date | null;
  time_zone: string | null;
}

function recipientOf(db: Kysely<Database>, userId: string): Promise<Recipient | undefined> {
  return db.selectFrom('users as u').leftJoin('profiles as p', 'p.user_id', 'u.id')
    .select(['u.email', 'u.name', 'u.deleted_at', 'p.time_zone'])
    .where('u.id', '=', userId).executeTakeFirst();
}

/** The message for one row as it would go out now (the worker sends it; /dev/mail shows it). */
export async function buildMail(db: Kysely<Database>, config: Config, row: OutboxRow, now: Date, known?: { user: Recipient; settings: MailSettings }): Promise<Built> {
  const user = known?.user ?? await recipientOf(db, row.user_id);
  const settings = known?.settings ?? (await mailSettings(db, [row.user_id])).get(row.user_id)!;
  const kind = row.kind as MailKind;
  const to = user?.email?.trim() ?? '';
  const key = unsubscribeKey(config);
  const unsubscribe = key ? unsubscribeUrl(config, signUnsubscribeToken(key, { userId: row.user_id, kind }, now)) : unsubscribeUrl(config, '');
  const rendered = renderMail(kind, row.template as MailTemplate, row.data, {
    language: settings.language,
    recipientName: user?.name || to,
    timeZone: user?.time_zone ?? null,
    portalUrl: config.MENTORSHIP_PORTAL_URL,
    unsubscribeUrl: unsubscribe,
  });
  const attachments: OutgoingMail['attachments'] = [];
  if (row.template.startsWith('meeting.')) {
    const meeting = row.data as unknown as MeetingData;
    attachments.push({
      filename: meeting.icsMethod === 'CANCEL' ? 'cancel.ics' : 'invite.ics',
      content: meeting.ics,
      contentType: `text/calendar; charset=utf-8; method=${meeting.icsMethod}`,
    });
  }
  return {
    rendered,
    mail: {
      from: config.MENTORSHIP_MAIL_FROM,
      to,
      subject: oneLine(rendered.subject),
      text: rendered.text,
      html: rendered.html,
      messageId: messageIdFor(config, row.id),
      headers: {
        // RFC 8058 one-click: mail clients POST "List-Unsubscribe=One-Click" to this URL.
        'List-Unsubscribe': `<${unsubscribe}>`,
        'List-Unsubscribe-Post': 'List-Unsubscribe=One-Click',
        // RFC 3834: machines should not answer (no vacation replies).
        'Auto-Submitted': 'auto-generated',
      },
      attachments,
    },
  };
}

/**
 * Decides, now rather than when the row was written, whether the row may go out: the
 * recipient's current address and switches count (a kind turned off after the row was written
 * is still honoured), then builds it in their current language and time zone.
 */
export async function prepareMail(db: Kysely<Database>, config: Config, row: OutboxRow, now: Date): Promise<Prepared> {
  const user = await recipientOf(db, row.user_id);
  if (!user || user.deleted_at) return { ok: false, status: 'skipped', reason: 'the account was deleted', recipient: null };
  const settings = (await mailSettings(db, [row.user_id])).get(row.user_id)!;
  if (settings.disabled.has(row.kind as MailKind)) return { ok: false, status: 'skipped', reason: TURNED_OFF, recipient: user.email };
  if (!user.email) return { ok: false, status: 'skipped', reason: 'no email address on the account', recipient: null };
  const to = user.email.trim();
  if (!isMailAddress(to)) return { ok: false, status: 'failed', reason: `invalid address: ${JSON.stringify(to.slice(0, 100))}`, recipient: to };
  if (!unsubscribeKey(config)) return { ok: false, status: 'skipped', reason: 'no key to sign unsubscribe links (set MENTORSHIP_UNSUBSCRIBE_SECRET)', recipient: to };
  return { ok: true, to, ...(await buildMail(db, config, row, now, { user, settings })) };
}
