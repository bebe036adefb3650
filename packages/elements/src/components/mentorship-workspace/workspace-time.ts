import { msg, str } from '@lit/localize';
import { clockLabel, dayLabel } from '../../internal/dates.js';

/**
 * Time for two people in two places. Meetings are stored in UTC; the workspace shows them in the
 * viewer's zone and, when it differs, in the other party's ("Tue 14 Jan, 9:00 AM your time ·
 * 1:00 AM in London"). The scheduling form reads a wall-clock date and time in the viewer's zone
 * and sends an ISO 8601 instant with that zone's offset.
 */

/** The browser's zone (what the viewer's clock shows). */
export const browserTimeZone = (): string => Intl.DateTimeFormat().resolvedOptions().timeZone;

/** Whether `zone` is an IANA zone this browser knows. */
export function isKnownTimeZone(zone: string | null | undefined): zone is string {
  if (!zone) return false;
  try {
    new Intl.DateTimeFormat('en', { timeZone: zone });
    return true;
  } catch {
    return false;
  }
}

/** "Asia/Kolkata" → "Kolkata", "America/Argentina/Buenos_Aires" → "Buenos Aires", "UTC" → "UTC". */
export function zoneCity(zone: string): string {
  const last = zone.split('/').pop() ?? zone;
  return last.replace(/_/g, ' ');
}

const cache = new Map<string, Intl.DateTimeFormat>();
function formatter(locale: string, zone: string, options: Intl.DateTimeFormatOptions): Intl.DateTimeFormat {
  const key = `${locale}|${zone}|${JSON.stringify(options)}`;
  let f = cache.get(key);
  if (!f) {
    f = new Intl.DateTimeFormat(locale, { ...options, timeZone: zone });
    cache.set(key, f);
  }
  return f;
}

// Days and clocks in the one style every element shares.
export { clockLabel, dayLabel };

/** "2026-01-14" in `zone`. */
export const isoDayIn = (at: Date, zone: string) => formatter('en-CA', zone, { year: 'numeric', month: '2-digit', day: '2-digit' }).format(at);
/** "09:00" in `zone` (24-hour, for a time input). */
export function isoClockIn(at: Date, zone: string): string {
  const parts = formatter('en-GB', zone, { hour: '2-digit', minute: '2-digit', hourCycle: 'h23' }).formatToParts(at);
  const get = (type: string) => parts.find((p) => p.type === type)?.value ?? '00';
  return `${get('hour')}:${get('minute')}`;
}

/**
 * A meeting's start for the viewer, with the other party's local time beside it when their zone
 * differs: "Tue 14 Jan, 9:00 AM your time · 1:00 AM in London". When the other party's clock shows
 * another day, their part names the day too ("Mon 13 Jan, 11:00 PM in London").
 */
export function twoZoneLabel(at: Date, viewerZone: string, otherZone: string | null | undefined): { mine: string; theirs: string | null; text: string } {
  const mine = `${dayLabel(at, viewerZone)}, ${clockLabel(at, viewerZone)}`;
  if (!isKnownTimeZone(otherZone) || sameClock(at, viewerZone, otherZone)) return { mine, theirs: null, text: mine };
  const otherDay = dayLabel(at, otherZone);
  const theirClock = `${otherDay === dayLabel(at, viewerZone) ? '' : `${otherDay}, `}${clockLabel(at, otherZone)}`;
  const theirs = msg(str`${theirClock} in ${zoneCity(otherZone)}`);
  const labelled = msg(str`${mine} your time`);
  return { mine: labelled, theirs, text: `${labelled} · ${theirs}` };
}

function sameClock(at: Date, a: string, b: string): boolean {
  return a === b || (isoDayIn(at, a) === isoDayIn(at, b) && isoClockIn(at, a) === isoClockIn(at, b));
}

/** Minutes east of UTC that `zone` shows at the instant `utcMs`. */
export function zoneOffsetMinutes(utcMs: number, zone: string): number {
  const parts = formatter('en-US', zone, {
    year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', second: '2-digit', hourCycle: 'h23',
  }).formatToParts(new Date(utcMs));
  const get = (type: string) => Number(parts.find((p) => p.type === type)?.value ?? 0);
  const wall = Date.UTC(get('year'), get('month') - 1, get('day'), get('hour'), get('minute'), get('second'));
  return Math.round((wall - Math.floor(utcMs / 1000) * 1000) / 60_000);
}

/**
 * The instant a wall-clock `date` (`YYYY-MM-DD`) and `time` (`HH:MM`) mean in `zone`, as ISO 8601
 * with that zone's offset (`2026-01-14T09:00:00+05:30`). Undefined for input that is not a date
 * and time. A time the clocks skip (a DST gap) resolves to the offset after the change.
 */
export function wallTimeToIso(date: string, time: string, zone: string): string | undefined {
  const d = /^(\d{4})-(\d{2})-(\d{2})$/.exec(date);
  const t = /^(\d{2}):(\d{2})(?::\d{2})?$/.exec(time);
  if (!d || !t) return undefined;
  const wall = Date.UTC(Number(d[1]), Number(d[2]) - 1, Number(d[3]), Number(t[1]), Number(t[2]));
  let offset = zoneOffsetMinutes(wall, zone);
  offset = zoneOffsetMinutes(wall - offset * 60_000, zone);
  const sign = offset < 0 ? '-' : '+';
  const abs = Math.abs(offset);
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${d[1]}-${d[2]}-${d[3]}T${t[1]}:${t[2]}:00${sign}${pad(Math.floor(abs / 60))}:${pad(abs % 60)}`;
}

/** "1 hour 30 minutes" from minutes. */
export function durationLabel(minutes: number): string {
  const h = Math.floor(minutes / 60);
  const m = minutes % 60;
  const parts = [h ? (h === 1 ? msg('1 hour') : msg(str`${h} hours`)) : '', m ? msg(str`${m} minutes`) : ''].filter(Boolean);
  return parts.join(' ') || msg(str`${0} minutes`);
}

/** The durations the scheduling form offers (the API takes 15–480). */
export const durationChoices = [15, 30, 45, 60, 90, 120, 180, 240, 360, 480] as const;
