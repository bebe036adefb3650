import { msg, str } from '@lit/localize';
import type { Mentorship } from '@mentorkit/contract';
import type { TokenSource } from '@mentorkit/sdk';
import { html, nothing, type TemplateResult } from 'lit';
import type { WorkspaceLoaderController, WorkspaceLoadStatus } from './workspace-loader.controller.js';

export interface WorkspaceWiring {
  /** The dashboard's own wiring; empty `api` means "use the surrounding provider". */
  api: string;
  token: string | undefined;
  getToken: TokenSource | undefined;
  theme: 'light' | 'dark' | undefined;
}

/**
 * The "Open workspace" disclosure under a mentorship card and, when open, the workspace itself
 * inline (a region named after the other person). `onUpdated` runs after a lifecycle change in the
 * workspace (the dashboard reloads, e.g. to move a completed mentorship to its section).
 * Opening starts loading the workspace's code (`loader`); until the tag is defined, a placeholder
 * inside it says so.
 */
export function workspaceDisclosure(
  mentorship: Mentorship,
  otherName: string,
  open: boolean,
  wiring: WorkspaceWiring,
  handlers: { toggle: (mentorship: Mentorship) => void; updated: () => void },
  loader: WorkspaceLoaderController,
): TemplateResult {
  const panelId = `workspace-${mentorship.id}`;
  const ended = mentorship.status === 'completed' || mentorship.status === 'cancelled';
  const label = open ? msg('Close workspace') : ended && mentorship.status === 'completed' ? msg('Open workspace and feedback') : msg('Open workspace');
  return html`
    <div class="actions">
      <button part="button workspace-button" class="button" type="button" aria-expanded=${open ? 'true' : 'false'} aria-controls=${panelId}
        data-workspace-for=${mentorship.id} @click=${() => {
          if (!open) loader.load();
          handlers.toggle(mentorship);
        }}>
        ${label}<span class="visually-hidden">: ${otherName}</span>
      </button>
    </div>
    <div id=${panelId} part="workspace-panel" role="region" aria-label=${msg(str`Workspace with ${otherName}`)} ?hidden=${!open}
      aria-busy=${open && loader.status === 'loading' ? 'true' : nothing}>
      ${open
        ? html`<mentorship-workspace part="workspace" mentorship-id=${mentorship.id} .api=${wiring.api} .token=${wiring.token} .getToken=${wiring.getToken}
            .theme=${wiring.theme} @mentorship-updated=${(e: CustomEvent<{ action: string }>) => {
              if (e.detail.action !== 'timeline') handlers.updated();
            }}>${loader.status === 'ready' ? nothing : workspacePlaceholder(loader.status, () => loader.load())}</mentorship-workspace>`
        : nothing}
    </div>
  `;
}

/**
 * Light DOM of the not-yet-defined `<mentorship-workspace>`: the workspace's shadow root has no
 * slot, so on upgrade the placeholder stops rendering at once, and the next update removes it.
 */
function workspacePlaceholder(status: WorkspaceLoadStatus, retry: () => void): TemplateResult {
  return status === 'error'
    ? html`<div part="error workspace-error" class="notice notice--error" role="alert">
        <p>${msg('The workspace could not be loaded. Check your connection and try again.')}</p>
        <button part="button retry-button" class="button" type="button" @click=${retry}>${msg('Retry')}</button>
      </div>`
    : html`<p part="workspace-loading" class="notice" role="status">${msg('Loading the workspace…')}</p>`;
}
