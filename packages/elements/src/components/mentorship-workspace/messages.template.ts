import { msg } from '@lit/localize';
import type { TokenSource } from '@mentorkit/sdk';
import { html, nothing, type TemplateResult } from 'lit';
import type { ElementLoaderController } from '../../controllers/element-loader.controller.js';
import type { WorkspaceView } from './workspace-view.js';

/** The element's own wiring, handed to the thread when there is no provider around. */
export interface ThreadWiring {
  api: string;
  token: string | undefined;
  getToken: TokenSource | undefined;
  theme: 'light' | 'dark' | undefined;
}

/**
 * The Messages tab: the conversation's `<message-thread>`, its title one level below the
 * workspace's. Until the thread's code has arrived, a placeholder inside the tag says so (the
 * thread's shadow root has no slot: on upgrade the placeholder stops showing).
 */
export function messagesTab(v: WorkspaceView, wiring: ThreadWiring, loader: ElementLoaderController): TemplateResult {
  const m = v.w.mentorship!;
  if (!m.conversationId) return html`<p part="empty" class="notice">${msg('Messages are not available for this mentorship.')}</p>`;
  // Under a provider the thread finds the same client; standalone it gets this element's wiring.
  return html`<message-thread part="messages" conversation-id=${m.conversationId} heading-level=${v.level(1)} .api=${wiring.api} .token=${wiring.token}
    .getToken=${wiring.getToken} .theme=${wiring.theme}>${loader.status === 'ready' ? nothing : placeholder(loader)}</message-thread>`;
}

function placeholder(loader: ElementLoaderController): TemplateResult {
  return loader.status === 'error'
    ? html`<div part="error" class="notice notice--error" role="alert">
        <p>${msg('Messages could not be loaded. Check your connection and try again.')}</p>
        <button part="button retry-button" class="button" type="button" @click=${() => loader.load()}>${msg('Retry')}</button>
      </div>`
    : html`<p class="notice" role="status">${msg('Loading messages…')}</p>`;
}
