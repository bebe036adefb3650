/**
 * A small iCalendar (RFC 5545) writer for meetings: CRLF line ends, lines folded at 75 octets
 * (never inside a UTF-8 character), TEXT values escaped, times in UTC.
 */

export interface IcsPerson {
  name: string;
  /**
   * A calendar user address. Mentorkit never puts e-mail addresses in calendars (a feed URL can
   * be shared by mistake): people are named by `urn:uuid:<user id>`.
   */
  uri: string;
}

export interface IcsEvent {
  uid: string;
  sequence: number;
  status: 'CONFIRMED' | 'CANCELLED';
  start: Date;
  end: Date;
  created: Date;
  lastModified: Date;
  summary: string;
  description?: string | undefined;
  location?: string | undefined;
  url?: string | undefined;
  organizer: IcsPerson;
  attendees: IcsPerson[];
}

export interface IcsCalendar {
  /** When this iCalendar object was made: every event's DTSTAMP (METHOD is present, RFC 5545 §3.8.7.2). */
  stamp: Date;
  /** Feed name shown by calendar apps (X-WR-CALNAME / NAME). */
  name?: string;
  /** How often a subscribing client should refresh, as an RFC 5545 duration (e.g. `PT1H`). */
  refreshInterval?: string;
  /**
   * iTIP method (RFC 5546): `PUBLISH` (default) for feeds and downloads; `REQUEST` and `CANCEL`
   * for the copy attached to an invitation or cancellation mail.
   */
  method?: 'PUBLISH' | 'REQUEST' | 'CANCEL';
  events: IcsEvent[];
}

/** `20261201T020000Z` */
export function icsDateTime(at: Date): string {
  return at.toISOString().replace(/\.\d{3}Z$/, 'Z').replace(/[-:]/g, '');
}

/** TEXT escaping (RFC 5545 §3.3.11): backslash, semicolon, comma; any line break becomes `\n`. */
export function escapeText(value: string): string {
  return value
    .replace(/\\/g, '\\\\')
    .replace(/;/g, '\\;')
    .replace(/,/g, '\\,')
    .replace(/\r\n|\r|\n/g, '\\n');
}

/** A parameter value (e.g. CN): quoted, without the characters a quoted value may not hold. */
export function paramValue(value: string): string {
  // eslint-disable-next-line no-control-regex
  return `"${value.replace(/["\u0000-\u001F\u007F]/g, '')}"`;
}

const encoder = new TextEncoder();

/**
 * Folds one content line: at most 75 octets per physical line, continuation lines starting with
 * a space (RFC 5545 §3.1). Splits only between characters, so UTF-8 sequences stay whole.
 */
export function foldLine(line: string): string {
  if (encoder.encode(line).length <= 75) return line;
  const parts: string[] = [];
  let current = '';
  let octets = 0;
  let limit = 75;
  for (const char of line) {
    const size = encoder.encode(char).length;
    if (octets + size > limit) {
      parts.push(current);
      current = '';
      octets = 0;
      limit = 74; // the leading space takes one octet
    }
    current += char;
    octets += size;
  }
  parts.push(current);
  return parts.join('\r\n ');
}

function eventLines(e: IcsEvent, stamp: Date): string[] {
  const lines = [
    'BEGIN:VEVENT',
    `UID:${e.uid}`,
    `DTSTAMP:${icsDateTime(stamp)}`,
    `DTSTART:${icsDateTime(e.start)}`,
    `DTEND:${icsDateTime(e.end)}`,
    `SEQUENCE:${e.sequence}`,
    `STATUS:${e.status}`,
    `SUMMARY:${escapeText(e.summary)}`,
  ];
  if (e.description) lines.push(`DESCRIPTION:${escapeText(e.description)}`);
  if (e.location) lines.push(`LOCATION:${escapeText(e.location)}`);
  // A URI value is not escaped: write it only when it holds nothing but visible ASCII.
  if (e.url && /^[\x21-\x7e]+$/.test(e.url)) lines.push(`URL:${e.url}`);
  lines.push(`ORGANIZER;CN=${paramValue(e.organizer.name)}:${e.organizer.uri}`);
  for (const a of e.attendees) {
    lines.push(`ATTENDEE;CN=${paramValue(a.name)};ROLE=REQ-PARTICIPANT;PARTSTAT=ACCEPTED:${a.uri}`);
  }
  lines.push(
    `CREATED:${icsDateTime(e.created)}`,
    `LAST-MODIFIED:${icsDateTime(e.lastModified)}`,
    'TRANSP:OPAQUE',
    'END:VEVENT',
  );
  return lines;
}

/** The whole `.ics` text: its METHOD (PUBLISH unless told), one VEVENT per meeting, CRLF after every line. */
export function renderCalendar(calendar: IcsCalendar): string {
  const lines = [
    'BEGIN:VCALENDAR',
    'VERSION:2.0',
    'PRODID:-//Mentorkit//Mentorship meetings//EN',
    'CALSCALE:GREGORIAN',
    `METHOD:${calendar.method ?? 'PUBLISH'}`,
  ];
  if (calendar.name) lines.push(`NAME:${escapeText(calendar.name)}`, `X-WR-CALNAME:${escapeText(calendar.name)}`);
  if (calendar.refreshInterval) {
    lines.push(`REFRESH-INTERVAL;VALUE=DURATION:${calendar.refreshInterval}`, `X-PUBLISHED-TTL:${calendar.refreshInterval}`);
  }
  for (const event of calendar.events) lines.push(...eventLines(event, calendar.stamp));
  lines.push('END:VCALENDAR');
  return lines.map(foldLine).join('\r\n') + '\r\n';
}

/** The headers of an iCalendar answer: a file to open or save, never cached by a shared cache. */
export const calendarHeaders = (filename: string, disposition: 'inline' | 'attachment') => ({
  'content-type': 'text/calendar; charset=utf-8; method=PUBLISH',
  'content-disposition': `${disposition}; filename="${filename}"`,
  'cache-control': 'private, no-store',
  'x-content-type-options': 'nosniff',
});
