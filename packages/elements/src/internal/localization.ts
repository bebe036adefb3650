import type { LocaleModule } from '@lit/localize';
// The re-entrant configuration asks for the locale at every `msg()` call instead of holding one
// global locale: each element renders in its own language (its nearest `lang`), so two elements on
// one page may differ. It is the runtime mode's message lookup with a per-call locale.
import { configureReentrantLocalization } from '@lit/localize/init/reentrant.js';
import { sourceLocale, targetLocales } from '../generated/locale-codes.js';

/** Marks a `lang` that an element set on its own content (`ownLanguage`): not a declaration. */
export const OWN_LANG_MARK = 'data-mentorship-lang';

export type Locale = typeof sourceLocale | (typeof targetLocales)[number];

/** Translations are fetched only when an element first needs them, so the English bundle stays small. */
const loaders: Record<Exclude<Locale, typeof sourceLocale>, () => Promise<LocaleModule>> = {
  fil: () => import('../generated/locales/fil.js'),
};

const loaded = new Map<Locale, LocaleModule>();
const loading = new Map<Locale, Promise<void>>();

/** The language `msg()` answers in: the rendering element's while it updates, else the page's. */
let current: { locale: Locale; tag: string | undefined } | undefined;

configureReentrantLocalization({
  sourceLocale,
  targetLocales: [...targetLocales],
  getLocale: () => (current ?? pageLanguage()).locale,
  loadLocaleSync: (locale) => loaded.get(locale as Locale),
});

/** "fil", "fil-PH", "tl" → fil; "en-GB" → en; a language Mentorkit does not speak → undefined. */
export function supportedLocale(tag: string | null | undefined): Locale | undefined {
  const base = tag?.trim().toLowerCase().split(/[-_]/)[0];
  if (base === 'fil' || base === 'tl') return 'fil';
  if (base === 'en') return 'en';
  return undefined;
}

export interface Language {
  locale: Locale;
  /** The BCP 47 tag given for Filipino (e.g. "fil-PH") for `Intl`; English keeps the viewer's own conventions. */
  tag: string | undefined;
}

const language = (tag: string | null | undefined): Language | undefined => {
  const locale = supportedLocale(tag);
  if (locale === undefined) return undefined;
  return { locale, tag: locale === sourceLocale ? undefined : (tag ?? locale) };
};

const english: Language = { locale: sourceLocale, tag: undefined };

/** The page's language (`<html lang>`), else English. */
export function pageLanguage(): Language {
  return language(document.documentElement.getAttribute('lang')) ?? english;
}

/**
 * The nearest supported `lang` on the element or its ancestors — crossing shadow roots, so an
 * element inside a dashboard follows the `lang` around the dashboard (or its provider) — else
 * the page's; undefined when none of them declares a language Mentorkit speaks.
 */
export function declaredLanguage(element: Element): Language | undefined {
  let node: Node | null = element;
  while (node) {
    // A `lang` an element put on its own content (`ownLanguage`) is not a declaration.
    if (node instanceof Element && !node.hasAttribute(OWN_LANG_MARK)) {
      const found = language(node.getAttribute('lang'));
      if (found) return found;
    }
    node = node.parentNode ?? (node instanceof ShadowRoot ? node.host : null);
  }
  return undefined;
}

/**
 * The element's declared language, else its signed-in user's own (asked only then: `userLanguage`
 * may have to fetch it), else English. A declared `lang` always wins.
 */
export function resolveLanguage(element: Element, userLanguage?: () => string | undefined): Language {
  return declaredLanguage(element) ?? language(userLanguage?.()) ?? english;
}

/** Undefined once `locale` can render synchronously; else the promise of its translations. */
export function whenLoaded(locale: Locale): Promise<void> | undefined {
  if (locale === sourceLocale || loaded.has(locale)) return undefined;
  let pending = loading.get(locale);
  if (!pending) {
    pending = loaders[locale]().then(
      (module) => void loaded.set(locale, module),
      // A failed download leaves the element in English rather than blank; a later update retries.
      () => void loading.delete(locale),
    );
    loading.set(locale, pending);
  }
  return pending;
}

/** Runs `fn` (a render, or an announcement built in an event handler) in `lang`'s language. */
export function inLanguage<T>(lang: Language, fn: () => T): T {
  const previous = current;
  current = lang;
  try {
    return fn();
  } finally {
    current = previous;
  }
}

/** `inLanguage` for a controller's host element: text a controller builds after a request finishes. */
export const inLanguageOf = <T>(host: unknown, fn: () => T): T => (host instanceof Element ? inLanguage(resolveLanguage(host), fn) : fn());

/** The current language's tag for `Intl` (undefined: the viewer's default conventions). */
export const intlLocale = (): string | undefined => (current ?? pageLanguage()).tag;

/** The current language's code ("en" or "fil"). */
export const currentLocale = (): Locale => (current ?? pageLanguage()).locale;

/** Elements that re-render when a `lang` attribute on the page changes. */
export interface LanguageListener {
  languageChanged(): void;
}

const listeners = new Set<LanguageListener>();
let observer: MutationObserver | undefined;

/** Watches `lang` attributes in the document (the page, a provider, a wrapper) while any element listens. */
export function listenForLanguage(listener: LanguageListener): () => void {
  listeners.add(listener);
  if (!observer) {
    observer = new MutationObserver(() => listeners.forEach((l) => l.languageChanged()));
    observer.observe(document.documentElement, { attributes: true, attributeFilter: ['lang'], subtree: true });
  }
  return () => {
    listeners.delete(listener);
    if (listeners.size === 0) {
      observer?.disconnect();
      observer = undefined;
    }
  };
}
