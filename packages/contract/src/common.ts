import { z } from 'zod';

export const id = z.uuid();
export type Id = z.infer<typeof id>;

/** ISO 8601 instant as sent on the wire. */
export const isoDateTime = z.iso.datetime({ offset: true });
/** Calendar date `YYYY-MM-DD`. */
export const isoDate = z.iso.date();

export const pageLimit = z.coerce.number().int().min(1).max(100).default(20);
export const cursor = z.string().min(1).max(512);

export const pageQuery = z.object({
  limit: pageLimit,
  cursor: cursor.optional(),
});

/** A cursor-paged list: `{items, nextCursor}`; `nextCursor` is null on the last page. */
export function page<T extends z.ZodType>(item: T) {
  return z.object({ items: z.array(item), nextCursor: z.string().nullable() });
}
export interface Page<T> {
  items: T[];
  nextCursor: string | null;
}

/** Query strings carry repeated keys as arrays and single ones as strings: accept both. */
export function repeated<T extends z.ZodType>(item: T) {
  return z.preprocess(
    (value) => (value === undefined ? [] : Array.isArray(value) ? value : [value]),
    z.array(item).max(30),
  );
}

/** A short tag such as a skill or language: trimmed, 1–60 chars, no control characters. */
export const tag = z
  .string()
  .trim()
  .min(1)
  .max(60)
  .regex(/^[^\p{Cc}]+$/u, 'Must not contain control characters');

/** A list of tags, trimmed and de-duplicated case-insensitively (first spelling wins). */
export function tagList(max: number) {
  return z
    .array(tag)
    .max(max)
    .transform((tags) => {
      const seen = new Set<string>();
      return tags.filter((t) => {
        const key = t.toLocaleLowerCase('en');
        if (seen.has(key)) return false;
        seen.add(key);
        return true;
      });
    });
}

/** Free text: trimmed, bounded, without NUL or other control characters besides line breaks and tabs. */
export function text(max: number, min = 0) {
  return z
    .string()
    .trim()
    .min(min)
    .max(max)
    .regex(/^[^\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F]*$/, 'Must not contain control characters');
}

/** An absolute http(s) URL; other schemes (javascript:, data:, …) are refused. */
export const httpUrl = z
  .url({ protocol: /^https?$/ })
  .max(2000);

export function isTimeZone(value: string): boolean {
  try {
    new Intl.DateTimeFormat('en', { timeZone: value });
    return true;
  } catch {
    return false;
  }
}

/** An IANA time zone name known to the runtime, e.g. `Asia/Manila`. */
export const timeZone = z
  .string()
  .trim()
  .min(1)
  .max(64)
  .regex(/^[A-Za-z][A-Za-z0-9_+\-/]*$/, 'Must be an IANA time zone such as Asia/Manila')
  .refine(isTimeZone, 'Unknown time zone');

/** What a caller passes for a paged list query: every field optional, `limit` a number. */
export type ListParams<Q extends z.ZodType> = Partial<Omit<z.input<Q>, 'limit'>> & { limit?: number };
/** The parameters of a list that takes only `limit` and `cursor`. */
export type PageParams = ListParams<typeof pageQuery>;
