import { ContextConsumer } from '@lit/context';
import { LitElement, type PropertyValues } from 'lit';
import { property } from 'lit/decorators.js';
import type { TokenSource } from '@mentorkit/sdk';
import { ClientController } from '../controllers/client.controller.js';
import { clampHeadingLevel } from './heading.js';
import { themeContext, type Theme } from './theme-context.js';
import { declaredLanguage, inLanguage, listenForLanguage, resolveLanguage, whenLoaded, type Language } from './localization.js';
import { userLanguage, type UserLanguage } from './user-language.js';

/**
 * What every Mentorkit element shares: standalone wiring (`api` + `token`/`getToken`), the
 * client resolved from it or from a surrounding `<mentorship-provider>`, and the `theme`.
 *
 * The system tier of the theming tokens (THEMING.md) reaches every element; each element's own
 * JSDoc adds its component tokens and says where it uses a system token.
 * @cssproperty --mentorship-color-accent - Primary buttons, links, selected states, focus ring (#1f5fae; dark #8cb4ff).
 * @cssproperty --mentorship-color-on-accent - Text on the accent colour (#ffffff; dark #0b1a30).
 * @cssproperty --mentorship-color-background - Behind the element: transparent in light mode, so the page shows; #121418 in dark mode.
 * @cssproperty --mentorship-color-surface - Cards, fields and dialogs (#ffffff; dark #1c1f24).
 * @cssproperty --mentorship-color-text - Body text (#1d232b; dark #e6e9ee).
 * @cssproperty --mentorship-color-muted - Secondary text (#55606d; dark #a7b0bc).
 * @cssproperty --mentorship-color-border - Borders of cards, fields and chips (#c9d0d9; dark #3d4550).
 * @cssproperty --mentorship-color-danger - Errors and destructive buttons (#b42318; dark #ff8f85).
 * @cssproperty --mentorship-color-success - Positive statuses (#1a7f37; dark #62d286).
 * @cssproperty --mentorship-color-warning - Waiting statuses and warnings (#b25e00; dark #e7b750).
 * @cssproperty --mentorship-color-focus - The focus ring (the accent).
 * @cssproperty --mentorship-radius - Corner radius of cards, fields and buttons (8px).
 * @cssproperty --mentorship-space - The spacing unit; gaps and paddings are multiples of it (8px).
 * @cssproperty --mentorship-font - Font family (the page's).
 * @cssproperty --mentorship-button-background - Buttons (the surface).
 * @cssproperty --mentorship-button-color - Button text (the text colour).
 * @cssproperty --mentorship-button-border-color - Button borders (the border colour).
 * @cssproperty --mentorship-button-radius - Button corners (the radius).
 * @cssproperty --mentorship-button-primary-background - The primary action's background (the accent).
 * @cssproperty --mentorship-button-primary-color - The primary action's text (on-accent).
 * @cssproperty --mentorship-button-danger-background - Destructive buttons' background (danger).
 * @cssproperty --mentorship-button-danger-color - Destructive buttons' text (on-accent).
 * @cssproperty --mentorship-card-background - Cards (the surface).
 * @cssproperty --mentorship-card-border-color - Card borders (the border colour).
 * @cssproperty --mentorship-card-radius - Card corners (the radius).
 * @cssproperty --mentorship-card-padding - Card padding (2.5 × space).
 * @cssproperty --mentorship-chip-background - Chips (a tint of the accent).
 * @cssproperty --mentorship-chip-border-color - Chip borders (the border colour).
 * @cssproperty --mentorship-field-border-color - Borders of text fields, selects and text areas (the border colour).
 */
export class MentorkitElement extends LitElement {
  /** Base URL of the Mentorkit server, e.g. `/` or `https://mentoring.example.edu`. Leave unset under a provider. */
  @property() api = '';

  /** A fixed short-lived JWT from the portal, used with `api`. */
  @property({ attribute: false }) token: string | undefined = undefined;

