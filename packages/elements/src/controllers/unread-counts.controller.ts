import type { ConversationPage } from '@mentorkit/contract';
import type { MentorkitClient } from '@mentorkit/sdk';
import type { ReactiveControllerHost } from 'lit';
import { LiveRefreshController } from './live-refresh.controller.js';
import { ResourceController } from './resource.controller.js';

/** Conversations per page, and how many pages at most: far more mentorships than anyone has. */
const PAGE = 100;
const MAX_PAGES = 5;

async function loadCounts(client: MentorkitClient, signal: AbortSignal): Promise<Map<string, number>> {
  const counts = new Map<string, number>();
  let cursor: string | undefined;
  for (let i = 0; i < MAX_PAGES; i++) {
    const page: ConversationPage = await client.conversations.list({ limit: PAGE, ...(cursor ? { cursor } : {}) }, { signal });
    for (const c of page.items) counts.set(c.mentorshipId, c.unreadCount);
    if (!page.nextCursor) break;
    cursor = page.nextCursor;
  }
  return counts;
}

/**
 * The viewer's unread message count per mentorship, for the badges on mentorship cards, kept
 * live: the viewer's own read marker (`conversation.read` carries their new count) shows at
 * once; it and a new message load the counts again (a burst of messages, once). When the counts cannot
 * be loaded the badges are simply absent: they are a hint, the thread itself is the truth.
 */
export class UnreadCountsController {
  readonly #host: ReactiveControllerHost;
  readonly #client: () => MentorkitClient | undefined;
  readonly #resource: ResourceController<Map<string, number>, [MentorkitClient]>;
  readonly #live: LiveRefreshController<'counts'>;
  #counts = new Map<string, number>();
  #countsFor: MentorkitClient | undefined;

  constructor(host: ReactiveControllerHost, options: { client: () => MentorkitClient | undefined }) {
    this.#host = host;
    this.#client = options.client;
    this.#resource = new ResourceController(host, {
      args: () => {
        const client = this.#client();
        return client ? [client] : undefined;
      },
      task: ([client], { signal }) => loadCounts(client, signal),
      onComplete: (counts, [client]) => {
        this.#counts = counts;
        this.#countsFor = client;
      },
    });
    this.#live = new LiveRefreshController(host, {
      source: () => this.#client()?.realtime,
      types: ['message.created', 'conversation.read'],
      route: (event) => {
        if (event.type === 'conversation.read') {
          // Only the reader's own copy has counts (shown at once, then confirmed with a load that
          // cannot be older than the read); the other party's read changes nothing here.
          if (event.data.unreadCount === undefined) return undefined;
          this.#set(event.data.mentorshipId, event.data.unreadCount);
        }
        return 'counts';
      },
      refresh: () => this.#resource.run(),
    });
  }

  /** Unread messages in the mentorship's conversation (0 when unknown). */
  countFor(mentorshipId: string): number {
    return this.#countsFor === this.#client() ? (this.#counts.get(mentorshipId) ?? 0) : 0;
  }

  /** Resolves once live changes received so far are shown. */
  whenSettled(): Promise<void> {
    return this.#live.whenSettled();
  }

  #set(mentorshipId: string, count: number): void {
    if (this.#counts.get(mentorshipId) === count) return;
    this.#counts = new Map(this.#counts).set(mentorshipId, count);
    this.#host.requestUpdate();
  }
}
