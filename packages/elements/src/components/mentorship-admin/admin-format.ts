import { msg, str } from '@lit/localize';
import type { ApplicationStatus, MentorStatus } from '@mentorkit/contract/values';
import { dateTimeFormat, formatNumber } from '../../internal/localization-intl.js';

/** The status filter's words: the same as the status badges on the cards. */
const applicationStatusLabels: Record<ApplicationStatus, string> = {
  get pending() { return msg('In review'); },
  get changes_requested() { return msg('Changes requested'); },
  get approved() { return msg('Approved'); },
  get rejected() { return msg('Not approved'); },
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
