import { ContextProvider } from '@lit/context';
import { createClient, type MentorkitClient, type TokenSource } from '@mentorkit/sdk';
import { html, LitElement, type PropertyValues, type TemplateResult } from 'lit';
import { property } from 'lit/decorators.js';
import { shareRealtime } from '../../controllers/realtime-hub.js';
import { clientContext } from '../../internal/client-context.js';
import { themeContext, type Theme } from '../../internal/theme-context.js';
import { mentorshipProviderStyles } from './mentorship-provider.styles.js';

/**
 * @summary Connects every Mentorkit element inside it to one Mentorkit server with one identity.
 *
 * @description Builds the SDK client from `api` and `token`/`getToken` and hands it down through
 * `@lit/context`. Replacing `token` or `getToken` (e.g. after the portal's user changes) hands
 * down a new client, and the elements load again for the new viewer. Elements with their own
 * `api` attribute ignore the provider.
 *
 * All elements inside share ONE live-update socket: the client's `realtime` is a hub that opens
 * the stream for its first listener and closes it shortly after its last (the server allows each
 * user only a few sockets).
 *
 * @slot - Page content containing Mentorkit elements.
 */
export class MentorshipProvider extends LitElement {
  static override styles = mentorshipProviderStyles;

  /** Base URL of the Mentorkit server, e.g. `/` or `https://mentoring.example.edu`. */
  @property() api = '';

  /** A fixed short-lived JWT from the portal. */
  @property({ attribute: false }) token: string | undefined = undefined;

  /** Called before each request (with `forceRefresh: true` after a 401) for a fresh JWT. */
  @property({ attribute: false }) getToken: TokenSource | undefined = undefined;

  /** A `fetch` to use instead of the browser's, e.g. to add headers or observe requests. */
  @property({ attribute: false }) fetch: typeof globalThis.fetch | undefined = undefined;

  /**
   * The colour scheme of every element inside that has no `theme` of its own; without it they
   * follow `prefers-color-scheme`.
   */
  @property({ reflect: true }) theme: Theme | undefined = undefined;

  readonly #provider = new ContextProvider(this, { context: clientContext });
  readonly #themeProvider = new ContextProvider(this, { context: themeContext });

  /** The client handed to the elements; undefined until `api` is set. */
  get client(): MentorkitClient | undefined {
    return this.#provider.value;
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    if (changed.has('api') || changed.has('token') || changed.has('getToken') || changed.has('fetch')) {
      const { api, token, getToken, fetch } = this;
      this.#provider.setValue(api ? shareRealtime(createClient({ baseUrl: api, token, getToken, fetch })) : undefined);
    }
    if (changed.has('theme')) this.#themeProvider.setValue(this.theme);
  }

  override render(): TemplateResult {
    return html`<slot></slot>`;
  }
}
