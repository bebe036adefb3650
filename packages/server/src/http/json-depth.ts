/**
 * The deepest nesting of arrays and objects a request body may have. The contract's deepest
 * body is three levels (an object holding an array of objects); 32 leaves room to grow while
 * refusing `[[[…]]]` bombs, which cost `JSON.parse` (and then zod) time in proportion to their
 * depth while every other request waits.
 */
export const MAX_JSON_DEPTH = 32;

const QUOTE = 0x22;
const BACKSLASH = 0x5c;
const OPEN_BRACKET = 0x5b;
const CLOSE_BRACKET = 0x5d;
const OPEN_BRACE = 0x7b;
const CLOSE_BRACE = 0x7d;

/**
 * Whether `text` nests arrays or objects deeper than `max`, found in one pass over its characters
 * without building anything: brackets inside strings (and escaped quotes) do not count. It does
 * not check that the text is JSON; `JSON.parse` does that afterwards, on text now known to be shallow.
 */
export function nestsDeeperThan(text: string, max: number): boolean {
  let depth = 0;
  let inString = false;
  for (let i = 0; i < text.length; i++) {
    const ch = text.charCodeAt(i);
    if (inString) {
      if (ch === BACKSLASH) i++;
      else if (ch === QUOTE) inString = false;
    } else if (ch === QUOTE) {
      inString = true;
    } else if (ch === OPEN_BRACKET || ch === OPEN_BRACE) {
      if (++depth > max) return true;
    } else if (ch === CLOSE_BRACKET || ch === CLOSE_BRACE) {
      depth--;
    }
  }
  return false;
}