  /** Called before each request (and once more after a 401) for a fresh JWT, used with `api`. */
  @property({ attribute: false }) getToken: TokenSource | undefined = undefined;

  /**
   * Forces a colour scheme; without it the element follows its provider's `theme`, else
   * `prefers-color-scheme`.
   */
  @property({ reflect: true }) theme: Theme | undefined = undefined;

  /**
   * The level of the element's title heading (2 by default), so it fits the page's outline:
   * `heading-level="3"` when the element sits under the page's h2. Its sections follow below it.
   */
  @property({ attribute: 'heading-level', type: Number }) headingLevel = 2;

  /** The heading level `depth` steps below the element's title (0: the title itself), within 1–6. */
  protected headingLevelFor(depth = 0): number {
    return clampHeadingLevel(this.headingLevel + depth);
  }

  protected readonly clientController = new ClientController(this);

  readonly #providerTheme = new ContextConsumer(this, { context: themeContext, subscribe: true });

  /**
   * The scheme in force (own `theme`, else the provider's) goes on the host as
   * `data-mentorship-theme`, which the token styles read: CSS cannot see the provider's value.
   */
  protected override update(changed: PropertyValues): void {
    const scheme = this.theme ?? this.#providerTheme.value;
    if (scheme) this.setAttribute('data-mentorship-theme', scheme);
    else this.removeAttribute('data-mentorship-theme');
    super.update(changed);
  }

  #language: Language = { locale: 'en', tag: undefined };
  #declared = false;

  /**
   * The language of the element's content when nothing around it declared it (the user's own, or
   * English): its template puts it on its content with `ownLanguage()`. Undefined when a `lang`
   * around the element chose it, which then applies to the content already.
   */
  protected get contentLanguage(): string | undefined {
    return this.#declared ? undefined : (this.#language.tag ?? this.#language.locale);
  }
  #stopListening: (() => void) | undefined;
  /** The user's language this element follows (its client's), while connected. */
  #userLanguage: { source: UserLanguage; stop: () => void } | undefined;

  override connectedCallback(): void {
    super.connectedCallback();
    this.#stopListening = listenForLanguage({ languageChanged: () => this.requestUpdate() });
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.#stopListening?.();
    this.#userLanguage?.stop();
    this.#userLanguage = undefined;
  }

  /**
   * The signed-in user's language, asked of the element's client only when nothing declares a
   * language. It arrives after the first render, which is then in English: waiting for it would
   * leave the element blank, even without a loading state, if the server is slow.
   */
  #userLocale(): string | undefined {
    const client = this.clientController.client;
    const source = client ? userLanguage(client) : undefined;
    if (source !== this.#userLanguage?.source) {
      this.#userLanguage?.stop();
      this.#userLanguage = source && this.isConnected ? { source, stop: source.listen(() => this.requestUpdate()) } : undefined;
    }
    return source?.value;
  }

  /**
   * The language comes from the nearest `lang` (the element's, a wrapper's, the provider's, the
   * page's), else the signed-in user's own. A first Filipino render waits for the translations,
   * so nothing flashes in English.
   */
  protected override scheduleUpdate(): void | Promise<unknown> {
    this.#declared = declaredLanguage(this) !== undefined;
    this.#language = resolveLanguage(this, () => this.#userLocale());
    const pending = whenLoaded(this.#language.locale);
    return pending ? pending.then(() => super.scheduleUpdate()) : super.scheduleUpdate();
  }

  /** willUpdate, render and updated run in the element's language, so every `msg()` in them does. */
  protected override performUpdate(): void {
    inLanguage(this.#language, () => super.performUpdate());
  }

  /** For text built outside an update (e.g. an announcement after a request finishes). */
  protected inOwnLanguage<T>(fn: () => T): T {
    return inLanguage(resolveLanguage(this, () => this.#userLocale()), fn);
  }
}
