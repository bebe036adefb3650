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

interface OwnClient {
  api: string;
  token: string | undefined;
  getToken: TokenSource | undefined;
  client: MentorkitClient;
}

/**
 * The client last made for each API base. Elements wired alike share it, and with it one live
 * stream: a standalone dashboard passes its `api` and token to the workspace it opens, which
 * passes them to its message thread, and the server allows a user only a few sockets. Only the
 * latest wiring per base is kept, so a rotated token leaves nothing behind.
 */
const latest = new Map<string, OwnClient>();

const sameWiring = (a: OwnClient | undefined, api: string, token: string | undefined, getToken: TokenSource | undefined): a is OwnClient =>
  !!a && a.api === api && a.token === token && a.getToken === getToken;

/**
 * Resolves the SDK client for an element: its own, built from its `api` attribute and token,
 * or else the one the nearest `<mentorship-provider>` provides. A new token or provider client
 * yields a new client object, which is what tells dependent resources to load again (the
 * viewer may have changed). An element's own client shares one live stream among its
 * controllers and with elements wired alike, as a provider's does among its elements.
 */
export class ClientController {
  readonly #host: ClientHost;
  readonly #provided: ContextConsumer<typeof clientContext, ClientHost>;
  #own: OwnClient | undefined;

  constructor(host: ClientHost) {
    this.#host = host;
    this.#provided = new ContextConsumer(host, { context: clientContext, subscribe: true });
  }

  get client(): MentorkitClient | undefined {
    const { api, token, getToken } = this.#host;
    if (!api) return this.#provided.value;
    if (sameWiring(this.#own, api, token, getToken)) return this.#own.client;
    const found = latest.get(api);
    this.#own = sameWiring(found, api, token, getToken)
      ? found
      : { api, token, getToken, client: shareRealtime(createClient({ baseUrl: api, token, getToken })) };
    latest.set(api, this.#own);
    return this.#own.client;
  }
}
