import { msg, str } from '@lit/localize';
import { dateTimeFormat, relativeTimeFormat } from '../../internal/localization-intl.js';

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

// In the rendering element's language ("in 5 days", "sa loob ng 5 araw"); English dates follow the
// viewer's own conventions.
const relative = () => relativeTimeFormat({ numeric: 'auto' });
const mediumDate = () => dateTimeFormat({ dateStyle: 'medium' });

const toDate = (value: string | Date) => (typeof value === 'string' ? new Date(value) : value);

/**
 * "in 5 days", "2 hours ago", "tomorrow", "just now": the coarsest unit that still says something. Days are
 * rounded (a request sent a minute ago with a 14-day life reads "in 14 days", not "in 13 days").
 */
export function relativeTime(value: string | Date, now: Date = new Date()): string {
  const diff = toDate(value).getTime() - now.getTime();
  const abs = Math.abs(diff);
  if (abs < MINUTE) return msg('just now');
  if (abs < HOUR) return relative().format(Math.round(diff / MINUTE), 'minute');
  if (abs < DAY) return relative().format(Math.round(diff / HOUR), 'hour');
  return relative().format(Math.round(diff / DAY), 'day');
}

/** "expires in 5 days" for a pending request; never "expired" (the server decides that). */
export function expiryLabel(expiresAt: string, now: Date = new Date()): string {
  if (toDate(expiresAt).getTime() <= now.getTime()) return msg('expires any moment now');
  const when = relativeTime(expiresAt, now);
  return msg(str`expires ${when}`);
}

/** A calendar date in the viewer's time zone, e.g. "3 Jan 2026". */
export const dateLabel = (value: string | Date) => mediumDate().format(toDate(value));

/**
 * An ISO `YYYY-MM-DD` date (as the API stores away-until dates) shown in words without
 * time-zone drift: parsed as a local calendar date, not as UTC midnight.
 */
export function calendarDateLabel(isoDate: string): string {
  const [y, m, d] = isoDate.split('-').map(Number);
  return mediumDate().format(new Date(y ?? 1970, (m ?? 1) - 1, d ?? 1));
}

/** Today in the viewer's time zone as `YYYY-MM-DD` (for a date input's `min`). */
export function todayIso(now: Date = new Date()): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;
}
