import { describe, expect, it } from 'vitest';
import { escapeText, foldLine, icsDateTime, paramValue, renderCalendar, type IcsEvent } from './ics.js';
import { icsUtc, parseIcs, prop, unescapeText, unfold } from './ics.fixtures.js';

const octets = (s: string) => new TextEncoder().encode(s).length;

const event = (extra: Partial<IcsEvent> = {}): IcsEvent => ({
  uid: 'a1b2@mentorkit',
  sequence: 0,
  status: 'CONFIRMED',
  start: new Date('2026-12-01T10:00:00Z'),
  end: new Date('2026-12-01T11:00:00Z'),
  created: new Date('2026-11-28T09:00:00Z'),
  lastModified: new Date('2026-11-28T09:00:00Z'),
  summary: 'Career planning',
  organizer: { name: 'Ana Villanueva', uri: 'urn:uuid:00000000-0000-4000-8000-000000000001' },
  attendees: [],
  ...extra,
});

describe('the iCalendar writer', () => {
  it('writes UTC date-times', () => {
    expect(icsDateTime(new Date('2026-12-01T18:00:00+08:00'))).toBe('20261201T100000Z');
    expect(icsDateTime(new Date('2026-03-09T01:02:03.456Z'))).toBe('20260309T010203Z');
  });

  it('escapes backslash, semicolon, comma and every kind of line break', () => {
    expect(escapeText('a\\b;c,d\ne\r\nf\rg')).toBe('a\\\\b\\;c\\,d\\ne\\nf\\ng');
    for (const s of ['a\\b;c,d', 'x\\ny', '\\;', ',,,;;;\\\\', 'line one\nline two']) {
      expect(unescapeText(escapeText(s))).toBe(s);
    }
  });

  it('quotes parameter values and drops what a quoted value cannot hold', () => {
    expect(paramValue('Villanueva, Ana; PhD')).toBe('"Villanueva, Ana; PhD"');
    expect(paramValue('Ana "the mentor"\nVillanueva')).toBe('"Ana the mentorVillanueva"');
  });

  it('folds at 75 octets without splitting a UTF-8 character, and unfolds back', () => {
    const short = 'SUMMARY:short';
    expect(foldLine(short)).toBe(short);
    const exactly75 = `SUMMARY:${'x'.repeat(67)}`;
    expect(foldLine(exactly75)).toBe(exactly75);
    for (const body of ['x'.repeat(500), 'é'.repeat(200), '🎓'.repeat(120), `${'a'.repeat(73)}🎓${'ñ'.repeat(90)}`]) {
      const line = `DESCRIPTION:${body}`;
      const folded = foldLine(line);
      const physical = folded.split('\r\n');
      expect(physical.length).toBeGreaterThan(1);
      physical.forEach((p, i) => {
        expect(octets(p)).toBeLessThanOrEqual(75);
        if (i > 0) expect(p.startsWith(' ')).toBe(true);
        expect(p).not.toMatch(/\uFFFD/);
      });
      // The first line is filled as far as a whole character allows.
      expect(octets(physical[0]!)).toBeGreaterThan(71);
      expect(unfold(`${folded}\r\n`).logical).toEqual([line]);
    }
  });

  it('renders a calendar that parses back, with CRLF everywhere', () => {
    const text = renderCalendar({
      stamp: new Date('2026-11-28T09:00:00Z'),
      name: 'Mentorkit meetings',
      refreshInterval: 'PT1H',
      events: [event({ description: 'Agenda:\n1, 2; 3 \\ done', location: 'Room 2, Alumni Centre', url: 'https://meet.example.edu/x' }), event({ uid: 'c3@mentorkit', status: 'CANCELLED', sequence: 4 })],
    });
    expect(text.replace(/\r\n/g, '')).not.toMatch(/[\r\n]/);
    const parsed = parseIcs(text);
    expect(prop(parsed.calendar, 'VERSION').value).toBe('2.0');
    expect(prop(parsed.calendar, 'METHOD').value).toBe('PUBLISH');
    expect(prop(parsed.calendar, 'X-WR-CALNAME').value).toBe('Mentorkit meetings');
    expect(prop(parsed.calendar, 'REFRESH-INTERVAL').params).toEqual({ VALUE: 'DURATION' });
    expect(parsed.events).toHaveLength(2);
    const [first, second] = parsed.events as [typeof parsed.events[0], typeof parsed.events[0]];
    expect(unescapeText(prop(first, 'DESCRIPTION').value)).toBe('Agenda:\n1, 2; 3 \\ done');
    expect(unescapeText(prop(first, 'LOCATION').value)).toBe('Room 2, Alumni Centre');
    expect(prop(first, 'URL').value).toBe('https://meet.example.edu/x');
    expect(icsUtc(prop(first, 'DTSTART').value).toISOString()).toBe('2026-12-01T10:00:00.000Z');
    expect(prop(first, 'ORGANIZER')).toEqual({ name: 'ORGANIZER', params: { CN: 'Ana Villanueva' }, value: 'urn:uuid:00000000-0000-4000-8000-000000000001' });
    expect(prop(second, 'STATUS').value).toBe('CANCELLED');
    expect(prop(second, 'SEQUENCE').value).toBe('4');
  });

  it('leaves out a URL that is not plain visible ASCII', () => {
    const text = renderCalendar({ stamp: new Date(), events: [event({ url: 'https://x.example/a b' })] });
    expect(parseIcs(text).events[0]!.some((p) => p.name === 'URL')).toBe(false);
  });
});
