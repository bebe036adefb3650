import { realtimeCloseCodes } from '@mentorkit/contract';
import type { Kysely } from 'kysely';
import type { Database } from '../db/schema.js';
import type { Logger } from '../http/logger.js';
import { latestPositions, readEventsAfter } from './events.repository.js';

/** One receiving end of a user's stream (a socket, as far as delivery cares). */
export interface Subscriber {
  readonly userId: string;
  /** Position of the last event this subscriber has been sent (or the starting point). */
  cursor: number;
  /** false until the subscriber has said where to start (resume) or chose to start live. */
  live: boolean;
  /** Bumped whenever `cursor` is moved by the client, so a read in flight is not applied to it. */
  seekVersion: number;
  readonly openedAt: number;
  isOpen(): boolean;
  send(frame: string): void;
  close(code: number, reason: string): void;
}

interface UserStream {
  subscribers: Set<Subscriber>;
  running: Promise<void> | undefined;
  again: boolean;
}

export interface StreamDeliveryOptions {
  /** Events read per query. */
  batchSize: number;
  /** Sockets one user may hold on this instance; the oldest is closed (4429) beyond. */
  maxSocketsPerUser: number;
  /** Delay before retrying a stream whose read failed (database down). */
  retryMs: number;
}

/**
 * Delivers each user's stream to that user's sockets on this instance. It never trusts the
 * notification's content beyond "user X has something new": it reads the user's events from the
 * database after the lowest cursor among their sockets and gives each socket what lies beyond its
 * own cursor. Reads for one user never overlap (one pump at a time, re-run if poked meanwhile), so
 * each socket sees each event once, in order, whichever instance wrote it.
 */
export class StreamDelivery {
  private readonly users = new Map<string, UserStream>();
  private closed = false;

  constructor(
    private readonly db: Kysely<Database>,
    private readonly logger: Logger,
    private readonly options: StreamDeliveryOptions,
  ) {}

  get userCount(): number {
    return this.users.size;
  }

  add(subscriber: Subscriber): void {
    let stream = this.users.get(subscriber.userId);
    if (!stream) {
      stream = { subscribers: new Set(), running: undefined, again: false };
      this.users.set(subscriber.userId, stream);
    }
    stream.subscribers.add(subscriber);
    // Sets iterate in insertion order: the first ones are the oldest.
    for (const old of stream.subscribers) {
      if (stream.subscribers.size <= this.options.maxSocketsPerUser) break;
      stream.subscribers.delete(old);
      old.close(realtimeCloseCodes.tooManySockets, 'Too many open connections; this oldest one was closed');
    }
  }

  remove(subscriber: Subscriber): void {
    const stream = this.users.get(subscriber.userId);
    if (!stream) return;
    stream.subscribers.delete(subscriber);
    if (stream.subscribers.size === 0 && !stream.running) this.users.delete(subscriber.userId);
  }

  /** Starts delivering to a subscriber from its cursor. */
  goLive(subscriber: Subscriber): void {
    subscriber.live = true;
    this.pump(subscriber.userId);
  }

  /** Moves a subscriber's cursor (a resume) and delivers from there. */
  seek(subscriber: Subscriber, after: number): void {
    subscriber.cursor = after;
    subscriber.seekVersion++;
    if (subscriber.live) this.pump(subscriber.userId);
  }

  /** "These users have new events": called for every notification on the events channel. */
  notify(userIds: Iterable<string>): void {
    for (const id of userIds) if (this.users.has(id)) this.pump(id);
  }

  /**
   * Safety net for a lost notification (the LISTEN connection dropped and came back, say): asks
   * the database for every connected user's latest position, a few hundred users per query, and
   * pumps those who are behind.
   */
  async sweep(chunk = 500): Promise<void> {
    const ids = [...this.users.keys()];
    for (let i = 0; i < ids.length && !this.closed; i += chunk) {
      const latest = await latestPositions(this.db, ids.slice(i, i + chunk));
      for (const [userId, position] of latest) {
        const stream = this.users.get(userId);
        if (stream && [...stream.subscribers].some((s) => s.live && s.cursor < position)) this.pump(userId);
      }
    }
  }

  /** Stops all delivery (shutdown): no new reads, no retries. */
  close(): void {
    this.closed = true;
  }

  /** Resolves when no pump is running (tests and shutdown). */
  async idle(): Promise<void> {
    for (;;) {
      const running = [...this.users.values()].map((s) => s.running).filter(Boolean);
      if (running.length === 0) return;
      await Promise.all(running);
    }
  }

  private pump(userId: string): void {
    const stream = this.users.get(userId);
    if (!stream || this.closed) return;
    if (stream.running) {
      stream.again = true;
      return;
    }
    stream.running = this.drain(userId, stream).finally(() => {
      stream.running = undefined;
      if (stream.subscribers.size === 0 && this.users.get(userId) === stream) this.users.delete(userId);
    });
  }

  private async drain(userId: string, stream: UserStream): Promise<void> {
    const { batchSize } = this.options;
    try {
      do {
        stream.again = false;
        for (;;) {
          const targets = this.closed ? [] : [...stream.subscribers].filter((s) => s.live && s.isOpen());
          if (targets.length === 0) break;
          const versions = targets.map((s) => s.seekVersion);
          const from = Math.min(...targets.map((s) => s.cursor));
          const events = await readEventsAfter(this.db, userId, from, batchSize);
          targets.forEach((s, i) => {
            if (s.seekVersion !== versions[i]) {
              // Resumed while we were reading from an older cursor: serve it on the next round.
              stream.again = true;
              return;
            }
            for (const event of events) {
              if (!s.isOpen()) return;
              if (event.position > s.cursor) {
                s.send(event.frame);
                s.cursor = event.position;
              }
            }
          });
          if (events.length < batchSize) break;
        }
      } while (stream.again);
    } catch (err) {
      this.logger.error('realtime stream read failed', { userId, error: err instanceof Error ? err.message : String(err) });
      setTimeout(() => this.pump(userId), this.options.retryMs).unref();
    }
  }
}
