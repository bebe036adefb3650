import type { AdminMentor } from '@mentorkit/contract';
import type { MentorStatus } from '@mentorkit/contract/values';
import type { MentorkitClient } from '@mentorkit/sdk';
import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { debounce } from '../../controllers/debounce.js';
import { PagedListController } from '../../controllers/paged-list.controller.js';

export interface MentorFilters {
  /** Part of the mentor's name. */
  q: string;
  /** '' means every status. */
  status: MentorStatus | '';
}

export type MentorAction = 'suspend' | 'reactivate';

/** Typing in the name search settles for this long before a search goes out. */
export const NAME_SEARCH_DEBOUNCE_MS = 300;

/**
 * The headless mentor roster for admins: name search (debounced), status filter, cursor paging,
 * suspend and reactivate. A reactivation shows at once and rolls back if the server refuses;
 * a suspension, which declines waiting requests, waits for the server's answer.
 */
export class MentorsController implements ReactiveController {
  readonly #host: ReactiveControllerHost;
  readonly #client: () => MentorkitClient | undefined;
  #filters: MentorFilters = { q: '', status: '' };
  /** Actions on their way, by mentor, so a button cannot fire twice and can say what it waits for. */
  readonly #pending = new Map<string, MentorAction>();
  readonly #commitQuery = debounce((q: string) => this.setFilters({ q }), NAME_SEARCH_DEBOUNCE_MS);
  readonly list: PagedListController<AdminMentor, [MentorkitClient, MentorFilters, number, number]>;

  constructor(
    host: ReactiveControllerHost,
    options: { client: () => MentorkitClient | undefined; enabled: () => boolean; pageSize: () => number; revision: () => number },
  ) {
    this.#host = host;
    this.#client = options.client;
    this.list = new PagedListController(host, {
      args: () => {
        const client = options.client();
        // `revision` changes when an approval adds a mentor: the roster loads again.
        return client && options.enabled() ? [client, this.#filters, options.pageSize(), options.revision()] : undefined;
      },
      fetchPage: ([client, { q, status }, limit], cursor, signal) =>
        client.admin.mentors({ limit, ...(q.trim() ? { q: q.trim() } : {}), ...(status ? { status } : {}), ...(cursor ? { cursor } : {}) }, { signal }),
      key: (mentor) => mentor.person.id,
    });
    host.addController(this);
  }

  hostDisconnected(): void {
    this.#commitQuery.cancel();
  }

  get filters(): Readonly<MentorFilters> {
    return this.#filters;
  }

  setFilters(patch: Partial<MentorFilters>): void {
    this.#commitQuery.cancel();
    const next = { ...this.#filters, ...patch };
    if (next.q === this.#filters.q && next.status === this.#filters.status) return;
    this.#filters = next;
    this.#host.requestUpdate();
  }

  /** The name box's text: searched once typing pauses. */
  setQuery(q: string): void {
    this.#commitQuery(q);
  }

  /** Searches the pending text now (Enter). */
  flushQuery(): void {
    this.#commitQuery.flush();
  }

  pendingAction(mentorId: string): MentorAction | undefined {
    return this.#pending.get(mentorId);
  }

  async suspend(mentor: AdminMentor, reason: string): Promise<{ declinedRequests: number }> {
    return this.#act(mentor, 'suspend', async (client) => {
      const result = await client.admin.suspend(mentor.person.id, reason.trim());
      this.#update(mentor.person.id, { status: 'suspended', suspendedReason: reason.trim(), pendingRequests: 0 });
      return { declinedRequests: result.declinedRequests };
    });
  }

  async reactivate(mentor: AdminMentor): Promise<void> {
    return this.#act(mentor, 'reactivate', async (client) => {
      const before = this.list.find(mentor.person.id) ?? mentor;
      this.#update(mentor.person.id, { status: 'active', suspendedReason: null });
      try {
        await client.admin.reactivate(mentor.person.id);
      } catch (error) {
        // Visible rollback: the row shows "Suspended" again and the caller says why.
        this.list.replace(before);
        throw error;
      }
    });
  }

  async #act<R>(mentor: AdminMentor, kind: MentorAction, action: (client: MentorkitClient) => Promise<R>): Promise<R> {
    const client = this.#client();
    if (!client) throw new Error('Not connected to a Mentorkit server');
    const id = mentor.person.id;
    if (this.#pending.has(id)) throw new Error('An action for this mentor is already on its way');
    this.#pending.set(id, kind);
    this.#host.requestUpdate();
    try {
      return await action(client);
    } finally {
      this.#pending.delete(id);
      this.#host.requestUpdate();
    }
  }

  #update(mentorId: string, patch: Partial<AdminMentor>): void {
    const current = this.list.find(mentorId);
    if (current) this.list.replace({ ...current, ...patch });
  }
}
