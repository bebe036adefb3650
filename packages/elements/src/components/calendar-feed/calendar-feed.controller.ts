import { msg } from '@lit/localize';
import type { CalendarFeed } from '@mentorkit/contract';
import type { MentorkitClient } from '@mentorkit/sdk';
import type { ReactiveControllerHost } from 'lit';
import { ResourceController } from '../../controllers/resource.controller.js';
import { describeError } from '../../internal/error-message.js';
import { inLanguageOf } from '../../internal/localization.js';
import { ModalController } from '../shared/modal.controller.js';

export type CalendarFeedPanelStatus = 'idle' | 'loading' | 'error' | 'ready';
/** What the confirmation dialog asks about. */
export type CalendarFeedConfirmation = 'rotate' | 'disable';

/** The element that renders the panel (a dashboard): its dialog is looked up in `renderRoot`. */
export type CalendarFeedHost = ReactiveControllerHost & HTMLElement & { readonly renderRoot: HTMLElement | DocumentFragment };

export interface CalendarFeedOptions {
  client: () => MentorkitClient | undefined;
  /** Whether the panel is on screen; it loads only then (e.g. once the dashboard itself is ready). */
  active?: () => boolean;
  /** The host's polite live region. */
  announce: (message: string) => void;
}

export const CALENDAR_FEED_IDS = {
  title: 'calendar-feed-title',
  url: 'calendar-feed-url',
  create: 'calendar-feed-create',
  dialog: 'calendar-feed-dialog',
} as const;

/**
 * The viewer's private calendar subscription (`/me/calendar-feed`), headless: whether the feed is
 * on, and the URL — which only exists right after it was created or rotated, because the server
 * keeps only the token's hash. Rotating and turning off ask first in a modal dialog; the dialog
 * stays open (busy) until the server answers and shows a refusal inside itself.
 */
export class CalendarFeedController {
  readonly #host: CalendarFeedHost;
  readonly #options: CalendarFeedOptions;
  readonly #resource: ResourceController<boolean, [MentorkitClient]>;
  /** The client whose state is shown: a new viewer must not see the last one's URL. */
  #loadedFor: MentorkitClient | undefined;

  enabled = false;
  /** The token, path and URL from the last create/rotate in this session; undefined after a reload. */
  feed: CalendarFeed | undefined = undefined;
  /** The request on its way to the server. */
  busy: 'create' | CalendarFeedConfirmation | undefined = undefined;
  /** Why the last create (shown in the panel) or confirmed action (shown in the dialog) failed. */
  actionError: string | undefined = undefined;
  /** What the open dialog asks about. */
  confirming: CalendarFeedConfirmation | undefined = undefined;

  readonly modal: ModalController;

