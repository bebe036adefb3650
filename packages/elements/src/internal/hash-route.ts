import type { ReactiveController, ReactiveControllerHost } from 'lit';

/**
 * The URL hash, shared by the host page and the elements. It reads `token&key=value&…`: bare tokens
 * are the portal's own (the demo portal's `#my-mentoring` picks a panel) and are kept as they are;
 * `key=value` pairs are Mentorkit's (`mentorship=…&tab=plan`, a search's `q=…`). So an element can
 * put its state in the address (reload, back button, a link in an email land on it) without
 * disturbing the page's own use of the hash.
 */

function parts(hash: string): string[] {
  return hash.replace(/^#/, '').split('&').filter(Boolean);
}

/** Mentorkit's `key=value` pairs of the current hash. */
export function readHashParams(hash: string = location.hash): URLSearchParams {
  return new URLSearchParams(parts(hash).filter((p) => p.includes('=')).join('&'));
}

/** The page's bare tokens of the current hash (`#my-mentoring&q=data` → `['my-mentoring']`). */
export function readHashTokens(hash: string = location.hash): string[] {
  return parts(hash)
    .filter((p) => !p.includes('='))
    .map((p) => decodeURIComponent(p));
}

/** The hash with `patch` applied: `null`, `undefined` and `''` remove a key; an array repeats it. */
export function patchHash(hash: string, patch: Record<string, string | readonly string[] | null | undefined>): string {
  const params = readHashParams(hash);
  for (const [key, value] of Object.entries(patch)) {
    params.delete(key);
    for (const v of typeof value === 'string' ? [value] : (value ?? [])) if (v !== '') params.append(key, v);
  }
  const tokens = parts(hash).filter((p) => !p.includes('='));
  const query = params.toString();
  const joined = [...tokens, ...(query ? [query] : [])].join('&');
  return joined ? `#${joined}` : '';
}

/**
 * Writes Mentorkit's keys into the hash, keeping the page's tokens and other keys. `push` adds a
 * history entry (opening a mentorship: Back returns to the list); otherwise the current entry is
 * replaced (a tab change, a new search). History calls fire no `hashchange`, so the page's own
 * hash handling is not run for a change it did not make.
 */
export function writeHashParams(
  patch: Record<string, string | readonly string[] | null | undefined>,
  options: { push?: boolean } = {},
): void {
  const next = patchHash(location.hash, patch);
  if (next === location.hash || (next === '' && location.hash === '#')) return;
  const url = `${location.pathname}${location.search}${next || ''}`;
  // An empty hash through history leaves `#` behind in some browsers; the path alone clears it.
  if (options.push) history.pushState(history.state, '', url);
  else history.replaceState(history.state, '', url);
}

export interface HashRouteOptions {
  /** The keys this element owns; `onChange` runs when any of them changes. */
  keys: readonly string[];
  /** Whether the element follows the hash at all (an opt-out attribute turns it off). */
  enabled: () => boolean;
  /** The element's keys as they are now (on connect, and after back/forward or a changed hash). */
  onChange: (params: URLSearchParams) => void;
}

/**
 * Follows the hash for one element: on connect and whenever back/forward or a link changes one of
 * its keys. Changes the element makes itself (`writeHashParams`) do not call back.
 */
export class HashRouteController implements ReactiveController {
  readonly #options: HashRouteOptions;
  #last = '';

  constructor(host: ReactiveControllerHost, options: HashRouteOptions) {
    this.#options = options;
    host.addController(this);
  }

  hostConnected(): void {
    window.addEventListener('popstate', this.#check);
    window.addEventListener('hashchange', this.#check);
    // A sentinel no hash produces: the element always hears its state once on connect.
    this.#last = '\u0000';
    this.#check();
  }

  hostDisconnected(): void {
    window.removeEventListener('popstate', this.#check);
    window.removeEventListener('hashchange', this.#check);
  }

  /** Writes the element's keys, remembering them so the write does not echo back. */
  write(patch: Record<string, string | readonly string[] | null | undefined>, options: { push?: boolean } = {}): void {
    if (!this.#options.enabled()) return;
    writeHashParams(patch, options);
    this.#last = this.#own();
  }

  #own(): string {
    const params = readHashParams();
    const own = new URLSearchParams();
    for (const key of this.#options.keys) for (const v of params.getAll(key)) own.append(key, v);
    return own.toString();
  }

  #check = (): void => {
    if (!this.#options.enabled()) return;
    const own = this.#own();
    if (own === this.#last) return;
    this.#last = own;
    this.#options.onChange(new URLSearchParams(own));
  };
}
