import { msg } from '@lit/localize';
import { clockLabel, dateLabel, dayLabel } from '../../internal/dates.js';

/** A piece of a message body: plain text, or a web link (only ever `http:`/`https:`). */
export type BodyPart = { kind: 'text'; text: string } | { kind: 'link'; text: string; href: string };

// Candidates start with http(s):// and run to whitespace or a character that cannot be in a bare URL.
const URL_CANDIDATE = /\bhttps?:\/\/[^\s<>"'`]+/gi;
// Punctuation that usually ends the sentence, not the link ("see https://x.edu/a.").
const TRAILING = /[.,;:!?)\]}]+$/;

/**
 * Splits plain text into text and link parts. Nothing here is HTML: templates render each part
 * as a text node or an `<a>` whose `href` is a parsed `http(s)` URL, so `<img onerror>` stays
 * text and `javascript:` is never a link.
 */
export function linkify(body: string): BodyPart[] {
  const parts: BodyPart[] = [];
  let last = 0;
  const pushText = (text: string) => {
    if (!text) return;
    const prev = parts[parts.length - 1];
    if (prev?.kind === 'text') prev.text += text;
    else parts.push({ kind: 'text', text });
  };
  for (const match of body.matchAll(URL_CANDIDATE)) {
    let candidate = match[0];
    const start = match.index ?? 0;
    // Keep a closing parenthesis that belongs to the URL (Wikipedia-style links).
    const trail = TRAILING.exec(candidate)?.[0] ?? '';
    if (trail) {
      let keep = 0;
      const opens = (candidate.match(/\(/g) ?? []).length;
      const closes = (candidate.slice(0, candidate.length - trail.length).match(/\)/g) ?? []).length;
      if (trail.startsWith(')') && opens > closes) keep = 1;
      candidate = candidate.slice(0, candidate.length - trail.length + keep);
    }
    const href = safeLink(candidate);
    pushText(body.slice(last, start));
    if (href) parts.push({ kind: 'link', text: candidate, href });
    else pushText(candidate);
    last = start + candidate.length;
  }
  pushText(body.slice(last));
  return parts;
}

/** The URL as an `href` if it parses as `http:` or `https:` with a host; otherwise undefined. */
export function safeLink(text: string): string | undefined {
  try {
    const url = new URL(text);
    if ((url.protocol !== 'http:' && url.protocol !== 'https:') || !url.hostname) return undefined;
    return url.href;
  } catch {
    return undefined;
  }
}

const pad = (n: number) => String(n).padStart(2, '0');

/** The viewer's calendar day of a time, `YYYY-MM-DD` (groups messages under day separators). */
export function localDayKey(value: string | Date): string {
  const d = typeof value === 'string' ? new Date(value) : value;
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`;
}

/** "Today", "Yesterday", or "Thu 10 Dec" (the one day style of every element). */
export function dayHeading(value: string | Date, now: Date = new Date()): string {
  const d = typeof value === 'string' ? new Date(value) : value;
  const key = localDayKey(d);
  if (key === localDayKey(now)) return msg('Today');
  const yesterday = new Date(now.getFullYear(), now.getMonth(), now.getDate() - 1);
  if (key === localDayKey(yesterday)) return msg('Yesterday');
  // A day of another year says which.
  return d.getFullYear() === now.getFullYear() ? dayLabel(d) : dateLabel(d);
}

/** "9:05 AM" in the viewer's zone. */
export { clockLabel };

/** Characters as the server counts them (a JavaScript string's length, after trimming). */
export const messageLength = (body: string) => body.trim().length;
