import type { RealtimeStatus, RealtimeStatusInfo, RealtimeSubscribeOptions, TypedRealtimeEvent } from '@mentorkit/contract';
import type { MentorkitClient } from '@mentorkit/sdk';
import type { RealtimeSource } from './realtime.controller.js';

interface Listener {
  handler: (event: TypedRealtimeEvent) => void;
  types: ReadonlySet<string> | undefined;
  onStatus: RealtimeSubscribeOptions['onStatus'];
}

export interface RealtimeHubOptions {
  /** The stream's address, kept so the hub can stand in for the SDK's `client.realtime`. */
  url?: string;
  /**
   * How long the shared subscription outlives its last listener (default 1 s), so an element that
   * is moved in the page, or a workspace closed and opened again, does not cost a new socket.
   */
  lingerMs?: number;
}

const report = (error: unknown) => {
  const g = globalThis as { reportError?: (e: unknown) => void };
  if (g.reportError) g.reportError(error);
  else console.error(error);
};

/**
 * Many listeners on ONE upstream subscription. The server allows a user only a few sockets (the
 * oldest is closed beyond them), so every element under a `<mentorship-provider>` listens through
 * the provider's hub instead of opening a socket each. The upstream subscription (a socket, with
 * the SDK) opens with the first listener, and closes when the last one has been gone for
 * `lingerMs`. Each listener keeps its own `types` filter, `signal` and `onStatus`; one that joins
 * an open stream hears its current status at once. A listener asking for its own cursor (`after`)
 * gets a subscription of its own, as the shared stream cannot rewind for it.
 */
export class RealtimeHub implements RealtimeSource {
  readonly url: string;
  readonly #upstream: RealtimeSource;
  readonly #lingerMs: number;
  readonly #listeners = new Set<Listener>();
  #stop: (() => void) | undefined;
  #last: { status: RealtimeStatus; info: RealtimeStatusInfo } | undefined;
  #linger: ReturnType<typeof setTimeout> | undefined;
  /** Tells a late status of a replaced upstream subscription from the current one's. */
  #generation = 0;
  #opened = 0;

  constructor(upstream: RealtimeSource, options: RealtimeHubOptions = {}) {
    this.#upstream = upstream;
    this.url = options.url ?? '';
    this.#lingerMs = options.lingerMs ?? 1000;
  }

  /** How many upstream subscriptions (sockets) the hub has opened so far. */
  get upstreamSubscriptions(): number {
    return this.#opened;
  }

  /** Listeners now sharing the stream. */
  get listenerCount(): number {
    return this.#listeners.size;
  }

  /** The shared stream's latest status; undefined while it is not open(ing). */
  get status(): RealtimeStatus | undefined {
    return this.#stop ? this.#last?.status : undefined;
  }

  subscribe(handler: (event: TypedRealtimeEvent) => void, options: RealtimeSubscribeOptions = {}): () => void {
    if (options.after !== undefined) return this.#upstream.subscribe(handler, options);
    const listener: Listener = { handler, types: options.types ? new Set(options.types) : undefined, onStatus: options.onStatus };
    if (options.signal?.aborted) {
      tell(listener, 'closed', { attempt: 0 });
      return () => {};
    }
    this.#listeners.add(listener);
    clearTimeout(this.#linger);
    this.#linger = undefined;
    if (!this.#stop) {
      try {
        this.#open();
      } catch (error) {
        // No stream at all (e.g. no WebSocket here): the caller reports it as unavailable.
        this.#listeners.delete(listener);
        throw error;
      }
    } else if (this.#last) {
      tell(listener, this.#last.status, this.#last.info);
    }
    let done = false;
    const unsubscribe = () => {
      if (done) return;
      done = true;
      this.#listeners.delete(listener);
      tell(listener, 'closed', { attempt: 0 });
      if (this.#listeners.size === 0) this.#scheduleClose();
    };
    options.signal?.addEventListener('abort', unsubscribe, { once: true });
    return unsubscribe;
  }

  #open(): void {
    const generation = ++this.#generation;
    this.#last = undefined;
    let closed = false;
    const onStatus = (status: RealtimeStatus, info: RealtimeStatusInfo) => {
      if (generation !== this.#generation) return;
      this.#last = { status, info };
      // Closed for good (e.g. 4429, too many sockets): the next listener to arrive opens anew.
      if (status === 'closed') {
        closed = true;
        this.#stop = undefined;
      }
      for (const listener of [...this.#listeners]) tell(listener, status, info);
    };
    const stop = this.#upstream.subscribe((event) => {
      if (generation === this.#generation) this.#dispatch(event);
    }, { onStatus });
    this.#opened++;
    if (!closed) this.#stop = stop;
  }

  #dispatch(event: TypedRealtimeEvent): void {
    for (const listener of [...this.#listeners]) {
      if (listener.types && !listener.types.has(event.type)) continue;
      try {
        listener.handler(event);
      } catch (error) {
        report(error);
      }
    }
  }

  #scheduleClose(): void {
    clearTimeout(this.#linger);
    this.#linger = setTimeout(() => {
      this.#linger = undefined;
      if (this.#listeners.size > 0) return;
      const stop = this.#stop;
      this.#stop = undefined;
      this.#last = undefined;
      this.#generation++;
      stop?.();
    }, this.#lingerMs);
  }
}

function tell(listener: Listener, status: RealtimeStatus, info: RealtimeStatusInfo): void {
  try {
    listener.onStatus?.(status, info);
  } catch (error) {
    report(error);
  }
}

/**
 * The client with its `realtime` replaced by a hub over it, so everything that receives this
 * client object shares one stream. Other groups are the same functions.
 */
export function shareRealtime(client: MentorkitClient, options: Omit<RealtimeHubOptions, 'url'> = {}): MentorkitClient {
  if (client.realtime instanceof RealtimeHub) return client;
  return { ...client, realtime: new RealtimeHub(client.realtime, { ...options, url: client.realtime.url }) };
}
