import type { MailKind, MailLanguage, NotificationPreferences } from '@mentorkit/contract';
import type { MentorkitClient } from '@mentorkit/sdk';
import { msg } from '@lit/localize';
import type { ReactiveControllerHost } from 'lit';
import { ResourceController } from '../../controllers/resource.controller.js';
import { describeError } from '../../internal/error-message.js';
import { userLanguage } from '../../internal/user-language.js';

/** `empty`: the account has no email address, so there is nothing to switch. */
export type NotificationPreferencesStatus = 'idle' | 'loading' | 'error' | 'empty' | 'ready';

export interface NotificationPreferencesOptions {
  client: () => MentorkitClient | undefined;
  /** Whether the panel is on screen; it loads only then (e.g. once the dashboard itself is ready). */
  active?: () => boolean;
  /** The host's polite live region. */
  announce: (message: string) => void;
}

/**
 * The viewer's email switches (`/me/notification-preferences`), headless. Each switch saves on
 * its own, sending only its kind (the server merges), so two quick changes never undo each
 * other; the switch moves at once and moves back, with the reason, if the server refuses.
 */
export class NotificationPreferencesController {
  readonly #host: ReactiveControllerHost;
  readonly #options: NotificationPreferencesOptions;
  readonly #resource: ResourceController<NotificationPreferences, [MentorkitClient]>;
  /** Only the answer to the latest save may replace what is shown. */
  #latestSave = 0;

  preferences: NotificationPreferences | undefined = undefined;
  /** Kinds (and the language) whose change is on its way. */
  readonly saving = new Set<MailKind | 'language'>();
  /** Set after a successful save until the next change: the panel says "Saved". */
  saved = false;
  saveError: string | undefined = undefined;

  constructor(host: ReactiveControllerHost, options: NotificationPreferencesOptions) {
    this.#host = host;
    this.#options = options;
    this.#resource = new ResourceController(host, {
      args: () => {
        if (options.active && !options.active()) return undefined;
        const client = options.client();
        return client ? [client] : undefined;
      },
      task: ([client], { signal }) => client.notifications.preferences({ signal }),
      onComplete: (preferences, [client]) => {
        userLanguage(client).set(preferences.language);
        this.preferences = preferences;
        this.saved = false;
        this.saveError = undefined;
      },
    });
  }

  get status(): NotificationPreferencesStatus {
    switch (this.#resource.status) {
      case 'initial':
        return this.#options.client() && this.#options.active?.() !== false ? 'loading' : 'idle';
      case 'pending':
        return this.preferences ? this.#loadedStatus() : 'loading';
      case 'error':
        return 'error';
      case 'complete':
        return this.#loadedStatus();
    }
  }

  #loadedStatus(): NotificationPreferencesStatus {
    return this.preferences?.email ? 'ready' : 'empty';
  }

  get error(): unknown {
    return this.#resource.error;
  }

  retry(): Promise<void> {
    return this.#resource.retry();
  }

  /** The kinds in the server's order (it sends every kind it knows). */
  get kinds(): Array<[MailKind, boolean]> {
    return Object.entries(this.preferences?.kinds ?? {}) as Array<[MailKind, boolean]>;
  }

  setKind(kind: MailKind, on: boolean): Promise<void> {
    return this.#save(kind, { kinds: { [kind]: on } }, (p) => ({ ...p, kinds: { ...p.kinds, [kind]: on } }));
  }

  setLanguage(language: MailLanguage): Promise<void> {
    return this.#save('language', { language }, (p) => ({ ...p, language }));
  }

  async #save(what: MailKind | 'language', input: Parameters<MentorkitClient['notifications']['updatePreferences']>[0], apply: (p: NotificationPreferences) => NotificationPreferences): Promise<void> {
    const client = this.#options.client();
    const before = this.preferences;
    if (!client || !before) return;
    const seq = ++this.#latestSave;
    this.preferences = apply(before);
    this.saving.add(what);
    this.saved = false;
    this.saveError = undefined;
    this.#host.requestUpdate();
    try {
      const answer = await client.notifications.updatePreferences(input);
      // The elements that follow the user's language (no `lang` on them or the page) switch now.
      userLanguage(client).set(answer.language);
      if (client !== this.#options.client()) return;
      if (seq === this.#latestSave) {
        this.preferences = answer;
        this.saved = true;
        this.#options.announce(msg('Email settings saved'));
      }
    } catch (error) {
      if (client !== this.#options.client()) return;
      // Undo just this change: others made meanwhile stay as they are.
      const current = this.preferences ?? before;
      this.preferences = what === 'language'
        ? { ...current, language: before.language }
        : { ...current, kinds: { ...current.kinds, [what]: before.kinds[what] } };
      // Shown in a role="alert" in the panel, so not announced twice.
      this.saveError = `${msg('Your change could not be saved.')} ${describeError(error)}`;
    } finally {
      this.saving.delete(what);
      this.#host.requestUpdate();
    }
  }
}
