import type { RealtimeEventType, RealtimeStatus, RealtimeSubscribeOptions, TypedRealtimeEvent } from '@mentorkit/contract';
import type { ReactiveController, ReactiveControllerHost } from 'lit';

/**
 * Where live events come from: the SDK client's `realtime` (its `subscribe` returns the function
 * that stops it). Tests and portals with their own transport pass anything of this shape.
 */
export interface RealtimeSource {
  subscribe(handler: (event: TypedRealtimeEvent) => void, options?: RealtimeSubscribeOptions): () => void;
}

/** `idle` before any source is known (or after a disconnect); `unavailable` when subscribing threw (e.g. no WebSocket). */
export type RealtimeControllerStatus = RealtimeStatus | 'idle' | 'unavailable';

export interface RealtimeControllerOptions {
  /** The source to follow, read before each host update; a new object means a new subscription (e.g. a new viewer). */
  source: () => RealtimeSource | undefined;
  /** Only these event types reach `onEvent` (all by default). */
  types?: readonly RealtimeEventType[];
  onEvent: (event: TypedRealtimeEvent) => void;
  /** Every status change; `open` after `reconnecting` means events may resume (the SDK replays missed ones by cursor). */
  onStatus?: (status: RealtimeControllerStatus) => void;
}

/**
 * One live subscription per element: subscribes when the host is connected and has a source,
 * re-subscribes when the source changes, and unsubscribes on disconnect. Live updates are an
 * enhancement: when the stream cannot be reached the element keeps working from HTTP alone.
 */
export class RealtimeController implements ReactiveController {
  status: RealtimeControllerStatus = 'idle';

  readonly #host: ReactiveControllerHost;
  readonly #options: RealtimeControllerOptions;
  #source: RealtimeSource | undefined;
  #stop: (() => void) | undefined;
  #connected = false;

  constructor(host: ReactiveControllerHost, options: RealtimeControllerOptions) {
    this.#host = host;
    this.#options = options;
    host.addController(this);
  }

  hostConnected(): void {
    this.#connected = true;
    // Subscribe on the next update (the source may need the host's properties).
    this.#host.requestUpdate();
  }

  hostUpdate(): void {
    if (!this.#connected) return;
    const source = this.#options.source();
    if (source === this.#source) return;
    this.#unsubscribe();
    this.#source = source;
    if (source) this.#subscribe(source);
  }

  hostDisconnected(): void {
    this.#connected = false;
    this.#unsubscribe();
    this.#source = undefined;
    this.#setStatus('idle');
  }

  #subscribe(source: RealtimeSource): void {
    const abort = new AbortController();
    try {
      const stop = source.subscribe(
        (event) => {
          if (abort.signal.aborted) return;
          this.#options.onEvent(event);
        },
        {
          ...(this.#options.types ? { types: this.#options.types } : {}),
          signal: abort.signal,
          onStatus: (status) => {
            if (!abort.signal.aborted) this.#setStatus(status);
          },
        },
      );
      this.#stop = () => {
        abort.abort();
        stop();
      };
    } catch {
      this.#stop = undefined;
      this.#setStatus('unavailable');
    }
  }

  #unsubscribe(): void {
    const stop = this.#stop;
    this.#stop = undefined;
    stop?.();
  }

  #setStatus(status: RealtimeControllerStatus): void {
    if (status === this.status) return;
    this.status = status;
    this.#options.onStatus?.(status);
    this.#host.requestUpdate();
  }
}
