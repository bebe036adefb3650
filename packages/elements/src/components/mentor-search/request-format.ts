import { ApiError } from '@mentorkit/sdk';
import { describeError } from '../../internal/error-message.js';
import { firstName, replyDuration } from '../../internal/format.js';

/** The server's limit on a mentee's waiting requests (DESIGN.md §2). */
export const MAX_PENDING_REQUESTS = 5;

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;
// Sits inside English sentences ("expires in 14 days"), so English until the strings are localized.
const relative = new Intl.RelativeTimeFormat('en', { numeric: 'auto' });

/**
 * "expires in 14 days", "expires tomorrow", "expires in 5 hours" for a pending request. Days are
 * rounded, so a request sent a moment ago with a 14-day life reads "in 14 days". Never "expired":
 * the server decides that.
 */
export function expiryLabel(expiresAt: string, now: Date = new Date()): string {
  const left = new Date(expiresAt).getTime() - now.getTime();
  if (!(left > MINUTE)) return 'expires any moment now';
  if (left < HOUR) return `expires ${relative.format(Math.round(left / MINUTE), 'minute')}`;
  if (left < DAY) return `expires ${relative.format(Math.round(left / HOUR), 'hour')}`;
  return `expires ${relative.format(Math.round(left / DAY), 'day')}`;
}

/** "Ana usually replies in about 1 day"; undefined without a reply history. */
export function replyNote(name: string, medianResponseHours: number | null): string | undefined {
  const reply = replyDuration(medianResponseHours);
  return reply ? `${firstName(name)} usually replies in ${reply}` : undefined;
}

/** "Waiting for Ana's answer · expires in 14 days", beside a pending request's button. */
export function pendingNote(name: string, expiresAt: string, now?: Date): string {
  return `Waiting for ${firstName(name)}’s answer · ${expiryLabel(expiresAt, now)}`;
}

/** Why a request was not sent, in words, naming the mentor by first name. */
export function sendFailure(error: unknown, mentorName: string): string {
  const name = firstName(mentorName);
  if (error instanceof ApiError) {
    switch (error.code) {
      case 'duplicate_request':
        return `You already asked ${name} — see My mentoring.`;
      case 'mentor_unavailable':
        return `${name} has just stopped taking new mentees.`;
      case 'too_many_pending_requests':
        return `You have ${MAX_PENDING_REQUESTS} requests waiting — withdraw one first.`;
      case 'conflict':
        return `${name} is already your mentor — see My mentoring.`;
      case 'not_found':
        return `${name} is no longer available as a mentor.`;
      case 'validation_failed':
        if (error.issues.length) return 'Your request was not sent: some details need changing (see below).';
        break;
      case 'network_error':
        return `Your request was not sent: ${describeError(error)} Pressing Send again is safe — it will never be sent twice.`;
    }
  }
  return `Your request was not sent. ${describeError(error)}`;
}

/** "45 of 2,000 characters". */
export const characterCount = (used: number, max: number) => `${used.toLocaleString()} of ${max.toLocaleString()} characters`;

/** A stable random id for `Idempotency-Key`; `crypto.randomUUID` exists only in secure contexts. */
export function newIdempotencyKey(): string {
  if (typeof crypto.randomUUID === 'function') return crypto.randomUUID();
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  bytes[6] = (bytes[6]! & 0x0f) | 0x40;
  bytes[8] = (bytes[8]! & 0x3f) | 0x80;
  const hex = Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}
