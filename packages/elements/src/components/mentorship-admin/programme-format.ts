import { msg, str } from '@lit/localize';
import type { Programme } from '@mentorkit/contract';
import type { ProgrammeMatchingMode } from '@mentorkit/contract/values';
import { calendarDateLabel } from '../../internal/dates.js';
import { mentorCount } from '../../internal/format.js';
import { formatNumber as n } from '../../internal/localization-intl.js';

// The status badge and the dates read as they do in the dashboards and the search banner.
export { programmeDates as dateRange, programmeStatusBadge } from '../shared/programme-format.js';

const matchingLabels: Record<ProgrammeMatchingMode, string> = {
  get mentee_choice() { return msg('Mentees choose'); },
  get admin_matched() { return msg('Admin matches'); },
};
export const matchingLabel = (mode: ProgrammeMatchingMode) => matchingLabels[mode];

const matchingHints: Record<ProgrammeMatchingMode, string> = {
  get mentee_choice() { return msg('Enrolled mentees search the programme’s mentors and send requests themselves.'); },
  get admin_matched() { return msg('You review suggested pairs and confirm introductions; mentors still accept or decline.'); },
};
export const matchingHint = (mode: ProgrammeMatchingMode) => matchingHints[mode];

/** When enrolment closes, or that it has, or that it stays open until the end. */
export function enrolmentLine(p: Pick<Programme, 'enrolmentClosesOn' | 'enrolmentOpen' | 'endsOn'>): string {
  const closes = calendarDateLabel(p.enrolmentClosesOn ?? p.endsOn);
  return p.enrolmentOpen ? msg(str`Enrolment open until ${closes}`) : msg(str`Enrolment closed on ${closes}`);
}

export const menteesCount = (count: number) => (count === 1 ? msg('1 mentee') : msg(str`${n(count)} mentees`));

/** "3 mentors · 12 mentees". */
export const enrolledLine = (enrolled: Programme['enrolled']) => `${mentorCount(enrolled.mentors)} · ${menteesCount(enrolled.mentees)}`;

/** How many more of the programme's mentees a mentor can take. */
export const freeSlotsLabel = (slots: number) =>
  slots <= 0 ? msg('No free slots') : slots === 1 ? msg('1 free slot') : msg(str`${n(slots)} free slots`);

/** "Confirm 3 introductions". */
export const confirmLabel = (count: number) => (count === 1 ? msg('Confirm 1 introduction') : msg(str`Confirm ${n(count)} introductions`));
