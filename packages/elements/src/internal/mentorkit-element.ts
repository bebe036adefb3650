import { LitElement } from 'lit';
import { property } from 'lit/decorators.js';
import type { TokenSource } from '@mentorkit/sdk';
import { ClientController } from '../controllers/client.controller.js';

/**
 * What every Mentorkit element shares: standalone wiring (`api` + `token`/`getToken`), the
 * client resolved from it or from a surrounding `<mentorship-provider>`, and the `theme`.
 */
export class MentorkitElement extends LitElement {
  /** Base URL of the Mentorkit server, e.g. `/` or `https://mentoring.example.edu`. Leave unset under a provider. */
  @property() accessor api = '';

  /** A fixed short-lived JWT from the portal, used with `api`. */
  @property({ attribute: false }) accessor token: string | undefined = undefined;

  /** Called before each request (and once more after a 401) for a fresh JWT, used with `api`. */
  @property({ attribute: false }) accessor getToken: TokenSource | undefined = undefined;

  /** Forces a colour scheme; without it the element follows `prefers-color-scheme`. */
  @property({ reflect: true }) accessor theme: 'light' | 'dark' | undefined = undefined;

  protected readonly clientController = new ClientController(this);
}
