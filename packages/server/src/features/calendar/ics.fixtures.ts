import { expect } from 'vitest';

/**
 * A small RFC 5545 reader for tests: checks the physical format (CRLF only, ≤ 75 octets per
 * line), unfolds, splits each content line into name, parameters and value, and unescapes TEXT.
 */

export interface IcsProperty {
  name: string;
  params: Record<string, string>;
  value: string;
}

export interface ParsedCalendar {
  physicalLines: string[];
  calendar: IcsProperty[];
  events: IcsProperty[][];
}

const octets = (s: string) => new TextEncoder().encode(s).length;

/** Splits at CRLF (asserting no bare CR or LF and a final CRLF), then joins continuation lines. */
export function unfold(text: string): { physical: string[]; logical: string[] } {
  expect(text.endsWith('\r\n'), 'the text ends with CRLF').toBe(true);
  const physical = text.slice(0, -2).split('\r\n');
  for (const line of physical) {
    expect(line, 'no bare CR or LF inside a line').not.toMatch(/[\r\n]/);
    expect(octets(line), `line longer than 75 octets: ${line}`).toBeLessThanOrEqual(75);
  }
  const logical: string[] = [];
  for (const line of physical) {
    if ((line.startsWith(' ') || line.startsWith('\t')) && logical.length > 0) logical[logical.length - 1] += line.slice(1);
    else logical.push(line);
  }
  return { physical, logical };
}

/** `NAME;P1=V1;P2="V 2":value` — the value starts at the first colon outside quotes. */
export function parseProperty(line: string): IcsProperty {
  let inQuotes = false;
  let colon = -1;
  for (let i = 0; i < line.length; i++) {
    const ch = line[i];
    if (ch === '"') inQuotes = !inQuotes;
    else if (ch === ':' && !inQuotes) { colon = i; break; }
  }
  expect(colon, `no value in: ${line}`).toBeGreaterThan(0);
  const head = line.slice(0, colon);
  const value = line.slice(colon + 1);
  const [name, ...rawParams] = head.match(/(?:[^;"]|"[^"]*")+/g) ?? [];
  const params: Record<string, string> = {};
  for (const p of rawParams) {
    const eq = p.indexOf('=');
    params[p.slice(0, eq).toUpperCase()] = p.slice(eq + 1).replace(/^"(.*)"$/, '$1');
  }
  return { name: name!.toUpperCase(), params, value };
}

/** RFC 5545 §3.3.11 TEXT unescaping. */
export function unescapeText(value: string): string {
  return value.replace(/\\([\\;,nN])/g, (_m, c: string) => (c === 'n' || c === 'N' ? '\n' : c));
}

export function parseIcs(text: string): ParsedCalendar {
  const { physical, logical } = unfold(text);
  const calendar: IcsProperty[] = [];
  const events: IcsProperty[][] = [];
  let current: IcsProperty[] | null = null;
  expect(logical[0]).toBe('BEGIN:VCALENDAR');
  expect(logical.at(-1)).toBe('END:VCALENDAR');
  for (const line of logical.slice(1, -1)) {
    if (line === 'BEGIN:VEVENT') { current = []; continue; }
    if (line === 'END:VEVENT') { events.push(current!); current = null; continue; }
    (current ?? calendar).push(parseProperty(line));
  }
  expect(current, 'every VEVENT ends').toBeNull();
  return { physicalLines: physical, calendar, events };
}

/** The one property of a name in a component (asserting there is exactly one). */
export function prop(component: IcsProperty[], name: string): IcsProperty {
  const found = component.filter((p) => p.name === name);
  expect(found, `${name} once`).toHaveLength(1);
  return found[0]!;
}

/** `20261201T020000Z` → Date (UTC form only). */
export function icsUtc(value: string): Date {
  const m = /^(\d{4})(\d{2})(\d{2})T(\d{2})(\d{2})(\d{2})Z$/.exec(value);
  expect(m, `${value} is a UTC date-time`).not.toBeNull();
  const [, y, mo, d, h, mi, s] = m!;
  return new Date(Date.UTC(Number(y), Number(mo) - 1, Number(d), Number(h), Number(mi), Number(s)));
}
