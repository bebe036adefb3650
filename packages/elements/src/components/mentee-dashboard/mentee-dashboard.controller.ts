import type { Mentorship, MentorshipRequest } from '@mentorkit/contract';
import { ApiError, type MentorkitClient } from '@mentorkit/sdk';
import type { ReactiveControllerHost } from 'lit';
import { ResourceController } from '../../controllers/resource.controller.js';
import { describeError } from '../../internal/error-message.js';

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
const OPEN_STATUSES = new Set<Mentorship['status']>(['active', 'paused']);
/** Enough history for a person's whole programme; older requests stay in the API. */
const HISTORY_LIMIT = 50;

const byExpiry = (a: MentorshipRequest, b: MentorshipRequest) => a.expiresAt.localeCompare(b.expiresAt);
const newestFirst = (a: MentorshipRequest, b: MentorshipRequest) => b.createdAt.localeCompare(a.createdAt);

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

  constructor(host: ReactiveControllerHost, options: { client: () => MentorkitClient | undefined }) {
    this.#host = host;
    this.#client = options.client;
    this.#resource = new ResourceController(host, {
      args: () => {
        const client = this.#client();
        return client ? [client] : undefined;
      },
      task: async ([client], { signal }) => {
        const [pending, recent, mentorships] = await Promise.all([
          client.requests.list({ role: 'mentee', status: 'pending', limit: 100 }, { signal }),
          client.requests.list({ role: 'mentee', limit: HISTORY_LIMIT }, { signal }),
          client.mentorships.list({ role: 'mentee', limit: 100 }, { signal }),
        ]);
        return {
          pending: [...pending.items].sort(byExpiry),
          history: recent.items.filter((r) => HISTORY_STATUSES.has(r.status)).sort(newestFirst),
          mentorships: mentorships.items.filter((m) => OPEN_STATUSES.has(m.status)),
          completed: mentorships.items.filter((m) => m.status === 'completed'),
        };
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

  async withdraw(request: MentorshipRequest): Promise<WithdrawOutcome> {
    const client = this.#client();
    if (!client || this.withdrawing.has(request.id)) return { ok: false, message: 'The request is already being withdrawn.' };
    const index = this.pending.findIndex((r) => r.id === request.id);
    if (index < 0) return { ok: false, message: 'This request is no longer pending.' };

    // Optimistic: it leaves the pending list now and shows as withdrawn in the history.
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
      const message = withdrawFailure(error, request);
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
    return `The request to ${request.mentor.name} was answered or expired before it could be withdrawn.`;
  }
  return `The request to ${request.mentor.name} could not be withdrawn. ${describeError(error)}`;
}
