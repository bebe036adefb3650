import { ContextProvider } from '@lit/context';
import { createClient, type MentorkitClient, type TokenSource } from '@mentorkit/sdk';
import { html, LitElement, type PropertyValues, type TemplateResult } from 'lit';
import { property } from 'lit/decorators.js';
import { clientContext } from '../../internal/client-context.js';
import { mentorshipProviderStyles } from './mentorship-provider.styles.js';

/**
 * @summary Connects every Mentorkit element inside it to one Mentorkit server with one identity.
 *
 * @description Builds the SDK client from `api` and `token`/`getToken` and hands it down through
 * `@lit/context`. Replacing `token` or `getToken` (e.g. after the portal's user changes) hands
 * down a new client, and the elements load again for the new viewer. Elements with their own
 * `api` attribute ignore the provider.
 *
 * @slot - Page content containing Mentorkit elements.
 */
export class MentorshipProvider extends LitElement {
  static override styles = mentorshipProviderStyles;

  /** Base URL of the Mentorkit server, e.g. `/` or `https://mentoring.example.edu`. */
  @property() accessor api = '';

  /** A fixed short-lived JWT from the portal. */
  @property({ attribute: false }) accessor token: string | undefined = undefined;

  /** Called before each request (with `forceRefresh: true` after a 401) for a fresh JWT. */
  @property({ attribute: false }) accessor getToken: TokenSource | undefined = undefined;

  /** A `fetch` to use instead of the browser's, e.g. to add headers or observe requests. */
  @property({ attribute: false }) accessor fetch: typeof globalThis.fetch | undefined = undefined;

  readonly #provider = new ContextProvider(this, { context: clientContext });

  /** The client handed to the elements; undefined until `api` is set. */
  get client(): MentorkitClient | undefined {
    return this.#provider.value;
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    if (changed.has('api') || changed.has('token') || changed.has('getToken') || changed.has('fetch')) {
      const { api, token, getToken, fetch } = this;
      this.#provider.setValue(api ? createClient({ baseUrl: api, token, getToken, fetch }) : undefined);
    }
  }

  override render(): TemplateResult {
    return html`<slot></slot>`;
  }
}
