import { html, type ReactiveController, type ReactiveControllerHost, type TemplateResult } from 'lit';

/**
 * A polite live region for the results of actions ("Request withdrawn", "Capacity could not go
 * below 3"). Screen readers announce a change of its text; the same message twice in a row is
 * cleared first so it is announced again.
 */
export class AnnouncerController implements ReactiveController {
  readonly #host: ReactiveControllerHost;
  #message = '';
  #timer: ReturnType<typeof setTimeout> | undefined;

  constructor(host: ReactiveControllerHost) {
    this.#host = host;
    host.addController(this);
  }

  get message(): string {
    return this.#message;
  }

  announce(message: string): void {
    clearTimeout(this.#timer);
    if (message !== this.#message) {
      this.#message = message;
      this.#host.requestUpdate();
      return;
    }
    this.#message = '';
    this.#host.requestUpdate();
    this.#timer = setTimeout(() => {
      this.#message = message;
      this.#host.requestUpdate();
    }, 50);
  }

  hostDisconnected(): void {
    clearTimeout(this.#timer);
  }

  /** The region itself: render it once, outside anything that re-renders away. */
  render(): TemplateResult {
    return html`<p part="announcer" class="visually-hidden" role="status" aria-live="polite">${this.#message}</p>`;
  }
}
