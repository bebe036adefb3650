import { msg } from '@lit/localize';
import type { TokenSource } from '@mentorkit/sdk';
import { html, nothing, type TemplateResult } from 'lit';
import type { ElementLoaderController, ElementLoadStatus } from '../../controllers/element-loader.controller.js';

export interface WorkspaceWiring {
  /** The dashboard's own wiring; empty `api` means "use the surrounding provider". */
  api: string;
  token: string | undefined;
  getToken: TokenSource | undefined;
  theme: 'light' | 'dark' | undefined;
}

export interface WorkspaceHandlers {
  /** The person chose another tab. */
  tabChanged: (tab: string) => void;
  /** A lifecycle change (pause, complete…) in the workspace: the dashboard's lists are stale. */
  updated: () => void;
}

/**
 * One mentorship's `<mentorship-workspace>` as a dashboard's detail view, on `tab`, its title at
 * `headingLevel`. Opening starts loading the workspace's code (`loader`); until the tag is
 * defined, a placeholder inside it says so.
 */
export function workspaceView(
  view: { mentorshipId: string; tab: string; headingLevel: number },
  wiring: WorkspaceWiring,
  handlers: WorkspaceHandlers,
  loader: ElementLoaderController,
): TemplateResult {
  return html`<mentorship-workspace part="workspace" mentorship-id=${view.mentorshipId} tab=${view.tab} heading-level=${view.headingLevel}
    aria-busy=${loader.status === 'loading' ? 'true' : nothing}
    .api=${wiring.api} .token=${wiring.token} .getToken=${wiring.getToken} .theme=${wiring.theme}
    @mentorship-tab-change=${(e: CustomEvent<{ tab: string }>) => handlers.tabChanged(e.detail.tab)}
    @mentorship-updated=${(e: CustomEvent<{ action: string }>) => {
      if (e.detail.action !== 'timeline') handlers.updated();
    }}>${loader.status === 'ready' ? nothing : workspacePlaceholder(loader.status, () => loader.load())}</mentorship-workspace>`;
}

/**
 * Light DOM of the not-yet-defined `<mentorship-workspace>`: the workspace's shadow root has no
 * slot, so on upgrade the placeholder stops rendering at once, and the next update removes it.
 */
function workspacePlaceholder(status: ElementLoadStatus, retry: () => void): TemplateResult {
  return status === 'error'
    ? html`<div part="error workspace-error" class="notice notice--error" role="alert">
        <p>${msg('The workspace could not be loaded. Check your connection and try again.')}</p>
        <button part="button retry-button" class="button" type="button" @click=${retry}>${msg('Retry')}</button>
      </div>`
    : html`<p part="workspace-loading" class="notice" role="status">${msg('Loading the workspace…')}</p>`;
}
