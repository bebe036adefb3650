import type { ReactiveControllerHost } from 'lit';

/** `ready` once `<mentorship-workspace>` is defined; `error` after its code failed to load. */
export type WorkspaceLoadStatus = 'idle' | 'loading' | 'ready' | 'error';

const TAG = 'mentorship-workspace';

/**
 * Loads `<mentorship-workspace>` the first time a dashboard opens one. The workspace (with its
 * message thread) is the largest element, and most visits to a dashboard never open it, so the
 * dashboards do not import it up front: in the browser bundle it is a chunk of its own, fetched
 * on first open. A page that has defined the tag already (the package's main entry defines every
 * element) loads nothing.
 */
export class WorkspaceLoaderController {
  readonly #host: ReactiveControllerHost;
  readonly #load: () => Promise<unknown>;
  #status: WorkspaceLoadStatus = 'idle';

  /** `load` is the import of the workspace's define module; a test may pass its own. */
  constructor(host: ReactiveControllerHost, load: () => Promise<unknown> = () => import('../../define/mentorship-workspace.js')) {
    this.#host = host;
    this.#load = load;
  }

  get status(): WorkspaceLoadStatus {
    return customElements.get(TAG) ? 'ready' : this.#status;
  }

  /** Starts loading unless the workspace is defined or on its way; after a failure, tries again. */
  load(): void {
    const status = this.status;
    if (status === 'ready' || status === 'loading') return;
    this.#status = 'loading';
    this.#host.requestUpdate();
    this.#load()
      .then(() => customElements.whenDefined(TAG))
      .then(
        () => (this.#status = 'ready'),
        (error: unknown) => {
          this.#status = 'error';
          // Shown on the page as "could not be loaded" with Retry; the console keeps the cause.
          console.error(`Mentorkit: <${TAG}> could not be loaded.`, error);
        },
      )
      // Either way the placeholder inside the workspace tag has to change (or go).
      .finally(() => this.#host.requestUpdate());
  }
}
