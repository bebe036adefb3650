import { ContextConsumer } from '@lit/context';
import { createClient, type MentorkitClient, type TokenSource } from '@mentorkit/sdk';
import type { ReactiveControllerHost } from 'lit';
import { clientContext } from '../internal/client-context.js';
import { shareRealtime } from './realtime-hub.js';

/** An element that can be wired on its own (`api` + `token`/`getToken`) or by a provider. */
export interface ClientHost extends ReactiveControllerHost, HTMLElement {
  api: string;
  token: string | undefined;
  getToken: TokenSource | undefined;
}

/**
 * Resolves the SDK client for an element: its own, built from its `api` attribute and token,
 * or else the one the nearest `<mentorship-provider>` provides. A new token or provider client
 * yields a new client object, which is what tells dependent resources to load again (the
 * viewer may have changed). An element's own client shares one live stream among its
 * controllers, as a provider's does among its elements.
 */
export class ClientController {
  readonly #host: ClientHost;
  readonly #provided: ContextConsumer<typeof clientContext, ClientHost>;
  #own: { api: string; token: string | undefined; getToken: TokenSource | undefined; client: MentorkitClient } | undefined;

  constructor(host: ClientHost) {
    this.#host = host;
    this.#provided = new ContextConsumer(host, { context: clientContext, subscribe: true });
  }

  get client(): MentorkitClient | undefined {
    const { api, token, getToken } = this.#host;
    if (!api) return this.#provided.value;
    const own = this.#own;
    if (own && own.api === api && own.token === token && own.getToken === getToken) return own.client;
    const client = shareRealtime(createClient({ baseUrl: api, token, getToken }));
    this.#own = { api, token, getToken, client };
    return client;
  }
}
