import type { MailLanguage } from '@mentorkit/contract';
import type { MentorkitClient } from '@mentorkit/sdk';
import { viewerOf } from '../controllers/viewer.controller.js';

/**
 * The signed-in user's own language (`GET /me` → `language`, the one they chose for their email),
 * the last fallback when neither an element's ancestors nor the page declare a language.
 *
 * Kept per client: the elements under one `<mentorship-provider>` share its client, so they ask
 * once between them, and a new client (a new token, maybe a new viewer) asks again.
 */
class UserLanguage {
  readonly #client: MentorkitClient;
  readonly #listeners = new Set<() => void>();
  #value: MailLanguage | undefined;
  #asked = false;

  constructor(client: MentorkitClient) {
    this.#client = client;
  }

  /** The language once known; the first call asks the server, and listeners hear the answer. */
  get value(): MailLanguage | undefined {
    if (!this.#asked) {
      this.#asked = true;
      viewerOf(this.#client).then(
        // A choice saved meanwhile is newer than this answer.
        (me) => this.#value ?? this.set(me.language),
        // Unknown (offline, signed out): the elements stay in English.
        () => undefined,
      );
    }
    return this.#value;
  }

  /** A language just chosen (or loaded) elsewhere, e.g. in the email settings. */
  set(language: MailLanguage): void {
    if (language === this.#value) return;
    this.#value = language;
    for (const listener of [...this.#listeners]) listener();
  }

  listen(listener: () => void): () => void {
    this.#listeners.add(listener);
    return () => void this.#listeners.delete(listener);
  }
}

const byClient = new WeakMap<MentorkitClient, UserLanguage>();

export function userLanguage(client: MentorkitClient): UserLanguage {
  let found = byClient.get(client);
  if (!found) {
    found = new UserLanguage(client);
    byClient.set(client, found);
  }
  return found;
}

export type { UserLanguage };
