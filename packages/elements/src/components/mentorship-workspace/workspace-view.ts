import { msg } from '@lit/localize';
import { html, type TemplateResult } from 'lit';
import { describeError } from '../../internal/error-message.js';
import { cardSkeleton } from '../shared/person.template.js';
import type { WorkspaceActionsController } from './workspace-actions.controller.js';
import type { WorkspaceTab } from './workspace-tabs.js';
import type { WorkspaceController } from './workspace.controller.js';

/** What every part of the workspace renders from: the state, the actions and where it sits. */
export interface WorkspaceView {
  readonly w: WorkspaceController;
  readonly actions: WorkspaceActionsController;
  /** The viewer's IANA zone. */
  readonly zone: string;
  /** Completed or cancelled (here or elsewhere): nothing may change. */
  readonly readOnly: boolean;
  /** The heading level `depth` below the workspace's title. */
  level(depth: number): number;
  /** Switches tab as the viewer would (fires `mentorship-tab-change`). */
  goTo(tab: WorkspaceTab): void;
}

/** Context for a screen reader that the eye gets from the card around a button ("Edit: Résumé"). */
const hidden = (context: string) => html`<span class="visually-hidden">${context}</span>`;

/**
 * A button's label with that context, read as one ("Edit: Résumé…"): one span, so the button's
 * flex gap cannot open a space before the "…" of a label that leads to a dialog.
 */
export const labelWith = (label: string, context: string, opensDialog = false) =>
  html`<span>${label}${hidden(context)}${opensDialog ? '…' : ''}</span>`;

export function sectionError(what: string, error: unknown, retry: () => void): TemplateResult {
  return html`<div part="error" class="notice notice--error" role="alert">
    <p><strong>${what}</strong> ${describeError(error)}</p>
    <button part="button retry-button" class="button" type="button" @click=${retry}>${msg('Retry')}</button>
  </div>`;
}

export function sectionSkeleton(label: string): TemplateResult {
  return html`<div class="stack" aria-busy="true"><p class="visually-hidden">${label}</p>${cardSkeleton()}</div>`;
}

/** The progress bar's width through the CSSOM (a `style` attribute would need `'unsafe-inline'` styles). */
export function fillTo(el: Element | undefined, percent: number): void {
  if (el instanceof HTMLElement) el.style.width = `${percent}%`;
}
