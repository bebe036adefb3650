import { msg, str } from '@lit/localize';
import type { Mentorship, MentorshipRequest } from '@mentorkit/contract';
import { openMentorshipStatuses, type MentorshipStatus } from '@mentorkit/contract/values';
import { ApiError, type MentorkitClient } from '@mentorkit/sdk';
import type { ReactiveControllerHost } from 'lit';
import { ResourceController } from '../../controllers/resource.controller.js';
import { describeError } from '../../internal/error-message.js';
import { inLanguageOf } from '../../internal/localization.js';

export type MenteeDashboardStatus = 'idle' | 'loading' | 'error' | 'ready';

interface MenteeData {
  pending: MentorshipRequest[];
  history: MentorshipRequest[];
  mentorships: Mentorship[];
  completed: Mentorship[];
}

/** Requests that ended without a mentorship: what the collapsed history shows. */
const HISTORY_STATUSES = new Set<MentorshipRequest['status']>(['declined', 'withdrawn', 'expired']);
/** Mentorships shown as "active" cards for now (paused ones still hold the mentor's slot). */
const OPEN_STATUSES = new Set<MentorshipStatus>(openMentorshipStatuses);
/** Enough history for a person's whole programme; older requests stay in the API. */
const HISTORY_LIMIT = 50;

const byExpiry = (a: MentorshipRequest, b: MentorshipRequest) => a.expiresAt.localeCompare(b.expiresAt);
const newestFirst = (a: MentorshipRequest, b: MentorshipRequest) => b.createdAt.localeCompare(a.createdAt);

async function loadRequests(client: MentorkitClient, signal?: AbortSignal): Promise<Pick<MenteeData, 'pending' | 'history'>> {
  const [pending, recent] = await Promise.all([
    client.requests.list({ role: 'mentee', status: 'pending', limit: 100 }, { signal }),
    client.requests.list({ role: 'mentee', limit: HISTORY_LIMIT }, { signal }),
  ]);
  return {
    pending: [...pending.items].sort(byExpiry),
    history: recent.items.filter((r) => HISTORY_STATUSES.has(r.status)).sort(newestFirst),
  };
}

async function loadMentorships(client: MentorkitClient, signal?: AbortSignal): Promise<Pick<MenteeData, 'mentorships' | 'completed'>> {
  const mentorships = await client.mentorships.list({ role: 'mentee', limit: 100 }, { signal });
  return {
    mentorships: mentorships.items.filter((m) => OPEN_STATUSES.has(m.status)),
    completed: mentorships.items.filter((m) => m.status === 'completed'),
  };
}

/**
 * The parts of the dashboard that load separately for live updates; `extras` are the cards'
 * progress, next milestone and next meeting (the element's summaries, not this controller's).
 */
export type MenteeDashboardPart = 'requests' | 'mentorships' | 'extras';

export type WithdrawOutcome = { ok: true; request: MentorshipRequest } | { ok: false; message: string };

/**
 * The headless mentee dashboard: the viewer's pending requests (soonest to expire first), the
 * history of requests that ended without a mentorship (newest first), and open mentorships.
 * Withdrawing is optimistic: the request moves to the history at once and moves back, with a
 * message in words, if the server refuses.
 */
export class MenteeDashboardController {
  readonly #host: ReactiveControllerHost;
  readonly #resource: ResourceController<MenteeData, [MentorkitClient]>;
  readonly #client: () => MentorkitClient | undefined;
  /** The client whose data is shown: a new viewer (new client) must not see the last one's. */
  #loadedFor: MentorkitClient | undefined;

  pending: MentorshipRequest[] = [];
  history: MentorshipRequest[] = [];
  mentorships: Mentorship[] = [];
  /** Completed mentorships: their workspace is read-only and offers the feedback form. */
  completed: Mentorship[] = [];
  /** Requests whose withdrawal is on its way to the server. */
  readonly withdrawing = new Set<string>();
  /** Why the last action on a request failed, shown on its card. */
  readonly failures = new Map<string, string>();
  /** Counts withdrawals begun, so a live refresh can tell it raced one. */
  #actions = 0;

