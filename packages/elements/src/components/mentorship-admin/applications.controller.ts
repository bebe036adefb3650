import type { MentorApplication } from '@mentorkit/contract';
import { canTransition, applicationTransitions, type ApplicationStatus } from '@mentorkit/contract/values';
import type { MentorkitClient } from '@mentorkit/sdk';
import type { ReactiveControllerHost } from 'lit';
import { PagedListController } from '../../controllers/paged-list.controller.js';

/** What an admin can decide about a pending application, as the status it leads to. */
export type ApplicationDecision = Exclude<ApplicationStatus, 'pending'>;

/** Whether the application's current status allows this decision (the contract's state machine). */
export const canDecide = (application: MentorApplication, decision: ApplicationDecision) =>
  canTransition(applicationTransitions, application.status, decision);

/** Reject and request-changes must tell the applicant why; approving may stay silent. */
export const notesRequired = (decision: ApplicationDecision) => decision !== 'approved';

/**
 * The headless review queue: one status at a time, oldest first (the server's order, so whoever
 * waited longest is answered first), paged by cursor, and the three decisions.
 */
export class ApplicationsController {
  readonly #host: ReactiveControllerHost;
  readonly #client: () => MentorkitClient | undefined;
  #status: ApplicationStatus = 'pending';
  readonly list: PagedListController<MentorApplication, [MentorkitClient, ApplicationStatus, number]>;

  constructor(
    host: ReactiveControllerHost,
    options: { client: () => MentorkitClient | undefined; enabled: () => boolean; pageSize: () => number },
  ) {
    this.#host = host;
    this.#client = options.client;
    this.list = new PagedListController(host, {
      args: () => {
        const client = options.client();
        return client && options.enabled() ? [client, this.#status, options.pageSize()] : undefined;
      },
      fetchPage: ([client, status, limit], cursor, signal) => client.admin.applications({ status, limit, ...(cursor ? { cursor } : {}) }, { signal }),
      key: (application) => application.id,
    });
  }

  get status(): ApplicationStatus {
    return this.#status;
  }

  set status(status: ApplicationStatus) {
    if (status === this.#status) return;
    this.#status = status;
    this.#host.requestUpdate();
  }

  /**
   * Sends a decision. On success the application leaves the list (only pending applications
   * can be decided, and a decided one no longer matches the filter) and the updated application
   * is returned; on failure the list is left as it was and the error is thrown for the caller.
   */
  async decide(application: MentorApplication, decision: ApplicationDecision, notes: string): Promise<MentorApplication> {
    const client = this.#client();
    if (!client) throw new Error('Not connected to a Mentorkit server');
    const trimmed = notes.trim();
    const updated =
      decision === 'approved'
        ? await client.admin.approve(application.id, trimmed)
        : decision === 'rejected'
          ? await client.admin.reject(application.id, trimmed)
          : await client.admin.requestChanges(application.id, trimmed);
    this.list.remove(updated.id);
    return updated;
  }
}
