import { intlLocale } from './localization.js';

// Formatters are costly to build and renders format many values: one per language and options.
const cache = new Map<string, Intl.NumberFormat | Intl.DateTimeFormat | Intl.RelativeTimeFormat | Intl.PluralRules>();

function cached<T extends Intl.NumberFormat | Intl.DateTimeFormat | Intl.RelativeTimeFormat | Intl.PluralRules>(
  kind: string,
  options: object,
  make: (locale: string | undefined) => T,
): T {
  const locale = intlLocale();
  const key = `${kind}|${locale ?? ''}|${JSON.stringify(options)}`;
  let f = cache.get(key) as T | undefined;
  if (!f) {
    f = make(locale);
    cache.set(key, f);
  }
  return f;
}

/** A number in the current language's conventions ("1,234", "42%"). */
export const formatNumber = (n: number, options: Intl.NumberFormatOptions = {}): string =>
  cached('n', options, (l) => new Intl.NumberFormat(l, options)).format(n);

/** A date/time formatter in the current language (viewer's time zone unless `timeZone` is given). */
export const dateTimeFormat = (options: Intl.DateTimeFormatOptions): Intl.DateTimeFormat =>
  cached('d', options, (l) => new Intl.DateTimeFormat(l, options));

/** "in 5 days", "kahapon": relative times in the current language. */
export const relativeTimeFormat = (options: Intl.RelativeTimeFormatOptions = { numeric: 'auto' }): Intl.RelativeTimeFormat =>
  cached('r', options, (l) => new Intl.RelativeTimeFormat(l ?? 'en', options));