  constructor(host: ReactiveControllerHost, options: { client: () => MentorkitClient | undefined }) {
    this.#host = host;
    this.#client = options.client;
    this.#resource = new ResourceController(host, {
      args: () => {
        const client = this.#client();
        return client ? [client] : undefined;
      },
      task: async ([client], { signal }) => {
        const [requests, mentorships] = await Promise.all([loadRequests(client, signal), loadMentorships(client, signal)]);
        return { ...requests, ...mentorships };
      },
      onComplete: (data, [client]) => {
        if (client !== this.#loadedFor) this.failures.clear();
        this.#loadedFor = client;
        this.pending = data.pending;
        this.history = data.history;
        this.mentorships = data.mentorships;
        this.completed = data.completed;
      },
    });
  }

  get status(): MenteeDashboardStatus {
    switch (this.#resource.status) {
      case 'initial':
        return this.#client() ? 'loading' : 'idle';
      case 'pending':
        // A reload for the same viewer keeps what is shown; a first load shows skeletons.
        return this.#loadedFor && this.#loadedFor === this.#client() ? 'ready' : 'loading';
      case 'error':
        return 'error';
      case 'complete':
        return 'ready';
    }
  }

  get error(): unknown {
    return this.#resource.error;
  }

  /** The client whose data is shown (a new viewer's client differs until their data arrives). */
  get loadedFor(): MentorkitClient | undefined {
    return this.#loadedFor;
  }

  /** Nothing to show at all: no requests in any state and no mentors. */
  get isEmpty(): boolean {
    return !this.pending.length && !this.history.length && !this.mentorships.length && !this.completed.length;
  }

  retry(): Promise<void> {
    return this.#resource.retry();
  }

  reload(): Promise<void> {
    return this.#resource.run();
  }

  /**
   * Loads only the given parts again, in place (live updates), and answers whether it applied
   * them: what is shown stays until the answer replaces it. Skipped while nothing is shown yet or
   * a full load is on its way (that brings the news too), and dropped if the viewer changed. A
   * withdrawal begun meanwhile is newer than this answer, which is then dropped (`false`: ask
   * again once `withdrawing` is empty).
   */
  async refresh(parts: ReadonlySet<MenteeDashboardPart>): Promise<boolean> {
    const client = this.#client();
    if (!client || client !== this.#loadedFor || this.#resource.status !== 'complete') return true;
    const actions = this.#actions;
    const [requests, mentorships] = await Promise.all([
      parts.has('requests') ? loadRequests(client) : undefined,
      parts.has('mentorships') ? loadMentorships(client) : undefined,
    ]);
    if (client !== this.#client() || this.#resource.status !== 'complete') return true;
    if (actions !== this.#actions || this.withdrawing.size) return false;
    if (requests) {
      this.pending = requests.pending;
      this.history = requests.history;
    }
    if (mentorships) {
      this.mentorships = mentorships.mentorships;
      this.completed = mentorships.completed;
    }
    this.#host.requestUpdate();
    return true;
  }

  async withdraw(request: MentorshipRequest): Promise<WithdrawOutcome> {
    const client = this.#client();
    if (!client || this.withdrawing.has(request.id)) return { ok: false, message: msg('The request is already being withdrawn.') };
    const index = this.pending.findIndex((r) => r.id === request.id);
    if (index < 0) return { ok: false, message: msg('This request is no longer pending.') };

    // Optimistic: it leaves the pending list now and shows as withdrawn in the history.
    this.#actions++;
    this.failures.delete(request.id);
    this.withdrawing.add(request.id);
    this.pending = this.pending.filter((r) => r.id !== request.id);
    this.history = [{ ...request, status: 'withdrawn' }, ...this.history];
    this.#host.requestUpdate();

    try {
      const updated = await client.requests.withdraw(request.id);
      this.history = this.history.map((r) => (r.id === request.id ? updated : r));
      return { ok: true, request: updated };
    } catch (error) {
      // Roll back: the request returns to where it was, with the reason on its card.
      this.history = this.history.filter((r) => r.id !== request.id);
      const pending = [...this.pending];
      pending.splice(Math.min(index, pending.length), 0, request);
      this.pending = pending;
      const message = inLanguageOf(this.#host, () => withdrawFailure(error, request));
      this.failures.set(request.id, message);
      // Answered or expired meanwhile: load the truth so it shows in its real state.
      if (error instanceof ApiError && (error.code === 'invalid_transition' || error.code === 'not_found')) void this.reload();
      return { ok: false, message };
    } finally {
      this.withdrawing.delete(request.id);
      this.#host.requestUpdate();
    }
  }
}

function withdrawFailure(error: unknown, request: MentorshipRequest): string {
  if (error instanceof ApiError && error.code === 'invalid_transition') {
    return msg(str`The request to ${request.mentor.name} was answered or expired before it could be withdrawn.`);
  }
  return `${msg(str`The request to ${request.mentor.name} could not be withdrawn.`)} ${describeError(error)}`;
}
