import { intlLocale } from './localization.js';

/**
 * The one date and time style of every element, from `Intl.DateTimeFormat` in the element's
 * language: "Thu 10 Dec" for a day, "9:30 AM" for a clock, "Thu 10 Dec, 9:30 AM" for a moment,
 * "10 Dec 2026" for a date. Plain English ("en", or no language declared) takes day-month order
 * and a 12-hour clock; a page that says "en-US" or "fil" gets that language's own conventions.
 */

const formatters = new Map<string, Intl.DateTimeFormat>();
function format(kind: 'day' | 'clock', options: Intl.DateTimeFormatOptions, at: Date): string {
  const tag = intlLocale();
  const locale = !tag || tag === 'en' ? (kind === 'day' ? 'en-GB' : 'en-US') : tag;
  const key = `${locale}|${JSON.stringify(options)}`;
  let f = formatters.get(key);
  if (!f) {
    f = new Intl.DateTimeFormat(locale, options);
    formatters.set(key, f);
  }
  // ICU puts a narrow no-break space before AM/PM; a plain space reads (and tests) the same.
  return f.format(at).replace(/[\u202f\u00a0]/g, ' ');
}

const toDate = (value: string | Date) => (typeof value === 'string' ? new Date(value) : value);
const zoned = (zone: string | undefined): Intl.DateTimeFormatOptions => (zone ? { timeZone: zone } : {});

/** "Thu 10 Dec" in `zone` (the viewer's by default). */
export const dayLabel = (at: string | Date, zone?: string) =>
  format('day', { weekday: 'short', day: 'numeric', month: 'short', ...zoned(zone) }, toDate(at)).replace(',', '');

/** "9:30 AM" in `zone`. */
export const clockLabel = (at: string | Date, zone?: string) => format('clock', { hour: 'numeric', minute: '2-digit', ...zoned(zone) }, toDate(at));

/** "Thu 10 Dec, 9:30 AM" in `zone`. */
export const dateTimeLabel = (at: string | Date, zone?: string) => `${dayLabel(at, zone)}, ${clockLabel(at, zone)}`;

/** "10 Dec 2026" in `zone`. */
export const dateLabel = (at: string | Date, zone?: string) => format('day', { day: 'numeric', month: 'short', year: 'numeric', ...zoned(zone) }, toDate(at));

/**
 * A calendar date stored as `YYYY-MM-DD` (a target end date, an away-until date) as "10 Dec 2026",
 * without time-zone drift: it is the same day wherever the viewer is.
 */
export function calendarDateLabel(isoDate: string): string {
  const [y, m, d] = isoDate.split('-').map(Number);
  return dateLabel(new Date(Date.UTC(y ?? 1970, (m ?? 1) - 1, d ?? 1, 12)), 'UTC');
}
