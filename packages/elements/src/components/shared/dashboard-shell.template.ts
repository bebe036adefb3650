import { msg } from '@lit/localize';
import { html, type TemplateResult } from 'lit';
import { heading } from '../../internal/heading.js';
import { describeError } from '../../internal/error-message.js';
import { workspaceView, type WorkspaceHandlers, type WorkspaceWiring } from '../mentorship-workspace/workspace-panel.template.js';
import type { DashboardShellController } from './dashboard-shell.controller.js';
import { sectionSkeleton } from './mentorship-card.template.js';

/** The states before a dashboard's lists are there. */
export const shellStates = {
  /** No `api` and no provider. */
  notConnected: (name: string): TemplateResult => html`<div part="error" class="notice">
    <p>${msg(html`The ${name} is not connected. Give it an <code>api</code> attribute or place it inside <code>&lt;mentorship-provider&gt;</code>.`)}</p>
  </div>`,

  /** Skeletons in the shape of the content, with the words for screen readers. */
  loading: (label: string, shape: TemplateResult = html``): TemplateResult => html`<div class="stack" aria-busy="true">
    <p class="visually-hidden">${label}</p>
    ${shape}
    <div class="columns">${sectionSkeleton(2)} ${sectionSkeleton(1)}</div>
  </div>`,

  /** Loading failed: why, in words, and Retry. */
  error: (what: string, error: unknown, retry: () => void): TemplateResult => html`<div part="error" class="notice notice--error" role="alert">
    <p><strong>${what}</strong> ${describeError(error)}</p>
    <button part="button retry-button" class="button" type="button" @click=${retry}>${msg('Retry')}</button>
  </div>`,
};

export interface DetailOptions {
  /** "Back to my mentees" / "Back to my mentoring". */
  backLabel: string;
  /** The workspace's title level (the dashboard's own title level). */
  headingLevel: number;
  wiring: WorkspaceWiring;
  /** A lifecycle change in the workspace: reload the lists. */
  updated: WorkspaceHandlers['updated'];
}

/**
 * The dashboard's content when a mentorship is open: the way back, then that mentorship's
 * workspace (or the deep link's "checking" and "not found" states). Nothing else of the
 * dashboard shows.
 */
export function detailView(shell: DashboardShellController, options: DetailOptions): TemplateResult {
  const view = shell.view;
  const back = html`<div class="detail-bar">
    <button part="button back-button" class="button button--link back-button" type="button" @click=${() => shell.back()}>
      <span aria-hidden="true">←</span> ${options.backLabel}
    </button>
  </div>`;
  switch (view.kind) {
    case 'detail':
      return html`<div part="detail" class="detail">
        ${back}
        ${workspaceView({ mentorshipId: view.mentorship.id, tab: view.tab, headingLevel: options.headingLevel }, options.wiring,
          { tabChanged: (tab) => shell.tabChanged(tab), updated: options.updated }, shell.loader)}
      </div>`;
    case 'checking':
      return html`<div part="detail" class="detail" aria-busy="true">
        ${back}
        <p part="workspace-loading" class="notice" role="status">${msg('Loading the workspace…')}</p>
      </div>`;
    case 'not-found':
      return html`<div part="detail" class="detail">
        ${back}
        <div part="not-found" class="notice">
          ${heading(options.headingLevel, msg('This mentorship was not found or is not yours'), { class: 'notice-title' })}
          <p>${msg('The link may be old, or meant for someone else. Your own mentorships are in the list.')}</p>
        </div>
      </div>`;
    case 'list':
      return html``;
  }
}

/**
 * Everything inside a dashboard's base wrapper: its announcer, then either the open mentorship
 * (the way back and its workspace) or the dashboard's own lists, and the toasts of its actions.
 */
export function dashboardContent(shell: DashboardShellController, detail: DetailOptions, lists: () => TemplateResult): TemplateResult {
  return html`${shell.announcer.render()} ${shell.view.kind === 'list' ? lists() : detailView(shell, detail)} ${shell.toast.render()}`;
}
