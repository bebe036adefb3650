import { msg, str } from '@lit/localize';
import type { ApplicationStatus, MentorStatus } from '@mentorkit/contract/values';
import { dateTimeFormat, formatNumber, relativeTimeFormat } from '../../internal/localization-intl.js';

const applicationStatusLabels: Record<ApplicationStatus, string> = {
  get pending() { return msg('Pending review'); },
  get changes_requested() { return msg('Changes requested'); },
  get approved() { return msg('Approved'); },
  get rejected() { return msg('Rejected'); },
};
export const applicationStatusLabel = (status: ApplicationStatus) => applicationStatusLabels[status];

const applicationStatusPhrases: Record<ApplicationStatus, string> = {
  get pending() { return msg('waiting for review'); },
  get changes_requested() { return msg('with changes requested'); },
  get approved() { return msg('approved', { desc: 'Status after a count of applications' }); },
  get rejected() { return msg('rejected', { desc: 'Status after a count of applications' }); },
};
/** The status as it reads after "applications": "3 applications waiting for review". */
export const applicationStatusPhrase = (status: ApplicationStatus) => applicationStatusPhrases[status];

const mentorStatusLabels: Record<MentorStatus, string> = {
  get active() { return msg('Active'); },
  get suspended() { return msg('Suspended'); },
};
export const mentorStatusLabel = (status: MentorStatus) => mentorStatusLabels[status];

/** "about 2 days" → "About 2 days" (in any language): a phrase shown on its own. */
export const capitalize = (text: string) => text.charAt(0).toLocaleUpperCase() + text.slice(1);

/** 0.667 → "67%"; null (nothing decided yet) → undefined so the caller can say why. */
export const percentLabel = (rate: number | null): string | undefined =>
  rate === null ? undefined : formatNumber(rate, { style: 'percent', maximumFractionDigits: 0 });

/** "4.5 out of 5", or "No ratings yet". */
export const ratingLabel = (rating: number | null) =>
  rating === null ? msg('No ratings yet') : msg(str`${formatNumber(rating, { minimumFractionDigits: 1, maximumFractionDigits: 1 })} out of 5`);

const relative = [
  { unit: 'year', ms: 365 * 864e5 },
  { unit: 'month', ms: 30 * 864e5 },
  { unit: 'week', ms: 7 * 864e5 },
  { unit: 'day', ms: 864e5 },
  { unit: 'hour', ms: 36e5 },
  { unit: 'minute', ms: 6e4 },
] as const;

/** "3 days ago", "just now": recent things read better relative to now (UX.md, "Time is personal"). */
export function relativeTime(iso: string, now = Date.now()): string {
  const diff = new Date(iso).getTime() - now;
  const format = relativeTimeFormat({ numeric: 'auto' });
  for (const { unit, ms } of relative) {
    if (Math.abs(diff) >= ms) return format.format(Math.round(diff / ms), unit);
  }
  return msg('just now');
}

/** The full date and time in the viewer's zone, for a `title` beside a relative time. */
export const dateTimeLabel = (iso: string) => dateTimeFormat({ dateStyle: 'medium', timeStyle: 'short' }).format(new Date(iso));

/**
 * A week from the stats ("2025-01-06", the Monday it starts) as "6 Jan". The date is a calendar
 * date, not an instant: it is read and written in UTC so no time zone moves it to another day.
 */
export function weekLabel(week: string, style: 'short' | 'long' = 'short'): string {
  const date = new Date(`${week}T00:00:00Z`);
  if (Number.isNaN(date.getTime())) return week;
  return dateTimeFormat({ day: 'numeric', month: style === 'short' ? 'short' : 'long', timeZone: 'UTC' }).format(date);
}

/** "linkedin.com/in/ana" for a link's text: recognisable, and never the raw markup someone typed. */
export function linkText(url: string): string {
  try {
    const u = new URL(url);
    const path = u.pathname === '/' ? '' : u.pathname.replace(/\/$/, '');
    return `${u.hostname.replace(/^www\./, '')}${path}`;
  } catch {
    return url;
  }
}
