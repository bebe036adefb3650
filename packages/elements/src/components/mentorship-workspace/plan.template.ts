import { msg, str } from '@lit/localize';
import type { Milestone } from '@mentorkit/contract';
import { milestoneTransitions } from '@mentorkit/contract/values';
import { html, nothing, type TemplateResult } from 'lit';
import { repeat } from 'lit/directives/repeat.js';
import { calendarDateLabel } from '../../internal/dates.js';
import { heading } from '../../internal/heading.js';
import { milestoneStatusBadge } from '../shared/status-badge.template.js';
import { milestoneMoveLabels } from './workspace-labels.js';
import { labelWith, sectionError, sectionSkeleton, type WorkspaceView } from './workspace-view.js';

/** The Plan tab: the target date and the milestones; the mentor's plan changes open dialogs. */
export function planTab(v: WorkspaceView): TemplateResult {
  const { w, actions } = v;
  if (w.progressStatus === 'loading') return sectionSkeleton(msg('Loading the plan…'));
  if (w.progressStatus === 'error') return sectionError(msg('The plan could not be loaded.'), w.progressError, () => void w.retryProgress());
  const m = w.mentorship!;
  const editable = w.isMentor && !v.readOnly;
  const milestones = w.milestones;
  return html`
    <p class="meta" data-target-date>
      ${m.targetEndDate ? html`${msg('Target end date:')} <strong>${calendarDateLabel(m.targetEndDate)}</strong>` : msg('No target end date yet.')}
      ${w.isMentor ? nothing : ` ${msg('Your mentor sets the plan; you can both update the status of each milestone.')}`}
    </p>
    ${editable
      ? html`<div class="toolbar">
          <button part="button add-milestone-button" id="plan-add-milestone" class="button button--primary" type="button"
            @click=${(e: Event) => void actions.open({ kind: 'milestone-add' }, e.currentTarget)}>${msg('Add a milestone')}</button>
          <button part="button timeline-button" id="plan-timeline" class="button" type="button" @click=${(e: Event) => void actions.open({ kind: 'timeline' }, e.currentTarget)}>
            ${m.targetEndDate ? msg('Change target date') : milestones.length ? msg('Set target date') : msg('Set target date or template')}
          </button>
        </div>`
      : nothing}
    ${milestones.length
      ? html`<ol class="list" aria-label=${msg('Milestones')}>
          ${repeat(milestones, (ms) => ms.id, (ms, i) => html`<li>${milestoneCard(v, ms, i, milestones.length)}</li>`)}
        </ol>`
      : html`<p part="empty" class="notice">
          ${v.readOnly
            ? msg('This mentorship had no milestones.')
            : w.isMentor
              ? msg('No milestones yet. Start from a template or add the first milestone.')
              : msg('No milestones yet. Your mentor sets the plan; suggest milestones in a progress note.')}
        </p>`}
  `;
}

function milestoneCard(v: WorkspaceView, ms: Milestone, index: number, count: number): TemplateResult {
  const { w, actions } = v;
  const busy = w.busy.has(ms.id);
  const failure = w.failures.get(ms.id);
  const headingId = `milestone-${ms.id}-title`;
  return html`
    <article part="card milestone" class="card" aria-labelledby=${headingId} data-milestone-id=${ms.id} aria-busy=${busy ? 'true' : 'false'}>
      <div class="item-head">${heading(v.level(1), ms.title, { id: headingId, class: 'item-title' })} ${milestoneStatusBadge(ms.status)}</div>
      ${ms.dueDate
        ? html`<p class="meta">
            ${msg(str`Due ${calendarDateLabel(ms.dueDate)}`)}${ms.overdue && ms.status !== 'completed' ? html` · <span part="overdue" class="overdue">${msg('Overdue')}</span>` : nothing}
          </p>`
        : nothing}
      ${ms.description ? html`<p class="prose">${ms.description}</p>` : nothing}
      ${failure ? html`<p part="action-error error" class="inline-error">${failure}</p>` : nothing}
      ${v.readOnly
        ? nothing
        : html`<div class="actions">
            ${milestoneTransitions[ms.status].map(
              (to) => html`<button part="button status-button" class="button button--small" type="button" ?disabled=${busy}
                @click=${() => void actions.setStatus(ms, to)}>${labelWith(milestoneMoveLabels[to], `: ${ms.title}`)}</button>`,
            )}
            ${w.isMentor
              ? html`
                  <button part="button move-button" class="button button--small" type="button" data-move="up" ?disabled=${index === 0}
                    @click=${() => void actions.move(ms, 'up')}><span aria-hidden="true">↑</span> ${labelWith(msg('Move up'), `: ${ms.title}`)}</button>
                  <button part="button move-button" class="button button--small" type="button" data-move="down" ?disabled=${index === count - 1}
                    @click=${() => void actions.move(ms, 'down')}><span aria-hidden="true">↓</span> ${labelWith(msg('Move down'), `: ${ms.title}`)}</button>
                  <button part="button" class="button button--small" type="button" ?disabled=${busy}
                    @click=${(e: Event) => void actions.open({ kind: 'milestone-edit', milestone: ms }, e.currentTarget)}>${labelWith(msg('Edit'), `: ${ms.title}`, true)}</button>
                  <button part="button" class="button button--small" type="button" ?disabled=${busy}
                    @click=${(e: Event) => void actions.open({ kind: 'milestone-delete', milestone: ms }, e.currentTarget)}>${labelWith(msg('Delete'), `: ${ms.title}`, true)}</button>
                `
              : nothing}
          </div>`}
    </article>
  `;
}
