import type { MentorCard } from '@mentorkit/contract';
import type { MeetingFormat } from '@mentorkit/contract/values';

const plural = (n: number, one: string, many: string) => `${n.toLocaleString()} ${n === 1 ? one : many}`;

export const mentorCount = (n: number) => plural(n, 'mentor', 'mentors');

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
  if (hours < 1) return 'under an hour';
  if (hours < 36) return `about ${plural(Math.max(1, Math.round(hours)), 'hour', 'hours')}`;
  return `about ${plural(Math.round(hours / 24), 'day', 'days')}`;
}

/** Availability in words (the badge's colour only repeats it). */
export function availabilityLabel(card: Pick<MentorCard, 'availability'>): string {
  switch (card.availability) {
    case 'available':
      return 'Available';
    case 'limited':
      return 'Limited';
    case 'unavailable':
      return 'Not accepting mentees';
  }
}

export const slotsLabel = (card: Pick<MentorCard, 'freeSlots' | 'capacity'>) => `${card.freeSlots} of ${card.capacity} slots free`;

/** "Staff Data Engineer, Globe Telecom" without dangling commas when a part is missing. */
export const roleLine = (card: Pick<MentorCard, 'position' | 'company'>) => [card.position, card.company].filter(Boolean).join(', ');

/** "BS Computer Science, class of 2012". */
export function programmeLine(card: Pick<MentorCard, 'programme' | 'graduationYear'>): string {
  const year = card.graduationYear === null ? '' : `class of ${card.graduationYear}`;
  return [card.programme, year].filter(Boolean).join(', ');
}

const formatLabels: Record<MeetingFormat, string> = {
  video: 'Video call',
  phone: 'Phone',
  in_person: 'In person',
  chat: 'Chat',
};
export const meetingFormatLabel = (format: MeetingFormat) => formatLabels[format];

export const yearsLabel = (years: number) => plural(years, 'year', 'years') + ' of experience';

/** The button text for a viewer's relation to a mentor; `disabled` when no request can be made. */
export function requestAction(card: Pick<MentorCard, 'viewerRequestState' | 'availability'>): { label: string; disabled: boolean } {
  if (card.viewerRequestState === 'pending') return { label: 'Request pending', disabled: true };
  if (card.viewerRequestState === 'active') return { label: 'Your mentor', disabled: true };
  if (card.availability === 'unavailable') return { label: 'Not accepting mentees', disabled: true };
  return { label: 'Request mentorship', disabled: false };
}

/** Only web links become anchors: a stored `javascript:` URL must never be clickable. */
export const safeHttpUrl = (url: string | null): string | undefined => (url && /^https?:\/\//i.test(url) ? url : undefined);
