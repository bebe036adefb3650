import { msg, str } from '@lit/localize';
import { html, nothing, type TemplateResult } from 'lit';
import { ref } from 'lit/directives/ref.js';
import { dateLabel } from '../../internal/dates.js';
import { describeError } from '../../internal/error-message.js';
import { firstName, initials, programmeLine, roleLine, safeHttpUrl } from '../../internal/format.js';
import { heading } from '../../internal/heading.js';
import { mentorshipStatusBadge } from '../shared/status-badge.template.js';
import type { ActionsMenuController } from './actions-menu.controller.js';
import type { Lifecycle } from './workspace-actions.controller.js';
import { programmeNote } from '../shared/person.template.js';
import { isKnownTimeZone, zoneCity } from './workspace-time.js';
import { fillTo, type WorkspaceView } from './workspace-view.js';

/**
 * The one header of the workspace: the other person (the workspace's title), the status in words,
 * the progress bar and the Actions menu; once the mentorship has ended, why it is read-only instead.
 */
export function workspaceHeader(v: WorkspaceView, menu: ActionsMenuController): TemplateResult {
  const { w } = v;
  const m = w.mentorship!;
  const other = w.other!;
  const failure = w.failures.get(m.id);
  const photo = safeHttpUrl(other.avatarUrl);
  // A headline often names the role already ("Head of Analytics at Northwind"): then the programme says more.
  const roleInHeadline = other.position !== '' && other.headline.toLocaleLowerCase().includes(other.position.toLocaleLowerCase());
  const detail = w.isMentor || roleInHeadline ? programmeLine(other) : roleLine(other);
  return html`
    <div part="header card" class="card header">
      <div class="header-top">
        <div class="person">
          ${photo
            ? html`<img part="avatar" class="avatar" src=${photo} alt="" loading="lazy" />`
            : html`<span part="avatar" class="avatar" aria-hidden="true">${initials(other.name)}</span>`}
          <div class="person-text">
            ${heading(v.level(0), other.name, { id: 'workspace-person', class: 'name' })}
            ${other.headline ? html`<p class="headline">${other.headline}</p>` : nothing}
            <p class="meta">
              ${detail ? html`${detail} · ` : nothing}${w.isMentor ? msg('Your mentee since') : msg('Your mentor since')}
              <time datetime=${m.startedAt}>${dateLabel(m.startedAt, v.zone)}</time>${other.timeZone && isKnownTimeZone(other.timeZone) && other.timeZone !== v.zone
                ? html` · ${msg(str`${firstName(other.name)} is in ${zoneCity(other.timeZone)} time`)}`
                : nothing}
            </p>
            ${programmeNote(m)}
          </div>
        </div>
        <div class="header-side">
          ${mentorshipStatusBadge(m.status)} ${v.readOnly ? nothing : actionsMenu(v, menu)}
        </div>
      </div>
      ${progress(v)} ${v.readOnly ? endedNote(v) : nothing}
      ${failure ? html`<p part="action-error error" class="inline-error">${failure}</p>` : nothing}
    </div>
  `;
}

function progress(v: WorkspaceView): TemplateResult {
  const { w } = v;
  switch (w.progressStatus) {
    case 'loading':
      return html`<div class="progress" aria-hidden="true"><span class="skeleton line line--short"></span><span class="skeleton bar"></span></div>`;
    case 'error':
      return html`<div part="error" class="inline-error">
        ${msg('Progress could not be loaded.')} ${describeError(w.progressError)}
        <button part="button retry-button" class="button button--link" type="button" @click=${() => w.retryProgress()}>${msg('Retry')}</button>
      </div>`;
    case 'ready': {
      const p = w.progress!;
      const percent = p.progressPercent;
      const detail =
        p.basis === 'milestones'
          ? msg(str`${p.counts.completed} of ${p.counts.milestones} milestones complete`)
          : p.basis === 'notes'
            ? msg('from the latest progress note')
            : msg('no milestones or progress notes yet');
      return html`
        <div class="progress">
          <div class="progress-label"><span id="progress-label">${msg('Progress')}</span><span class="meta">${percent}% · ${detail}</span></div>
          <div part="progress" class="bar" role="progressbar" aria-labelledby="progress-label" aria-valuemin="0" aria-valuemax="100"
            aria-valuenow=${percent} aria-valuetext=${`${percent}%, ${detail}`}>
            <div part="progress-fill" class="bar-fill" ${ref((el) => fillTo(el, percent))}></div>
          </div>
        </div>
      `;
    }
  }
}