  constructor(host: CalendarFeedHost, options: CalendarFeedOptions) {
    this.#host = host;
    this.#options = options;
    this.#resource = new ResourceController(host, {
      args: () => {
        if (options.active && !options.active()) return undefined;
        const client = options.client();
        return client ? [client] : undefined;
      },
      task: async ([client], { signal }) => (await client.calendar.feedStatus({ signal })).enabled,
      onComplete: (enabled, [client]) => {
        if (client !== this.#loadedFor || !enabled) this.feed = undefined;
        this.#loadedFor = client;
        this.enabled = enabled;
        this.actionError = undefined;
      },
    });
    this.modal = new ModalController(host, {
      dialog: () => host.renderRoot.querySelector<HTMLDialogElement>(`#${CALENDAR_FEED_IDS.dialog}`),
      onClosed: () => {
        this.confirming = undefined;
        if (!this.busy) this.actionError = undefined;
      },
    });
  }

  get status(): CalendarFeedPanelStatus {
    switch (this.#resource.status) {
      case 'initial':
        return this.#options.client() && this.#options.active?.() !== false ? 'loading' : 'idle';
      case 'pending':
        // Reloading keeps what is shown (e.g. the URL just created) instead of flashing a skeleton.
        return this.#loadedFor && this.#loadedFor === this.#options.client() ? 'ready' : 'loading';
      case 'error':
        return 'error';
      case 'complete':
        return 'ready';
    }
  }

  get error(): unknown {
    return this.#resource.error;
  }

  retry(): Promise<void> {
    return this.#resource.retry();
  }

  /** Turns the feed on; focus goes to the new URL so it can be copied at once. */
  async create(): Promise<void> {
    if (this.busy) return;
    const feed = await this.#change('create', (client) => client.calendar.rotateFeedToken());
    if (!feed) return;
    this.#options.announce(inLanguageOf(this.#host, () => msg('Your calendar link was created. Copy it into your calendar app.')));
    await this.#host.updateComplete;
    this.#host.renderRoot.querySelector<HTMLElement>(`#${CALENDAR_FEED_IDS.url}`)?.focus();
  }

  /** Opens the confirmation for "Get a new link" or "Turn off". */
  ask(action: CalendarFeedConfirmation, trigger: HTMLElement | null): void {
    if (this.busy) return;
    this.confirming = action;
    this.actionError = undefined;
    void this.modal.open(trigger);
  }

  cancel(): void {
    this.modal.close();
  }

  /** The dialog's confirming button: rotates or turns off, then closes the dialog. */
  async confirm(): Promise<void> {
    const action = this.confirming;
    if (!action || this.busy) return;
    if (action === 'rotate') {
      const feed = await this.#change('rotate', (client) => client.calendar.rotateFeedToken());
      if (!feed) return;
      this.modal.close();
      this.#options.announce(inLanguageOf(this.#host, () => msg('You have a new calendar link. The old link no longer works.')));
      return;
    }
    const done = await this.#change('disable', async (client) => {
      await client.calendar.disableFeed();
      return true as const;
    });
    if (!done) return;
    // "Turn off" is gone with the feed: focus goes to "Create my calendar link".
    this.modal.close(() => this.#host.renderRoot.querySelector<HTMLElement>(`#${CALENDAR_FEED_IDS.create}`));
    this.#options.announce(inLanguageOf(this.#host, () => msg('Your calendar subscription is turned off. The old link no longer works.')));
  }

  /**
   * Copies the URL. Without clipboard access (an insecure page, a refused permission) the text is
   * selected instead, so the viewer can copy it with the keyboard.
   */
  async copy(input: HTMLInputElement | null | undefined): Promise<void> {
    const url = this.feed?.url;
    if (!url) return;
    try {
      if (!navigator.clipboard?.writeText) throw new Error('No clipboard access');
      await navigator.clipboard.writeText(url);
      this.#options.announce(inLanguageOf(this.#host, () => msg('Link copied')));
    } catch {
      input?.focus();
      input?.select();
      this.#options.announce(inLanguageOf(this.#host, () => msg('The link is selected. Press Control+C, or Command+C on a Mac, to copy it.')));
    }
  }

  async #change<T>(kind: 'create' | CalendarFeedConfirmation, run: (client: MentorkitClient) => Promise<T>): Promise<T | undefined> {
    const client = this.#options.client();
    if (!client) return undefined;
    this.busy = kind;
    this.actionError = undefined;
    this.#host.requestUpdate();
    try {
      const value = await run(client);
      if (client !== this.#options.client()) return undefined;
      if (kind === 'disable') {
        this.enabled = false;
        this.feed = undefined;
      } else {
        this.enabled = true;
        this.feed = value as CalendarFeed;
      }
      this.#loadedFor = client;
      return value;
    } catch (error) {
      // Shown in a role="alert" beside the control (the panel or the dialog), so not announced twice.
      this.actionError = inLanguageOf(this.#host, () => {
        const what =
          kind === 'create'
            ? msg('Your calendar link could not be created.')
            : kind === 'rotate'
              ? msg('A new link could not be made.')
              : msg('The subscription could not be turned off.');
        return `${what} ${describeError(error)}`;
      });
      return undefined;
    } finally {
      this.busy = undefined;
      this.#host.requestUpdate();
    }
  }
}
