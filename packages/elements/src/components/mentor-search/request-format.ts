import { msg, str } from '@lit/localize';
import { ApiError } from '@mentorkit/sdk';
import { describeError } from '../../internal/error-message.js';
import { firstName, replyDuration } from '../../internal/format.js';
import { formatNumber } from '../../internal/localization-intl.js';
import { expiryLabel } from '../shared/relative-time.js';

/** The server's limit on a mentee's waiting requests (DESIGN.md §2). */
export const MAX_PENDING_REQUESTS = 5;

/** "expires in 14 days" for a pending request: the one wording every element uses. */
export { expiryLabel };

/** "Ana usually replies in about 1 day"; undefined without a reply history. */
export function replyNote(name: string, medianResponseHours: number | null): string | undefined {
  const reply = replyDuration(medianResponseHours);
  return reply ? msg(str`${firstName(name)} usually replies in ${reply}`) : undefined;
}

/** "Waiting for Ana's answer · expires in 14 days", beside a pending request's button. */
export function pendingNote(name: string, expiresAt: string, now?: Date): string {
  return `${msg(str`Waiting for ${firstName(name)}’s answer`)} · ${expiryLabel(expiresAt, now)}`;
}

/** Why a request was not sent, in words, naming the mentor by first name. */
export function sendFailure(error: unknown, mentorName: string): string {
  const name = firstName(mentorName);
  if (error instanceof ApiError) {
    switch (error.code) {
      case 'duplicate_request':
        return msg(str`You already asked ${name} — see My mentoring.`);
      case 'mentor_unavailable':
        return msg(str`${name} has just stopped taking new mentees.`);
      case 'too_many_pending_requests':
        return msg(str`You have ${MAX_PENDING_REQUESTS} requests waiting — withdraw one first.`);
      case 'conflict':
        return msg(str`${name} is already your mentor — see My mentoring.`);
      case 'not_found':
        return msg(str`${name} is no longer available as a mentor.`);
      case 'not_enrolled':
        return msg(str`Requests in this programme need you and ${name} both enrolled in it, and one of you no longer is.`);
      case 'programme_ended':
        return msg('This programme has ended: requests can no longer be made in it.');
      case 'validation_failed':
        if (error.issues.length) return msg('Your request was not sent: some details need changing (see below).');
        break;
      case 'network_error':
        return msg(str`Your request was not sent: ${describeError(error)} Pressing Send again is safe — it will never be sent twice.`);
    }
  }
  return `${msg('Your request was not sent.')} ${describeError(error)}`;
}

/** "45 of 2,000 characters". */
export const characterCount = (used: number, max: number) => msg(str`${formatNumber(used)} of ${formatNumber(max)} characters`);

/** A stable random id for `Idempotency-Key`; `crypto.randomUUID` exists only in secure contexts. */
export function newIdempotencyKey(): string {
  if (typeof crypto.randomUUID === 'function') return crypto.randomUUID();
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  bytes[6] = (bytes[6]! & 0x0f) | 0x40;
  bytes[8] = (bytes[8]! & 0x3f) | 0x80;
  const hex = Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}
