import { msg, str } from '@lit/localize';
import { html, nothing, type TemplateResult } from 'lit';

import { WORKSPACE_TABS, type WorkspaceTab } from '../../internal/workspace-tab.js';

export { isWorkspaceTab, type WorkspaceTab } from '../../internal/workspace-tab.js';

/** Tab labels, read when rendered (in the rendering element's language). */
export const tabLabels: Record<WorkspaceTab, string> = {
  get overview() { return msg('Overview'); },
  get meetings() { return msg('Meetings'); },
  get plan() { return msg('Plan'); },
  get messages() { return msg('Messages'); },
  get notes() { return msg('Notes'); },
};

/**
 * The tab a key moves to from `current` (ARIA tabs pattern: arrows wrap, Home and End jump), or
 * undefined for any other key (Tab then leaves the tablist as usual).
 */
export function tabForKey(key: string, current: WorkspaceTab): WorkspaceTab | undefined {
  const i = WORKSPACE_TABS.indexOf(current);
  const n = WORKSPACE_TABS.length;
  switch (key) {
    case 'ArrowRight':
      return WORKSPACE_TABS[(i + 1) % n];
    case 'ArrowLeft':
      return WORKSPACE_TABS[(i - 1 + n) % n];
    case 'Home':
      return WORKSPACE_TABS[0];
    case 'End':
      return WORKSPACE_TABS[n - 1];
    default:
      return undefined;
  }
}

/**
 * The tab strip: one tab per section with a roving tabindex (only the selected tab is in the Tab
 * order). The Messages tab carries the unread count, read out as words.
 */
export function tabStrip(selected: WorkspaceTab, unread: number, handlers: { select: (tab: WorkspaceTab) => void; keydown: (e: KeyboardEvent) => void }): TemplateResult {
  return html`<div part="tabs" class="tabs" role="tablist" aria-label=${msg('Workspace sections')} @keydown=${handlers.keydown}>
    ${WORKSPACE_TABS.map(
      (tab) => html`<button part="tab${tab === selected ? ' tab-selected' : ''}" class="tab" role="tab" id="tab-${tab}" type="button" aria-controls="panel-${tab}"
        aria-selected=${tab === selected ? 'true' : 'false'} tabindex=${tab === selected ? 0 : -1} @click=${() => handlers.select(tab)}>
        ${tabLabels[tab]}${tab === 'messages' && unread > 0
          ? html`<span part="badge unread-badge" class="badge badge--unread tab-count" aria-hidden="true">${unread}</span><span class="visually-hidden">${msg(str`, ${unread} unread`)}</span>`
          : nothing}
      </button>`,
    )}
  </div>`;
}

/** One tab's panel; only the selected one shows (the others stay in the DOM, hidden). */
export function tabPanel(tab: WorkspaceTab, selected: WorkspaceTab, content: unknown): TemplateResult {
  return html`<section part="section ${tab}-section" class="panel" role="tabpanel" id="panel-${tab}" aria-labelledby="tab-${tab}" tabindex="0"
    ?hidden=${tab !== selected}>${content}</section>`;
}
