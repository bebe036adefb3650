import type { ReactiveController, ReactiveControllerHost } from 'lit';

export type ResourceStatus = 'initial' | 'pending' | 'complete' | 'error';

export interface ResourceOptions<T, A extends readonly unknown[]> {
  /** The async work. It must honour `signal`: a newer run or a disconnect aborts the older one. */
  task: (args: A, options: { signal: AbortSignal }) => Promise<T>;
  /**
   * When given, the resource loads by itself whenever one of these arguments changes (compared
   * with `===`) before the host renders. Returning `undefined` means "not ready yet".
   * Without it, the resource runs only through `run()`.
   */
  args?: () => A | undefined;
  /** Called with each successful value, before the host re-renders. */
  onComplete?: (value: T, args: A) => void;
}

const sameArgs = (a: readonly unknown[] | undefined, b: readonly unknown[]) =>
  a !== undefined && a.length === b.length && a.every((x, i) => x === b[i]);

/**
 * One async resource of an element with an honest state: `pending` while loading, `complete`
 * with a value, `error` with the reason, and `retry()`. Only the latest run may settle: older
 * ones are aborted, so a slow answer to an old question never overwrites a newer one.
 * The last value stays readable while a new run is pending (e.g. facets while re-searching).
 */
export class ResourceController<T, A extends readonly unknown[] = []> implements ReactiveController {
  status: ResourceStatus = 'initial';
  value: T | undefined = undefined;
  error: unknown = undefined;

  readonly #host: ReactiveControllerHost;
  readonly #options: ResourceOptions<T, A>;
  #args: A | undefined;
  #abort: AbortController | undefined;

  constructor(host: ReactiveControllerHost, options: ResourceOptions<T, A>) {
    this.#host = host;
    this.#options = options;
    host.addController(this);
  }

  hostUpdate(): void {
    if (!this.#options.args) return;
    const next = this.#options.args();
    if (next === undefined) {
      // Forget the arguments so the same ones, once ready again, load afresh.
      this.#args = undefined;
      return;
    }
    if (!sameArgs(this.#args, next)) void this.run(next);
  }

  hostConnected(): void {
    // A run aborted by a disconnect starts again when the element comes back.
    if (this.status === 'initial' && this.#options.args) this.#host.requestUpdate();
  }

  hostDisconnected(): void {
    if (this.status !== 'pending') return;
    this.abort();
    this.#args = undefined;
  }

  /** Runs the task (with the last arguments when none are given); resolves when it settles. */
  async run(args: A | undefined = this.#args): Promise<void> {
    if (args === undefined) return;
    this.#abort?.abort();
    const abort = new AbortController();
    this.#abort = abort;
    this.#args = args;
    this.status = 'pending';
    this.#host.requestUpdate();
    try {
      const value = await this.#options.task(args, { signal: abort.signal });
      if (abort.signal.aborted) return;
      this.value = value;
      this.error = undefined;
      this.status = 'complete';
      this.#options.onComplete?.(value, args);
    } catch (error) {
      if (abort.signal.aborted) return;
      this.error = error;
      this.status = 'error';
    }
    this.#host.requestUpdate();
  }

  retry(): Promise<void> {
    return this.run();
  }

  /** Abandons a pending run (its result, if it still arrives, is ignored) and returns to `initial`. */
  abort(): void {
    this.#abort?.abort();
    this.#abort = undefined;
    if (this.status === 'pending') {
      this.status = 'initial';
      this.#host.requestUpdate();
    }
  }
}
