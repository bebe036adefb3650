import type { Me, Role } from '@mentorkit/contract';
import type { MentorkitClient } from '@mentorkit/sdk';
import type { ReactiveController, ReactiveControllerHost } from 'lit';

/**
 * Who is signed in (`GET /me`), asked once per client: every element under one provider shares
 * its client and so this one answer (the user's language comes from it too). A new client (a new
 * token, maybe a new viewer) asks again; a failed answer is forgotten, so a retry asks again.
 */
const byClient = new WeakMap<MentorkitClient, Promise<Me>>();

export function viewerOf(client: MentorkitClient): Promise<Me> {
  let found = byClient.get(client);
  if (!found) {
    found = client.me.get();
    byClient.set(client, found);
    found.catch(() => {
      if (byClient.get(client) === found) byClient.delete(client);
    });
  }
  return found;
}

export type ViewerStatus = 'idle' | 'loading' | 'ready' | 'error';

/**
 * The viewer's roles for an element that must not ask the server for what the role cannot have
 * (an admin area for a non-admin, a mentor's settings for a mentee). Follows the element's client.
 */
export class ViewerController implements ReactiveController {
  readonly #host: ReactiveControllerHost;
  readonly #client: () => MentorkitClient | undefined;
  #for: MentorkitClient | undefined;

  status: ViewerStatus = 'idle';
  me: Me | undefined = undefined;
  error: unknown = undefined;

  constructor(host: ReactiveControllerHost, options: { client: () => MentorkitClient | undefined }) {
    this.#host = host;
    this.#client = options.client;
    host.addController(this);
  }

  /** Whether the viewer has `role`; false until known. */
  has(role: Role): boolean {
    return this.me?.roles.includes(role) ?? false;
  }

  hostConnected(): void {
    this.#follow();
  }

  hostUpdate(): void {
    this.#follow();
  }

  /** Asks again after an error. */
  retry(): void {
    const client = this.#for;
    this.#for = undefined;
    if (client) this.#load(client);
  }

  #follow(): void {
    const client = this.#client();
    if (client === this.#for) return;
    if (!client) {
      this.#for = undefined;
      this.status = 'idle';
      this.me = undefined;
      return;
    }
    this.#load(client);
  }

  #load(client: MentorkitClient): void {
    this.#for = client;
    this.status = 'loading';
    this.me = undefined;
    this.error = undefined;
    viewerOf(client).then(
      (me) => {
        if (this.#for !== client) return;
        this.me = me;
        this.status = 'ready';
        this.#host.requestUpdate();
      },
      (error: unknown) => {
        if (this.#for !== client) return;
        this.error = error;
        this.status = 'error';
        this.#host.requestUpdate();
      },
    );
  }
}
