import { msg, str } from '@lit/localize';
import type { MentorCard } from '@mentorkit/contract';
import type { MeetingFormat } from '@mentorkit/contract/values';
import { formatNumber } from './localization-intl.js';

// Plurals are separate messages (English has two forms; Filipino uses one for both).
export const mentorCount = (n: number) => (n === 1 ? msg('1 mentor') : msg(str`${formatNumber(n)} mentors`));

/** "Ana Villanueva" → "AV"; works for names in any script. */
export function initials(name: string): string {
  const words = name.trim().split(/\s+/).filter(Boolean);
  const first = words[0] ? Array.from(words[0])[0] ?? '' : '';
  const last = words.length > 1 ? Array.from(words[words.length - 1]!)[0] ?? '' : '';
  return (first + last).toLocaleUpperCase();
}

export const firstName = (name: string) => name.trim().split(/\s+/)[0] ?? name;

/** "about 1 day" (reads after "replies in"), from a median reply time in hours; undefined without reply history. */
export function replyDuration(hours: number | null): string | undefined {
  if (hours === null) return undefined;
  if (hours < 1) return msg('under an hour');
  if (hours < 36) {
    const h = Math.max(1, Math.round(hours));
    return h === 1 ? msg('about 1 hour') : msg(str`about ${formatNumber(h)} hours`);
  }
  const days = Math.round(hours / 24);
  return days === 1 ? msg('about 1 day') : msg(str`about ${formatNumber(days)} days`);
}

/** Availability in words (the badge's colour only repeats it). */
export function availabilityLabel(card: Pick<MentorCard, 'availability'>): string {
  switch (card.availability) {
    case 'available':
      return msg('Available');
    case 'limited':
      return msg('Limited');
    case 'unavailable':
      return msg('Not accepting mentees');
  }
}

/** "2 of 3 slots free"; the noun agrees with the capacity: "1 of 1 slot free". */
export const slotsLabel = (card: Pick<MentorCard, 'freeSlots' | 'capacity'>) =>
  card.capacity === 1
    ? msg(str`${formatNumber(card.freeSlots)} of ${formatNumber(card.capacity)} slot free`)
    : msg(str`${formatNumber(card.freeSlots)} of ${formatNumber(card.capacity)} slots free`);

/** "Staff Data Engineer, Globe Telecom" without dangling commas when a part is missing. */
export const roleLine = (card: Pick<MentorCard, 'position' | 'company'>) => [card.position, card.company].filter(Boolean).join(', ');

/** "BS Computer Science, class of 2012". */
export function programmeLine(card: Pick<MentorCard, 'programme' | 'graduationYear'>): string {
  const year = card.graduationYear === null ? '' : msg(str`class of ${card.graduationYear}`);
  return [card.programme, year].filter(Boolean).join(', ');
}

const formatLabels: Record<MeetingFormat, string> = {
  get video() { return msg('Video call'); },
  get phone() { return msg('Phone'); },
  get in_person() { return msg('In person'); },
  get chat() { return msg('Chat'); },
};
export const meetingFormatLabel = (format: MeetingFormat) => formatLabels[format];

export const yearsLabel = (years: number) =>
  years === 1 ? msg('1 year of experience') : msg(str`${formatNumber(years)} years of experience`);

/** The button text for a viewer's relation to a mentor; `disabled` when no request can be made. */
export function requestAction(card: Pick<MentorCard, 'viewerRequestState' | 'availability'>): { label: string; disabled: boolean } {
  if (card.viewerRequestState === 'pending') return { label: msg('Request pending'), disabled: true };
  if (card.viewerRequestState === 'active') return { label: msg('Your mentor'), disabled: true };
  if (card.availability === 'unavailable') return { label: msg('Not accepting mentees'), disabled: true };
  return { label: msg('Request mentorship'), disabled: false };
}

/** Only web links become anchors: a stored `javascript:` URL must never be clickable. */
export const safeHttpUrl = (url: string | null): string | undefined => (url && /^https?:\/\//i.test(url) ? url : undefined);
