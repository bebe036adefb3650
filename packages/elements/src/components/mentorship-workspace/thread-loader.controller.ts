import type { ReactiveController, ReactiveControllerHost } from 'lit';

/** `ready` once `<message-thread>` is defined; `error` after its code failed to load. */
export type ThreadLoadStatus = 'idle' | 'loading' | 'ready' | 'error';

const TAG = 'message-thread';

/**
 * Loads `<message-thread>` for the Messages tab once the workspace has shown its first content.
 * The workspace opens on its Overview (which reads the latest messages itself), so the thread's
 * code is not part of the workspace's first load: it is fetched right after, in the background.
 * A page that has defined the tag already loads nothing.
 */
export class ThreadLoaderController implements ReactiveController {
  readonly #host: ReactiveControllerHost;
  readonly #enabled: () => boolean;
  readonly #load: () => Promise<unknown>;
  #status: ThreadLoadStatus = 'idle';

  /** `enabled` says when to start (the workspace is ready); `load` is the import of the thread's define module. */
  constructor(host: ReactiveControllerHost, options: { enabled: () => boolean; load?: () => Promise<unknown> }) {
    this.#host = host;
    this.#enabled = options.enabled;
    this.#load = options.load ?? (() => import('../../define/message-thread.js'));
    host.addController(this);
  }

  get status(): ThreadLoadStatus {
    return customElements.get(TAG) ? 'ready' : this.#status;
  }

  hostUpdated(): void {
    if (this.#status === 'idle' && this.#enabled()) this.load();
  }

  /** Starts loading unless the thread is defined or on its way; after a failure, tries again. */
  load(): void {
    const status = this.status;
    if (status === 'ready' || status === 'loading') return;
    this.#status = 'loading';
    // After a failure the error gives way to "Loading…"; the first load looks the same as idle.
    if (status === 'error') this.#host.requestUpdate();
    this.#load()
      .then(() => customElements.whenDefined(TAG))
      .then(
        () => (this.#status = 'ready'),
        (error: unknown) => {
          this.#status = 'error';
          // Shown in the Messages tab as "could not be loaded" with Retry; the console keeps the cause.
          console.error(`Mentorkit: <${TAG}> could not be loaded.`, error);
        },
      )
      .finally(() => this.#host.requestUpdate());
  }
}