function actionsMenu(v: WorkspaceView, menu: ActionsMenuController): TemplateResult {
  const { w } = v;
  const m = w.mentorship!;
  const busy = w.busy.has(m.id);
  const item = (kind: Lifecycle, label: string) => html`<button part="button menu-item ${kind === 'cancel' ? 'cancel-mentorship' : kind}-button" class="menu-item" role="menuitem"
    type="button" tabindex="-1" ?disabled=${busy} @click=${(e: Event) => {
      const button = (e.currentTarget as HTMLElement).closest('.menu-wrap')?.querySelector<HTMLElement>('#actions-button');
      // Focus goes back to the menu's button first: the dialog returns it there when it closes.
      menu.close(true);
      void v.actions.open({ kind }, button);
    }}>${label}</button>`;
  return html`<div class="menu-wrap" @focusout=${menu.onFocusOut}>
    <button part="button actions-button" id="actions-button" class="button" type="button" aria-haspopup="menu" aria-controls="actions-menu"
      aria-expanded=${menu.open ? 'true' : 'false'} @click=${menu.toggle} @keydown=${menu.onButtonKeydown}>
      ${msg('Actions')} <span aria-hidden="true">▾</span>
    </button>
    <div part="actions" id="actions-menu" class="menu" role="menu" aria-labelledby="actions-button" ?hidden=${!menu.open} @keydown=${menu.onMenuKeydown}>
      ${m.status === 'active' ? item('pause', msg('Pause…')) : item('resume', msg('Resume…'))} ${item('complete', msg('Complete…'))}
      ${item('cancel', msg('Cancel mentorship…'))}
    </div>
  </div>`;
}

/**
 * Why nothing can change any more. When it ended while the workspace was open (the other party
 * completed or cancelled it), it says so as an alert: actions are gone rather than failing on click.
 */
function endedNote(v: WorkspaceView): TemplateResult {
  const { w } = v;
  const m = w.mentorship!;
  const date = m.endedAt ? dateLabel(m.endedAt, v.zone) : '';
  const completed = m.status === 'completed';
  const who = firstName(w.other!.name);
  // The server dates every ending; a mentorship without `endedAt` gets the same words without the date.
  const text =
    w.endedElsewhere && m.endedAt
      ? completed
        ? msg(str`${who} completed this mentorship on ${date}. Its meetings, plan and notes can no longer be changed; they stay here to read.`)
        : msg(str`${who} cancelled this mentorship on ${date}. Its meetings, plan and notes can no longer be changed; they stay here to read.`)
      : m.endedAt
        ? completed
          ? msg(str`This mentorship was completed on ${date}, so its meetings, plan and notes can no longer be changed. They stay here to read.`)
          : msg(str`This mentorship was cancelled on ${date}, so its meetings, plan and notes can no longer be changed. They stay here to read.`)
        : completed
          ? msg('This mentorship was completed, so its meetings, plan and notes can no longer be changed. They stay here to read.')
          : msg('This mentorship was cancelled, so its meetings, plan and notes can no longer be changed. They stay here to read.');
  return html`<div part="ended-note" class="ended-note ${w.endedElsewhere ? 'ended-note--stale' : ''}" role=${w.endedElsewhere ? 'alert' : 'note'}
    ?data-stale=${w.endedElsewhere}>
    <p>${text}</p>
    ${m.status === 'cancelled' && m.endReason ? html`<p class="meta">${msg('Reason given:')} <span class="prose">${m.endReason}</span></p>` : nothing}
  </div>`;
}
