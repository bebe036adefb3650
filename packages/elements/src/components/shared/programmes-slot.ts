import { msg } from '@lit/localize';
import { nothing, type ReactiveController, type ReactiveControllerHost, type TemplateResult } from 'lit';
import { shellStates } from './dashboard-shell.template.js';
import { sectionSkeleton } from './mentorship-card.template.js';
import type { ProgrammesPanel, ProgrammesPanelOptions } from './programmes.kit.js';

type SlotHost = ReactiveControllerHost & HTMLElement & { readonly renderRoot: HTMLElement | DocumentFragment };

/**
 * Where a dashboard shows its Programmes section. The section's code (`programmes.kit.ts`) is
 * imported after the dashboard's first render once the section belongs on the page
 * (`options.active`), so it is a chunk of its own that never delays the dashboard itself;
 * until it arrives, a skeleton holds its place.
 */
export class ProgrammesSlot implements ReactiveController {
  readonly #host: SlotHost;
  readonly #options: ProgrammesPanelOptions;
  #panel: ProgrammesPanel | undefined;
  /** The import under way, or why it failed (Retry imports again). */
  #state: 'idle' | 'loading' | { error: unknown } = 'idle';

  constructor(host: SlotHost, options: ProgrammesPanelOptions) {
    this.#host = host;
    this.#options = options;
    host.addController(this);
  }

  hostUpdated(): void {
    if (this.#state === 'idle' && !this.#panel && this.#options.active()) this.#load();
  }

  #load(): void {
    this.#state = 'loading';
    import('./programmes.kit.js')
      .then(
        (kit) => {
          this.#panel = new kit.ProgrammesPanel(this.#host, this.#options);
          this.#state = 'idle';
        },
        (error: unknown) => {
          this.#state = { error };
          console.error('Mentorkit: the Programmes section could not be loaded.', error);
        },
      )
      .finally(() => this.#host.requestUpdate());
  }

  render(): TemplateResult | typeof nothing {
    const state = this.#state;
    if (!this.#options.active()) return nothing;
    if (this.#panel) return this.#panel.render();
    if (typeof state === 'object') return shellStates.error(msg('Programmes could not be loaded.'), state.error, () => this.#load());
    return sectionSkeleton(1);
  }
}
