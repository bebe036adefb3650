import type { ReactiveController, ReactiveControllerHost } from 'lit';

/** `ready` once the tag is defined; `error` after its code failed to load (Retry loads again). */
export type ElementLoadStatus = 'idle' | 'loading' | 'ready' | 'error';

export interface ElementLoaderOptions {
  /** The element's tag: once it is defined (by this load or by anyone), the loader is `ready`. */
  tag: string;
  /** The import of the element's define module. */
  load: () => Promise<unknown>;
  /** Load by itself as soon as this says so (checked after each update); without it, only `load()`. */
  when?: () => boolean;
}

/**
 * Fetches an element's code the first time the host needs it, so a page does not download what
 * most visits never show: the dashboards load `<mentorship-workspace>` when one is first opened,
 * the workspace loads `<message-thread>` once its own content has shown. A page that has defined
 * the tag already (the package's main entry defines every element) loads nothing. A failure is
 * reported on the console with its cause and shown by the host with Retry; it is not retried by
 * itself.
 */
export class ElementLoaderController implements ReactiveController {
  readonly #host: ReactiveControllerHost;
  readonly #options: ElementLoaderOptions;
  #status: ElementLoadStatus = 'idle';

  constructor(host: ReactiveControllerHost, options: ElementLoaderOptions) {
    this.#host = host;
    this.#options = options;
    host.addController(this);
  }

  get status(): ElementLoadStatus {
    return customElements.get(this.#options.tag) ? 'ready' : this.#status;
  }

  hostUpdated(): void {
    if (this.#status === 'idle' && this.#options.when?.()) this.load();
  }

  /** Starts loading unless the element is defined or on its way; after a failure, tries again. */
  load(): void {
    const status = this.status;
    if (status === 'ready' || status === 'loading') return;
    const { tag } = this.#options;
    this.#status = 'loading';
    // "Loading…" replaces an error (or the first placeholder) at once.
    this.#host.requestUpdate();
    this.#options
      .load()
      .then(() => customElements.whenDefined(tag))
      .then(
        () => (this.#status = 'ready'),
        (error: unknown) => {
          this.#status = 'error';
          console.error(`Mentorkit: <${tag}> could not be loaded.`, error);
        },
      )
      .finally(() => this.#host.requestUpdate());
  }
}
