import type { MailKind, MailLanguage, Me, NotificationPreferences } from '@mentorkit/contract';
import type { MentorkitClient } from '@mentorkit/sdk';
import { msg } from '@lit/localize';
import type { ReactiveControllerHost } from 'lit';
import { ResourceController } from '../../controllers/resource.controller.js';
import { ViewerController } from '../../controllers/viewer.controller.js';
import { describeError } from '../../internal/error-message.js';
import { userLanguage } from '../../internal/user-language.js';

/**
 * Whom each kind of email can reach, so a switch shows only to someone it concerns: requests to
 * answer and their reminders go to mentors; application decisions to mentors and to alumni who may
 * still apply (not to administrators, who make the decisions); the rest to anyone in a mentorship
 * or asking for one, which every alumnus can be. A kind this version does not know is shown.
 */
const audience: Partial<Record<MailKind, (me: Me) => boolean>> = {
  request_received: (me) => me.roles.includes('mentor'),
  request_reminder: (me) => me.roles.includes('mentor'),
  application_decided: (me) => me.roles.includes('mentor') || !me.roles.includes('admin'),
};

export const mailKindApplies = (kind: MailKind, me: Me): boolean => audience[kind]?.(me) ?? true;

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
  /** The viewer's roles decide which switches show. */
  readonly #viewer: ViewerController;
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
    this.#viewer = new ViewerController(host, { client: options.client });
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
    if (!this.preferences?.email) return 'empty';
    switch (this.#viewer.status) {
      case 'ready':
        return 'ready';
      case 'error':
        return 'error';
      default:
        return 'loading';
    }
  }

  get error(): unknown {
    return this.#resource.error ?? this.#viewer.error;
  }

  async retry(): Promise<void> {
    if (this.#viewer.status === 'error') this.#viewer.retry();
    if (this.#resource.status === 'error') await this.#resource.retry();
  }

  /** The kinds that concern the viewer, in the server's order (it sends every kind it knows). */
  get kinds(): Array<[MailKind, boolean]> {
    const me = this.#viewer.me;
    if (!me) return [];
    return (Object.entries(this.preferences?.kinds ?? {}) as Array<[MailKind, boolean]>).filter(([kind]) => mailKindApplies(kind, me));
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
