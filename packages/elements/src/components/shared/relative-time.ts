import { msg, str } from '@lit/localize';
import { relativeTimeFormat } from '../../internal/localization-intl.js';
export { calendarDateLabel, dateLabel } from '../../internal/dates.js';

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

// In the rendering element's language ("in 5 days", "sa loob ng 5 araw").
const relative = () => relativeTimeFormat({ numeric: 'auto' });

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


/** Today in the viewer's time zone as `YYYY-MM-DD` (for a date input's `min`). */
export function todayIso(now: Date = new Date()): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;
}
